import type { FailureTable } from "~/lib/failures";
import { CASE_FAILURES } from "~/modules/cases/failures";
import type { RequestServiceError } from "./request-service.server";

/** The request forms' expected failures: HTTP status and message key. */
export const REQUEST_FAILURES = {
  identity_required: CASE_FAILURES.identity_required,
  staff_only: CASE_FAILURES.staff_only,
  attachment_empty: CASE_FAILURES.attachment_empty,
  attachment_too_large: CASE_FAILURES.attachment_too_large,
  attachment_type: CASE_FAILURES.attachment_type,
  too_many_attachments: CASE_FAILURES.too_many_attachments,
  diploma_not_yours: { status: 400, message: "services.form.error.diplomaNotYours" },
  school_unknown: { status: 400, message: "services.form.error.school" },
  capacity_not_allowed: { status: 400, message: "services.form.error.capacityNotAllowed" },
  authorisation_required: { status: 400, message: "services.form.error.authorisationRequired" },
  evidence_required: { status: 400, message: "services.form.error.evidenceRequired" },
} as const satisfies FailureTable<RequestServiceError>;
