import { DateTime } from "~/components/date-time";
import { useLocale, useT } from "~/lib/i18n/use-t";
import { translateLabel } from "~/lib/labels";
import { formatDate } from "~/lib/format-time";
import type { CaseKind, CaseStatus } from "~/modules/cases/case-kinds-types";
import { OUTCOME_LABELS } from "~/modules/cases/handle-forms";
import { CASE_KIND_LABELS, CASE_STATUS_LABELS, DEADLINE_STATE_LABELS } from "~/modules/cases/labels";

export type DeadlineState = keyof typeof DEADLINE_STATE_LABELS;

/** A case's status as a badge. */
export function CaseStatusBadge({ status }: { status: CaseStatus }) {
  const t = useT();
  return <span className={`status-badge case-status-${status}`}>{t(CASE_STATUS_LABELS[status])}</span>;
}

/** Where a case stands against its deadline, as a badge (overdue and due today stand out). */
export function DeadlineBadge({ state }: { state: DeadlineState }) {
  const t = useT();
  return <span className={`status-badge case-deadline-${state}`}>{t(DEADLINE_STATE_LABELS[state])}</span>;
}

/** A calendar day (yyyy-mm-dd) in the page's language. */
export function DayText({ day }: { day: string | null }) {
  const locale = useLocale();
  if (!day) return <>—</>;
  return <time dateTime={day}>{formatDate(new Date(`${day}T12:00:00+07:00`), locale)}</time>;
}

export interface CaseFactsData {
  code: string;
  kind: CaseKind;
  status: CaseStatus;
  title: string;
  body: string;
  receivedAt: string;
  dueOn: string | null;
  closedAt: string | null;
  deadline: DeadlineState;
  outcome: string | null;
  outcomeNote: string | null;
  rating: number | null;
  ratingComment: string | null;
  handlerName: string | null;
}

/** The facts every viewer of a case may see: kind, status, dates, deadline, handler, the request and its outcome. */
export function CaseFacts({ kase }: { kase: CaseFactsData }) {
  const t = useT();
  return (
    <dl className="facts">
      <dt>{t("cases.field.kind")}</dt>
      <dd>{t(CASE_KIND_LABELS[kase.kind])}</dd>
      <dt>{t("cases.field.status")}</dt>
      <dd>
        <CaseStatusBadge status={kase.status} />
      </dd>
      <dt>{t("cases.field.receivedAt")}</dt>
      <dd>
        <DateTime value={kase.receivedAt} />
      </dd>
      <dt>{t("cases.field.dueOn")}</dt>
      <dd>
        <DayText day={kase.dueOn} /> <DeadlineBadge state={kase.deadline} />
      </dd>
      {kase.closedAt ? (
        <>
          <dt>{t("cases.field.closedAt")}</dt>
          <dd>
            <DateTime value={kase.closedAt} />
          </dd>
        </>
      ) : null}
      <dt>{t("cases.field.handler")}</dt>
      <dd>{kase.handlerName ?? t("cases.handler.ministry")}</dd>
      <dt>{t("cases.field.title")}</dt>
      <dd>{kase.title}</dd>
      <dt>{t("cases.field.body")}</dt>
      <dd className="prewrap">{kase.body}</dd>
      {kase.outcome ? (
        <>
          <dt>{t("cases.field.outcome")}</dt>
          <dd>
            {translateLabel(t, OUTCOME_LABELS, kase.outcome)}
            {kase.outcomeNote ? <span className="prewrap">{` — ${kase.outcomeNote}`}</span> : null}
          </dd>
        </>
      ) : null}
      {kase.rating ? (
        <>
          <dt>{t("cases.field.rating")}</dt>
          <dd>
            {t("cases.rating.value", { rating: kase.rating })}
            {kase.ratingComment ? <span className="prewrap">{` — ${kase.ratingComment}`}</span> : null}
          </dd>
        </>
      ) : null}
    </dl>
  );
}

export interface AttachmentListRow {
  id: string;
  purpose: string;
  fileName: string;
  sizeBytes: number;
  createdAt: string;
  uploadedByName?: string | null;
}

/** A case's files, each a download link (the route checks the viewer's scope again). */
export function AttachmentList({
  code,
  attachments,
  purposeLabel,
}: {
  code: string;
  attachments: readonly AttachmentListRow[];
  purposeLabel: (purpose: string) => string;
}) {
  const t = useT();
  if (attachments.length === 0) return <p className="muted">{t("cases.attachments.none")}</p>;
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">{t("cases.attachments.file")}</th>
            <th scope="col">{t("cases.attachments.purpose")}</th>
            <th scope="col">{t("cases.attachments.size")}</th>
            <th scope="col">{t("cases.attachments.added")}</th>
          </tr>
        </thead>
        <tbody>
          {attachments.map((a) => (
            <tr key={a.id}>
              <td>
                <a href={`/cases/${encodeURIComponent(code)}/attachments/${a.id}`} download={a.fileName}>
                  {a.fileName}
                </a>
              </td>
              <td>{purposeLabel(a.purpose)}</td>
              <td className="nowrap">
                {t("cases.attachments.kb", { kb: Math.max(1, Math.round(a.sizeBytes / 1024)) })}
              </td>
              <td className="nowrap">
                <DateTime value={a.createdAt} />
                {a.uploadedByName ? ` · ${a.uploadedByName}` : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
