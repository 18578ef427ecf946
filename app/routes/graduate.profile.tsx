import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { FormAlert, TextField } from "~/components/form";
import { parseForm, type FormFailure } from "~/lib/forms";
import { requirePermission } from "~/lib/guards.server";
import { readFormData } from "~/lib/http.server";
import { localeFromRequest } from "~/lib/i18n";
import { useLocale, useT } from "~/lib/i18n/use-t";
import { classificationLabel } from "~/modules/documents/labels";
import { pageTitle } from "~/lib/meta";
import { clientOf } from "~/lib/request-context";
import { formatDateVi } from "~/modules/reference/cell-values";
import { changeConsent } from "~/modules/graduates/change-consent.server";
import { saveGraduatePreferences } from "~/modules/graduates/save-preferences.server";
import { CONSENT_PURPOSES, EMPLOYMENT_TYPES } from "~/modules/jobs/codes";
import { ConsentSchema, GraduatePreferencesSchema, joinMultiFields } from "~/modules/jobs/schema";
import { loadReasonNames } from "~/modules/matching/pages.server";
import {
  currentConsents,
  findGraduateProfile,
  listConsentHistory,
  listMatchDiplomas,
} from "~/modules/matching/queries.server";
import { EMPLOYMENT_TYPE_LABELS } from "~/modules/jobs/labels";
import { labelOf } from "~/lib/labels";
import { CONSENT_LABELS, GRADUATE_NOTICE_LABELS } from "~/modules/graduates/labels";

export const meta: MetaFunction = ({ matches }) => [
  ...pageTitle(matches, "graduates.profile.title"),
  { name: "robots", content: "noindex" },
];

/** The graduate's job profile: built from their claimed, issued diplomas, plus preferences and three consents. */
export async function loader({ request }: LoaderFunctionArgs) {
  const session = await requirePermission(request, "graduate:own-profile");
  const userId = session.user.id;
  const [diplomas, profile, consents, history, names] = await Promise.all([
    listMatchDiplomas(userId),
    findGraduateProfile(userId),
    currentConsents(userId),
    listConsentHistory(userId),
    loadReasonNames(localeFromRequest(request)),
  ]);
  return json(
    {
      diplomas: diplomas.map((d) => ({
        id: d.id,
        programmeCode: d.programmeCode,
        programmeName: d.programmeName,
        levelCode: d.levelCode,
        schoolName: d.schoolName,
        year: d.graduationDate.slice(0, 4),
        classification: d.classification,
      })),
      profile: {
        provinceCodes: profile.provinceCodes,
        salaryExpectationVnd: profile.salaryExpectationVnd,
        jobTypes: profile.jobTypes,
        skills: profile.skills,
      },
      consents: [...consents],
      history: history.map((h) => ({
        purpose: h.purpose,
        grantedAt: h.grantedAt.toISOString(),
        withdrawnAt: h.withdrawnAt?.toISOString() ?? null,
      })),
      ...names,
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}

export async function action({ request, context }: ActionFunctionArgs) {
  const session = await requirePermission(request, "graduate:own-profile");
  const form = joinMultiFields(await readFormData(request));
  const actor = { userId: session.user.id, ip: clientOf(request, context).ip };
  if (form.get("intent") === "consent") {
    const parsed = ConsentSchema.safeParse({ purpose: form.get("purpose"), granted: form.get("granted") });
    if (!parsed.success)
      return json<FormFailure>({ values: {}, fieldErrors: {}, formError: "form.invalid" }, { status: 400 });
    await changeConsent({ userId: session.user.id, purpose: parsed.data.purpose, granted: parsed.data.granted, actor });
    return redirect(`/graduate/profile?notice=${parsed.data.granted ? "granted" : "withdrawn"}`);
  }
  const parsed = parseForm(GraduatePreferencesSchema, form);
  if (!parsed.ok) return json<FormFailure>(parsed, { status: 400 });
  const result = await saveGraduatePreferences({ userId: session.user.id, input: parsed.data, actor });
  if (!result.ok) return json<FormFailure>({ values: {}, fieldErrors: result.fieldErrors ?? {} }, { status: 400 });
  return redirect("/graduate/profile?notice=saved");
}

export default function GraduateProfile() {
  const t = useT();
  const locale = useLocale();
  const { diplomas, profile, consents, history, levels, provinces } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const [search] = useSearchParams();
  const noticeKey = labelOf(GRADUATE_NOTICE_LABELS, search.get("notice"));
  const chosen = new Set(profile.provinceCodes);
  const types = new Set(profile.jobTypes);
  return (
    <div className="container workspace">
      <p>
        <Link to="/graduate">{t("graduate.title")}</Link> · <Link to="/graduate/jobs">{t("graduates.jobs.title")}</Link>{" "}
        · <Link to="/graduate/applications">{t("graduates.applications.title")}</Link>
      </p>
      <h1>{t("graduates.profile.title")}</h1>
      {noticeKey ? <FormAlert kind="success">{t(noticeKey)}</FormAlert> : null}
      {failure?.formError ? <FormAlert kind="error">{t(failure.formError)}</FormAlert> : null}
      <section className="card">
        <h2>{t("graduates.profile.diplomas")}</h2>
        {diplomas.length === 0 ? (
          <p>
            {t("graduates.profile.noDiplomas")} <Link to="/graduate/claim">{t("issued.graduate.claim")}</Link>
          </p>
        ) : (
          <ul>
            {diplomas.map((d) => (
              <li key={d.id}>
                {d.programmeCode} — {d.programmeName} · {levels.find((l) => l.code === d.levelCode)?.name} ·{" "}
                {d.schoolName} · {d.year} · {classificationLabel(d.classification, locale)}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card" id="consents">
        <h2>{t("graduates.consent.title")}</h2>
        <p className="muted">{t("graduates.consent.intro")}</p>
        <ul className="consent-list">
          {CONSENT_PURPOSES.map((purpose) => {
            const on = consents.includes(purpose);
            return (
              <li key={purpose}>
                <Form method="post" className="inline-form">
                  <input type="hidden" name="intent" value="consent" />
                  <input type="hidden" name="purpose" value={purpose} />
                  <input type="hidden" name="granted" value={on ? "false" : "true"} />
                  <strong>{t(CONSENT_LABELS[purpose].title)}</strong> —{" "}
                  {on ? t("graduates.consent.on") : t("graduates.consent.off")}{" "}
                  <button type="submit" className={`button button-small ${on ? "button-ghost" : "button-primary"}`}>
                    {on ? t("graduates.consent.withdraw") : t("graduates.consent.grant")}
                  </button>
                </Form>
                <p className="field-hint">{t(CONSENT_LABELS[purpose].hint)}</p>
              </li>
            );
          })}
        </ul>
        {history.length ? (
          <details>
            <summary>{t("graduates.consent.history")}</summary>
            <ul>
              {history.map((h, i) => (
                <li key={i}>
                  {t(CONSENT_LABELS[h.purpose].title)}: {formatDateVi(h.grantedAt.slice(0, 10))}
                  {h.withdrawnAt
                    ? ` → ${t("graduates.consent.withdrawnOn", { date: formatDateVi(h.withdrawnAt.slice(0, 10)) })}`
                    : ""}
                </li>
              ))}
            </ul>
          </details>
        ) : null}
      </section>
      <section className="card">
        <h2>{t("graduates.preferences.title")}</h2>
        {failure && !failure.formError ? <FormAlert kind="error">{t("form.errorSummary")}</FormAlert> : null}
        <Form method="post" className="form" noValidate>
          <input type="hidden" name="intent" value="preferences" />
          <fieldset className="field choice-group">
            <legend>{t("graduates.preferences.provinces")}</legend>
            <div className="choice-list province-choices">
              {provinces.map((p) => (
                <label key={p.code} className="choice">
                  <input type="checkbox" name="provinceCodes" value={p.code} defaultChecked={chosen.has(p.code)} />{" "}
                  {p.name}
                </label>
              ))}
            </div>
          </fieldset>
          <TextField
            name="salaryExpectationVnd"
            label={t("graduates.preferences.salary")}
            inputMode="numeric"
            defaultValue={failure?.values.salaryExpectationVnd ?? profile.salaryExpectationVnd?.toString() ?? ""}
            error={failure?.fieldErrors.salaryExpectationVnd}
          />
          <fieldset className="field choice-group">
            <legend>{t("graduates.preferences.jobTypes")}</legend>
            {EMPLOYMENT_TYPES.map((type) => (
              <label key={type} className="choice">
                <input type="checkbox" name="jobTypes" value={type} defaultChecked={types.has(type)} />{" "}
                {t(EMPLOYMENT_TYPE_LABELS[type])}
              </label>
            ))}
          </fieldset>
          <TextField
            name="skills"
            label={t("jobs.field.skills")}
            hint={t("jobs.field.skillsHint")}
            defaultValue={failure?.values.skills ?? profile.skills.join(", ")}
            error={failure?.fieldErrors.skills}
          />
          <div className="form-actions">
            <button type="submit" className="button button-primary">
              {t("form.save")}
            </button>
          </div>
        </Form>
      </section>
    </div>
  );
}
