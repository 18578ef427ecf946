/**
 * The statistics report's road to the database: one query sums the cases received in the period for the whole
 * report and for each kind, topic and handling organisation at once (GROUPING SETS), with the median time to answer
 * (percentile_cont); report.ts turns the sums into figures. Read-only: it may run on a read replica.
 */
import { and, asc, eq, inArray, isNotNull, sql, type SQL } from "drizzle-orm";
import { cases, organisations } from "../../../db/schema";
import type { CaseKind, CaseStatus } from "../../../db/schema/cases";
import { rowsOf, withDefaultDb, type Executor } from "~/lib/db.server";
import { addDays } from "~/modules/cases/working-days";
import {
  emptySums,
  figuresOf,
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
  g_kind: number;
  g_topic: number;
  g_org: number;
  kind: CaseKind | null;
  topic: string | null;
  organisation_id: string | null;
  total: number;
  overdue: number;
  answered: number;
  answered_on_time: number;
  median_seconds: number | string | null;
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
  sums.medianAnswerSeconds = row.median_seconds === null ? null : Number(row.median_seconds);
  sums.rated = Number(row.rated);
  sums.ratingSum = Number(row.rating_sum);
  sums.ratingCounts = [Number(row.r1), Number(row.r2), Number(row.r3), Number(row.r4), Number(row.r5)];
  sums.escalated = Number(row.escalated);
  return sums;
}

const statusSum = (status: CaseStatus) =>
  sql`count(*) filter (where ${cases.status} = ${sql.raw(`'${status}'`)})::int as ${sql.raw(`s_${status}`)}`;

/** The report of the cases received in the period, within the filter. */
export const loadCaseStatistics = withDefaultDb(
  async (db: Executor, filter: CaseStatsFilter): Promise<CaseStatsReport> => {
    const answered = sql`${cases.status} in ('resolved', 'refused')`;
    const rows = rowsOf<SumsRow>(
      await db.execute(sql`
        select
          grouping(${cases.kind})::int as g_kind,
          grouping(${cases.topic})::int as g_topic,
          grouping(${cases.organisationId})::int as g_org,
          ${cases.kind} as kind,
          ${cases.topic} as topic,
          ${cases.organisationId} as organisation_id,
          count(*)::int as total,
          ${sql.join(STATS_STATUSES.map(statusSum), sql`, `)},
          count(*) filter (
            where ${cases.status} in ('received', 'in_progress') and ${cases.pausedAt} is null
              and ${cases.dueOn} < ${filter.today}::date
          )::int as overdue,
          count(*) filter (where ${answered})::int as answered,
          count(*) filter (where ${answered} and ${cases.closedLate} = false)::int as answered_on_time,
          percentile_cont(0.5) within group (order by extract(epoch from ${cases.closedAt} - ${cases.receivedAt}))
            filter (where ${answered} and ${cases.closedAt} is not null) as median_seconds,
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
        group by grouping sets ((), (${cases.kind}), (${cases.topic}), (${cases.organisationId}))
      `),
    );
    const totals = rows.find((r) => Number(r.g_kind) + Number(r.g_topic) + Number(r.g_org) === 3);
    const byKindRows = rows.filter((r) => Number(r.g_kind) === 0);
    const byTopicRows = rows.filter((r) => Number(r.g_topic) === 0);
    const byOrgRows = rows.filter((r) => Number(r.g_org) === 0);
    const orgIds = byOrgRows.map((r) => r.organisation_id).filter((id): id is string => id !== null);
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
      totals: figuresOf(totals ? sumsOf(totals) : emptySums()),
      byKind: sortGroups(
        byKindRows.map((r) => ({ kind: r.kind!, figures: figuresOf(sumsOf(r)) })),
        (g) => g.kind,
      ),
      byTopic: sortGroups(
        byTopicRows.map((r) => ({ topic: r.topic, figures: figuresOf(sumsOf(r)) })),
        (g) => g.topic ?? "",
      ),
      byOrganisation: sortGroups(
        byOrgRows.map((r) => ({
          organisation:
            r.organisation_id === null
              ? { id: null, code: null, name: "" }
              : (names.get(r.organisation_id) ?? { id: r.organisation_id, code: null, name: "" }),
          figures: figuresOf(sumsOf(r)),
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
