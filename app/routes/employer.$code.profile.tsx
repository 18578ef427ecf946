import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { FormAlert, SelectField, TextAreaField, TextField } from "~/components/form";
import { parseForm, type FormFailure } from "~/lib/forms";
import { requireOrganisationPermission } from "~/lib/guards.server";
import { readFormData } from "~/lib/http.server";
import { localeFromRequest } from "~/lib/i18n";
import { useT } from "~/lib/i18n/use-t";
import { pageTitle } from "~/lib/meta";
import { clientOf } from "~/lib/request-context";
import { COMPANY_SIZES } from "~/modules/jobs/codes";
import { findEmployerProfile } from "~/modules/jobs/queries.server";
import { saveEmployerProfile } from "~/modules/jobs/save-employer-profile.server";
import { EmployerProfileSchema } from "~/modules/jobs/schema";
import { loadReasonNames } from "~/modules/matching/pages.server";
import { ORGANISATION_STATUS_LABELS } from "~/modules/organisations/labels";
import { COMPANY_SIZE_LABELS } from "~/modules/jobs/labels";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "employers.profile.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation } = await requireOrganisationPermission(request, {
    kind: "employer",
    code: params.code,
    permission: "employer:view",
  });
  const [profile, names] = await Promise.all([
    findEmployerProfile(organisation.id),
    loadReasonNames(localeFromRequest(request)),
  ]);
  return json({
    employer: {
      code: organisation.code,
      name: organisation.name,
      provinceCode: organisation.provinceCode,
      status: organisation.status,
    },
    profile,
    provinces: names.provinces,
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { session, organisation } = await requireOrganisationPermission(request, {
    kind: "employer",
    code: params.code,
    permission: "jobs:manage",
  });
  const parsed = parseForm(EmployerProfileSchema, await readFormData(request));
  if (!parsed.ok) return json<FormFailure>(parsed, { status: 400 });
  const result = await saveEmployerProfile({
    organisationId: organisation.id,
    input: parsed.data,
    actor: { userId: session.user.id, ip: clientOf(request, context).ip },
  });
  if (!result.ok) return json<FormFailure>({ values: {}, fieldErrors: result.fieldErrors ?? {} }, { status: 400 });
  return redirect(`/employer/${organisation.code}/profile?notice=saved`);
}

export default function EmployerProfilePage() {
  const t = useT();
  const { employer, profile, provinces } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const [search] = useSearchParams();
  const v = (name: string, fallback: string | null | undefined) => failure?.values[name] ?? fallback ?? "";
  const e = failure?.fieldErrors ?? {};
  return (
    <>
      <h1>{t("employers.profile.title")}</h1>
      {search.get("notice") === "saved" ? <FormAlert kind="success">{t("employers.profile.saved")}</FormAlert> : null}
      {failure ? <FormAlert kind="error">{t("form.errorSummary")}</FormAlert> : null}
      <section className="card narrow-card">
        <dl className="facts">
          <dt>{t("employers.taxCode")}</dt>
          <dd>{employer.code}</dd>
          <dt>{t("org.status")}</dt>
          <dd>{t(ORGANISATION_STATUS_LABELS[employer.status])}</dd>
        </dl>
        <Form method="post" className="form" noValidate>
          <TextField
            name="name"
            label={t("employers.field.name")}
            defaultValue={v("name", employer.name)}
            error={e.name}
            required
          />
          <SelectField
            name="provinceCode"
            label={t("employers.field.province")}
            defaultValue={v("provinceCode", employer.provinceCode)}
            error={e.provinceCode}
          >
            {provinces.map((p) => (
              <option key={p.code} value={p.code}>
                {p.name}
              </option>
            ))}
          </SelectField>
          <TextField
            name="industry"
            label={t("employers.field.industry")}
            defaultValue={v("industry", profile?.industry)}
            error={e.industry}
          />
          <SelectField
            name="size"
            label={t("employers.field.size")}
            defaultValue={v("size", profile?.size)}
            error={e.size}
          >
            <option value="">—</option>
            {COMPANY_SIZES.map((s) => (
              <option key={s} value={s}>
                {t(COMPANY_SIZE_LABELS[s])}
              </option>
            ))}
          </SelectField>
          <TextField
            name="contactName"
            label={t("employers.field.contactName")}
            defaultValue={v("contactName", profile?.contactName)}
            error={e.contactName}
          />
          <TextField
            name="contactEmail"
            type="email"
            label={t("employers.field.contactEmail")}
            defaultValue={v("contactEmail", profile?.contactEmail)}
            error={e.contactEmail}
          />
          <TextField
            name="contactPhone"
            type="tel"
            label={t("employers.field.contactPhone")}
            defaultValue={v("contactPhone", profile?.contactPhone)}
            error={e.contactPhone}
          />
          <TextField
            name="website"
            type="url"
            label={t("employers.field.website")}
            defaultValue={v("website", profile?.website)}
            error={e.website}
          />
          <TextField
            name="logoUrl"
            type="url"
            label={t("employers.field.logoUrl")}
            hint={t("employers.field.logoUrlHint")}
            defaultValue={v("logoUrl", profile?.logoUrl)}
            error={e.logoUrl}
          />
          <TextAreaField
            name="description"
            label={t("employers.field.description")}
            defaultValue={v("description", profile?.description)}
            error={e.description}
            rows={5}
          />
          <div className="form-actions">
            <button type="submit" className="button button-primary">
              {t("form.save")}
            </button>
          </div>
        </Form>
      </section>
    </>
  );
}
