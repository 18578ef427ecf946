import type { FailureTable } from "~/lib/failures";
import type { SigningOriginProblem } from "~/lib/public-origin";
import type { SignDocumentError } from "~/modules/cases/sign-document.server";

/** Why a statistics report could not be signed: HTTP status and message key. */
export const CASE_STATS_FAILURES = {
  no_active_key: { status: 409, message: "case-stats.error.no_active_key" },
  key_unreadable: { status: 500, message: "case-stats.error.key_unreadable" },
  organisation_not_found: { status: 404, message: "case-stats.error.organisation_not_found" },
  loopback_origin: { status: 409, message: "case-stats.error.loopback_origin" },
} as const satisfies FailureTable<SignDocumentError | SigningOriginProblem>;

export type CaseStatsNotice = keyof typeof CASE_STATS_FAILURES;
