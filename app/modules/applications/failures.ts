import type { FailureTable } from "~/lib/failures";
import type { ApplyError } from "./apply-to-job.server";
import type { InviteError } from "./invite-candidate.server";
import type { MoveApplicationError } from "./move-application.server";

/**
 * The expected failures of the applications module, per use-case: HTTP status and message key. A job that is no
 * longer open is a 404 to the graduate who applies (the public page is gone), a 409 to the employer who invites.
 */
export const APPLICATION_FAILURES = {
  apply: {
    job_not_open: { status: 404, message: "jobs.apply.error.job_not_open" },
    already_applied: { status: 409, message: "jobs.apply.error.already_applied" },
    share_consent_required: { status: 409, message: "jobs.apply.error.share_consent_required" },
    not_your_diploma: { status: 409, message: "jobs.apply.error.not_your_diploma" },
  } satisfies FailureTable<ApplyError>,
  invite: {
    not_found: { status: 404, message: "jobs.invite.error.not_found" },
    job_not_open: { status: 409, message: "jobs.invite.error.job_not_open" },
    not_visible: { status: 409, message: "jobs.invite.error.not_visible" },
    no_contact_consent: { status: 409, message: "jobs.invite.error.no_contact_consent" },
    already_invited: { status: 409, message: "jobs.invite.error.already_invited" },
    already_applied: { status: 409, message: "jobs.invite.error.already_applied" },
  } satisfies FailureTable<InviteError>,
  move: {
    not_found: { status: 404, message: "jobs.pipeline.error.not_found" },
    not_allowed: { status: 409, message: "jobs.pipeline.error.not_allowed" },
  } satisfies FailureTable<MoveApplicationError>,
} as const;
