import type { Role } from "../../db/schema/accounts";

/**
 * What each role may do. The only table of its kind: guards, navigation and tests all read it.
 * Organisation-scoped permissions hold only within the organisation the role was granted in.
 */
export const PERMISSIONS = {
  "ministry:administer": ["ministry_admin"],
  "organisations:accredit": ["ministry_admin"],
  "reference:edit": ["ministry_admin"],
  "audit:read-all": ["ministry_admin"],
  "school:view": ["school_admin", "school_registrar", "school_principal"],
  "school:manage-members": ["school_admin"],
  "school:read-audit": ["school_admin"],
  "school:manage-keys": ["school_admin"],
  "diplomas:draft": ["school_registrar"],
  "diplomas:sign": ["school_principal"],
  "diplomas:manage-status": ["school_principal"],
  /** Printing a batch's claim slips (codes of a whole class): the staff who hand diplomas out. */
  "diplomas:claim-slips": ["school_registrar", "school_principal"],
  "register:read": ["school_admin", "school_registrar", "school_principal"],
  "reports:handle": ["school_admin", "school_principal"],
  /** Handling the school's cases (online services, feedback forwarded to it): its queue and the case pages. */
  "cases:handle": ["school_admin", "school_registrar", "school_principal"],
  /** Signing the school's statistics report of cases with its key: the school's heads. */
  "case-stats:sign": ["school_admin", "school_principal"],
  "employer:view": ["employer_member"],
  "employer:manage-members": ["employer_member"],
  "jobs:manage": ["employer_member"],
  "graduate:own-profile": ["graduate"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export interface RoleGrant {
  role: Role;
  organisationId: string | null;
}

/** True when one of `grants` carries `permission`, within `organisationId` for organisation-scoped roles. */
export function hasPermission(grants: readonly RoleGrant[], permission: Permission, organisationId?: string): boolean {
  const allowed: readonly Role[] = PERMISSIONS[permission];
  return grants.some(
    (g) => allowed.includes(g.role) && (g.organisationId === null || g.organisationId === organisationId),
  );
}
