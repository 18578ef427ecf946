import { and, asc, eq, inArray } from "drizzle-orm";
import { organisations, roleAssignments, type OrganisationKind, type OrganisationStatus } from "../../../db/schema";
import type { Executor } from "~/lib/db.server";

export interface UserOrganisation {
  id: string;
  kind: OrganisationKind;
  code: string;
  name: string;
  status: OrganisationStatus;
}

/** The organisations in which a user holds at least one role. */
export async function listUserOrganisations(db: Executor, userId: string): Promise<UserOrganisation[]> {
  return db
    .selectDistinct({
      id: organisations.id,
      kind: organisations.kind,
      code: organisations.code,
      name: organisations.name,
      status: organisations.status,
    })
    .from(organisations)
    .innerJoin(roleAssignments, eq(roleAssignments.organisationId, organisations.id))
    .where(eq(roleAssignments.userId, userId))
    .orderBy(asc(organisations.name));
}

export async function findOrganisationsByIds(db: Executor, ids: string[]) {
  if (ids.length === 0) return [];
  return db.select().from(organisations).where(inArray(organisations.id, ids));
}

export async function findOrganisationByCode(db: Executor, kind: OrganisationKind, code: string) {
  const [row] = await db
    .select()
    .from(organisations)
    .where(and(eq(organisations.kind, kind), eq(organisations.code, code)))
    .limit(1);
  return row ?? null;
}
