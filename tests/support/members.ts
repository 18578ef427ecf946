/** Members of organisations for the organisation tests, on top of factories.ts: the role's assignment id comes back too. */
import { and, eq, isNull } from "drizzle-orm";
import { roleAssignments, type Role } from "../../db/schema";
import type { Executor } from "~/lib/db.server";
import { createUser } from "./factories";

/** A user holding `role` in `organisation` (or no organisation, for ministry_admin and graduate). */
export async function createMember(db: Executor, role: Role, organisation: { id: string } | null, email?: string) {
  const organisationId = organisation?.id ?? null;
  const user = await createUser(db, { email, roles: [{ role, organisationId }] });
  const [assignment] = await db
    .select({ id: roleAssignments.id })
    .from(roleAssignments)
    .where(
      and(
        eq(roleAssignments.userId, user.id),
        eq(roleAssignments.role, role),
        organisationId ? eq(roleAssignments.organisationId, organisationId) : isNull(roleAssignments.organisationId),
      ),
    );
  return { id: user.id, email: user.email, assignmentId: assignment!.id };
}
