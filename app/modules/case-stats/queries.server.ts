/**
 * The statistics report's road to the database: one hashed pass sums the cases received in the period per (kind,
 * topic, handler), and report.ts adds those sums up into the totals and the per-kind, per-topic and per-handler
 * groups; a second, narrow query gives the median time to answer (percentile_cont) of each of those groups
 * (GROUPING SETS), as medians do not add up. Read-only: it may run on a read replica.
 */
import { and, asc, eq, inArray, isNotNull, sql, type SQL } from "drizzle-orm";
import { cases, organisations } from "../../../db/schema";
import type { CaseKind, CaseStatus } from "../../../db/schema/cases";
import { rowsOf, withDefaultDb, type Executor } from "~/lib/db.server";
import { addDays } from "~/modules/cases/working-days";
import {
  emptySums,
  figuresOf,
  rollUp,
  sortGroups,
  STATS_STATUSES,
  type CaseStatsReport,
  type StatsOrganisation,
  type StatsSums,
} from "./report";

export interface CaseStatsFilter {
  /** Vietnam calendar days, both included. */
  from: string;
  to: string;
  kind?: CaseKind;
  topic?: string;
  /** undefined: every handler; null: the ministry's own cases; a uuid: that school's. */
  organisationId?: string | null;
  /** The Vietnam day "overdue now" is counted on. */
  today: string;
}

/** The first instant of a Vietnam calendar day. */
export const vnDayStart = (day: string) => new Date(`${day}T00:00:00+07:00`);

export function caseStatsWhere(filter: CaseStatsFilter): SQL {
  const conditions: SQL[] = [
    sql`${cases.receivedAt} >= ${vnDayStart(filter.from).toISOString()}::timestamptz`,
    sql`${cases.receivedAt} < ${vnDayStart(addDays(filter.to, 1)).toISOString()}::timestamptz`,
  ];
  if (filter.kind) conditions.push(eq(cases.kind, filter.kind));
  if (filter.topic) conditions.push(eq(cases.topic, filter.topic));
  if (filter.organisationId === null) conditions.push(sql`${cases.organisationId} is null`);
  else if (filter.organisationId) conditions.push(eq(cases.organisationId, filter.organisationId));
  return and(...conditions)!;
}

interface SumsRow {
  kind: CaseKind;
  topic: string | null;
  organisation_id: string | null;
  total: number;
  overdue: number;
  answered: number;
  answered_on_time: number;
  rated: number;
  rating_sum: number;
  r1: number;
  r2: number;
  r3: number;
  r4: number;
  r5: number;
  escalated: number;
  [status: `s_${string}`]: number;
}

function sumsOf(row: SumsRow): StatsSums {
  const sums = emptySums();
  sums.total = Number(row.total);
  for (const status of STATS_STATUSES) sums.byStatus[status] = Number(row[`s_${status}`]);
  sums.overdue = Number(row.overdue);
  sums.answered = Number(row.answered);
  sums.answeredOnTime = Number(row.answered_on_time);
  sums.rated = Number(row.rated);
  sums.ratingSum = Number(row.rating_sum);
  sums.ratingCounts = [Number(row.r1), Number(row.r2), Number(row.r3), Number(row.r4), Number(row.r5)];
  sums.escalated = Number(row.escalated);
  return sums;
}

const statusSum = (status: CaseStatus) =>
  sql`count(*) filter (where ${cases.status} = ${sql.raw(`'${status}'`)})::int as ${sql.raw(`s_${status}`)}`;

const ANSWERED = sql`${cases.status} in ('resolved', 'refused')`;

/**
 * The sums of each (kind, topic, handler) group: additive, so one hashed pass over the period's cases gives them
 * all, and the totals and the per-kind, per-topic and per-handler sums are added up in report.ts (rollUp).
 */
async function loadGroupSums(db: Executor, filter: CaseStatsFilter): Promise<SumsRow[]> {
  return rowsOf<SumsRow>(
    await db.execute(sql`
      select
        ${cases.kind} as kind,
        ${cases.topic} as topic,
        ${cases.organisationId} as organisation_id,
        count(*)::int as total,
        ${sql.join(STATS_STATUSES.map(statusSum), sql`, `)},
        count(*) filter (
          where ${cases.status} in ('received', 'in_progress') and ${cases.pausedAt} is null
            and ${cases.dueOn} < ${filter.today}::date
        )::int as overdue,
        count(*) filter (where ${ANSWERED})::int as answered,
        count(*) filter (where ${ANSWERED} and ${cases.closedLate} = false)::int as answered_on_time,
        count(${cases.rating})::int as rated,
        coalesce(sum(${cases.rating}), 0)::int as rating_sum,
        count(*) filter (where ${cases.rating} = 1)::int as r1,
        count(*) filter (where ${cases.rating} = 2)::int as r2,
        count(*) filter (where ${cases.rating} = 3)::int as r3,
        count(*) filter (where ${cases.rating} = 4)::int as r4,
        count(*) filter (where ${cases.rating} = 5)::int as r5,
        count(${cases.escalatedAt})::int as escalated
      from ${cases}
      where ${caseStatsWhere(filter)}
      group by ${cases.kind}, ${cases.topic}, ${cases.organisationId}
    `),
  );
}

interface MedianRow {
  g_kind: number;
  g_topic: number;
  g_org: number;
  kind: CaseKind | null;
  topic: string | null;
  organisation_id: string | null;
  median_seconds: number | string | null;
}

/** The median time to answer is not additive: one narrow query over the answered cases, per grouping set. */
async function loadMedians(db: Executor, filter: CaseStatsFilter): Promise<MedianRow[]> {
  return rowsOf<MedianRow>(
    await db.execute(sql`
      select
        grouping(${cases.kind})::int as g_kind,
        grouping(${cases.topic})::int as g_topic,
        grouping(${cases.organisationId})::int as g_org,
        ${cases.kind} as kind,
        ${cases.topic} as topic,
        ${cases.organisationId} as organisation_id,
        percentile_cont(0.5) within group (order by extract(epoch from ${cases.closedAt} - ${cases.receivedAt}))
          as median_seconds
      from ${cases}
      where ${caseStatsWhere(filter)} and ${ANSWERED} and ${cases.closedAt} is not null
      group by grouping sets ((), (${cases.kind}), (${cases.topic}), (${cases.organisationId}))
    `),
  );
}

/** The report of the cases received in the period, within the filter. */
export const loadCaseStatistics = withDefaultDb(
  async (db: Executor, filter: CaseStatsFilter): Promise<CaseStatsReport> => {
    // Two queries on two connections of the pool when there is one (PGlite and transactions run them in turn).
    const [groups, medians] = await Promise.all([loadGroupSums(db, filter), loadMedians(db, filter)]);
    const median = (pick: (r: MedianRow) => boolean) => {
      const row = medians.find(pick);
      return row && row.median_seconds !== null ? Number(row.median_seconds) : null;
    };
    const rolled = rollUp(
      groups.map((r) => ({ kind: r.kind, topic: r.topic, organisationId: r.organisation_id, sums: sumsOf(r) })),
    );
    rolled.totals.medianAnswerSeconds = median((r) => Number(r.g_kind) + Number(r.g_topic) + Number(r.g_org) === 3);
    for (const [kind, sums] of rolled.byKind)
      sums.medianAnswerSeconds = median((r) => Number(r.g_kind) === 0 && r.kind === kind);
    for (const [topic, sums] of rolled.byTopic)
      sums.medianAnswerSeconds = median((r) => Number(r.g_topic) === 0 && r.topic === topic);
    for (const [id, sums] of rolled.byOrganisation)
      sums.medianAnswerSeconds = median((r) => Number(r.g_org) === 0 && r.organisation_id === id);

    const orgIds = [...rolled.byOrganisation.keys()].filter((id): id is string => id !== null);
    const names = new Map<string, StatsOrganisation>();
    if (orgIds.length > 0) {
      const found = await db
        .select({ id: organisations.id, code: organisations.code, name: organisations.name })
        .from(organisations)
        .where(inArray(organisations.id, orgIds));
      for (const o of found) names.set(o.id, o);
    }
    return {
      period: { from: filter.from, to: filter.to },
      today: filter.today,
      totals: figuresOf(rolled.totals),
      byKind: sortGroups(
        [...rolled.byKind].map(([kind, sums]) => ({ kind, figures: figuresOf(sums) })),
        (g) => g.kind,
      ),
      byTopic: sortGroups(
        [...rolled.byTopic].map(([topic, sums]) => ({ topic, figures: figuresOf(sums) })),
        (g) => g.topic ?? "",
      ),
      byOrganisation: sortGroups(
        [...rolled.byOrganisation].map(([id, sums]) => ({
          organisation:
            id === null ? { id: null, code: null, name: "" } : (names.get(id) ?? { id, code: null, name: "" }),
          figures: figuresOf(sums),
        })),
        (g) => g.organisation.code ?? "",
      ),
    };
  },
);

/** What the filters offer: the topics cases were sent with, and the schools. */
export const listCaseStatsFacets = withDefaultDb(
  async (
    db: Executor,
    options: { organisationId?: string },
  ): Promise<{ topics: string[]; schools: { code: string; name: string }[] }> => {
    const topicRows = await db
      .selectDistinct({ topic: cases.topic })
      .from(cases)
      .where(
        and(
          isNotNull(cases.topic),
          options.organisationId ? eq(cases.organisationId, options.organisationId) : undefined,
        ),
      )
      .orderBy(asc(cases.topic))
      .limit(200);
    const schools = options.organisationId
      ? []
      : await db
          .select({ code: organisations.code, name: organisations.name })
          .from(organisations)
          .where(eq(organisations.kind, "school"))
          .orderBy(asc(organisations.name));
    return { topics: topicRows.map((r) => r.topic!), schools };
  },
);

/** A school's id by its code (the ministry's organisation filter), or undefined when there is none. */
export const findSchoolIdByCode = withDefaultDb(async (db: Executor, code: string): Promise<string | undefined> => {
  const [row] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.code, code), eq(organisations.kind, "school")))
    .limit(1);
  return row?.id;
});
