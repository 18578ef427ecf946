import { Form, useNavigation } from "@remix-run/react";
import { DateTime } from "~/components/date-time";
import { FormAlert, TextAreaField } from "~/components/form";
import { useT } from "~/lib/i18n/use-t";
import { nextStatuses, NOTE_MAX } from "~/modules/reports/schema";
import type { FakeReportStatus, ReportActionData } from "~/modules/reports/schema";
import { REPORT_STATUS_LABELS } from "~/modules/reports/labels";
import { VERDICT_LABELS } from "~/modules/verification/labels";
import { translateLabel } from "~/lib/labels";

export interface FakeReportRow {
  id: string;
  trackingCode: string;
  schoolCode: string | null;
  schoolName: string | null;
  submittedText: string | null;
  verdict: string | null;
  description: string;
  reporterEmail: string | null;
  status: FakeReportStatus;
  resolutionNote: string | null;
  createdAt: string;
}

/** The staff's list of reports (a school's, or all for the ministry), each with its status form. */
export function FakeReportsList({
  reports,
  showSchool,
  actionData,
}: {
  reports: FakeReportRow[];
  showSchool: boolean;
  actionData?: ReportActionData;
}) {
  const t = useT();
  const busy = useNavigation().state === "submitting";
  if (reports.length === 0) return <p className="muted">{t("reports.list.empty")}</p>;
  return (
    <>
      {actionData?.ok ? (
        <FormAlert kind="success">{t("reports.list.done", { code: actionData.trackingCode })}</FormAlert>
      ) : null}
      {reports.map((r) => {
        const failure = actionData && !actionData.ok && actionData.reportId === r.id ? actionData : undefined;
        const next = nextStatuses(r.status);
        const noteError = failure?.fieldErrors?.note;
        return (
          <section key={r.id} className="card" aria-labelledby={`report-${r.id}`} data-report={r.trackingCode}>
            <h2 id={`report-${r.id}`}>
              {r.trackingCode} · {t(REPORT_STATUS_LABELS[r.status])}
            </h2>
            <dl>
              <dt>{t("reports.track.createdAt")}</dt>
              <dd>
                <DateTime value={r.createdAt} />
              </dd>
              {showSchool ? (
                <>
                  <dt>{t("reports.list.school")}</dt>
                  <dd>{r.schoolCode ? `${r.schoolName ?? ""} (${r.schoolCode})` : t("reports.list.noSchool")}</dd>
                </>
              ) : null}
              <dt>{t("reports.list.verdict")}</dt>
              <dd>{r.verdict ? translateLabel(t, VERDICT_LABELS, r.verdict) : "—"}</dd>
              <dt>{t("reports.list.submitted")}</dt>
              <dd className="break-all">{r.submittedText ?? "—"}</dd>
              <dt>{t("reports.list.description")}</dt>
              <dd className="prewrap">{r.description}</dd>
              <dt>{t("reports.list.email")}</dt>
              <dd>{r.reporterEmail ?? "—"}</dd>
              {r.resolutionNote ? (
                <>
                  <dt>{t("reports.track.note")}</dt>
                  <dd className="prewrap">{r.resolutionNote}</dd>
                </>
              ) : null}
            </dl>
            {next.length > 0 ? (
              <Form method="post" className="form" noValidate>
                {failure?.formError ? <FormAlert kind="error">{t(failure.formError)}</FormAlert> : null}
                <input type="hidden" name="reportId" value={r.id} />
                <div className="field">
                  <label htmlFor={`f-status-${r.id}`}>{t("reports.list.newStatus")}</label>
                  <select id={`f-status-${r.id}`} name="status" defaultValue={failure?.values?.status ?? next[0]}>
                    {next.map((s) => (
                      <option key={s} value={s}>
                        {t(REPORT_STATUS_LABELS[s])}
                      </option>
                    ))}
                  </select>
                </div>
                <TextAreaField
                  id={`f-note-${r.id}`}
                  name="note"
                  label={t("reports.list.note")}
                  rows={2}
                  maxLength={NOTE_MAX}
                  defaultValue={failure?.values?.note ?? ""}
                  error={noteError}
                />
                <div className="form-actions">
                  <button type="submit" className="button button-primary" disabled={busy}>
                    {t("reports.list.save")}
                  </button>
                </div>
              </Form>
            ) : null}
          </section>
        );
      })}
    </>
  );
}
