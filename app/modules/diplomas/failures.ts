import type { FailureTable } from "~/lib/failures";
import type { ChangeDiplomaStatusError } from "./change-diploma-status.server";
import type { ClaimDiplomaError } from "./claim-diploma.server";
import type { SignBatchError } from "./sign-batch.server";
import type { StartCorrectionError } from "./start-correction.server";
import type { ReturnBatchError } from "./withdraw-batch.server";

/** The expected failures of the registrar's draft and batch use-cases (save, delete, order, submit, import). */
export type DiplomaFailureCode =
  | "not_found"
  | "draft_not_found"
  | "batch_locked"
  | "not_submitted"
  | "empty_batch"
  | "inactive_programmes"
  | "school_not_accredited"
  | "invalid"
  | "duplicate"
  | "invalid_file"
  | "has_errors"
  | "file_changed"
  | "no_valid_rows";

/**
 * The diplomas module's failures, per use-case: HTTP status and message key (app/lib/i18n/messages/diplomas.ts and
 * issued.ts). One code may read differently in two use-cases ("not_found" is a batch when signing, a diploma when
 * changing its status). Type-only imports: safe for the browser.
 */
export const DIPLOMA_FAILURES = {
  drafts: {
    not_found: { status: 404, message: "diplomas.error.not_found" },
    draft_not_found: { status: 404, message: "diplomas.error.draft_not_found" },
    batch_locked: { status: 409, message: "diplomas.error.batch_locked" },
    not_submitted: { status: 409, message: "diplomas.error.not_submitted" },
    empty_batch: { status: 409, message: "diplomas.error.empty_batch" },
    inactive_programmes: { status: 409, message: "diplomas.error.inactive_programmes" },
    school_not_accredited: { status: 409, message: "diplomas.error.school_not_accredited" },
    invalid: { status: 400, message: "diplomas.error.invalid" },
    duplicate: { status: 409, message: "diplomas.error.duplicate" },
    invalid_file: { status: 422, message: "diplomas.error.invalid_file" },
    has_errors: { status: 422, message: "diplomas.error.has_errors" },
    file_changed: { status: 422, message: "diplomas.error.file_changed" },
    no_valid_rows: { status: 422, message: "diplomas.error.no_valid_rows" },
  } satisfies FailureTable<DiplomaFailureCode>,
  sign: {
    not_found: { status: 404, message: "issued.sign.error.not_found" },
    not_submitted: { status: 409, message: "issued.sign.error.not_submitted" },
    same_person: { status: 403, message: "issued.sign.error.same_person" },
    empty: { status: 409, message: "issued.sign.error.empty" },
    school_not_accredited: { status: 409, message: "issued.sign.error.school_not_accredited" },
    no_active_key: { status: 409, message: "issued.sign.error.no_active_key" },
    key_unreadable: { status: 500, message: "issued.sign.error.key_unreadable" },
  } satisfies FailureTable<SignBatchError>,
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
