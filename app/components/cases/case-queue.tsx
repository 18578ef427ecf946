import { Form, Link } from "@remix-run/react";
import { DayText, CaseStatusBadge, DeadlineBadge } from "~/components/cases/case-facts";
import { SelectField, TextField } from "~/components/form";
import { Pager } from "~/components/pager";
import { useT } from "~/lib/i18n/use-t";
import { translateLabel } from "~/lib/labels";
import type { CaseKind, CaseStatus } from "~/modules/cases/case-kinds-types";
import { DEPARTMENT_LABELS } from "~/modules/cases/handle-forms";
import { CASE_KIND_LABELS, CASE_STATUS_LABELS } from "~/modules/cases/labels";
import type { QueueSection } from "~/modules/cases/queue";

export interface CaseQueueRow {
  id: string;
  code: string;
  kind: CaseKind;
  status: CaseStatus;
  title: string;
  dueOn: string | null;
  paused: boolean;
  escalated: boolean;
  section: QueueSection;
  schoolCode: string | null;
  schoolName: string | null;
  department: string | null;
  assigneeName: string | null;
}

export interface CaseQueueProps {
  rows: readonly CaseQueueRow[];
  counts: { overdue: number; dueToday: number; open: number; escalated: number; total: number };
  filters: { kind?: string; status?: string; handler?: string; school?: string; page: number };
  kinds: readonly CaseKind[];
  statuses: readonly CaseStatus[];
  pageSize: number;
  /** The ministry's queue: a column and a filter for the handler. */
  ministry: boolean;
  basePath: string;
}

const SECTION_TITLES = {
  overdue: "cases.queue.section.overdue",
  due_today: "cases.queue.section.due_today",
  open: "cases.queue.section.open",
} as const;

/**
 * The officers' queue (a school's, or the ministry's): counts per section, filters, then the page's cases grouped
 * under "Quá hạn", "Đến hạn hôm nay" and the other open cases by due day; escalated cases are marked.
 */
export function CaseQueue(props: CaseQueueProps) {
  const t = useT();
  const { rows, counts, filters } = props;
  const filtered = Boolean(filters.kind || filters.status || filters.handler || filters.school);
  const sections = (["overdue", "due_today", "open"] as const)
    .map((section) => ({ section, rows: rows.filter((r) => r.section === section) }))
    .filter((s) => s.rows.length > 0);
  return (
    <>
      <ul className="case-counts" aria-label={t("cases.queue.countsLabel")}>
        <li className="case-count case-count--overdue" data-count="overdue">
          <strong>{counts.overdue}</strong> {t("cases.queue.section.overdue")}
        </li>
        <li className="case-count case-count--due_today" data-count="due_today">
          <strong>{counts.dueToday}</strong> {t("cases.queue.section.due_today")}
        </li>
        <li className="case-count" data-count="open">
          <strong>{counts.open}</strong> {t("cases.queue.section.open")}
        </li>
        <li className="case-count" data-count="escalated">
          <strong>{counts.escalated}</strong> {t("cases.queue.escalatedCount")}
        </li>
      </ul>

      <Form method="get" className="filters card" aria-label={t("cases.queue.filterLabel")}>
        <SelectField name="kind" label={t("cases.field.kind")} defaultValue={filters.kind ?? ""}>
          <option value="">{t("cases.queue.allKinds")}</option>
          {props.kinds.map((k) => (
            <option key={k} value={k}>
              {t(CASE_KIND_LABELS[k])}
            </option>
          ))}
        </SelectField>
        <SelectField name="status" label={t("cases.field.status")} defaultValue={filters.status ?? ""}>
          <option value="">{t("cases.queue.allStatuses")}</option>
          {props.statuses.map((s) => (
            <option key={s} value={s}>
              {t(CASE_STATUS_LABELS[s])}
            </option>
          ))}
        </SelectField>
        {props.ministry ? (
          <>
            <SelectField name="handler" label={t("cases.field.handler")} defaultValue={filters.handler ?? ""}>
              <option value="">{t("cases.queue.allHandlers")}</option>
              <option value="ministry">{t("cases.queue.handledByMinistry")}</option>
              <option value="schools">{t("cases.queue.handledBySchools")}</option>
            </SelectField>
            <TextField
              name="school"
              label={t("cases.queue.schoolCode")}
              defaultValue={filters.school ?? ""}
              maxLength={32}
              autoComplete="off"
            />
          </>
        ) : null}
        <div className="filters-actions">
          <button type="submit" className="button button-primary">
            {t("cases.queue.filter")}
          </button>
          {filtered ? <Link to={props.basePath}>{t("cases.queue.clear")}</Link> : null}
        </div>
      </Form>

      {rows.length === 0 ? (
        <p className="empty-state">{t("cases.queue.empty")}</p>
      ) : (
        sections.map(({ section, rows: sectionRows }) => (
          <section key={section} aria-labelledby={`queue-${section}`} data-section={section}>
            <h2 id={`queue-${section}`}>{t(SECTION_TITLES[section])}</h2>
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t("cases.field.code")}</th>
                    <th scope="col">{t("cases.field.kind")}</th>
                    <th scope="col">{t("cases.field.title")}</th>
                    <th scope="col">{t("cases.field.status")}</th>
                    <th scope="col">{t("cases.field.dueOn")}</th>
                    {props.ministry ? <th scope="col">{t("cases.field.handler")}</th> : null}
                    <th scope="col">{t("cases.field.assignee")}</th>
                  </tr>
                </thead>
                <tbody>
                  {sectionRows.map((r) => (
                    <tr key={r.id} data-case={r.code}>
                      <td className="nowrap">
                        <Link to={`/cases/${encodeURIComponent(r.code)}/handle`}>{r.code}</Link>
                        {r.escalated ? (
                          <>
                            {" "}
                            <span className="status-badge case-escalated">{t("cases.queue.escalated")}</span>
                          </>
                        ) : null}
                      </td>
                      <td>{t(CASE_KIND_LABELS[r.kind])}</td>
                      <td>{r.title}</td>
                      <td>
                        <CaseStatusBadge status={r.status} />
                      </td>
                      <td className="nowrap">
                        <DayText day={r.dueOn} />
                        {r.paused ? (
                          <>
                            {" "}
                            <DeadlineBadge state="paused" />
                          </>
                        ) : null}
                      </td>
                      {props.ministry ? (
                        <td>
                          {r.schoolCode ? `${r.schoolName ?? ""} (${r.schoolCode})` : t("cases.handler.ministry")}
                        </td>
                      ) : null}
                      <td>
                        {r.assigneeName ??
                          (r.department ? translateLabel(t, DEPARTMENT_LABELS, r.department) : t("cases.form.nobody"))}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        ))
      )}
      <Pager page={filters.page} pageSize={props.pageSize} total={counts.total} />
    </>
  );
}
