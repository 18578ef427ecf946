/**
 * The statistics report of cases (issue 12: "by period, by kind, topic, organisation and status, with on-time rate,
 * median time to answer and satisfaction"). Pure: the SQL road (queries.server.ts) sums each group once; this file
 * turns those sums into figures (rates, averages), and `aggregateCases` computes the same report from plain rows, the
 * independent slow path the tests compare the SQL with.
 *
 * Definitions (the cohort is the cases *received* in the period):
 * - answered: closed as resolved or refused (a merged duplicate or a withdrawn request was not answered);
 * - on-time rate: answered cases with closed_late = false over answered cases;
 * - median time to answer: the median of closed_at − received_at over answered cases, in days (calendar time);
 * - overdue now: open, not waiting for the submitter (the clock is paused then), and due before today;
 * - satisfaction: the average rating (1–5), the number rated and the distribution;
 * - escalations: cases that were escalated to the organisation's head (escalated_at set).
 */
import type { CaseKind, CaseStatus } from "../../../db/schema/cases";

export const STATS_STATUSES = [
  "received",
  "in_progress",
  "awaiting_submitter",
  "resolved",
  "refused",
  "merged",
  "withdrawn",
] as const satisfies readonly CaseStatus[];

/** What the SQL sums for one group (or the whole report). */
export interface StatsSums {
  total: number;
  byStatus: Record<CaseStatus, number>;
  overdue: number;
  answered: number;
  answeredOnTime: number;
  /** Median of (closed_at − received_at) over answered cases, in seconds; null when none was answered. */
  medianAnswerSeconds: number | null;
  rated: number;
  ratingSum: number;
  /** Ratings 1..5: index 0 holds the count of 1s. */
  ratingCounts: [number, number, number, number, number];
  escalated: number;
}

/** The figures of one group, as shown on the page and in the exports. */
export interface StatsFigures {
  received: number;
  resolved: number;
  refused: number;
  /** merged + withdrawn */
  otherClosed: number;
  open: number;
  overdue: number;
  answered: number;
  /** 0..1, null when nothing was answered. */
  onTimeRate: number | null;
  /** Days, one decimal; null when nothing was answered. */
  medianAnswerDays: number | null;
  rated: number;
  /** 1..5, two decimals; null when nothing was rated. */
  averageRating: number | null;
  ratingCounts: [number, number, number, number, number];
  escalated: number;
  byStatus: Record<CaseStatus, number>;
}

/** The handler of a group of cases: a school (its code and name) or the ministry (code null). */
export interface StatsOrganisation {
  id: string | null;
  code: string | null;
  name: string;
}

export interface CaseStatsReport {
  period: { from: string; to: string };
  /** The day "overdue now" was counted on (Vietnam). */
  today: string;
  totals: StatsFigures;
  byKind: { kind: CaseKind; figures: StatsFigures }[];
  /** topic null: cases sent without a topic. */
  byTopic: { topic: string | null; figures: StatsFigures }[];
  byOrganisation: { organisation: StatsOrganisation; figures: StatsFigures }[];
}

export function emptySums(): StatsSums {
  return {
    total: 0,
    byStatus: Object.fromEntries(STATS_STATUSES.map((s) => [s, 0])) as Record<CaseStatus, number>,
    overdue: 0,
    answered: 0,
    answeredOnTime: 0,
    medianAnswerSeconds: null,
    rated: 0,
    ratingSum: 0,
    ratingCounts: [0, 0, 0, 0, 0],
    escalated: 0,
  };
}

const round = (value: number, decimals: number) => {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
};

export function figuresOf(sums: StatsSums): StatsFigures {
  const s = sums.byStatus;
  return {
    received: sums.total,
    resolved: s.resolved,
    refused: s.refused,
    otherClosed: s.merged + s.withdrawn,
    open: s.received + s.in_progress + s.awaiting_submitter,
    overdue: sums.overdue,
    answered: sums.answered,
    onTimeRate: sums.answered > 0 ? round(sums.answeredOnTime / sums.answered, 4) : null,
    medianAnswerDays: sums.medianAnswerSeconds === null ? null : round(sums.medianAnswerSeconds / 86_400, 1),
    rated: sums.rated,
    averageRating: sums.rated > 0 ? round(sums.ratingSum / sums.rated, 2) : null,
    ratingCounts: [...sums.ratingCounts],
    escalated: sums.escalated,
    byStatus: { ...s },
  };
}

/** Groups by received count, largest first, then by their key, so the report reads the same each time. */
export function sortGroups<T extends { figures: StatsFigures }>(groups: T[], key: (g: T) => string): T[] {
  return [...groups].sort((a, b) => b.figures.received - a.figures.received || key(a).localeCompare(key(b), "vi"));
}

/** a + b, for the additive sums (not the median, which the caller sets). */
export function addSums(a: StatsSums, b: StatsSums): StatsSums {
  const sum = emptySums();
  sum.total = a.total + b.total;
  for (const s of STATS_STATUSES) sum.byStatus[s] = a.byStatus[s] + b.byStatus[s];
  sum.overdue = a.overdue + b.overdue;
  sum.answered = a.answered + b.answered;
  sum.answeredOnTime = a.answeredOnTime + b.answeredOnTime;
  sum.rated = a.rated + b.rated;
  sum.ratingSum = a.ratingSum + b.ratingSum;
  sum.ratingCounts = a.ratingCounts.map((n, i) => n + b.ratingCounts[i]!) as StatsSums["ratingCounts"];
  sum.escalated = a.escalated + b.escalated;
  return sum;
}

/** The sums of the fine groups (kind × topic × handler) added up per kind, per topic, per handler and in all. */
export function rollUp(
  groups: readonly { kind: CaseKind; topic: string | null; organisationId: string | null; sums: StatsSums }[],
): {
  totals: StatsSums;
  byKind: Map<CaseKind, StatsSums>;
  byTopic: Map<string | null, StatsSums>;
  byOrganisation: Map<string | null, StatsSums>;
} {
  let totals = emptySums();
  const byKind = new Map<CaseKind, StatsSums>();
  const byTopic = new Map<string | null, StatsSums>();
  const byOrganisation = new Map<string | null, StatsSums>();
  const add = <K>(map: Map<K, StatsSums>, key: K, sums: StatsSums) =>
    map.set(key, addSums(map.get(key) ?? emptySums(), sums));
  for (const g of groups) {
    totals = addSums(totals, g.sums);
    add(byKind, g.kind, g.sums);
    add(byTopic, g.topic, g.sums);
    add(byOrganisation, g.organisationId, g.sums);
  }
  return { totals, byKind, byTopic, byOrganisation };
}

/** One case as the slow path reads it. */
export interface StatsCaseRow {
  kind: CaseKind;
  status: CaseStatus;
  topic: string | null;
  organisationId: string | null;
  receivedAt: Date;
  closedAt: Date | null;
  closedLate: boolean | null;
  dueOn: string | null;
  pausedAt: Date | null;
  rating: number | null;
  escalatedAt: Date | null;
}

const ANSWERED: readonly CaseStatus[] = ["resolved", "refused"];
const RUNNING: readonly CaseStatus[] = ["received", "in_progress"];

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = (sorted.length - 1) / 2;
  return (sorted[Math.floor(mid)]! + sorted[Math.ceil(mid)]!) / 2;
}

/** The sums of a set of cases, computed one row at a time: the reference the SQL is tested against. */
export function sumCases(rows: readonly StatsCaseRow[], today: string): StatsSums {
  const sums = emptySums();
  const answerSeconds: number[] = [];
  for (const row of rows) {
    sums.total++;
    sums.byStatus[row.status]++;
    if (RUNNING.includes(row.status) && row.pausedAt === null && row.dueOn !== null && row.dueOn < today)
      sums.overdue++;
    if (ANSWERED.includes(row.status)) {
      sums.answered++;
      if (row.closedLate === false) sums.answeredOnTime++;
      if (row.closedAt) answerSeconds.push((row.closedAt.getTime() - row.receivedAt.getTime()) / 1000);
    }
    if (row.rating !== null) {
      sums.rated++;
      sums.ratingSum += row.rating;
      sums.ratingCounts[row.rating - 1]!++;
    }
    if (row.escalatedAt) sums.escalated++;
  }
  sums.medianAnswerSeconds = median(answerSeconds);
  return sums;
}

/** The whole report from plain rows (already restricted to the period and filters). */
export function aggregateCases(
  rows: readonly StatsCaseRow[],
  options: { period: { from: string; to: string }; today: string; organisations: Map<string, StatsOrganisation> },
): CaseStatsReport {
  const groupBy = <K>(key: (r: StatsCaseRow) => K) => {
    const groups = new Map<K, StatsCaseRow[]>();
    for (const row of rows) {
      const k = key(row);
      groups.set(k, [...(groups.get(k) ?? []), row]);
    }
    return [...groups.entries()].map(([k, list]) => ({ key: k, figures: figuresOf(sumCases(list, options.today)) }));
  };
  const ministry: StatsOrganisation = { id: null, code: null, name: "" };
  return {
    period: options.period,
    today: options.today,
    totals: figuresOf(sumCases(rows, options.today)),
    byKind: sortGroups(
      groupBy((r) => r.kind).map((g) => ({ kind: g.key, figures: g.figures })),
      (g) => g.kind,
    ),
    byTopic: sortGroups(
      groupBy((r) => r.topic).map((g) => ({ topic: g.key, figures: g.figures })),
      (g) => g.topic ?? "",
    ),
    byOrganisation: sortGroups(
      groupBy((r) => r.organisationId).map((g) => ({
        organisation:
          g.key === null ? ministry : (options.organisations.get(g.key) ?? { id: g.key, code: null, name: "" }),
        figures: g.figures,
      })),
      (g) => g.organisation.code ?? "",
    ),
  };
}
