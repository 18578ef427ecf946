import type { FailureTable } from "~/lib/failures";
import type { InviteMemberError } from "./invite-member.server";
import type { RemoveMemberRoleError } from "./remove-member-role.server";

/**
 * The expected failures of the members use-cases (invite, remove a role): HTTP status and message key. A failed
 * invitation shows its field errors, not the message.
 */
export const MEMBER_FAILURES = {
  not_found: { status: 404, message: "members.error.not_found" },
  last_admin: { status: 409, message: "members.error.last_admin" },
  already_member: { status: 409, message: "members.error.already_member" },
  role_not_allowed: { status: 400, message: "members.error.role" },
} as const satisfies FailureTable<RemoveMemberRoleError | InviteMemberError>;
