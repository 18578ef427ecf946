/**
 * The report as one flat table (a header row, then the total, each kind, topic and organisation), in the reader's
 * language: the CSV and the XLSX write it as it is, so both carry exactly the page's figures. Pure.
 */
import { isFeedbackTopic, TOPIC_LABELS } from "~/modules/feedback/topics";
import type { MessageKey, Translate } from "~/lib/i18n";
import { CASE_KIND_LABELS, CASE_STATUS_LABELS } from "~/modules/cases/labels";
import { STATS_STATUSES, type CaseStatsReport, type StatsFigures, type StatsOrganisation } from "./report";

export type TableCell = string | number | null;

const FIGURE_COLUMNS: { label: MessageKey; value: (f: StatsFigures) => TableCell }[] = [
  { label: "case-stats.fig.received", value: (f) => f.received },
  { label: "case-stats.fig.open", value: (f) => f.open },
  { label: "case-stats.fig.overdue", value: (f) => f.overdue },
  { label: "case-stats.fig.answered", value: (f) => f.answered },
  { label: "case-stats.fig.onTimeRate", value: (f) => percent(f.onTimeRate) },
  { label: "case-stats.fig.medianDays", value: (f) => f.medianAnswerDays },
  { label: "case-stats.fig.rated", value: (f) => f.rated },
  { label: "case-stats.fig.averageRating", value: (f) => f.averageRating },
  { label: "case-stats.fig.escalated", value: (f) => f.escalated },
];

/** 0.8333 → 83.3 (per cent, one decimal); null stays null (nothing answered). */
export function percent(rate: number | null): number | null {
  return rate === null ? null : Math.round(rate * 1000) / 10;
}

export function organisationName(t: Translate, organisation: StatsOrganisation): string {
  if (organisation.id === null) return t("case-stats.ministry");
  if (!organisation.code) return t("case-stats.unknownOrganisation");
  return `${organisation.name} (${organisation.code})`;
}

export function topicName(t: Translate, topic: string | null): string {
  if (topic === null) return t("case-stats.noTopic");
  return isFeedbackTopic(topic) ? t(TOPIC_LABELS[topic]) : topic;
}

/**
 * Header and rows. `withOrganisations`: the ministry's report lists each handler; a school's report has one, itself.
 */
export function caseStatsTable(
  report: CaseStatsReport,
  t: Translate,
  options: { withOrganisations: boolean },
): TableCell[][] {
  const header: TableCell[] = [
    t("case-stats.col.section"),
    t("case-stats.col.group"),
    ...FIGURE_COLUMNS.map((c) => t(c.label)),
    ...[1, 2, 3, 4, 5].map((n) => t("case-stats.col.ratingN", { n })),
    ...STATS_STATUSES.map((s) => t("case-stats.col.statusN", { status: t(CASE_STATUS_LABELS[s]) })),
  ];
  const row = (section: string, group: string, f: StatsFigures): TableCell[] => [
    section,
    group,
    ...FIGURE_COLUMNS.map((c) => c.value(f)),
    ...f.ratingCounts,
    ...STATS_STATUSES.map((s) => f.byStatus[s]),
  ];
  const rows: TableCell[][] = [header, row(t("case-stats.section.total"), "", report.totals)];
  for (const g of report.byKind) rows.push(row(t("case-stats.section.kind"), t(CASE_KIND_LABELS[g.kind]), g.figures));
  for (const g of report.byTopic) rows.push(row(t("case-stats.section.topic"), topicName(t, g.topic), g.figures));
  if (options.withOrganisations)
    for (const g of report.byOrganisation)
      rows.push(row(t("case-stats.section.organisation"), organisationName(t, g.organisation), g.figures));
  return rows;
}
