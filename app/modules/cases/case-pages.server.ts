/**
 * What the staff's and the submitter's case pages read. A case is found by its code *within the viewer's scope*, in
 * the query: the ministry sees every case; a school's officer those of the schools where they hold a staff role; a
 * submitter their own. Anything else is null, a 404 that does not say whether the case exists.
 */
import { and, asc, count, desc, eq, inArray, isNull } from "drizzle-orm";
import {
  caseAttachments,
  caseEvents,
  cases,
  organisations,
  roleAssignments,
  users,
  type Case,
  type CaseKind,
  type CaseStatus,
} from "../../../db/schema";
import { withDefaultDb, type Executor } from "~/lib/db.server";
import type { RoleGrant } from "~/lib/permissions";
import type { PanelViewer } from "./panel-contract";
import type { CaseScope } from "./queries.server";

const SCHOOL_STAFF_ROLES: readonly string[] = ["school_admin", "school_registrar", "school_principal"];

/** The schools where `grants` make one an officer (staff role), and whether one is the ministry. */
export function staffReach(grants: readonly RoleGrant[]): { ministry: boolean; schoolIds: string[] } {
  return {
    ministry: grants.some((g) => g.role === "ministry_admin"),
    schoolIds: grants
      .filter((g) => SCHOOL_STAFF_ROLES.includes(g.role) && g.organisationId)
      .map((g) => g.organisationId!),
  };
}

/**
 * The case of `code` as a staff member sees it: with the ministry's view when they are a ministry administrator,
 * else as the officer of the school that handles it; null when it is none of theirs (or does not exist).
 */
export const findCaseForStaff = withDefaultDb(async function findCaseForStaff(
  db: Executor,
  code: string,
  user: { userId: string; grants: readonly RoleGrant[] },
): Promise<{ kase: Case; viewer: PanelViewer } | null> {
  const reach = staffReach(user.grants);
  if (!reach.ministry && reach.schoolIds.length === 0) return null;
  const [kase] = await db
    .select()
    .from(cases)
    .where(and(eq(cases.code, code), reach.ministry ? undefined : inArray(cases.organisationId, reach.schoolIds)))
    .limit(1);
  if (!kase) return null;
  const viewer: PanelViewer = reach.ministry
    ? { userId: user.userId, role: "ministry", scope: { kind: "ministry" }, organisationId: null }
    : {
        userId: user.userId,
        role: "officer",
        scope: { kind: "organisation", organisationId: kase.organisationId! },
        organisationId: kase.organisationId,
      };
  return { kase, viewer };
});

/** The submitter's own case of `code`, or null. */
export const findOwnCase = withDefaultDb(async function findOwnCase(
  db: Executor,
  code: string,
  userId: string,
): Promise<Case | null> {
  const [kase] = await db
    .select()
    .from(cases)
    .where(and(eq(cases.code, code), eq(cases.submitterUserId, userId)))
    .limit(1);
  return kase ?? null;
});

/** The case's handler: the school's code and name, or null for the ministry. */
export const handlerOf = withDefaultDb(async function handlerOf(
  db: Executor,
  organisationId: string | null,
): Promise<{ code: string; name: string } | null> {
  if (!organisationId) return null;
  const [row] = await db
    .select({ code: organisations.code, name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, organisationId))
    .limit(1);
  return row ?? null;
});

export const userNameOf = withDefaultDb(async function userNameOf(
  db: Executor,
  userId: string | null,
): Promise<string | null> {
  if (!userId) return null;
  const [row] = await db.select({ name: users.fullName }).from(users).where(eq(users.id, userId)).limit(1);
  return row?.name ?? null;
});

export interface TimelineRow {
  id: number;
  at: string;
  type: string;
  actorRole: "submitter" | "officer" | "ministry" | "system";
  actorName: string | null;
  toStatus: CaseStatus | null;
  publicNote: string | null;
  internalNote: string | null;
}

/**
 * A case's timeline, oldest first. `staff`: with the actors' names and the internal notes. For the submitter: roles
 * only, and of the internal notes only their own words (a submitter's message is kept off the public lookup).
 */
export const caseTimeline = withDefaultDb(async function caseTimeline(
  db: Executor,
  caseId: string,
  view: { staff: true } | { staff: false; submitterUserId: string },
): Promise<TimelineRow[]> {
  const rows = await db
    .select({
      id: caseEvents.id,
      at: caseEvents.at,
      type: caseEvents.type,
      actorRole: caseEvents.actorRole,
      actorUserId: caseEvents.actorUserId,
      actorName: users.fullName,
      toStatus: caseEvents.toStatus,
      publicNote: caseEvents.publicNote,
      internalNote: caseEvents.internalNote,
    })
    .from(caseEvents)
    .leftJoin(users, eq(users.id, caseEvents.actorUserId))
    .where(eq(caseEvents.caseId, caseId))
    .orderBy(asc(caseEvents.at), asc(caseEvents.id));
  return rows.map((r) => {
    const own = !view.staff && r.actorRole === "submitter" && r.actorUserId === view.submitterUserId;
    return {
      id: r.id,
      at: r.at.toISOString(),
      type: r.type,
      actorRole: r.actorRole as TimelineRow["actorRole"],
      actorName: view.staff ? r.actorName : null,
      toStatus: r.toStatus,
      publicNote: r.publicNote,
      internalNote: view.staff || own ? r.internalNote : null,
    };
  });
});

export interface AttachmentRow {
  id: string;
  purpose: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  createdAt: string;
  uploadedByName: string | null;
}

/**
 * A case's attachments: all of them for its staff, only those the submitter uploaded for the submitter (an officer's
 * receipts and working files stay with the staff).
 */
export const caseAttachmentList = withDefaultDb(async function caseAttachmentList(
  db: Executor,
  caseId: string,
  view: { staff: true } | { staff: false; submitterUserId: string },
): Promise<AttachmentRow[]> {
  const rows = await db
    .select({
      id: caseAttachments.id,
      purpose: caseAttachments.purpose,
      fileName: caseAttachments.fileName,
      mediaType: caseAttachments.mediaType,
      sizeBytes: caseAttachments.sizeBytes,
      createdAt: caseAttachments.createdAt,
      uploadedByName: users.fullName,
    })
    .from(caseAttachments)
    .leftJoin(users, eq(users.id, caseAttachments.uploadedBy))
    .where(
      and(
        eq(caseAttachments.caseId, caseId),
        view.staff ? undefined : eq(caseAttachments.uploadedBy, view.submitterUserId),
      ),
    )
    .orderBy(asc(caseAttachments.createdAt), asc(caseAttachments.id));
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
});

/** The people an officer may assign a case to: the handling school's staff, or the ministry's administrators. */
export const assignableStaff = withDefaultDb(async function assignableStaff(
  db: Executor,
  organisationId: string | null,
): Promise<{ id: string; name: string }[]> {
  const rows = await db
    .selectDistinct({ id: users.id, name: users.fullName })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(
      and(
        isNull(users.disabledAt),
        organisationId === null
          ? eq(roleAssignments.role, "ministry_admin")
          : and(
              eq(roleAssignments.organisationId, organisationId),
              inArray(roleAssignments.role, ["school_admin", "school_registrar", "school_principal"]),
            ),
      ),
    )
    .orderBy(asc(users.fullName));
  return rows;
});

/** The accredited schools a ministry case may be forwarded to. */
export const forwardableSchools = withDefaultDb(async function forwardableSchools(
  db: Executor,
): Promise<{ id: string; code: string; name: string }[]> {
  return db
    .select({ id: organisations.id, code: organisations.code, name: organisations.name })
    .from(organisations)
    .where(and(eq(organisations.kind, "school"), eq(organisations.status, "accredited")))
    .orderBy(asc(organisations.name))
    .limit(1000);
});

export const isAccreditedSchool = withDefaultDb(async function isAccreditedSchool(
  db: Executor,
  organisationId: string,
): Promise<boolean> {
  const [row] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(
      and(
        eq(organisations.id, organisationId),
        eq(organisations.kind, "school"),
        eq(organisations.status, "accredited"),
      ),
    )
    .limit(1);
  return Boolean(row);
});

export interface MyCaseRow {
  code: string;
  kind: CaseKind;
  status: CaseStatus;
  title: string;
  receivedAt: string;
  dueOn: string | null;
  paused: boolean;
  rated: boolean;
}

/** A person's own cases, newest first. */
export const listMyCases = withDefaultDb(async function listMyCases(
  db: Executor,
  options: { userId: string; page: number; pageSize: number },
): Promise<{ rows: MyCaseRow[]; total: number }> {
  const [c] = await db.select({ n: count() }).from(cases).where(eq(cases.submitterUserId, options.userId));
  const rows = await db
    .select({
      code: cases.code,
      kind: cases.kind,
      status: cases.status,
      title: cases.title,
      receivedAt: cases.receivedAt,
      dueOn: cases.dueOn,
      pausedAt: cases.pausedAt,
      rating: cases.rating,
    })
    .from(cases)
    .where(eq(cases.submitterUserId, options.userId))
    .orderBy(desc(cases.createdAt), desc(cases.id))
    .limit(options.pageSize)
    .offset((Math.max(1, options.page) - 1) * options.pageSize);
  return {
    total: Number(c?.n ?? 0),
    rows: rows.map((r) => ({
      code: r.code,
      kind: r.kind,
      status: r.status,
      title: r.title,
      receivedAt: r.receivedAt.toISOString(),
      dueOn: r.dueOn,
      paused: r.pausedAt !== null,
      rated: r.rating !== null,
    })),
  };
});

/**
 * Whether the attachment `attachmentId` belongs to the case and, for a submitter, was uploaded by them: the
 * download route's check beside the case's scope (readAttachment).
 */
export const attachmentVisible = withDefaultDb(async function attachmentVisible(
  db: Executor,
  options: { caseId: string; attachmentId: string; submitterUserId?: string },
): Promise<boolean> {
  const [row] = await db
    .select({ id: caseAttachments.id })
    .from(caseAttachments)
    .where(
      and(
        eq(caseAttachments.id, options.attachmentId),
        eq(caseAttachments.caseId, options.caseId),
        options.submitterUserId ? eq(caseAttachments.uploadedBy, options.submitterUserId) : undefined,
      ),
    )
    .limit(1);
  return Boolean(row);
});

/** The viewer's scope for downloading: staff first, else the submitter. */
export function scopeForDownload(staff: { viewer: PanelViewer } | null, ownerUserId: string | null): CaseScope | null {
  if (staff) return staff.viewer.scope;
  return ownerUserId ? { kind: "submitter", userId: ownerUserId } : null;
}
