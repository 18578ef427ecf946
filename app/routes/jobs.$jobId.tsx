import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { FormAlert, TextAreaField } from "~/components/form";
import { MatchReasons, SalaryText, WhereText } from "~/components/jobs";
import { getEnv } from "~/lib/env.server";
import { parseForm, type FormFailure } from "~/lib/forms";
import { getOptionalUser, requirePermission } from "~/lib/guards.server";
import { failureReply, notFound, readFormData, uuidOr404 } from "~/lib/http.server";
import { localeFromRequest } from "~/lib/i18n";
import { useLocale, useT } from "~/lib/i18n/use-t";
import { clientOf } from "~/lib/request-context";
import { applyToJob } from "~/modules/applications/apply-to-job.server";
import { findGraduateApplication } from "~/modules/applications/queries.server";
import { hasPermission } from "~/lib/permissions";
import { formatDateVi } from "~/modules/reference/cell-values";
import { jobPostingLd, ldJsonText } from "~/modules/jobs/job-posting-ld";
import { findPublicJob } from "~/modules/jobs/queries.server";
import { ApplySchema, joinMultiFields } from "~/modules/jobs/schema";
import { loadCodeNames, loadReasonCodeNames, loadReasonNames } from "~/modules/matching/pages.server";
import { currentConsents, loadMatchGraduate, loadMatchJobs } from "~/modules/matching/queries.server";
import { scoreMatch } from "~/modules/matching/score";
import { APPLICATION_FAILURES } from "~/modules/applications/failures";
import { APPLICATION_STATUS_LABELS, EMPLOYMENT_TYPE_LABELS } from "~/modules/jobs/labels";

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data
    ? [
        { title: `${data.job.title} — ${data.employer.name}` },
        { name: "description", content: data.job.description.slice(0, 160) },
      ]
    : [];

/** A public job page with schema.org JobPosting; a signed-in graduate also sees why it fits and applies here. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const jobId = uuidOr404(params.jobId);
  const found = await findPublicJob({ jobId });
  if (!found) throw notFound();
  const { job, employer, profile } = found;
  const [names, targetNames] = await Promise.all([
    loadReasonNames(localeFromRequest(request)),
    loadCodeNames({
      programmeCodes: job.programmeCodes,
      occupationCodes: job.occupationCode ? [job.occupationCode] : [],
    }),
  ]);
  const provinceNames = job.provinceCodes.map((c) => names.provinces.find((p) => p.code === c)?.name ?? c);
  const ld = jobPostingLd(
    {
      ...job,
      publishedAt: job.publishedAt?.toISOString() ?? null,
      provinceNames,
      minLevelName: names.levels.find((l) => l.code === job.minLevelCode)?.name ?? job.minLevelCode,
      employer: {
        name: employer.name,
        taxCode: employer.code,
        website: profile?.website ?? null,
        logoUrl: profile?.logoUrl ?? null,
      },
    },
    getEnv().PUBLIC_ORIGIN,
  );

  const session = await getOptionalUser(request);
  let graduate = null;
  if (session && hasPermission(session.grants, "graduate:own-profile")) {
    const [{ graduate: match, diplomas }, consents, application, matchJob] = await Promise.all([
      loadMatchGraduate(session.user.id),
      currentConsents(session.user.id),
      findGraduateApplication({ userId: session.user.id, jobId: job.id }),
      loadMatchJobs([job.id]),
    ]);
    const score = scoreMatch(match, matchJob.get(job.id)!, new Date());
    const codeNames = await loadReasonCodeNames(score ? [score.reasons] : []);
    graduate = {
      ...codeNames,
      diplomas: diplomas.map((d) => ({
        id: d.id,
        programmeCode: d.programmeCode,
        programmeName: d.programmeName,
        schoolName: d.schoolName,
      })),
      canShare: consents.has("share_diplomas"),
      application,
      reasons: score?.reasons ?? null,
      score: score?.score ?? null,
    };
  }
  return json(
    {
      job: { ...job, searchTsv: null, publishedAt: job.publishedAt?.toISOString() ?? null },
      employer,
      profile,
      ld: ldJsonText(ld),
      targetNames,
      graduate,
      signedIn: Boolean(session),
      ...names,
    },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const session = await requirePermission(request, "graduate:own-profile");
  const jobId = uuidOr404(params.jobId);
  const parsed = parseForm(ApplySchema, joinMultiFields(await readFormData(request)));
  if (!parsed.ok) return json<FormFailure>(parsed, { status: 400 });
  const result = await applyToJob({
    userId: session.user.id,
    jobId,
    diplomaIds: parsed.data.diplomaIds,
    message: parsed.data.message,
    actor: { userId: session.user.id, ip: clientOf(request, context).ip },
  });
  if (!result.ok)
    return failureReply<FormFailure>(APPLICATION_FAILURES.apply[result.code], { values: {}, fieldErrors: {} });
  return redirect(`/jobs/${jobId}?notice=applied`);
}

export default function PublicJob() {
  const t = useT();
  const { job, employer, profile, ld, graduate, signedIn, levels, provinces, targetNames } =
    useLoaderData<typeof loader>();
  const locale = useLocale();
  const nameOf = (list: readonly { code: string; name: string; nameEn: string | null }[], code: string) => {
    const found = list.find((x) => x.code === code);
    return found ? (locale === "en" && found.nameEn ? found.nameEn : found.name) : code;
  };
  const failure = useActionData<typeof action>();
  const [search] = useSearchParams();
  return (
    <div className="container workspace job-page">
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: ld }} />
      <p>
        <Link to="/jobs">{t("jobs.public.back")}</Link>
      </p>
      <h1>{job.title}</h1>
      <p className="lead">
        {profile?.logoUrl ? (
          <img src={profile.logoUrl} alt="" className="employer-logo" width={48} height={48} />
        ) : null}{" "}
        {employer.name}
      </p>
      {search.get("notice") === "applied" ? <FormAlert kind="success">{t("jobs.apply.done")}</FormAlert> : null}
      {failure?.formError ? <FormAlert kind="error">{t(failure.formError)}</FormAlert> : null}
      {graduate?.reasons ? (
        <section className="card match-card">
          <h2>{t("jobs.match.whyTitle", { score: graduate.score ?? 0 })}</h2>
          <MatchReasons
            reasons={graduate.reasons}
            levels={levels}
            provinces={provinces}
            programmes={graduate.programmes}
            occupations={graduate.occupations}
          />
        </section>
      ) : null}
      <section className="card">
        <dl className="facts">
          <dt>{t("jobs.field.provinces")}</dt>
          <dd>
            <WhereText provinceCodes={job.provinceCodes} remote={job.remote} provinces={provinces} />
          </dd>
          <dt>{t("jobs.field.salary")}</dt>
          <dd>
            <SalaryText min={job.salaryMinVnd} max={job.salaryMaxVnd} negotiable={job.salaryNegotiable} />
          </dd>
          <dt>{t("jobs.field.employmentType")}</dt>
          <dd>{t(EMPLOYMENT_TYPE_LABELS[job.employmentType])}</dd>
          <dt>{t("jobs.field.minLevel")}</dt>
          <dd>{levels.find((l) => l.code === job.minLevelCode)?.name ?? job.minLevelCode}</dd>
          {job.programmeCodes.length ? (
            <>
              <dt>{t("jobs.field.programmes")}</dt>
              <dd>{job.programmeCodes.map((c) => nameOf(targetNames.programmes, c)).join(", ")}</dd>
            </>
          ) : null}
          {job.occupationCode ? (
            <>
              <dt>{t("jobs.field.occupation")}</dt>
              <dd>{nameOf(targetNames.occupations, job.occupationCode)}</dd>
            </>
          ) : null}
          <dt>{t("jobs.field.openings")}</dt>
          <dd>{job.openings}</dd>
          {job.skills.length ? (
            <>
              <dt>{t("jobs.field.skills")}</dt>
              <dd>{job.skills.join(", ")}</dd>
            </>
          ) : null}
          <dt>{t("jobs.field.deadline")}</dt>
          <dd>{formatDateVi(job.deadline)}</dd>
        </dl>
        <div className="prewrap">{job.description}</div>
      </section>
      {graduate ? (
        graduate.application ? (
          <section className="card">
            <p>
              {t("jobs.apply.already", { status: t(APPLICATION_STATUS_LABELS[graduate.application.status]) })}{" "}
              <Link to="/graduate/applications">{t("jobs.apply.follow")}</Link>
            </p>
          </section>
        ) : (
          <section className="card narrow-card">
            <h2>{t("jobs.apply.title")}</h2>
            <Form method="post" className="form" noValidate>
              {graduate.diplomas.length > 0 ? (
                <fieldset className="field choice-group">
                  <legend>{t("jobs.apply.attach")}</legend>
                  {!graduate.canShare ? (
                    <p className="field-hint">
                      {t("jobs.apply.needShareConsent")}{" "}
                      <Link to="/graduate/profile">{t("jobs.apply.consentLink")}</Link>
                    </p>
                  ) : null}
                  {graduate.diplomas.map((d) => (
                    <label key={d.id} className="choice">
                      <input
                        type="checkbox"
                        name="diplomaIds"
                        value={d.id}
                        defaultChecked={graduate.canShare}
                        disabled={!graduate.canShare}
                      />{" "}
                      {d.programmeCode} — {d.programmeName} · {d.schoolName}
                    </label>
                  ))}
                </fieldset>
              ) : null}
              <TextAreaField name="message" label={t("jobs.apply.message")} rows={3} maxLength={2000} />
              <div className="form-actions">
                <button type="submit" className="button button-primary">
                  {t("jobs.apply.submit")}
                </button>
              </div>
            </Form>
          </section>
        )
      ) : !signedIn ? (
        <p>
          <Link to={`/sign-in?redirectTo=${encodeURIComponent(`/jobs/${job.id}`)}`} className="button button-primary">
            {t("jobs.apply.signIn")}
          </Link>
        </p>
      ) : null}
    </div>
  );
}
