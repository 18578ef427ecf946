import type { FailureTable } from "~/lib/failures";
import type { SigningOriginProblem } from "~/lib/public-origin";
import type { ReturnBatchError } from "~/modules/drafts/withdraw-batch.server";
import type { ChangeDiplomaStatusError } from "./change-diploma-status.server";
import type { ClaimDiplomaError } from "./claim-diploma.server";
import type { SignBatchError } from "./sign-batch.server";
import type { StartCorrectionError } from "./start-correction.server";

/**
 * The signed-diploma use-cases' failures, per use-case: HTTP status and message key (app/lib/i18n/messages/diplomas).
 * One code may read differently in two use-cases ("not_found" is a batch when signing, a diploma when changing its
 * status). The draft and batch use-cases have theirs in app/modules/drafts/failures.ts. Type-only imports: safe for
 * the browser.
 */
export const DIPLOMA_FAILURES = {
  sign: {
    not_found: { status: 404, message: "issued.sign.error.not_found" },
    not_submitted: { status: 409, message: "issued.sign.error.not_submitted" },
    same_person: { status: 403, message: "issued.sign.error.same_person" },
    empty: { status: 409, message: "issued.sign.error.empty" },
    school_not_accredited: { status: 409, message: "issued.sign.error.school_not_accredited" },
    no_active_key: { status: 409, message: "issued.sign.error.no_active_key" },
    key_unreadable: { status: 500, message: "issued.sign.error.key_unreadable" },
  } satisfies FailureTable<SignBatchError>,
  /** Checked by the sign route before signBatch: the deployment's PUBLIC_ORIGIN cannot be signed into diplomas. */
  signOrigin: {
    loopback_origin: { status: 503, message: "issued.sign.error.loopback_origin" },
  } satisfies FailureTable<SigningOriginProblem>,
  return: {
    not_found: { status: 404, message: "issued.sign.error.not_found" },
    not_submitted: { status: 409, message: "issued.sign.error.not_submitted" },
    reason_required: { status: 400, message: "issued.return.reasonRequired" },
  } satisfies FailureTable<ReturnBatchError>,
  status: {
    not_found: { status: 404, message: "issued.status.error.not_found" },
    not_allowed: { status: 409, message: "issued.status.error.not_allowed" },
    reason_required: { status: 400, message: "issued.status.validation.reasonRequired" },
    no_active_key: { status: 409, message: "issued.sign.error.no_active_key" },
    key_unreadable: { status: 500, message: "issued.sign.error.key_unreadable" },
  } satisfies FailureTable<ChangeDiplomaStatusError>,
  correction: {
    not_found: { status: 404, message: "issued.status.error.not_found" },
    not_allowed: { status: 409, message: "issued.correction.error.not_allowed" },
    already_started: { status: 409, message: "issued.correction.error.already_started" },
    personal_id_unreadable: { status: 500, message: "issued.correction.error.personal_id_unreadable" },
    reason_required: { status: 400, message: "issued.correction.reasonRequired" },
  } satisfies FailureTable<StartCorrectionError>,
  claim: {
    no_match: { status: 400, message: "issued.claim.error.no_match" },
    claimed_by_other: { status: 409, message: "issued.claim.error.claimed_by_other" },
    rate_limited: { status: 429, message: "issued.claim.error.rate_limited" },
    superseded: { status: 400, message: "issued.claim.error.superseded" },
  } satisfies FailureTable<ClaimDiplomaError>,
} as const;
