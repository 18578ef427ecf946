import type { FailureTable } from "~/lib/failures";

/** The expected failures of programme requests: HTTP status and the message the user reads. */
export type ProgrammeRequestFailure = "programme_exists" | "programme_missing" | "not_found";

export const PROGRAMME_REQUEST_FAILURES = {
  programme_exists: { status: 409, message: "programmeRequests.error.programme_exists" },
  programme_missing: { status: 409, message: "programmeRequests.error.programme_missing" },
  not_found: { status: 404, message: "programmeRequests.error.not_found" },
} as const satisfies FailureTable<ProgrammeRequestFailure>;
