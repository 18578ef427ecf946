import { and, count, eq, inArray } from "drizzle-orm";
import { organisations, roleAssignments, users } from "../../../db/schema";
import type { Database } from "~/lib/db.server";
import { fail, ok, type Result } from "~/lib/result";
import { recordAudit, type AuditActor } from "~/modules/audit/record-audit.server";
import { managerRoles } from "./schema";

export interface RemoveMemberRoleOptions {
  /** The organisation the route's guard resolved: a role of another organisation is simply not found. */
  organisationId: string;
  assignmentId: string;
  actor: AuditActor & { userId: string };
}

export type RemoveMemberRoleError = "not_found" | "last_admin";

/**
 * Revokes one role of one member. The last holder of the role that manages members (a school's administrator,
 * an employer's member) cannot be removed: the organisation would be locked out of its own workspace.
 */
export async function removeMemberRole(
  db: Database,
  options: RemoveMemberRoleOptions,
): Promise<Result<null, RemoveMemberRoleError>> {
  return db.transaction(async (tx) => {
    // Lock the organisation first: two administrators removing each other at the same moment must not both
    // see "another administrator remains".
    const [organisation] = await tx
      .select({ kind: organisations.kind })
      .from(organisations)
      .where(eq(organisations.id, options.organisationId))
      .for("update");
    if (!organisation) return fail("not_found");

    const [assignment] = await tx
      .select({ role: roleAssignments.role, userId: roleAssignments.userId, email: users.email })
      .from(roleAssignments)
      .innerJoin(users, eq(users.id, roleAssignments.userId))
      .where(
        and(eq(roleAssignments.id, options.assignmentId), eq(roleAssignments.organisationId, options.organisationId)),
      );
    if (!assignment) return fail("not_found");

    const managers = managerRoles(organisation.kind);
    if (managers.includes(assignment.role)) {
      const [remaining] = await tx
        .select({ n: count() })
        .from(roleAssignments)
        .where(
          and(eq(roleAssignments.organisationId, options.organisationId), inArray(roleAssignments.role, [...managers])),
        );
      if (Number(remaining?.n ?? 0) <= 1) return fail("last_admin");
    }

    await tx
      .delete(roleAssignments)
      .where(
        and(eq(roleAssignments.id, options.assignmentId), eq(roleAssignments.organisationId, options.organisationId)),
      );
    await recordAudit(tx, options.actor, {
      action: "member.revoke-role",
      entityType: "user",
      entityId: assignment.userId,
      organisationId: options.organisationId,
      details: { email: assignment.email, role: assignment.role },
    });
    return ok(null);
  });
}
