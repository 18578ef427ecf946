import type { FailureTable } from "~/lib/failures";
import type { MarkKeyCompromisedError } from "./mark-key-compromised.server";
import type { RotateSchoolKeyError } from "./rotate-school-key.server";

/** The expected failures of the keys use-cases (rotate, report compromised): HTTP status and message key. */
export const KEY_FAILURES = {
  not_found: { status: 404, message: "keys.error.not_found" },
  not_accredited: { status: 409, message: "keys.error.not_accredited" },
  already_compromised: { status: 409, message: "keys.error.already_compromised" },
  reason_required: { status: 400, message: "keys.error.reason_required" },
  reason_too_long: { status: 400, message: "keys.error.reason_too_long" },
  compromised_from_in_future: { status: 400, message: "keys.error.compromised_from_in_future" },
} as const satisfies FailureTable<RotateSchoolKeyError | MarkKeyCompromisedError>;
