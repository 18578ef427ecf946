import type { FailureTable } from "~/lib/failures";
import type { ChangeReportStatusError, SubmitFakeReportError } from "./fake-reports.server";

/** The expected failures of the fake-diploma reports: HTTP status and message key. */
export const REPORT_FAILURES = {
  rate_limited: { status: 429, message: "reports.error.rate_limited" },
  not_found: { status: 404, message: "reports.error.not_found" },
  not_allowed: { status: 409, message: "reports.error.not_allowed" },
} as const satisfies FailureTable<SubmitFakeReportError | ChangeReportStatusError>;
