import type { FailureTable } from "~/lib/failures";
import type { AttachmentProblem } from "./attachment-rules";
import type { MoveCaseError } from "./move-case.server";
import type { OpenCaseError } from "./open-case.server";

/** The case core's expected failures: HTTP status and message key. A case outside one's scope is a plain 404. */
export const CASE_FAILURES = {
  not_found: { status: 404, message: "cases.error.not_found" },
  identity_required: { status: 403, message: "cases.error.identity_required" },
  staff_only: { status: 403, message: "cases.error.staff_only" },
  not_allowed_now: { status: 409, message: "cases.error.not_allowed_now" },
  not_allowed_for_kind: { status: 409, message: "cases.error.not_allowed_for_kind" },
  not_your_part: { status: 403, message: "cases.error.not_your_part" },
  already_rated: { status: 409, message: "cases.error.already_rated" },
  note_required: { status: 400, message: "cases.error.note_required" },
  invalid_rating: { status: 400, message: "cases.error.invalid_rating" },
  merge_target_not_found: { status: 400, message: "cases.error.merge_target_not_found" },
  forward_target_invalid: { status: 400, message: "cases.error.forward_target_invalid" },
  attachment_empty: { status: 400, message: "cases.error.attachment_empty" },
  attachment_too_large: { status: 413, message: "cases.error.attachment_too_large" },
  attachment_type: { status: 415, message: "cases.error.attachment_type" },
  too_many_attachments: { status: 400, message: "cases.error.too_many_attachments" },
} as const satisfies FailureTable<OpenCaseError | MoveCaseError | AttachmentProblem>;
