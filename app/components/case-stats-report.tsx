import { formatDateVi } from "~/lib/format-time";
import { Form, Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { FormAlert, SelectField, TextField } from "~/components/form";
import { formatNumber } from "~/lib/format-number";
import type { MessageKey } from "~/lib/i18n";
import { useLocale, useT } from "~/lib/i18n/use-t";
import { CASE_KINDS, type CaseKind } from "~/modules/cases/case-kinds";
import { CASE_KIND_LABELS, CASE_STATUS_LABELS } from "~/modules/cases/labels";
import { STATS_STATUSES, type CaseStatsReport, type StatsFigures } from "~/modules/case-stats/report";
import { organisationName, percent, topicName } from "~/modules/case-stats/report-table";

export interface CaseStatsPageProps {
  report: CaseStatsReport;
  query: { from: string; to: string; kind?: CaseKind; topic?: string; organisation?: string };
  facets: { topics: string[]; schools: { code: string; name: string }[] };
  /** The page's own address (filters reset to it) and its exports' base (".csv", ".xlsx", ".pdf" appended). */
  base: string;
  exportQuery: string;
  /** The ministry's page filters by handler and lists each; a school's page shows its own cases. */
  scope: "ministry" | "school";
  /** The school's name; null: the ministry. */
  signerName: string | null;
  /** Whether the user may sign the report (the PDF button shows only then). */
  canSign: boolean;
  notice: MessageKey | null;
}

/** The statistics report of cases: filters, overview, by status, satisfaction, by kind, topic and handler, exports. */
export function CaseStatsPage(props: CaseStatsPageProps) {
  const t = useT();
  const locale = useLocale();
  const { report, query, facets, base, exportQuery, scope } = props;
  const n = (value: number) => formatNumber(value, locale);
  const filtered = Boolean(query.kind || query.topic || query.organisation);
  const totals = report.totals;
  return (
    <>
      <h1>{t("case-stats.title")}</h1>
      <p className="lead">{t(scope === "ministry" ? "case-stats.intro" : "case-stats.introSchool")}</p>

      <Form method="get" className="filters" aria-label={t("case-stats.filter.label")}>
        <TextField name="from" type="date" label={t("case-stats.filter.from")} defaultValue={query.from} required />
        <TextField name="to" type="date" label={t("case-stats.filter.to")} defaultValue={query.to} required />
        <SelectField name="kind" label={t("case-stats.filter.kind")} defaultValue={query.kind ?? ""}>
          <option value="">{t("case-stats.filter.allKinds")}</option>
          {CASE_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(CASE_KIND_LABELS[k])}
            </option>
          ))}
        </SelectField>
        <SelectField name="topic" label={t("case-stats.filter.topic")} defaultValue={query.topic ?? ""}>
          <option value="">{t("case-stats.filter.allTopics")}</option>
          {facets.topics.map((topic) => (
            <option key={topic} value={topic}>
              {topic}
            </option>
          ))}
        </SelectField>
        {scope === "ministry" ? (
          <SelectField
            name="organisation"
            label={t("case-stats.filter.organisation")}
            defaultValue={query.organisation ?? ""}
          >
            <option value="">{t("case-stats.filter.allOrganisations")}</option>
            <option value="ministry">{t("case-stats.ministry")}</option>
            {facets.schools.map((s) => (
              <option key={s.code} value={s.code}>
                {`${s.name} (${s.code})`}
              </option>
            ))}
          </SelectField>
        ) : null}
        <div className="filters-actions">
          <button type="submit" className="button button-primary">
            {t("case-stats.filter.submit")}
          </button>
          {filtered ? <Link to={base}>{t("case-stats.filter.reset")}</Link> : null}
        </div>
      </Form>

      <p className="muted" role="status">
        {t("case-stats.period", { from: formatDay(query.from), to: formatDay(query.to) })}
      </p>

      {totals.received === 0 ? (
        <p className="empty-state">{t("case-stats.empty")}</p>
      ) : (
        <>
          <section aria-labelledby="case-stats-summary">
            <h2 id="case-stats-summary">{t("case-stats.summary.title")}</h2>
            <ul className="stat-grid">
              <Stat label={t("case-stats.fig.received")} value={n(totals.received)} />
              <Stat label={t("case-stats.fig.open")} value={n(totals.open)} />
              <Stat label={t("case-stats.fig.overdue")} value={n(totals.overdue)} />
              <Stat label={t("case-stats.fig.answered")} value={n(totals.answered)} />
              <Stat label={t("case-stats.fig.onTimeRate")} value={rateText(totals.onTimeRate, locale)} />
              <Stat label={t("case-stats.fig.medianDays")} value={decimal(totals.medianAnswerDays, locale)} />
              <Stat label={t("case-stats.fig.averageRating")} value={decimal(totals.averageRating, locale)} />
              <Stat label={t("case-stats.fig.escalated")} value={n(totals.escalated)} />
            </ul>
            <p className="muted">{t("case-stats.definitions")}</p>
          </section>

          <section aria-labelledby="case-stats-status">
            <h2 id="case-stats-status">{t("case-stats.status.title")}</h2>
            <div className="table-wrap">
              <table>
                <caption className="visually-hidden">{t("case-stats.status.caption")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("case-stats.col.status")}</th>
                    <th scope="col">{t("case-stats.col.count")}</th>
                    <th scope="col">{t("case-stats.col.share")}</th>
                  </tr>
                </thead>
                <tbody>
                  {STATS_STATUSES.map((s) => (
                    <tr key={s}>
                      <th scope="row">{t(CASE_STATUS_LABELS[s])}</th>
                      <td className="num">{n(totals.byStatus[s])}</td>
                      <td className="num">{rateText(totals.byStatus[s] / totals.received, locale)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>

          <section aria-labelledby="case-stats-rating">
            <h2 id="case-stats-rating">{t("case-stats.rating.title")}</h2>
            {totals.rated === 0 ? (
              <p className="empty-state">{t("case-stats.rating.none")}</p>
            ) : (
              <div className="table-wrap">
                <table>
                  <caption className="visually-hidden">{t("case-stats.rating.caption")}</caption>
                  <thead>
                    <tr>
                      {[5, 4, 3, 2, 1].map((stars) => (
                        <th scope="col" key={stars}>
                          {t("case-stats.rating.stars", { n: stars })}
                        </th>
                      ))}
                      <th scope="col">{t("case-stats.fig.rated")}</th>
                      <th scope="col">{t("case-stats.fig.averageRating")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    <tr>
                      {[5, 4, 3, 2, 1].map((stars) => (
                        <td className="num" key={stars}>
                          {n(totals.ratingCounts[stars - 1]!)}
                        </td>
                      ))}
                      <td className="num">{n(totals.rated)}</td>
                      <td className="num">{decimal(totals.averageRating, locale)}</td>
                    </tr>
                  </tbody>
                </table>
              </div>
            )}
          </section>

          <GroupTable
            id="case-stats-kind"
            title={t("case-stats.byKind.title")}
            column={t("case-stats.col.kind")}
            rows={report.byKind.map((g) => ({ key: g.kind, name: t(CASE_KIND_LABELS[g.kind]), figures: g.figures }))}
          />
          <GroupTable
            id="case-stats-topic"
            title={t("case-stats.byTopic.title")}
            column={t("case-stats.col.topic")}
            rows={report.byTopic.map((g) => ({
              key: g.topic ?? "",
              name: topicName(t, g.topic),
              figures: g.figures,
            }))}
          />
          {scope === "ministry" ? (
            <GroupTable
              id="case-stats-organisation"
              title={t("case-stats.byOrganisation.title")}
              column={t("case-stats.col.organisation")}
              rows={report.byOrganisation.map((g) => ({
                key: g.organisation.id ?? "ministry",
                name: organisationName(t, g.organisation),
                figures: g.figures,
              }))}
            />
          ) : null}
        </>
      )}

      <section className="card" aria-labelledby="case-stats-export">
        <h2 id="case-stats-export">{t("case-stats.export.title")}</h2>
        <p className="muted">{t("case-stats.export.hint", { signer: props.signerName ?? t("case-stats.ministry") })}</p>
        {props.notice ? <FormAlert kind="error">{t(props.notice)}</FormAlert> : null}
        <div className="button-row">
          <a className="button" href={`${base}.csv?${exportQuery}`} download>
            {t("case-stats.export.csv")}
          </a>
          <a className="button" href={`${base}.xlsx?${exportQuery}`} download>
            {t("case-stats.export.xlsx")}
          </a>
          {/* A plain form (not Remix's): the browser downloads the signed PDF the POST answers with. */}
          {props.canSign ? (
            <form method="post" action={`${base}.pdf?${exportQuery}`} className="inline-form">
              <button type="submit" className="button button-primary">
                {t("case-stats.export.pdf")}
              </button>
            </form>
          ) : null}
        </div>
      </section>
    </>
  );
}

function Stat({ label, value }: { label: string; value: ReactNode }) {
  return (
    <li className="card stat">
      <span className="stat-number">{value}</span>
      <span className="stat-label">{label}</span>
    </li>
  );
}

function GroupTable(props: {
  id: string;
  title: string;
  column: string;
  rows: { key: string; name: string; figures: StatsFigures }[];
}) {
  const t = useT();
  const locale = useLocale();
  const n = (value: number) => formatNumber(value, locale);
  return (
    <section aria-labelledby={props.id}>
      <h2 id={props.id}>{props.title}</h2>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{props.title}</caption>
          <thead>
            <tr>
              <th scope="col">{props.column}</th>
              <th scope="col">{t("case-stats.fig.received")}</th>
              <th scope="col">{t("case-stats.fig.open")}</th>
              <th scope="col">{t("case-stats.fig.overdue")}</th>
              <th scope="col">{t("case-stats.fig.resolved")}</th>
              <th scope="col">{t("case-stats.fig.refused")}</th>
              <th scope="col">{t("case-stats.fig.onTimeRate")}</th>
              <th scope="col">{t("case-stats.fig.medianDays")}</th>
              <th scope="col">{t("case-stats.fig.averageRating")}</th>
              <th scope="col">{t("case-stats.fig.rated")}</th>
              <th scope="col">{t("case-stats.fig.escalated")}</th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.name}</th>
                <td className="num">{n(row.figures.received)}</td>
                <td className="num">{n(row.figures.open)}</td>
                <td className="num">{n(row.figures.overdue)}</td>
                <td className="num">{n(row.figures.resolved)}</td>
                <td className="num">{n(row.figures.refused)}</td>
                <td className="num">{rateText(row.figures.onTimeRate, locale)}</td>
                <td className="num">{decimal(row.figures.medianAnswerDays, locale)}</td>
                <td className="num">{decimal(row.figures.averageRating, locale)}</td>
                <td className="num">{n(row.figures.rated)}</td>
                <td className="num">{n(row.figures.escalated)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** 2026-03-05 → 05/03/2026. */
function formatDay(day: string): string {
  return formatDateVi(day);
}

/** 0.8333 → "83,3 %" (vi) / "83.3%" (en); null → "—". */
function rateText(rate: number | null, locale: "vi" | "en"): string {
  const value = percent(rate);
  if (value === null) return "—";
  return locale === "vi" ? `${formatNumber(value, locale)} %` : `${formatNumber(value, locale)}%`;
}

function decimal(value: number | null, locale: "vi" | "en"): string {
  return value === null ? "—" : formatNumber(value, locale);
}
