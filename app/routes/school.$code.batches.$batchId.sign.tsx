import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ConfirmCheckbox } from "~/components/issued-diplomas";
import { FormAlert, TextAreaField, TextField } from "~/components/form";
import { getDb } from "~/lib/db.server";
import { getEnv } from "~/lib/env.server";
import { formValues, parseForm, type FormFailure } from "~/lib/forms";
import { requireOrganisationPermission } from "~/lib/guards.server";
import { failureReply, notFound, readFormData, uuidOr404 } from "~/lib/http.server";
import { formatNumber } from "~/lib/format-number";
import { useLocale, useT } from "~/lib/i18n/use-t";
import { pageTitle } from "~/lib/meta";
import { signingOriginProblem } from "~/lib/public-origin";
import { clientOf } from "~/lib/request-context";
import { formatDateVi } from "~/modules/reference/cell-values";
import { DIPLOMA_FAILURES } from "~/modules/diplomas/failures";
import { loadSignPage } from "~/modules/diplomas/issued-pages.server";
import { RETURN_REASON_MAX, signBatchSchema } from "~/modules/diplomas/issued-schema";
import { signBatch } from "~/modules/diplomas/sign-batch.server";
import { returnBatch } from "~/modules/drafts/withdraw-batch.server";
import { BatchOrderLabel, CorrectionComparison, SignList } from "~/components/batch-review";
import { LEVEL_TITLES } from "~/modules/documents/labels";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "issued.sign.title");

function batchIdOf(value: string | undefined): string {
  return uuidOr404(value);
}

/** The principal reviews a submitted batch and signs it; afterwards the same page shows what was issued. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { session, organisation } = await requireOrganisationPermission(request, {
    kind: "school",
    code: params.code,
    permission: "diplomas:sign",
  });
  const batchId = batchIdOf(params.batchId);
  const data = await loadSignPage({
    organisation,
    batchId,
    signer: { id: session.user.id, fullName: session.user.fullName },
  });
  if (!data) throw notFound();
  return json({
    schoolCode: organisation.code,
    justSigned: new URL(request.url).searchParams.get("notice") === "signed",
    originProblem: signingOriginProblem(getEnv()),
    ...data,
  });
}

type SignActionData = FormFailure & { intent?: "return"; code?: string };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { session, organisation } = await requireOrganisationPermission(request, {
    kind: "school",
    code: params.code,
    permission: "diplomas:sign",
  });
  const batchId = batchIdOf(params.batchId);
  const page = await loadSignPage({
    organisation,
    batchId,
    signer: { id: session.user.id, fullName: session.user.fullName },
  });
  if (!page) throw notFound();
  const form = await readFormData(request);
  const actor = { userId: session.user.id, ip: clientOf(request, context).ip };

  if (form.get("intent") === "return") {
    const result = await returnBatch({
      organisationId: organisation.id,
      batchId,
      reason: String(form.get("reason") ?? ""),
      actor,
      publicOrigin: getEnv().PUBLIC_ORIGIN,
    });
    if (!result.ok) {
      if (result.code === "not_found") throw notFound();
      return failureReply<SignActionData>(DIPLOMA_FAILURES.return[result.code], {
        intent: "return",
        values: formValues(form),
        fieldErrors: result.fieldErrors ?? {},
      });
    }
    return redirect(`/school/${organisation.code}/batches/${batchId}?notice=returned`);
  }

  const parsed = parseForm(
    signBatchSchema({
      today: page.form?.today ?? "9999-12-31",
      latestGraduationDate: page.form?.latestGraduationDate ?? null,
    }),
    form,
  );
  if (!parsed.ok)
    return json<SignActionData>(
      { values: parsed.values, fieldErrors: parsed.fieldErrors, formError: "issued.form.fix" },
      { status: 400 },
    );

  // Diplomas signed with a loopback origin would carry it in their QR codes for good: refuse before anything is written.
  const originProblem = signingOriginProblem(getEnv());
  if (originProblem)
    return failureReply<SignActionData>(DIPLOMA_FAILURES.signOrigin[originProblem], {
      code: originProblem,
      values: formValues(form),
      fieldErrors: {},
    });

  const result = await signBatch(await getDb(), {
    organisationId: organisation.id,
    batchId,
    signer: { userId: session.user.id, name: session.user.fullName, title: parsed.data.signerTitle },
    issuePlace: parsed.data.issuePlace,
    issueDate: parsed.data.issueDate,
    publicOrigin: getEnv().PUBLIC_ORIGIN,
    actor,
  });
  if (!result.ok) {
    if (result.code === "not_found") throw notFound();
    return failureReply<SignActionData>(DIPLOMA_FAILURES.sign[result.code], {
      values: formValues(form),
      fieldErrors: {},
    });
  }
  return redirect(`/school/${organisation.code}/batches/${batchId}/sign?notice=signed`);
}

export default function SignBatchPage() {
  const t = useT();
  const locale = useLocale();
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const { batch, schoolCode, form, signed } = data;
  const failure = result?.intent === "return" ? undefined : result;
  const returnFailure = result?.intent === "return" ? result : undefined;
  const values = failure?.values ?? {};
  const errors = failure?.fieldErrors ?? {};

  return (
    <>
      <p>
        <Link to={`/school/${schoolCode}/batches/${batch.id}`}>{t("issued.sign.back", { title: batch.title })}</Link>
      </p>
      <h1>{t("issued.sign.title")}</h1>
      <p className="lead">{batch.title}</p>

      {signed ? (
        <section className="card" aria-labelledby="signed-title">
          <h2 id="signed-title">{t("issued.sign.signedTitle")}</h2>
          <FormAlert kind="success">
            {t(data.justSigned ? "issued.sign.done" : "issued.sign.signedSummary", {
              count: signed.count,
              first: signed.first ?? "—",
              last: signed.last ?? "—",
            })}
          </FormAlert>
          <p className="button-row">
            <Link to={`/school/${schoolCode}/diplomas?batch=${batch.id}`} className="button button-primary">
              {t("issued.sign.viewDiplomas")}
            </Link>
            <Link to={`/school/${schoolCode}/batches/${batch.id}`} className="button">
              {t("issued.sign.viewBatch")}
            </Link>
            <a href={`/school/${schoolCode}/batches/${batch.id}/claim-slips.pdf`} className="button" download>
              {t("issued.sign.claimSlipsPdf")}
            </a>
          </p>
        </section>
      ) : null}

      {form ? (
        <>
          <section className="card" aria-labelledby="summary-title">
            <h2 id="summary-title">{t("issued.sign.summary")}</h2>
            <dl className="facts">
              <dt>{t("issued.sign.count")}</dt>
              <dd>{formatNumber(form.count, locale)}</dd>
              {form.earliestGraduationDate && form.latestGraduationDate ? (
                <>
                  <dt>{t("issued.sign.graduationDates")}</dt>
                  <dd>
                    {form.earliestGraduationDate === form.latestGraduationDate
                      ? formatDateVi(form.latestGraduationDate)
                      : `${formatDateVi(form.earliestGraduationDate)} – ${formatDateVi(form.latestGraduationDate)}`}
                  </dd>
                </>
              ) : null}
            </dl>
            {form.programmes.length > 0 ? (
              <div className="table-wrap">
                <table>
                  <caption className="visually-hidden">{t("issued.sign.programmes")}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("issued.sign.col.programme")}</th>
                      <th scope="col">{t("issued.sign.col.level")}</th>
                      <th scope="col">{t("issued.sign.col.count")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {form.programmes.map((p) => (
                      <tr key={`${p.programmeCode}-${p.programmeName}`}>
                        <td>
                          <code>{p.programmeCode}</code> {p.programmeName}
                        </td>
                        <td>{LEVEL_TITLES[p.levelCode]?.level[locale] ?? p.levelName}</td>
                        <td>{formatNumber(p.n, locale)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : null}
            <p>
              <Link to={`/school/${schoolCode}/batches/${batch.id}#drafts`}>{t("issued.sign.reviewList")}</Link>
            </p>
          </section>

          {data.corrections.map((c) => (
            <CorrectionComparison key={c.id} correction={c} />
          ))}

          {data.list && data.list.total > 0 ? (
            <section className="card" aria-labelledby="order-title">
              <h2 id="order-title">{t("issued.sign.orderTitle")}</h2>
              <p>
                {t("issued.sign.orderIs")} <BatchOrderLabel order={batch.rowOrder} />
              </p>
              <p className="muted">{t("issued.sign.orderHelp")}</p>
              <SignList rows={data.list.rows} />
              {data.list.total > data.list.rows.length ? (
                <p className="muted">
                  {t("issued.sign.listMore", { shown: data.list.rows.length, total: data.list.total })}{" "}
                  <Link to={`/school/${schoolCode}/batches/${batch.id}#drafts`}>{t("issued.sign.reviewList")}</Link>
                </p>
              ) : null}
            </section>
          ) : null}

          {batch.status !== "submitted" ? (
            <FormAlert kind="info">{t("issued.sign.error.not_submitted")}</FormAlert>
          ) : !form.accredited ? (
            <FormAlert kind="info">{t("issued.sign.error.school_not_accredited")}</FormAlert>
          ) : form.preparedBySigner ? (
            <FormAlert kind="info">{t("issued.sign.error.same_person")}</FormAlert>
          ) : !form.hasActiveKey ? (
            <FormAlert kind="info">{t("issued.sign.error.no_active_key")}</FormAlert>
          ) : form.count === 0 ? (
            <FormAlert kind="info">{t("issued.sign.error.empty")}</FormAlert>
          ) : data.originProblem ? (
            <FormAlert kind="error">{t(DIPLOMA_FAILURES.signOrigin[data.originProblem].message)}</FormAlert>
          ) : (
            <section className="card" aria-labelledby="sign-form-title">
              <h2 id="sign-form-title">{t("issued.sign.formTitle")}</h2>
              <p className="muted">{t("issued.sign.intro")}</p>
              {failure?.formError ? <FormAlert kind="error">{t(failure.formError)}</FormAlert> : null}
              <Form method="post" className="form" noValidate>
                <div className="field">
                  <span className="field-label" id="signer-name-label">
                    {t("issued.sign.signerName")}
                  </span>
                  <p className="field-static" aria-labelledby="signer-name-label">
                    {form.signerName}
                  </p>
                  <p className="field-hint">{t("issued.sign.signerNameHint")}</p>
                </div>
                <TextField
                  name="signerTitle"
                  label={t("issued.sign.signerTitle")}
                  hint={t("issued.sign.signerTitleHint")}
                  defaultValue={values.signerTitle ?? form.defaults.signerTitle}
                  error={errors.signerTitle}
                  required
                  maxLength={100}
                />
                <TextField
                  name="issueDate"
                  type="date"
                  label={t("issued.sign.issueDate")}
                  hint={t(
                    form.latestGraduationDate ? "issued.sign.issueDateHint" : "issued.sign.issueDateHintNoGraduation",
                    {
                      date: form.latestGraduationDate ? formatDateVi(form.latestGraduationDate) : "",
                    },
                  )}
                  defaultValue={values.issueDate ?? form.defaults.issueDate}
                  error={errors.issueDate}
                  min={form.latestGraduationDate ?? undefined}
                  max={form.today}
                  required
                />
                <TextField
                  name="issuePlace"
                  label={t("issued.sign.issuePlace")}
                  hint={t("issued.sign.issuePlaceHint")}
                  defaultValue={values.issuePlace ?? form.defaults.issuePlace}
                  error={errors.issuePlace}
                  required
                  maxLength={100}
                />
                <ConfirmCheckbox id="f-confirm" label={t("issued.sign.confirm")} error={errors.confirm} />
                <div className="form-actions">
                  <button type="submit" className="button button-primary" disabled={busy}>
                    {busy ? t("issued.sign.signing") : t("issued.sign.submit", { count: form.count })}
                  </button>
                </div>
              </Form>
            </section>
          )}

          {batch.status === "submitted" && !form.preparedBySigner ? (
            <section className="card" aria-labelledby="return-title">
              <h2 id="return-title">{t("issued.return.title")}</h2>
              <p className="muted">{t("issued.return.help")}</p>
              <Form method="post" className="form" noValidate>
                <input type="hidden" name="intent" value="return" />
                <TextAreaField
                  id="f-return-reason"
                  name="reason"
                  label={t("issued.return.reason")}
                  rows={3}
                  maxLength={RETURN_REASON_MAX}
                  required
                  defaultValue={returnFailure?.values?.reason ?? ""}
                  error={returnFailure?.fieldErrors?.reason}
                />
                <div className="form-actions">
                  <button type="submit" className="button" disabled={busy}>
                    {t("issued.return.submit")}
                  </button>
                </div>
              </Form>
            </section>
          ) : null}
        </>
      ) : null}
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
