import type { ChangeDiplomaStatusError } from "./change-diploma-status.server";
import type { ClaimDiplomaError } from "./claim-diploma.server";
import type { SignBatchError } from "./sign-batch.server";
import type { StartCorrectionError } from "./start-correction.server";
import type { ReturnBatchError } from "~/modules/drafts/withdraw-batch.server";

/**
 * The expected failures of the signed-diploma use-cases: one table of HTTP statuses and Vietnamese/English
 * messages (i18n keys in app/lib/i18n/messages/diplomas), per use-case. Type-only imports: safe for the browser.
 */
type Failure = { status: number; message: string };

const SIGN: Record<SignBatchError, Failure> = {
  not_found: { status: 404, message: "issued.sign.error.not_found" },
  not_submitted: { status: 409, message: "issued.sign.error.not_submitted" },
  same_person: { status: 403, message: "issued.sign.error.same_person" },
  empty: { status: 409, message: "issued.sign.error.empty" },
  school_not_accredited: { status: 409, message: "issued.sign.error.school_not_accredited" },
  no_active_key: { status: 409, message: "issued.sign.error.no_active_key" },
  key_unreadable: { status: 500, message: "issued.sign.error.key_unreadable" },
};

const STATUS: Record<ChangeDiplomaStatusError, Failure> = {
  not_found: { status: 404, message: "issued.status.error.not_found" },
  not_allowed: { status: 409, message: "issued.status.error.not_allowed" },
  reason_required: { status: 400, message: "issued.status.validation.reasonRequired" },
  no_active_key: { status: 409, message: "issued.sign.error.no_active_key" },
  key_unreadable: { status: 500, message: "issued.sign.error.key_unreadable" },
};

const CORRECTION: Record<StartCorrectionError, Failure> = {
  not_found: { status: 404, message: "issued.status.error.not_found" },
  not_allowed: { status: 409, message: "issued.correction.error.not_allowed" },
  already_started: { status: 409, message: "issued.correction.error.already_started" },
  personal_id_unreadable: { status: 500, message: "issued.correction.error.personal_id_unreadable" },
  reason_required: { status: 400, message: "issued.correction.reasonRequired" },
};

const RETURN: Record<ReturnBatchError, Failure> = {
  not_found: { status: 404, message: "issued.sign.error.not_found" },
  not_submitted: { status: 409, message: "issued.sign.error.not_submitted" },
  reason_required: { status: 400, message: "issued.return.reasonRequired" },
};

const CLAIM: Record<ClaimDiplomaError, Failure> = {
  no_match: { status: 400, message: "issued.claim.error.no_match" },
  claimed_by_other: { status: 409, message: "issued.claim.error.claimed_by_other" },
  rate_limited: { status: 429, message: "issued.claim.error.rate_limited" },
  superseded: { status: 400, message: "issued.claim.error.superseded" },
};

export const signFailure = (code: SignBatchError) => SIGN[code];
export const statusFailure = (code: ChangeDiplomaStatusError) => STATUS[code];
export const correctionFailure = (code: StartCorrectionError) => CORRECTION[code];
export const claimFailure = (code: ClaimDiplomaError) => CLAIM[code];
export const returnFailure = (code: ReturnBatchError) => RETURN[code];
