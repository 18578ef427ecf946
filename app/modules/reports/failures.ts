import type { FailureTable } from "~/lib/failures";
import { CASE_FAILURES } from "~/modules/cases/failures";
import type { ResolveFakeReportError, SubmitFakeReportError } from "./fake-reports.server";

/** The expected failures of the fake-diploma reports: HTTP status and message key (the core's, and the signing's). */
export const REPORT_FAILURES = {
  ...CASE_FAILURES,
  rate_limited: { status: 429, message: "reports.error.rate_limited" },
  not_a_fake_report: { status: 404, message: "cases.error.not_found" },
  no_active_key: { status: 409, message: "reports.error.no_key" },
  key_unreadable: { status: 503, message: "reports.error.no_key" },
  organisation_not_found: { status: 404, message: "cases.error.not_found" },
} as const satisfies FailureTable<SubmitFakeReportError | ResolveFakeReportError>;
