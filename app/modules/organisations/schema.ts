import { z } from "zod";
import {
  ORGANISATION_KINDS,
  ORGANISATION_STATUSES,
  type OrganisationKind,
  type Role,
} from "../../../db/schema/accounts";
import type { MessageKey } from "~/lib/i18n";
import { PERMISSIONS } from "~/lib/permissions";
import { emailField } from "~/modules/auth/schema";
import { REASON_MAX_LENGTH, STATUS_CHANGES } from "./organisation-status";

export { ORGANISATION_KINDS, ORGANISATION_STATUSES };

/** The roles an organisation's administrators may hand out, per kind of organisation. */
export const MEMBER_ROLES = {
  school: ["school_admin", "school_registrar", "school_principal"],
  employer: ["employer_member"],
} as const satisfies Record<OrganisationKind, readonly Role[]>;
export type MemberRole = (typeof MEMBER_ROLES)[OrganisationKind][number];

export function isMemberRole(kind: OrganisationKind, role: string): role is MemberRole {
  return (MEMBER_ROLES[kind] as readonly string[]).includes(role);
}

/**
 * The roles that manage an organisation's members, read from the permission table: the last holder of one
 * of them cannot be removed, or nobody could manage the organisation any more.
 */
export function managerRoles(kind: OrganisationKind): readonly Role[] {
  return PERMISSIONS[kind === "school" ? "school:manage-members" : "employer:manage-members"];
}

/** A member as the members page shows it. */
export interface MemberView {
  userId: string;
  email: string;
  fullName: string;
  activated: boolean;
  disabled: boolean;
  roles: { assignmentId: string; role: string }[];
}

/** What the members action answers; the page shows it above the forms. */
export type MembersActionResult =
  | { intent: "invite"; ok: true; notice: "members.invited" | "members.granted"; email: string; userId: string }
  | { intent: "invite"; ok: false; values: Record<string, string>; fieldErrors: Record<string, string> }
  | { intent: "remove"; ok: true }
  | { intent: "remove"; ok: false; formError: MessageKey };

export const StatusChangeSchema = z.object({
  change: z.enum(STATUS_CHANGES, { message: "organisations.error.change" }),
  reason: z.string().trim().max(REASON_MAX_LENGTH, "organisations.error.reason_too_long").optional(),
});

/** The invite form of a school or an employer: the role must be one that kind of organisation hands out. */
export function inviteMemberSchema(kind: OrganisationKind) {
  const roles = MEMBER_ROLES[kind] as readonly [MemberRole, ...MemberRole[]];
  return z.object({
    intent: z.literal("invite"),
    email: emailField,
    fullName: z.string().trim().min(2, "validation.fullName").max(120, "validation.fullName"),
    role: z.enum(roles, { message: "members.error.role" }),
  });
}
export type InviteMemberInput = z.infer<ReturnType<typeof inviteMemberSchema>>;

export const RemoveMemberRoleSchema = z.object({
  intent: z.literal("remove"),
  assignmentId: z.string().uuid("form.invalid"),
});

export const ORGANISATION_PAGE_SIZE = 25;

/** Filters of the ministry's organisation list, from the query string. A bad value is dropped, never a 500. */
export const OrganisationFiltersSchema = z.object({
  kind: z.enum(ORGANISATION_KINDS).optional().catch(undefined),
  status: z.enum(ORGANISATION_STATUSES).optional().catch(undefined),
  q: z
    .string()
    .trim()
    .max(100)
    .optional()
    .catch(undefined)
    .transform((v) => (v ? v : undefined)),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
export type OrganisationFilters = z.infer<typeof OrganisationFiltersSchema>;

export function parseOrganisationFilters(params: URLSearchParams): OrganisationFilters {
  return OrganisationFiltersSchema.parse({
    kind: params.get("kind") ?? undefined,
    status: params.get("status") ?? undefined,
    q: params.get("q") ?? undefined,
    page: params.get("page") ?? undefined,
  });
}
