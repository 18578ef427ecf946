import { Form, useActionData, useNavigation } from "@remix-run/react";
import { FormAlert, SelectField, TextAreaField, TextField } from "~/components/form";
import { isMessageKey, type MessageKey } from "~/lib/i18n";
import { useT } from "~/lib/i18n/use-t";
import { feeText } from "~/modules/services/labels";
import type { ServicePanelData } from "~/modules/services/panel-data";

const CAPACITY: Record<string, MessageKey> = {
  self: "services.capacity.self",
  representative: "services.capacity.representative",
  relative: "services.capacity.relative",
  heir: "services.capacity.heir",
};

const PAYMENT: Record<string, MessageKey> = {
  not_recorded: "services.panel.payment.not_recorded",
  receipt_uploaded: "services.panel.payment.receipt_uploaded",
  confirmed: "services.panel.payment.confirmed",
};

/** The online services' panel on the staff's case page: the diploma from the register, the request, the intents. */
export function ServicePanel({ data, caseCode }: { data: ServicePanelData | null; caseCode: string }) {
  const t = useT();
  const navigation = useNavigation();
  const failure = useActionData() as
    { intent?: string; formError?: string; fieldErrors?: Record<string, string> } | undefined;
  if (!data || data.kind === "none") return null;
  const busy = navigation.state === "submitting";
  const error =
    failure?.intent?.startsWith("service.") && failure.formError && isMessageKey(failure.formError)
      ? failure.formError
      : null;
  const r = data.request;
  const d = data.diploma;
  const has = (intent: (typeof data.intents)[number]) => data.intents.includes(intent);
  return (
    <section className="card service-panel" aria-labelledby="service-panel-heading" data-case={caseCode}>
      <h2 id="service-panel-heading">{t("services.panel.title")}</h2>
      {error ? <FormAlert kind="error">{t(error)}</FormAlert> : null}
      <div className="grid-2">
        <div>
          <h3>{t("services.panel.diploma")}</h3>
          {d ? (
            <dl className="facts" data-testid="service-diploma">
              <dt>{t("services.form.other.serial")}</dt>
              <dd>{d.serial ?? "—"}</dd>
              <dt>{t("services.field.fullName")}</dt>
              <dd>{d.fullName}</dd>
              <dt>{t("services.field.dateOfBirth")}</dt>
              <dd>{d.dateOfBirth}</dd>
              <dt>{t("services.field.programmeName")}</dt>
              <dd>
                {d.programmeName} ({d.programmeCode})
              </dd>
              <dt>{t("services.panel.register")}</dt>
              <dd>{d.registerNumber && d.registerYear ? `${d.registerNumber}/${d.registerYear}` : "—"}</dd>
              <dt>{t("services.panel.diplomaStatus")}</dt>
              <dd>{d.status}</dd>
            </dl>
          ) : (
            <p>{t("services.panel.noDiploma")}</p>
          )}
          {r.claimedDiploma ? (
            <>
              <h4>{t("services.panel.claimed")}</h4>
              <dl className="facts">
                <dt>{t("services.form.other.serial")}</dt>
                <dd>{r.claimedDiploma.serial}</dd>
                <dt>{t("services.form.other.holderName")}</dt>
                <dd>{r.claimedDiploma.holderName}</dd>
                <dt>{t("services.form.other.holderDateOfBirth")}</dt>
                <dd>{r.claimedDiploma.holderDateOfBirth}</dd>
              </dl>
            </>
          ) : null}
        </div>
        <div>
          <h3>{t("services.panel.request")}</h3>
          <dl className="facts">
            <dt>{t("services.form.capacity")}</dt>
            <dd>{r.capacity && CAPACITY[r.capacity] ? t(CAPACITY[r.capacity]!) : "—"}</dd>
            <dt>{t("services.fee.title")}</dt>
            <dd>
              {feeText(t, r.feeVnd)} ·{" "}
              <span data-testid="service-payment">
                {t(PAYMENT[r.payment.status] ?? "services.panel.payment.not_recorded")}
              </span>
            </dd>
            {r.copies !== undefined ? (
              <>
                <dt>{t("services.form.copy.copies")}</dt>
                <dd>{r.copies}</dd>
              </>
            ) : null}
            {r.delivery ? (
              <>
                <dt>{t("services.form.copy.delivery")}</dt>
                <dd>{t(r.delivery === "post" ? "services.delivery.post" : "services.delivery.electronic")}</dd>
              </>
            ) : null}
            {r.postalAddress ? (
              <>
                <dt>{t("services.form.copy.postalAddress")}</dt>
                <dd>{r.postalAddress}</dd>
              </>
            ) : null}
            {r.fields?.length ? (
              <>
                <dt>{t("services.form.correction.legend")}</dt>
                <dd>{r.fields.join(", ")}</dd>
              </>
            ) : null}
            {r.correctValue ? (
              <>
                <dt>{t("services.form.correction.correctValue")}</dt>
                <dd className="prewrap">{r.correctValue}</dd>
              </>
            ) : null}
            {r.agency ? (
              <>
                <dt>{t("services.form.confirmation.legend")}</dt>
                <dd>
                  {r.agency.name} ({r.agency.country}) · {r.agency.email}
                </dd>
              </>
            ) : null}
            {r.purpose ? (
              <>
                <dt>{t("services.form.confirmation.purpose")}</dt>
                <dd>{r.purpose}</dd>
              </>
            ) : null}
            {r.language ? (
              <>
                <dt>{t("services.form.confirmation.language")}</dt>
                <dd>{r.language === "en" ? "English" : "Tiếng Việt"}</dd>
              </>
            ) : null}
          </dl>
        </div>
      </div>

      {data.resultDocumentId ? (
        <p>
          <a href={`/documents/${data.resultDocumentId}`}>{t("services.panel.resultDocument")}</a>
        </p>
      ) : null}
      {data.correction ? (
        <p>
          {t("services.panel.correction", { status: data.correction.status })}{" "}
          {data.schoolCode ? (
            <a href={`/school/${data.schoolCode}/batches/${data.correction.batchId}`}>
              {t("services.panel.correctionBatch")}
            </a>
          ) : null}
        </p>
      ) : null}
      {data.kind === "certified_copy" && data.schoolCode ? (
        <p>
          <a href={`/school/${data.schoolCode}/copy-register`}>{t("services.register.title")}</a>
        </p>
      ) : null}

      {has("service.deliver_copy") ? (
        <Form method="post" className="form" aria-label={t("services.panel.deliver")}>
          <input type="hidden" name="intent" value="service.deliver_copy" />
          <h3>{t("services.panel.deliver")}</h3>
          <SelectField
            name="delivery"
            label={t("services.form.copy.delivery")}
            defaultValue={r.delivery ?? "electronic"}
          >
            <option value="electronic">{t("services.delivery.electronic")}</option>
            <option value="post">{t("services.delivery.post")}</option>
          </SelectField>
          <TextField name="trackingNumber" label={t("services.panel.trackingNumber")} />
          <TextAreaField
            name="postalAddress"
            label={t("services.form.copy.postalAddress")}
            defaultValue={r.postalAddress ?? ""}
            rows={2}
          />
          <button type="submit" className="button button-primary" disabled={busy}>
            {t("services.panel.deliverSubmit")}
          </button>
        </Form>
      ) : null}
      {has("service.sign_confirmation") ? (
        <Form method="post" className="form">
          <input type="hidden" name="intent" value="service.sign_confirmation" />
          <button type="submit" className="button button-primary" disabled={busy}>
            {t("services.panel.signConfirmation")}
          </button>
        </Form>
      ) : null}
      {has("service.start_correction") ? (
        <Form method="post" className="form">
          <input type="hidden" name="intent" value="service.start_correction" />
          <TextAreaField
            name="reason"
            label={t("services.panel.correctionReason")}
            defaultValue={r.correctValue ?? ""}
            error={failure?.intent === "service.start_correction" ? failure.fieldErrors?.reason : undefined}
            rows={2}
          />
          <button type="submit" className="button button-primary" disabled={busy}>
            {t("services.panel.startCorrection")}
          </button>
        </Form>
      ) : null}
      {has("service.finish_correction") ? (
        <Form method="post" className="form">
          <input type="hidden" name="intent" value="service.finish_correction" />
          <button type="submit" className="button button-primary" disabled={busy}>
            {t("services.panel.finishCorrection")}
          </button>
        </Form>
      ) : null}
      {has("service.confirm_payment") ? (
        <Form method="post" className="form">
          <input type="hidden" name="intent" value="service.confirm_payment" />
          <TextField
            name="note"
            label={t("services.panel.paymentNote")}
            error={failure?.intent === "service.confirm_payment" ? failure.fieldErrors?.note : undefined}
          />
          <button type="submit" className="button" disabled={busy}>
            {t("services.panel.confirmPayment")}
          </button>
        </Form>
      ) : null}
    </section>
  );
}
