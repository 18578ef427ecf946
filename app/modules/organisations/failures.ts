import type { FailureTable } from "~/lib/failures";
import type { ChangeOrganisationStatusError } from "./change-organisation-status.server";
import type { InviteMemberError } from "./invite-member.server";
import type { RemoveMemberRoleError } from "./remove-member-role.server";

/**
 * The organisations module's failures, per use-case: HTTP status and message key. A failed invitation shows its
 * field errors, not the message; an unknown organisation whose status is changed is the page's 404 (notFound()).
 */
export const ORGANISATION_FAILURES = {
  members: {
    not_found: { status: 404, message: "members.error.not_found" },
    last_admin: { status: 409, message: "members.error.last_admin" },
    already_member: { status: 409, message: "members.error.already_member" },
    role_not_allowed: { status: 400, message: "members.error.role" },
  } satisfies FailureTable<RemoveMemberRoleError | InviteMemberError>,
  status: {
    reason_required: { status: 400, message: "organisations.error.reason_required" },
    invalid_transition: { status: 409, message: "organisations.error.invalid_transition" },
    signing_keys_unavailable: { status: 503, message: "organisations.error.signing_keys_unavailable" },
  } satisfies FailureTable<Exclude<ChangeOrganisationStatusError, "not_found">>,
} as const;
