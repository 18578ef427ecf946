import { and, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import {
  applicationDiplomas,
  applicationEvents,
  applications,
  diplomas,
  graduateConsents,
  jobs,
  organisations,
  users,
  type ApplicationStatus,
} from "../../../db/schema";
import { type Executor, withDefaultDb } from "~/lib/db.server";

/** The only place applications touch the database. Every employer query names the employer (ownership in the query). */

export async function insertApplication(
  db: Executor,
  row: { jobId: string; organisationId: string; userId: string; message: string | null },
) {
  const rows = await db.insert(applications).values(row).onConflictDoNothing().returning({ id: applications.id });
  return rows[0]?.id ?? null;
}

export async function attachDiplomas(db: Executor, applicationId: string, diplomaIds: readonly string[]) {
  if (diplomaIds.length)
    await db.insert(applicationDiplomas).values(diplomaIds.map((diplomaId) => ({ applicationId, diplomaId })));
}

export async function addEvent(
  db: Executor,
  event: {
    applicationId: string;
    kind: "applied" | "status" | "note";
    fromStatus?: ApplicationStatus;
    toStatus?: ApplicationStatus;
    note?: string;
    actorUserId: string | null;
  },
) {
  await db.insert(applicationEvents).values(event);
}

/** The graduate's own issued diplomas among `ids`. */
export async function ownIssuedDiplomaIds(db: Executor, userId: string, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ id: diplomas.id })
    .from(diplomas)
    .where(and(inArray(diplomas.id, [...ids]), eq(diplomas.claimedBy, userId), eq(diplomas.status, "issued")));
  return rows.map((r) => r.id);
}

export async function hasConsent(
  db: Executor,
  userId: string,
  purpose: "visible_to_employers" | "may_be_contacted" | "share_diplomas",
) {
  const rows = await db
    .select({ id: graduateConsents.id })
    .from(graduateConsents)
    .where(
      and(
        eq(graduateConsents.userId, userId),
        eq(graduateConsents.purpose, purpose),
        isNull(graduateConsents.withdrawnAt),
      ),
    )
    .limit(1);
  return rows.length > 0;
}

/** One application of one employer, locked for a change. */
export async function lockEmployerApplication(
  db: Executor,
  options: { organisationId: string; applicationId: string },
) {
  const rows = await db
    .select()
    .from(applications)
    .where(and(eq(applications.id, options.applicationId), eq(applications.organisationId, options.organisationId)))
    .for("update");
  return rows[0] ?? null;
}

export async function setApplicationStatus(
  db: Executor,
  options: { applicationId: string; status: ApplicationStatus },
) {
  await db
    .update(applications)
    .set({ status: options.status, updatedAt: new Date() })
    .where(eq(applications.id, options.applicationId));
}

/** A job's applicants, for its employer only (with their address: applying implies consent to be contacted about the job). */
export async function listJobApplications(db: Executor, options: { organisationId: string; jobId: string }) {
  return db
    .select({
      id: applications.id,
      userId: applications.userId,
      status: applications.status,
      message: applications.message,
      createdAt: applications.createdAt,
      fullName: users.fullName,
      email: users.email,
    })
    .from(applications)
    .innerJoin(users, eq(users.id, applications.userId))
    .where(and(eq(applications.organisationId, options.organisationId), eq(applications.jobId, options.jobId)))
    .orderBy(desc(applications.createdAt));
}

/** The events of the employer's applications (ownership through the application's organisation). */
export async function listApplicationEvents(
  db: Executor,
  options: { organisationId: string; applicationIds: readonly string[] },
) {
  if (options.applicationIds.length === 0) return [];
  return db
    .select({
      id: applicationEvents.id,
      applicationId: applicationEvents.applicationId,
      kind: applicationEvents.kind,
      fromStatus: applicationEvents.fromStatus,
      toStatus: applicationEvents.toStatus,
      note: applicationEvents.note,
      at: applicationEvents.at,
      actorName: users.fullName,
    })
    .from(applicationEvents)
    .innerJoin(applications, eq(applications.id, applicationEvents.applicationId))
    .leftJoin(users, eq(users.id, applicationEvents.actorUserId))
    .where(
      and(
        eq(applications.organisationId, options.organisationId),
        inArray(applicationEvents.applicationId, [...options.applicationIds]),
      ),
    )
    .orderBy(applicationEvents.id);
}

/**
 * The diplomas attached to the employer's applications, while each graduate still consents to share them (a
 * withdrawal hides them at once) and while they still stand as issued or otherwise (the verdict says which).
 */
export async function listSharedDiplomas(
  db: Executor,
  options: { organisationId: string; applicationIds: readonly string[] },
) {
  if (options.applicationIds.length === 0) return [];
  return db
    .select({
      applicationId: applicationDiplomas.applicationId,
      diplomaId: diplomas.id,
      programmeCode: diplomas.programmeCode,
      programmeName: diplomas.programmeName,
      levelCode: diplomas.levelCode,
      classification: diplomas.classification,
      graduationDate: diplomas.graduationDate,
      serial: diplomas.serial,
      qrPayload: diplomas.qrPayload,
      schoolName: organisations.name,
    })
    .from(applicationDiplomas)
    .innerJoin(applications, eq(applications.id, applicationDiplomas.applicationId))
    .innerJoin(diplomas, eq(diplomas.id, applicationDiplomas.diplomaId))
    .innerJoin(organisations, eq(organisations.id, diplomas.organisationId))
    .where(
      and(
        eq(applications.organisationId, options.organisationId),
        inArray(applicationDiplomas.applicationId, [...options.applicationIds]),
        sql`exists (select 1 from graduate_consents c where c.user_id = ${applications.userId} and c.purpose = 'share_diplomas' and c.withdrawn_at is null)`,
      ),
    );
}

/** The graduate's own applications with their jobs and status. */
export const listGraduateApplications = withDefaultDb(async function listGraduateApplications(
  db: Executor,
  userId: string,
) {
  return db
    .select({
      id: applications.id,
      jobId: jobs.id,
      title: jobs.title,
      employerName: organisations.name,
      status: applications.status,
      createdAt: applications.createdAt,
      updatedAt: applications.updatedAt,
      diplomas: sql<number>`(select count(*)::int from application_diplomas ad where ad.application_id = "applications"."id")`,
    })
    .from(applications)
    .innerJoin(jobs, eq(jobs.id, applications.jobId))
    .innerJoin(organisations, eq(organisations.id, applications.organisationId))
    .where(eq(applications.userId, userId))
    .orderBy(desc(applications.createdAt));
});

export const findGraduateApplication = withDefaultDb(async function findGraduateApplication(
  db: Executor,
  options: { userId: string; jobId: string },
) {
  const rows = await db
    .select({ id: applications.id, status: applications.status })
    .from(applications)
    .where(and(eq(applications.userId, options.userId), eq(applications.jobId, options.jobId)))
    .limit(1);
  return rows[0] ?? null;
});

/** A person as a mail needs them (address, name, language). */
export async function findMailRecipient(db: Executor, userId: string) {
  const rows = await db
    .select({ id: users.id, email: users.email, fullName: users.fullName, locale: users.locale })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  return rows[0] ?? null;
}

/** What a jobs mail or notification names: the job's title and deadline, and its company. */
export async function findJobFacts(db: Executor, jobId: string) {
  const rows = await db
    .select({
      id: jobs.id,
      title: jobs.title,
      deadline: jobs.deadline,
      organisationId: jobs.organisationId,
      company: organisations.name,
      companyCode: organisations.code,
    })
    .from(jobs)
    .innerJoin(organisations, eq(organisations.id, jobs.organisationId))
    .where(eq(jobs.id, jobId))
    .limit(1);
  return rows[0] ?? null;
}

/** The graduate's own application, locked for their change (ownership in the query), with its job's facts. */
export async function lockGraduateApplication(db: Executor, options: { userId: string; applicationId: string }) {
  const rows = await db
    .select()
    .from(applications)
    .where(and(eq(applications.id, options.applicationId), eq(applications.userId, options.userId)))
    .for("update");
  return rows[0] ?? null;
}

/** The stage of each of `userIds`' applications to one job of the employer (ownership in the query). */
export async function listApplicationStages(
  db: Executor,
  options: { organisationId: string; jobId: string; userIds: readonly string[] },
) {
  if (options.userIds.length === 0) return new Map<string, ApplicationStatus>();
  const rows = await db
    .select({ userId: applications.userId, status: applications.status })
    .from(applications)
    .where(
      and(
        eq(applications.organisationId, options.organisationId),
        eq(applications.jobId, options.jobId),
        inArray(applications.userId, [...options.userIds]),
      ),
    );
  return new Map(rows.map((r) => [r.userId, r.status]));
}
