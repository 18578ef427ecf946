import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { readFormData } from "~/lib/http.server";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { FormAlert, SelectField, TextField } from "~/components/form";
import { getEnv } from "~/lib/env.server";
import { formMessage, formValues, parseForm } from "~/lib/forms";
import { hitRateLimit } from "~/lib/rate-limit.server";
import { getOptionalUser } from "~/lib/guards.server";
import { localeFromRequest, type MessageKey } from "~/lib/i18n";
import { useLocale, useT } from "~/lib/i18n/use-t";
import { localName } from "~/modules/reference/local-name";
import { clientOf } from "~/lib/request-context";
import { registerAccount } from "~/modules/auth/register-account.server";
import { SCHOOL_TYPES, SignUpSchema } from "~/modules/auth/schema";
import { listProvinces } from "~/modules/reference/queries.server";
import { sortByVietnamese } from "~/lib/vietnamese-order";
import { pageTitle } from "~/lib/meta";
import { SCHOOL_TYPE_LABELS } from "~/modules/organisations/labels";

export const meta: MetaFunction = ({ matches }) => [...pageTitle(matches, "auth.signUp.title")];

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getOptionalUser(request)) throw redirect("/dashboard");
  const url = new URL(request.url);
  const provinces = sortByVietnamese(await listProvinces(), (p) => p.nameVi);
  return json({ provinces, doneEmail: url.searchParams.get("done") });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readFormData(request);
  const parsed = parseForm(SignUpSchema, form);
  if (!parsed.ok) return json(parsed, { status: 400 });
  const env = getEnv();
  const ip = clientOf(request, context).ip;
  const limit = await hitRateLimit(`sign-up:ip:${ip ?? "unknown"}`, { limit: 20, windowSeconds: 3600 });
  if (!limit.allowed) {
    return json(
      {
        ok: false as const,
        values: formValues(form),
        fieldErrors: {} as Record<string, string>,
        formError: "error.429.body",
      },
      { status: 429, headers: { "Retry-After": String(limit.retryAfterSeconds) } },
    );
  }
  const result = await registerAccount({
    input: parsed.data,
    locale: localeFromRequest(request),
    publicOrigin: env.PUBLIC_ORIGIN,
    actor: { userId: null, ip },
  });
  if (!result.ok) {
    return json(
      {
        ok: false as const,
        values: formValues(form),
        fieldErrors: result.fieldErrors ?? {},
        formError: null as string | null,
      },
      { status: 400 },
    );
  }
  return redirect(`/sign-up?done=${encodeURIComponent(parsed.data.email)}`);
}

/** The three kinds of account, in the order the form offers them. */
const ACCOUNT_TYPES = [
  ["graduate", "auth.signUp.type.graduate"],
  ["school", "auth.signUp.type.school"],
  ["employer", "auth.signUp.type.employer"],
] as const satisfies readonly (readonly [string, MessageKey])[];

export default function SignUp() {
  const t = useT();
  const locale = useLocale();
  const { provinces, doneEmail } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const values = failure?.values ?? {};
  const errors = failure?.fieldErrors ?? {};
  const accountType = values.accountType ?? "graduate";

  if (doneEmail) {
    return (
      <div className="container narrow">
        <h1>{t("auth.signUp.done.title")}</h1>
        <FormAlert kind="success">{t("auth.signUp.done.body", { email: doneEmail })}</FormAlert>
        <p>
          <Link to="/sign-in" className="button button-primary">
            {t("nav.signIn")}
          </Link>
        </p>
      </div>
    );
  }

  return (
    <div className="container narrow">
      <h1>{t("auth.signUp.title")}</h1>
      {failure ? (
        <FormAlert kind="error">
          {t("formError" in failure && failure.formError === "error.429.body" ? "error.429.body" : "form.errorSummary")}
        </FormAlert>
      ) : null}
      <Form method="post" className="card form sign-up" noValidate>
        <fieldset className="choice-group">
          <legend>{t("auth.signUp.accountType")}</legend>
          {ACCOUNT_TYPES.map(([type, label]) => (
            <label key={type} className="choice">
              <input
                type="radio"
                name="accountType"
                value={type}
                id={`type-${type}`}
                defaultChecked={accountType === type}
              />
              <span>{t(label)}</span>
            </label>
          ))}
          {errors.accountType ? <p className="field-error">{t(formMessage(errors.accountType))}</p> : null}
        </fieldset>

        <TextField
          name="fullName"
          label={t("auth.fullName")}
          autoComplete="name"
          required
          defaultValue={values.fullName}
          error={errors.fullName}
        />
        <TextField
          name="email"
          type="email"
          label={t("auth.email")}
          autoComplete="email"
          required
          defaultValue={values.email}
          error={errors.email}
        />
        <TextField
          name="password"
          type="password"
          label={t("auth.password")}
          hint={t("auth.passwordHint")}
          autoComplete="new-password"
          required
          minLength={10}
          error={errors.password}
        />
        <TextField
          name="passwordConfirm"
          type="password"
          label={t("auth.passwordConfirm")}
          autoComplete="new-password"
          required
          error={errors.passwordConfirm}
        />

        <fieldset className="org-fields">
          <legend>{t("auth.signUp.orgName")}</legend>
          <p className="field-hint">{t("auth.signUp.orgNotice")}</p>
          <TextField
            name="orgName"
            label={t("auth.signUp.orgName")}
            autoComplete="organization"
            defaultValue={values.orgName}
            error={errors.orgName}
          />
          <div className="school-only">
            <TextField
              name="schoolCode"
              label={t("auth.signUp.schoolCode")}
              hint={t("auth.signUp.schoolCodeHint")}
              defaultValue={values.schoolCode}
              error={errors.schoolCode}
            />
            <SelectField
              name="schoolType"
              label={t("auth.signUp.schoolType")}
              defaultValue={values.schoolType ?? ""}
              error={errors.schoolType}
            >
              <option value="">{t("auth.signUp.choose")}</option>
              {SCHOOL_TYPES.map((type) => (
                <option key={type} value={type}>
                  {t(SCHOOL_TYPE_LABELS[type])}
                </option>
              ))}
            </SelectField>
          </div>
          <div className="employer-only">
            <TextField
              name="taxCode"
              label={t("auth.signUp.taxCode")}
              hint={t("auth.signUp.taxCodeHint")}
              inputMode="numeric"
              defaultValue={values.taxCode}
              error={errors.taxCode}
            />
          </div>
          <SelectField
            name="provinceCode"
            label={t("auth.signUp.province")}
            defaultValue={values.provinceCode ?? ""}
            error={errors.provinceCode}
          >
            <option value="">{t("auth.signUp.choose")}</option>
            {provinces.map((p) => (
              <option key={p.code} value={p.code}>
                {localName(p, locale)}
              </option>
            ))}
          </SelectField>
          <TextField
            name="contactPhone"
            type="tel"
            label={t("auth.signUp.contactPhone")}
            autoComplete="tel"
            defaultValue={values.contactPhone}
            error={errors.contactPhone}
          />
          <TextField
            name="website"
            type="url"
            label={t("auth.signUp.website")}
            autoComplete="url"
            defaultValue={values.website}
            error={errors.website}
          />
          <TextField
            name="registrationDocument"
            label={t("auth.signUp.registrationDocument")}
            hint={t("auth.signUp.registrationDocumentHint")}
            defaultValue={values.registrationDocument}
            error={errors.registrationDocument}
            maxLength={200}
          />
        </fieldset>

        <button type="submit" className="button button-primary" disabled={busy}>
          {t("auth.signUp.submit")}
        </button>
        <p className="form-links">
          <span>
            {t("auth.signUp.haveAccount")} <Link to="/sign-in">{t("nav.signIn")}</Link>
          </span>
        </p>
      </Form>
    </div>
  );
}
