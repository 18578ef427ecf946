import { Form, Link } from "@remix-run/react";
import { TextAreaField } from "~/components/form";
import { useT } from "~/lib/i18n/use-t";
import { translateLabel } from "~/lib/labels";
import { REPORT_OUTCOME_LABELS } from "~/modules/reports/labels";
import type { FakeReportPanelData } from "~/modules/reports/panel-data";
import { FAKE_REPORT_OUTCOMES, NOTE_MAX } from "~/modules/reports/schema";
import { VERDICT_LABELS } from "~/modules/verification/labels";

/**
 * The fake reports' panel on the staff's case page: what was reported and, while open, the verdict (genuine or
 * fake) with its public note; closing signs the result in the handling organisation's name.
 */
export function FakeReportPanel({
  data,
  fieldErrors,
}: {
  data: FakeReportPanelData | null;
  fieldErrors?: Record<string, string>;
}) {
  const t = useT();
  if (!data) return null;
  return (
    <section className="card" aria-labelledby="fake-report-panel">
      <h2 id="fake-report-panel">{t("reports.panel.title")}</h2>
      <dl>
        <dt>{t("reports.list.submitted")}</dt>
        <dd className="prewrap">{data.qr ?? "—"}</dd>
        <dt>{t("reports.list.verdict")}</dt>
        <dd>{data.verdict ? translateLabel(t, VERDICT_LABELS, data.verdict) : "—"}</dd>
        {data.outcome ? (
          <>
            <dt>{t("reports.panel.outcome")}</dt>
            <dd>{t(REPORT_OUTCOME_LABELS[data.outcome])}</dd>
          </>
        ) : null}
      </dl>
      {data.resultDocumentId ? (
        <p>
          <Link to={`/documents/${data.resultDocumentId}`}>{t("reports.panel.document")}</Link>
        </p>
      ) : null}
      {data.canResolve ? (
        <Form method="post" className="form">
          <input type="hidden" name="intent" value="fake_report.resolve" />
          <fieldset>
            <legend>{t("reports.panel.outcome")}</legend>
            {FAKE_REPORT_OUTCOMES.map((outcome) => (
              <label key={outcome} className="radio">
                <input type="radio" name="outcome" value={outcome} required /> {t(REPORT_OUTCOME_LABELS[outcome])}
              </label>
            ))}
            {fieldErrors?.outcome ? <p className="field-error">{t("reports.validation.outcome")}</p> : null}
          </fieldset>
          <TextAreaField
            name="note"
            label={t("reports.list.note")}
            hint={t("reports.panel.noteHint")}
            rows={3}
            required
            maxLength={NOTE_MAX}
            error={fieldErrors?.note}
          />
          <div className="form-actions">
            <button type="submit" className="button button-primary">
              {t("reports.panel.resolve")}
            </button>
          </div>
        </Form>
      ) : null}
    </section>
  );
}
