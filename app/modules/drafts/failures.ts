/**
 * The expected failures of the registrar's use-cases: one table of HTTP statuses, and the i18n key of each
 * message (app/lib/i18n/messages/diplomas).
 */
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

const STATUS: Record<DiplomaFailureCode, number> = {
  not_found: 404,
  draft_not_found: 404,
  batch_locked: 409,
  not_submitted: 409,
  empty_batch: 409,
  inactive_programmes: 409,
  school_not_accredited: 409,
  invalid: 400,
  duplicate: 409,
  invalid_file: 422,
  has_errors: 422,
  file_changed: 422,
  no_valid_rows: 422,
};

export function diplomaFailureStatus(code: DiplomaFailureCode): number {
  return STATUS[code];
}

export function diplomaFailureMessageKey(code: DiplomaFailureCode) {
  return `diplomas.error.${code}` as const;
}
