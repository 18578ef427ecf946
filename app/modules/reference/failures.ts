import type { Failure, FailureTable } from "~/lib/failures";

/**
 * The expected failures of the reference use-cases: HTTP status and the form's message. The code-rule failures
 * (code_length, level_mismatch…) are all "invalid": their field errors say which rule.
 */
export const REFERENCE_FAILURES = {
  not_found: { status: 404, message: "reference.error.notFound" },
  code_taken: { status: 409, message: "form.errorSummary" },
  already_linked: { status: 409, message: "form.errorSummary" },
  invalid: { status: 400, message: "form.errorSummary" },
} as const satisfies FailureTable<"not_found" | "code_taken" | "already_linked" | "invalid">;

/** The failure of a reference use-case's code (a code of its own rules is "invalid"). */
export function referenceFailure(code: string): Failure {
  return code === "not_found" || code === "code_taken" || code === "already_linked"
    ? REFERENCE_FAILURES[code]
    : REFERENCE_FAILURES.invalid;
}
