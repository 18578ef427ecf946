import { and, desc, eq, sql } from "drizzle-orm";
import { organisations, programmeRequests, programmes, users, type ProgrammeRequestStatus } from "../../../db/schema";
import { type Executor, withDefaultDb } from "~/lib/db.server";
import type { ProgrammeRequestFilter } from "./schema";

/** What a school and the ministry both see of a request. */
const REQUEST_COLUMNS = {
  id: programmeRequests.id,
  programmeCode: programmeRequests.programmeCode,
  programmeName: programmeRequests.programmeName,
  levelCode: programmeRequests.levelCode,
  status: programmeRequests.status,
  adminNote: programmeRequests.adminNote,
  createdAt: programmeRequests.createdAt,
  answeredAt: programmeRequests.answeredAt,
};

/** The programme requests of one school, newest first (the school's own: its id is in the WHERE clause). */
export const listSchoolProgrammeRequests = withDefaultDb(async function listSchoolProgrammeRequests(
  db: Executor,
  options: { organisationId: string; limit?: number },
) {
  return db
    .select(REQUEST_COLUMNS)
    .from(programmeRequests)
    .where(eq(programmeRequests.organisationId, options.organisationId))
    .orderBy(desc(programmeRequests.createdAt))
    .limit(options.limit ?? 500);
});

/** Every school's requests for the ministry, pending first, with the school and the requester. */
export const listProgrammeRequests = withDefaultDb(async function listProgrammeRequests(
  db: Executor,
  options: { filter: ProgrammeRequestFilter },
) {
  return db
    .select({
      ...REQUEST_COLUMNS,
      schoolCode: organisations.code,
      schoolName: organisations.name,
      requesterEmail: users.email,
      inCatalogue: sql<boolean>`exists (select 1 from ${programmes} where ${programmes.code} = ${programmeRequests.programmeCode})`,
    })
    .from(programmeRequests)
    .innerJoin(organisations, eq(organisations.id, programmeRequests.organisationId))
    .innerJoin(users, eq(users.id, programmeRequests.requestedBy))
    .where(options.filter === "all" ? undefined : eq(programmeRequests.status, options.filter))
    .orderBy(desc(programmeRequests.createdAt))
    .limit(500);
});

export const countPendingProgrammeRequests = withDefaultDb(async function countPendingProgrammeRequests(
  db: Executor,
): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(programmeRequests)
    .where(eq(programmeRequests.status, "pending"));
  return row?.n ?? 0;
});

export async function findSchoolProgrammeRequest(
  db: Executor,
  options: { organisationId: string; programmeCode: string },
) {
  const [row] = await db
    .select()
    .from(programmeRequests)
    .where(
      and(
        eq(programmeRequests.organisationId, options.organisationId),
        eq(programmeRequests.programmeCode, options.programmeCode),
      ),
    );
  return row ?? null;
}

/** Inserts a request unless the school already asked for this code; the new row, or null when it existed. */
export async function insertProgrammeRequest(
  db: Executor,
  values: {
    organisationId: string;
    programmeCode: string;
    programmeName: string | null;
    levelCode: string | null;
    requestedBy: string;
  },
) {
  const [row] = await db.insert(programmeRequests).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

/** Locks a request for its answer. */
export async function lockProgrammeRequest(db: Executor, id: string) {
  const [row] = await db.select().from(programmeRequests).where(eq(programmeRequests.id, id)).for("update");
  return row ?? null;
}

export async function updateProgrammeRequestAnswer(
  db: Executor,
  options: { id: string; status: ProgrammeRequestStatus; adminNote: string | null; answeredBy: string | null },
) {
  await db
    .update(programmeRequests)
    .set({
      status: options.status,
      adminNote: options.adminNote,
      answeredBy: options.answeredBy,
      answeredAt: new Date(),
      updatedAt: new Date(),
    })
    .where(eq(programmeRequests.id, options.id));
}

export async function programmeInCatalogue(db: Executor, code: string): Promise<boolean> {
  const [row] = await db.select({ code: programmes.code }).from(programmes).where(eq(programmes.code, code));
  return Boolean(row);
}
