/**
 * The statistics report's use-cases: build it for the ministry (every case, filters by kind, topic and handler) or
 * for one school (its own cases), export it as CSV or XLSX, and sign it: a W3C credential of the ministry or the
 * school (kind statistics_report, public at /documents/{id}), audited in the same transaction, printed as a PDF with
 * the QR code of that document.
 */
import { getDb, type Executor } from "~/lib/db.server";
import { vietnamDate } from "~/lib/format-time";
import { translator, type Locale, type Translate } from "~/lib/i18n";
import { fail, ok, type Result } from "~/lib/result";
import type { AuditActor } from "~/modules/audit/record-audit.server";
import { CASE_KIND_LABELS } from "~/modules/cases/labels";
import { signOrganisationDocument, type SignDocumentError } from "~/modules/cases/sign-document.server";
import { csvCell } from "~/modules/documents/register-csv";
import { writeSimpleXlsx } from "~/modules/spreadsheet/simple-xlsx.server";
import { renderCaseStatsPdf } from "./case-stats-pdf.server";
import { findSchoolIdByCode, listCaseStatsFacets, loadCaseStatistics, type CaseStatsFilter } from "./queries.server";
import type { CaseStatsReport } from "./report";
import { caseStatsTable, organisationName, topicName, type TableCell } from "./report-table";
import { MINISTRY_FILTER, parseCaseStatsQuery, type CaseStatsQuery } from "./schema";

/** Whose report: the ministry's (every handler) or a school's (its own cases only, whatever the query says). */
export type CaseStatsScope =
  { kind: "ministry" } | { kind: "school"; organisation: { id: string; code: string; name: string } };

export interface LoadedCaseStats {
  query: CaseStatsQuery;
  report: CaseStatsReport;
}

/** The filter of a query within a scope: a school never sees another handler's cases. */
export async function statsFilterFor(
  db: Executor,
  scope: CaseStatsScope,
  query: CaseStatsQuery,
  today: string,
): Promise<CaseStatsFilter> {
  const base = { from: query.from, to: query.to, kind: query.kind, topic: query.topic, today };
  if (scope.kind === "school") return { ...base, organisationId: scope.organisation.id };
  if (!query.organisation) return base;
  if (query.organisation === MINISTRY_FILTER) return { ...base, organisationId: null };
  const id = await findSchoolIdByCode(db, query.organisation);
  // An unknown school code matches nothing rather than everything.
  return { ...base, organisationId: id ?? "00000000-0000-0000-0000-000000000000" };
}

export async function loadCaseStats(
  scope: CaseStatsScope,
  params: URLSearchParams,
  options: { db?: Executor; now?: Date } = {},
): Promise<LoadedCaseStats> {
  const db = options.db ?? (await getDb());
  const today = vietnamDate(options.now ?? new Date());
  const query = parseCaseStatsQuery(params, today);
  if (scope.kind === "school") delete query.organisation;
  const report = await loadCaseStatistics(db, await statsFilterFor(db, scope, query, today));
  return { query, report };
}

export const caseStatsFacets = (scope: CaseStatsScope, db?: Executor) =>
  db
    ? listCaseStatsFacets(db, { organisationId: scope.kind === "school" ? scope.organisation.id : undefined })
    : listCaseStatsFacets({ organisationId: scope.kind === "school" ? scope.organisation.id : undefined });

function tableOf(scope: CaseStatsScope, report: CaseStatsReport, locale: Locale): TableCell[][] {
  return caseStatsTable(report, translator(locale), { withOrganisations: scope.kind === "ministry" });
}

/** RFC 4180, UTF-8 with a byte-order mark (Excel), CRLF; cells neutralised against formula injection. */
export function caseStatsCsv(scope: CaseStatsScope, report: CaseStatsReport, locale: Locale): string {
  const lines = tableOf(scope, report, locale).map((row) =>
    row.map((cell) => csvCell(cell === null ? "" : String(cell))).join(","),
  );
  return "\uFEFF" + lines.join("\r\n") + "\r\n";
}

export function caseStatsXlsx(scope: CaseStatsScope, report: CaseStatsReport, locale: Locale): Buffer {
  return writeSimpleXlsx(tableOf(scope, report, locale), { sheetName: "Thong ke", boldRows: [0] });
}

/** The filters in words, for the PDF's heading. */
export function filtersInWords(query: CaseStatsQuery, t: Translate, schoolName?: string): string[] {
  const words: string[] = [];
  if (query.kind) words.push(`${t("case-stats.filter.kind")}: ${t(CASE_KIND_LABELS[query.kind])}`);
  if (query.topic) words.push(`${t("case-stats.filter.topic")}: ${topicName(t, query.topic)}`);
  if (query.organisation)
    words.push(
      `${t("case-stats.filter.organisation")}: ${query.organisation === MINISTRY_FILTER ? t("case-stats.ministry") : (schoolName ?? query.organisation)}`,
    );
  return words;
}

export interface SignCaseStatsOptions {
  scope: CaseStatsScope;
  query: CaseStatsQuery;
  report: CaseStatsReport;
  actor: AuditActor;
  origin: string;
  locale: Locale;
  now?: Date;
}

/**
 * Signs the report (the figures, the period and the filters as the credential's subject) and prints it. The
 * signature and its audit row ("document.sign", kind statistics_report) are one transaction; the PDF is drawn after.
 */
export async function signCaseStatsReport(
  db: Executor,
  options: SignCaseStatsOptions,
): Promise<Result<{ id: string; pdf: Buffer }, SignDocumentError>> {
  const now = options.now ?? new Date();
  const { scope, query, report } = options;
  const t = translator(options.locale);
  const signerName = scope.kind === "school" ? scope.organisation.name : t("case-stats.ministry");
  const subject = {
    type: "CaseStatisticsReport",
    handler: scope.kind === "school" ? { code: scope.organisation.code, name: scope.organisation.name } : "ministry",
    period: report.period,
    countedOn: report.today,
    filters: {
      kind: query.kind ?? null,
      topic: query.topic ?? null,
      organisation: scope.kind === "ministry" ? (query.organisation ?? null) : scope.organisation.code,
    },
    totals: report.totals,
    byKind: report.byKind,
    byTopic: report.byTopic,
    byOrganisation:
      scope.kind === "ministry"
        ? report.byOrganisation.map((g) => ({
            organisation:
              g.organisation.id === null ? "ministry" : { code: g.organisation.code, name: g.organisation.name },
            figures: g.figures,
          }))
        : [],
  };
  const signed = await db.transaction((tx) =>
    signOrganisationDocument(tx, {
      kind: "statistics_report",
      organisationId: scope.kind === "school" ? scope.organisation.id : null,
      name: `${translator("vi")("case-stats.pdf.title")} ${report.period.from} – ${report.period.to}`,
      subject,
      origin: options.origin,
      actor: options.actor,
      now,
    }),
  );
  if (!signed.ok) return fail(signed.code);
  const pdf = await renderCaseStatsPdf(
    {
      signerName,
      period: report.period,
      filters: filtersInWords(query, t, schoolNameOf(report, query, t)),
      table: tableOf(scope, report, options.locale),
      documentUrl: `${options.origin}/documents/${signed.value.id}`,
      signedAt: now,
    },
    t,
  );
  return ok({ id: signed.value.id, pdf });
}

function schoolNameOf(report: CaseStatsReport, query: CaseStatsQuery, t: Translate): string | undefined {
  const found = report.byOrganisation.find((g) => g.organisation.code === query.organisation);
  return found ? organisationName(t, found.organisation) : undefined;
}

/** The scope's name in an export's file name: the school's code, or "bo" (the ministry). */
export const scopeFileTag = (scope: CaseStatsScope) => (scope.kind === "school" ? scope.organisation.code : "bo");
