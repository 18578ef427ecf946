import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { FormAlert, TextAreaField, TextField } from "~/components/form";
import { getEnv } from "~/lib/env.server";
import { parseForm, type FormFailure } from "~/lib/forms";
import { readFormData, retryAfterHeaders } from "~/lib/http.server";
import { useT } from "~/lib/i18n/use-t";
import { pageTitle } from "~/lib/meta";
import { clientOf } from "~/lib/request-context";
import { submitFakeReport } from "~/modules/reports/fake-reports.server";
import { DESCRIPTION_MAX, FakeReportSchema, SUBMITTED_TEXT_MAX } from "~/modules/reports/schema";
import { VERDICTS } from "~/modules/verification/verdict";
import { VERDICT_LABELS } from "~/modules/verification/labels";
import { translateLabel } from "~/lib/labels";

export const meta: MetaFunction = ({ matches }) => [
  ...pageTitle(matches, "verify.report.title"),
  { name: "robots", content: "noindex" },
];

const PRIVATE_HEADERS = { "Cache-Control": "private, no-store", "Referrer-Policy": "no-referrer" };

/** GET /verify/report?qr=…&verdict=… (or serial=…) — the form, prefilled from the verify page's link. */
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const qr = (url.searchParams.get("qr") ?? url.searchParams.get("serial") ?? "").slice(0, SUBMITTED_TEXT_MAX);
  const verdict = url.searchParams.get("verdict") ?? "";
  return json(
    { qr, verdict: (VERDICTS as readonly string[]).includes(verdict) ? verdict : "" },
    { headers: PRIVATE_HEADERS },
  );
}

/** POST: validates, rate-limits per client address (5 an hour), opens the case, then shows its public page and code. */
export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readFormData(request);
  const parsed = parseForm(FakeReportSchema, form);
  if (!parsed.ok)
    return json<FormFailure>(
      { values: parsed.values, fieldErrors: parsed.fieldErrors, formError: "reports.form.fix" },
      { status: 400 },
    );
  const result = await submitFakeReport({
    input: parsed.data,
    origin: getEnv().PUBLIC_ORIGIN,
    actor: { userId: null, ip: clientOf(request, context).ip },
  });
  if (!result.ok && result.code !== "rate_limited") throw new Error(`fake report not opened: ${result.code}`);
  if (!result.ok) {
    const values: Record<string, string> = {
      qr: parsed.data.qr,
      verdict: parsed.data.verdict,
      description: parsed.data.description,
      email: parsed.data.email,
    };
    return json<FormFailure>(
      { values, fieldErrors: {}, formError: "reports.error.rate_limited" },
      { status: 429, headers: retryAfterHeaders(result.retryAfterSeconds) },
    );
  }
  return redirect(`/cases/${result.value.code}?new=1`);
}

export default function ReportSuspectedFake() {
  const t = useT();
  const prefill = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const values = failure?.values ?? { qr: prefill.qr, verdict: prefill.verdict };
  const errors = failure?.fieldErrors ?? {};
  const descriptionError = errors.description;
  return (
    <div className="container narrow">
      <h1>{t("verify.report.title")}</h1>
      <p className="lead">{t("reports.form.intro")}</p>
      {failure?.formError ? <FormAlert kind="error">{t(failure.formError)}</FormAlert> : null}
      <Form method="post" className="form" noValidate>
        <input type="hidden" name="verdict" value={values.verdict ?? ""} />
        {values.verdict ? (
          <p className="muted">
            {t("reports.form.verdict", { verdict: translateLabel(t, VERDICT_LABELS, values.verdict) })}
          </p>
        ) : null}
        <TextField
          name="qr"
          label={t("reports.form.qr")}
          hint={t("reports.form.qrHint")}
          defaultValue={values.qr ?? ""}
          maxLength={SUBMITTED_TEXT_MAX}
          error={errors.qr}
        />
        <TextAreaField
          name="description"
          label={t("reports.form.description")}
          hint={t("reports.form.descriptionHint")}
          rows={5}
          required
          maxLength={DESCRIPTION_MAX}
          defaultValue={values.description ?? ""}
          error={descriptionError}
        />
        <TextField
          name="email"
          type="email"
          autoComplete="email"
          label={t("reports.form.email")}
          hint={t("reports.form.emailHint")}
          defaultValue={values.email ?? ""}
          error={errors.email}
        />
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {t("reports.form.submit")}
          </button>
        </div>
      </Form>
      <p>
        <Link to="/verify">{t("verify.again")}</Link>
      </p>
    </div>
  );
}
