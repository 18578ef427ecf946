import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { FormAlert, SelectField, TextAreaField, TextField } from "~/components/form";
import { getDb } from "~/lib/db.server";
import { getEnv } from "~/lib/env.server";
import { formMessage, parseForm, type FormFailure } from "~/lib/forms";
import { requireUser } from "~/lib/guards.server";
import { notFound, readFormData } from "~/lib/http.server";
import type { MessageKey } from "~/lib/i18n";
import { useT } from "~/lib/i18n/use-t";
import { pageTitle } from "~/lib/meta";
import { clientOf } from "~/lib/request-context";
import { REQUEST_FAILURES } from "~/modules/services/failures";
import { loadServiceForm } from "~/modules/services/request-pages.server";
import { requestService, type UploadedFile } from "~/modules/services/request-service.server";
import {
  CAPACITIES,
  capacityAllowed,
  CORRECTION_FIELDS,
  parseCorrectionFields,
  SERVICE_SCHEMAS,
  serviceKindOf,
  serviceSlugOf,
  type ServiceInput,
} from "~/modules/services/schema";
import { CAPACITY_TEXT, CORRECTION_FIELD_TEXT, feeText, SERVICE_TEXT } from "~/modules/services/labels";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, data ? SERVICE_TEXT[data.kind].title : "services.index.title");

const PRIVATE = { "Cache-Control": "private, no-store" };

/** GET /services/{certified-copy|correction|confirmation}: the request form, pre-filled for the signed-in person. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const kind = serviceKindOf(params.kind);
  if (!kind) throw notFound();
  const session = await requireUser(request);
  const data = await loadServiceForm(await getDb(), { kind, user: session.user });
  return json(data, { headers: PRIVATE });
}

async function filesOf(form: FormData, name: string): Promise<UploadedFile[]> {
  const files = form.getAll(name).filter((v): v is File => typeof v === "object" && v !== null && v.size > 0);
  return Promise.all(files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
}

/** POST: opens the case with its attachments in one transaction, then shows its code. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const kind = serviceKindOf(params.kind);
  if (!kind) throw notFound();
  const session = await requireUser(request);
  const form = await readFormData(request);
  const parsed = parseForm(SERVICE_SCHEMAS[kind], form);
  if (!parsed.ok)
    return json<FormFailure>(
      { values: parsed.values, fieldErrors: parsed.fieldErrors, formError: "form.errorSummary" },
      { status: 400 },
    );
  const input = (
    kind === "correction"
      ? { ...parsed.data, kind, fields: parseCorrectionFields(form.getAll("fields")) }
      : { ...parsed.data, kind }
  ) as ServiceInput;
  const result = await requestService(await getDb(), {
    input,
    files: {
      authorisation: await filesOf(form, "authorisation"),
      evidence: await filesOf(form, "evidence"),
      receipt: await filesOf(form, "receipt"),
    },
    user: { id: session.user.id },
    actor: { userId: session.user.id, ip: clientOf(request, context).ip },
    origin: getEnv().PUBLIC_ORIGIN,
  });
  if (!result.ok) {
    const failure = REQUEST_FAILURES[result.code];
    const values: Record<string, string> = {};
    for (const [k, v] of form) if (typeof v === "string") values[k] = v.slice(0, 2000);
    return json<FormFailure>(
      {
        values,
        fieldErrors: {},
        formError: failure.message,
        formErrorParams: { file: result.fileName ?? "" },
      },
      { status: failure.status },
    );
  }
  return redirect(`/services/${serviceSlugOf(kind)}?sent=${encodeURIComponent(result.value.code)}`);
}

export default function ServiceRequestPage() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const navigation = useNavigation();
  const [search] = useSearchParams();
  const sent = search.get("sent");
  const v = failure?.values ?? {};
  const e = failure?.fieldErrors ?? {};
  const text = SERVICE_TEXT[data.kind];
  const capacity = v.capacity ?? (data.diplomas.length > 0 ? "self" : "representative");
  return (
    <div className="container narrow service-request">
      <p>
        <Link to="/services">{t("services.index.back")}</Link>
      </p>
      <h1>{t(text.title)}</h1>
      <p className="lead">{t(text.intro)}</p>
      {sent ? (
        <FormAlert kind="success">
          <p data-testid="service-sent">{t("services.form.sent", { code: sent })}</p>
          <p>
            <Link to={`/my/cases/${sent}`}>{t("services.form.follow")}</Link>
          </p>
        </FormAlert>
      ) : null}
      <section className="card" aria-labelledby="service-fee-heading">
        <h2 id="service-fee-heading">{t("services.fee.title")}</h2>
        <p data-testid="service-fee">{feeText(t, data.feeVnd)}</p>
        <p>
          {data.workingDays === 0 ? t("services.fee.sameDay") : t("services.fee.deadline", { days: data.workingDays })}
        </p>
        <p className="field-hint">{t("services.fee.payment")}</p>
      </section>
      {failure?.formError ? (
        <FormAlert kind="error">
          {t(failure.formError as MessageKey, failure.formErrorParams as Record<string, string> | undefined)}
        </FormAlert>
      ) : null}
      <Form method="post" encType="multipart/form-data" className="card form" noValidate>
        <fieldset className="field choice-group">
          <legend>{t("services.form.capacity")}</legend>
          {CAPACITIES.filter((c) => capacityAllowed(data.kind, c)).map((c) => (
            <label key={c} className="choice">
              <input type="radio" name="capacity" value={c} defaultChecked={capacity === c} /> {t(CAPACITY_TEXT[c])}
            </label>
          ))}
          {e.capacity ? <p className="field-error">{t(formMessage(e.capacity))}</p> : null}
        </fieldset>

        <fieldset className="field">
          <legend>{t("services.form.own.legend")}</legend>
          {data.diplomas.length > 0 ? (
            <SelectField
              name="diplomaId"
              label={t("services.form.own.diploma")}
              defaultValue={v.diplomaId ?? data.diplomas[0]?.id}
              error={e.diplomaId}
            >
              {data.diplomas.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.serial} — {d.programmeName} — {d.schoolName}
                </option>
              ))}
            </SelectField>
          ) : (
            <p className="field-hint">
              {t("services.form.own.none")} <Link to="/graduate/claim">{t("services.form.own.claim")}</Link>
            </p>
          )}
        </fieldset>

        <fieldset className="field">
          <legend>{t("services.form.other.legend")}</legend>
          <p className="field-hint">{t("services.form.other.hint")}</p>
          <SelectField
            name="schoolCode"
            label={t("services.form.other.school")}
            defaultValue={v.schoolCode ?? ""}
            error={e.schoolCode}
          >
            <option value="">{t("services.form.other.chooseSchool")}</option>
            {data.schools.map((s) => (
              <option key={s.code} value={s.code}>
                {s.name}
              </option>
            ))}
          </SelectField>
          <TextField name="serial" label={t("services.form.other.serial")} defaultValue={v.serial} error={e.serial} />
          <TextField
            name="holderName"
            label={t("services.form.other.holderName")}
            defaultValue={v.holderName}
            error={e.holderName}
          />
          <TextField
            name="holderDateOfBirth"
            type="date"
            label={t("services.form.other.holderDateOfBirth")}
            defaultValue={v.holderDateOfBirth}
            error={e.holderDateOfBirth}
          />
          <FileField name="authorisation" label={t("services.form.file.authorisation")} />
          {data.kind === "certified_copy" ? (
            <p className="field-hint">{t("services.form.other.relativeHint")}</p>
          ) : null}
        </fieldset>

        <fieldset className="field">
          <legend>{t("services.form.contact")}</legend>
          <TextField
            name="name"
            label={t("services.form.name")}
            defaultValue={v.name ?? data.prefill.name}
            error={e.name}
            autoComplete="name"
          />
          <TextField
            name="email"
            type="email"
            label={t("services.form.email")}
            defaultValue={v.email ?? data.prefill.email}
            error={e.email}
            autoComplete="email"
          />
          <TextField name="phone" label={t("services.form.phone")} defaultValue={v.phone} autoComplete="tel" />
        </fieldset>

        {data.kind === "certified_copy" ? (
          <fieldset className="field">
            <legend>{t("services.form.copy.legend")}</legend>
            <TextField
              name="copies"
              type="number"
              min={1}
              max={10}
              label={t("services.form.copy.copies")}
              defaultValue={v.copies ?? "1"}
              error={e.copies}
            />
            <SelectField
              name="delivery"
              label={t("services.form.copy.delivery")}
              defaultValue={v.delivery ?? "electronic"}
              error={e.delivery}
            >
              <option value="electronic">{t("services.delivery.electronic")}</option>
              <option value="post">{t("services.delivery.post")}</option>
            </SelectField>
            <TextAreaField
              name="postalAddress"
              label={t("services.form.copy.postalAddress")}
              hint={t("services.form.copy.postalAddressHint")}
              defaultValue={v.postalAddress}
              error={e.postalAddress}
              rows={2}
            />
          </fieldset>
        ) : null}

        {data.kind === "correction" ? (
          <fieldset className="field choice-group">
            <legend>{t("services.form.correction.legend")}</legend>
            {CORRECTION_FIELDS.map((f) => (
              <label key={f} className="choice">
                <input type="checkbox" name="fields" value={f} /> {t(CORRECTION_FIELD_TEXT[f])}
              </label>
            ))}
            <TextAreaField
              name="correctValue"
              label={t("services.form.correction.correctValue")}
              defaultValue={v.correctValue}
              error={e.correctValue}
              rows={3}
            />
          </fieldset>
        ) : null}

        {data.kind === "confirmation" ? (
          <fieldset className="field">
            <legend>{t("services.form.confirmation.legend")}</legend>
            <TextField
              name="agencyName"
              label={t("services.form.confirmation.agencyName")}
              defaultValue={v.agencyName}
              error={e.agencyName}
            />
            <TextField
              name="agencyCountry"
              label={t("services.form.confirmation.agencyCountry")}
              defaultValue={v.agencyCountry ?? "Việt Nam"}
              error={e.agencyCountry}
            />
            <TextField
              name="agencyEmail"
              type="email"
              label={t("services.form.confirmation.agencyEmail")}
              defaultValue={v.agencyEmail}
              error={e.agencyEmail}
            />
            <TextField
              name="purpose"
              label={t("services.form.confirmation.purpose")}
              defaultValue={v.purpose}
              error={e.purpose}
            />
            <SelectField
              name="language"
              label={t("services.form.confirmation.language")}
              defaultValue={v.language ?? "vi"}
              error={e.language}
            >
              <option value="vi">Tiếng Việt</option>
              <option value="en">English</option>
            </SelectField>
          </fieldset>
        ) : null}

        <FileField
          name="evidence"
          label={t(data.kind === "correction" ? "services.form.file.evidenceRequired" : "services.form.file.evidence")}
        />
        <FileField name="receipt" label={t("services.form.file.receipt")} />
        <p className="field-hint">{t("services.form.file.rules")}</p>
        <TextAreaField name="note" label={t("services.form.note")} defaultValue={v.note} rows={3} />
        <button type="submit" className="button button-primary" disabled={navigation.state === "submitting"}>
          {t("services.form.submit")}
        </button>
      </Form>
    </div>
  );
}

function FileField({ name, label }: { name: string; label: string }) {
  return (
    <div className="field">
      <label htmlFor={`f-${name}`}>{label}</label>
      <input id={`f-${name}`} type="file" name={name} accept="application/pdf,image/png,image/jpeg" multiple />
    </div>
  );
}
