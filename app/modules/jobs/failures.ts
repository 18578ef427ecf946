import type { FailureTable } from "~/lib/failures";
import type { ChangeJobStatusError } from "./change-job-status.server";

/** The expected failures of the job-posting use-cases: HTTP status and message key. */
export const JOB_FAILURES = {
  not_found: { status: 404, message: "jobs.error.not_found" },
  employer_pending: { status: 409, message: "jobs.error.employer_pending" },
  deadline_past: { status: 409, message: "jobs.error.deadline_past" },
  not_allowed: { status: 409, message: "jobs.error.not_allowed" },
} as const satisfies FailureTable<ChangeJobStatusError>;
