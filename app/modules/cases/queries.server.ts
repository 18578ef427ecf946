/**
 * The case core's road to the database: codes, cases, their timeline, the working-day calendar and the kind settings.
 * Ownership (which organisation handles a case, who sent it) is part of the lookup queries, never checked after.
 */
import { and, asc, eq, gte, inArray, isNull, lte, sql, type SQL } from "drizzle-orm";
import {
  calendarDays,
  caseCodeCounters,
  caseEvents,
  caseKindSettings,
  cases,
  notifications,
  roleAssignments,
  users,
  type Case,
  type CaseEvent,
  type CaseKind,
} from "../../../db/schema";
import type { Executor } from "~/lib/db.server";
import { KIND_RULES, formatCaseCode } from "./case-kinds";
import { addDays, type CalendarExceptions } from "./working-days";

/** Calendar exceptions from a month before `day` to a year after it: more than any deadline or pause spans. */
export async function loadCalendarExceptions(db: Executor, day: string): Promise<CalendarExceptions> {
  const rows = await db
    .select({ day: calendarDays.day, kind: calendarDays.kind })
    .from(calendarDays)
    .where(and(gte(calendarDays.day, addDays(day, -31)), lte(calendarDays.day, addDays(day, 400))));
  return new Map(rows.map((r) => [r.day, r.kind]));
}

/** A kind's deadline and fee: the administrator's settings, else the defaults of case-kinds.ts. */
export async function loadKindSettings(
  db: Executor,
  kind: CaseKind,
): Promise<{ workingDays: number; feeVnd: number; cutoffHour: number }> {
  const [row] = await db.select().from(caseKindSettings).where(eq(caseKindSettings.kind, kind)).limit(1);
  const rule = KIND_RULES[kind];
  return {
    workingDays: row?.deadlineWorkingDays ?? rule.defaultWorkingDays,
    feeVnd: row?.feeVnd ?? rule.defaultFeeVnd,
    cutoffHour: rule.cutoffHour,
  };
}

/** The next public code of a prefix and year: counted under the counter row's lock, so two cases never share one. */
export async function drawCaseCode(tx: Executor, prefix: string, year: number): Promise<string> {
  const [row] = await tx
    .insert(caseCodeCounters)
    .values({ prefix, year, lastNumber: 1 })
    .onConflictDoUpdate({
      target: [caseCodeCounters.prefix, caseCodeCounters.year],
      set: { lastNumber: sql`${caseCodeCounters.lastNumber} + 1` },
    })
    .returning({ n: caseCodeCounters.lastNumber });
  return formatCaseCode(prefix, year, row!.n);
}

export async function insertCase(tx: Executor, values: typeof cases.$inferInsert): Promise<Case> {
  const [row] = await tx.insert(cases).values(values).returning();
  return row!;
}

export async function insertCaseEvent(tx: Executor, values: typeof caseEvents.$inferInsert): Promise<CaseEvent> {
  const [row] = await tx.insert(caseEvents).values(values).returning();
  return row!;
}

/**
 * Who may touch a case, as part of the query:
 * - organisation: the officers of the school that handles it;
 * - ministry: the ministry sees and acts on every case;
 * - submitter: the signed-in person who sent it;
 * - system: background work (escalation).
 */
export type CaseScope =
  | { kind: "organisation"; organisationId: string }
  | { kind: "ministry" }
  | { kind: "submitter"; userId: string }
  | { kind: "system" };

export function scopeWhere(scope: CaseScope): SQL {
  switch (scope.kind) {
    case "organisation":
      return eq(cases.organisationId, scope.organisationId);
    case "submitter":
      return eq(cases.submitterUserId, scope.userId);
    default:
      return sql`true`;
  }
}

/** The case, locked for a transition, when it is within `scope`; else null (404 whether or not it exists). */
export async function lockCaseInScope(tx: Executor, caseId: string, scope: CaseScope): Promise<Case | null> {
  const [row] = await tx
    .select()
    .from(cases)
    .where(and(eq(cases.id, caseId), scopeWhere(scope)))
    .for("update");
  return row ?? null;
}

/** The case within `scope` (no lock), or null. */
export async function findCaseInScope(db: Executor, caseId: string, scope: CaseScope): Promise<Case | null> {
  const [row] = await db
    .select()
    .from(cases)
    .where(and(eq(cases.id, caseId), scopeWhere(scope)))
    .limit(1);
  return row ?? null;
}

export async function findCaseByCode(db: Executor, code: string): Promise<Case | null> {
  const [row] = await db.select().from(cases).where(eq(cases.code, code)).limit(1);
  return row ?? null;
}

export async function updateCase(
  tx: Executor,
  caseId: string,
  patch: Partial<typeof cases.$inferInsert>,
): Promise<Case> {
  const [row] = await tx
    .update(cases)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(cases.id, caseId))
    .returning();
  return row!;
}

/** A case's timeline, oldest first. */
export async function listCaseEvents(db: Executor, caseId: string): Promise<CaseEvent[]> {
  return db
    .select()
    .from(caseEvents)
    .where(eq(caseEvents.caseId, caseId))
    .orderBy(asc(caseEvents.at), asc(caseEvents.id));
}

const SCHOOL_STAFF_ROLES = ["school_admin", "school_registrar", "school_principal"] as const;

/**
 * The people who handle an organisation's cases (its school staff), or the ministry's administrators (null).
 * `heads` only: the principal (falling back on the school's administrators when it has none), or the ministry's
 * administrators: those an overdue case escalates to.
 */
export async function handlerStaff(
  db: Executor,
  organisationId: string | null,
  options: { heads?: boolean } = {},
): Promise<{ userId: string; email: string; fullName: string; locale: string; role: string }[]> {
  const base = db
    .select({
      userId: users.id,
      email: users.email,
      fullName: users.fullName,
      locale: users.locale,
      role: roleAssignments.role,
    })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId));
  const rows = await (organisationId === null
    ? base.where(and(eq(roleAssignments.role, "ministry_admin"), isNull(users.disabledAt)))
    : base.where(
        and(
          eq(roleAssignments.organisationId, organisationId),
          inArray(roleAssignments.role, [...SCHOOL_STAFF_ROLES]),
          isNull(users.disabledAt),
        ),
      ));
  const unique = [...new Map(rows.map((r) => [r.userId, r])).values()];
  if (!options.heads || organisationId === null) return unique;
  const principals = rows.filter((r) => r.role === "school_principal");
  const heads = principals.length > 0 ? principals : rows.filter((r) => r.role === "school_admin");
  return [...new Map(heads.map((r) => [r.userId, r])).values()];
}

export async function findUserContact(
  db: Executor,
  userId: string,
): Promise<{ email: string; fullName: string; locale: string } | null> {
  const [row] = await db
    .select({ email: users.email, fullName: users.fullName, locale: users.locale })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  return row ?? null;
}

/** One in-app notice about a case (the notifications table, kind "case"). */
export interface CaseNotice {
  userId: string;
  caseId: string;
  /** A message key of the cases namespace (notifications.case.*) and the page it links to. */
  messageKey: string;
  code: string;
  link: string;
}

export async function insertCaseNotices(tx: Executor, notices: CaseNotice[]): Promise<void> {
  if (notices.length === 0) return;
  await tx.insert(notifications).values(
    notices.map((n) => ({
      userId: n.userId,
      kind: "case",
      details: { caseId: n.caseId, messageKey: n.messageKey, code: n.code, link: n.link },
    })),
  );
}
