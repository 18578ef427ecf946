/**
 * The officers' queue: the open cases of one school (its officers) or of every handler (the ministry), overdue first,
 * then those due today, then the rest by due day; with the count of each section. Both statements stay inside the
 * partial index cases_queue_idx (organisation_id, due_on where the status is open): its predicate is repeated word
 * for word, so the planner reads only open rows of the handler, never the closed history.
 */
import { and, asc, count, eq, isNotNull, isNull, sql, type SQL } from "drizzle-orm";
import { cases, organisations, users, type CaseKind, type CaseStatus } from "../../../db/schema";
import { withDefaultDb, type Executor } from "~/lib/db.server";
import { OPEN_STATUSES } from "./case-transitions";
import { queueSection, type QueueFilters, type QueueSection } from "./queue";

/** Whose open cases: one school's, or the ministry's view of all (optionally only its own, or the schools'). */
export type QueueScope =
  | { kind: "organisation"; organisationId: string }
  | { kind: "ministry"; handler?: "ministry" | "schools"; schoolCode?: string };

export interface QueueRow {
  id: string;
  code: string;
  kind: CaseKind;
  status: CaseStatus;
  title: string;
  receivedAt: string;
  dueOn: string | null;
  paused: boolean;
  escalated: boolean;
  section: QueueSection;
  schoolCode: string | null;
  schoolName: string | null;
  department: string | null;
  assigneeName: string | null;
}

export interface QueueCounts {
  overdue: number;
  dueToday: number;
  open: number;
  escalated: number;
  total: number;
}

const openStatus = sql`${cases.status} in ('received', 'in_progress', 'awaiting_submitter')`;

async function scopeCondition(db: Executor, scope: QueueScope): Promise<SQL | null> {
  if (scope.kind === "organisation") return eq(cases.organisationId, scope.organisationId);
  if (scope.schoolCode) {
    const [school] = await db
      .select({ id: organisations.id })
      .from(organisations)
      .where(and(eq(organisations.kind, "school"), eq(organisations.code, scope.schoolCode)))
      .limit(1);
    return school ? eq(cases.organisationId, school.id) : null;
  }
  if (scope.handler === "ministry") return isNull(cases.organisationId);
  if (scope.handler === "schools") return isNotNull(cases.organisationId);
  return sql`true`;
}

export const listCaseQueue = withDefaultDb(async function listCaseQueue(
  db: Executor,
  options: {
    scope: QueueScope;
    filters: Pick<QueueFilters, "kind" | "status" | "page">;
    today: string;
    pageSize: number;
  },
): Promise<{ rows: QueueRow[]; counts: QueueCounts }> {
  const { filters, today, pageSize } = options;
  const empty = { rows: [], counts: { overdue: 0, dueToday: 0, open: 0, escalated: 0, total: 0 } };
  const handler = await scopeCondition(db, options.scope);
  if (!handler) return empty;
  const where = and(
    openStatus,
    handler,
    filters.kind ? eq(cases.kind, filters.kind) : undefined,
    filters.status && (OPEN_STATUSES as readonly string[]).includes(filters.status)
      ? eq(cases.status, filters.status)
      : undefined,
  );
  const overdue = sql`${cases.pausedAt} is null and ${cases.dueOn} < ${today}`;
  const dueToday = sql`${cases.pausedAt} is null and ${cases.dueOn} = ${today}`;
  const [c] = await db
    .select({
      total: count(),
      overdue: sql<number>`count(*) filter (where ${overdue})`.mapWith(Number),
      dueToday: sql<number>`count(*) filter (where ${dueToday})`.mapWith(Number),
      escalated: sql<number>`count(*) filter (where ${cases.escalatedAt} is not null)`.mapWith(Number),
    })
    .from(cases)
    .where(where);
  const counts: QueueCounts = {
    total: Number(c?.total ?? 0),
    overdue: c?.overdue ?? 0,
    dueToday: c?.dueToday ?? 0,
    escalated: c?.escalated ?? 0,
    open: Number(c?.total ?? 0) - (c?.overdue ?? 0) - (c?.dueToday ?? 0),
  };
  if (counts.total === 0) return { rows: [], counts };
  const rows = await db
    .select({
      id: cases.id,
      code: cases.code,
      kind: cases.kind,
      status: cases.status,
      title: cases.title,
      receivedAt: cases.receivedAt,
      dueOn: cases.dueOn,
      pausedAt: cases.pausedAt,
      escalatedAt: cases.escalatedAt,
      schoolCode: organisations.code,
      schoolName: organisations.name,
      department: cases.department,
      assigneeName: users.fullName,
    })
    .from(cases)
    .leftJoin(organisations, eq(organisations.id, cases.organisationId))
    .leftJoin(users, eq(users.id, cases.assigneeUserId))
    .where(where)
    .orderBy(
      sql`case when ${overdue} then 0 when ${dueToday} then 1 else 2 end`,
      sql`${cases.dueOn} asc nulls last`,
      asc(cases.receivedAt),
      asc(cases.id),
    )
    .limit(pageSize)
    .offset((Math.max(1, filters.page) - 1) * pageSize);
  return {
    counts,
    rows: rows.map((r) => ({
      id: r.id,
      code: r.code,
      kind: r.kind,
      status: r.status,
      title: r.title,
      receivedAt: r.receivedAt.toISOString(),
      dueOn: r.dueOn,
      paused: r.pausedAt !== null,
      escalated: r.escalatedAt !== null,
      section: queueSection(r.dueOn, r.pausedAt !== null, today),
      schoolCode: r.schoolCode,
      schoolName: r.schoolName,
      department: r.department,
      assigneeName: r.assigneeName,
    })),
  };
});
