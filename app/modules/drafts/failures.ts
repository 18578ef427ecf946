import type { FailureTable } from "~/lib/failures";

/** The expected failures of the registrar's draft and batch use-cases (save, delete, order, submit, import). */
export type DraftFailureCode =
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

/** HTTP status and message key (app/lib/i18n/messages/diplomas) of each. Browser-safe. */
export const DRAFT_FAILURES = {
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
} as const satisfies FailureTable<DraftFailureCode>;
