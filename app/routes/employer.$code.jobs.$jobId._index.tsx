import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { FormAlert } from "~/components/form";
import { JobForm, jobFormValuesFromFailure } from "~/components/jobs";
import { parseForm, type FormFailure } from "~/lib/forms";
import { requireOrganisationPermission } from "~/lib/guards.server";
import { failureReply, notFound, readFormData, uuidOr404 } from "~/lib/http.server";
import { localeFromRequest, type MessageKey } from "~/lib/i18n";
import { useT } from "~/lib/i18n/use-t";
import { pageTitle } from "~/lib/meta";
import { clientOf } from "~/lib/request-context";
import { changeJobStatus } from "~/modules/jobs/change-job-status.server";
import { effectiveJobStatus, findEmployerJob } from "~/modules/jobs/queries.server";
import { saveJob } from "~/modules/jobs/save-job.server";
import { JobActionSchema, JobSchema, joinMultiFields } from "~/modules/jobs/schema";
import { loadReasonNames } from "~/modules/matching/pages.server";
import { listCodeChoices } from "~/modules/reference/code-choices.server";
import { JOB_FAILURES } from "~/modules/jobs/failures";
import { JOB_NOTICE_LABELS, JOB_STATUS_LABELS } from "~/modules/jobs/labels";
import { labelOf } from "~/lib/labels";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "jobs.employer.edit");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation } = await requireOrganisationPermission(request, {
    kind: "employer",
    code: params.code,
    permission: "employer:view",
  });
  const jobId = uuidOr404(params.jobId);
  const job = await findEmployerJob({ organisationId: organisation.id, jobId });
  if (!job) throw notFound();
  const [names, codeChoices] = await Promise.all([loadReasonNames(localeFromRequest(request)), listCodeChoices()]);
  return json(
    {
      code: organisation.code,
      employerStatus: organisation.status,
      job: {
        ...job,
        status: effectiveJobStatus(job),
        searchTsv: null,
        publishedAt: job.publishedAt?.toISOString() ?? null,
      },
      levels: names.levels,
      provinces: names.provinces,
      codeChoices,
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { session, organisation } = await requireOrganisationPermission(request, {
    kind: "employer",
    code: params.code,
    permission: "jobs:manage",
  });
  const jobId = uuidOr404(params.jobId);
  const form = joinMultiFields(await readFormData(request));
  const intent = JobActionSchema.safeParse({ intent: form.get("intent") });
  if (!intent.success)
    return json<FormFailure>({ values: {}, fieldErrors: {}, formError: "form.invalid" }, { status: 400 });
  const actor = { userId: session.user.id, ip: clientOf(request, context).ip };
  const base = `/employer/${organisation.code}/jobs/${jobId}`;
  if (intent.data.intent === "save") {
    const parsed = parseForm(JobSchema, form);
    if (!parsed.ok) return json<FormFailure>(parsed, { status: 400 });
    const result = await saveJob({ organisationId: organisation.id, jobId, input: parsed.data, actor });
    if (!result.ok) {
      if (result.code === "not_found") throw notFound();
      return json<FormFailure>(
        {
          values: Object.fromEntries([...form].map(([k, v]) => [k, String(v)])),
          fieldErrors: result.fieldErrors ?? {},
        },
        { status: 400 },
      );
    }
    return redirect(`${base}?notice=saved`);
  }
  const result = await changeJobStatus({ organisation, jobId, transition: intent.data.intent, actor });
  if (!result.ok) return failureReply<FormFailure>(JOB_FAILURES[result.code], { values: {}, fieldErrors: {} });
  return redirect(`${base}?notice=${intent.data.intent}`);
}

export default function EmployerJob() {
  const t = useT();
  const { code, employerStatus, job, levels, provinces, codeChoices } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const [search] = useSearchParams();
  const noticeKey = labelOf(JOB_NOTICE_LABELS, search.get("notice"));
  const values =
    failure?.values && Object.keys(failure.values).length
      ? jobFormValuesFromFailure(failure.values)
      : {
          ...job,
          programmeCodes: job.programmeCodes.join(", "),
          occupationCode: job.occupationCode ?? "",
          salaryMinVnd: job.salaryMinVnd?.toString() ?? "",
          salaryMaxVnd: job.salaryMaxVnd?.toString() ?? "",
          openings: String(job.openings),
          skills: job.skills.join(", "),
        };
  const statusButton = (intent: "publish" | "close" | "reopen", label: MessageKey) => (
    <Form method="post" className="inline-form">
      <input type="hidden" name="intent" value={intent} />
      <button type="submit" className={`button ${intent === "close" ? "button-ghost" : "button-primary"}`}>
        {t(label)}
      </button>
    </Form>
  );
  return (
    <>
      <p>
        <Link to={`/employer/${code}/jobs`}>{t("jobs.employer.back")}</Link>
      </p>
      <h1>{job.title}</h1>
      {noticeKey ? <FormAlert kind="success">{t(noticeKey)}</FormAlert> : null}
      {failure?.formError ? <FormAlert kind="error">{t(failure.formError)}</FormAlert> : null}
      <section className="card">
        <dl className="facts">
          <dt>{t("jobs.col.status")}</dt>
          <dd>
            <span className={`status-badge job-status-${job.status}`}>{t(JOB_STATUS_LABELS[job.status])}</span>
          </dd>
        </dl>
        <div className="button-row">
          {job.status === "draft" ? statusButton("publish", "jobs.action.publish") : null}
          {job.status === "published" ? statusButton("close", "jobs.action.close") : null}
          {job.status === "closed" || job.status === "expired" ? statusButton("reopen", "jobs.action.reopen") : null}
          {job.status === "published" ? (
            <Link to={`/jobs/${job.id}`} className="button button-ghost">
              {t("jobs.action.viewPublic")}
            </Link>
          ) : null}
          <Link to={`/employer/${code}/jobs/${job.id}/candidates`} className="button button-ghost">
            {t("jobs.candidates.title")}
          </Link>
          <Link to={`/employer/${code}/jobs/${job.id}/applications`} className="button button-ghost">
            {t("jobs.applications.title")}
          </Link>
        </div>
        {job.status === "draft" && employerStatus !== "accredited" ? (
          <p className="muted">{t("jobs.error.employer_pending")}</p>
        ) : null}
      </section>
      <section className="card">
        <h2>{t("jobs.employer.edit")}</h2>
        {failure && !failure.formError ? <FormAlert kind="error">{t("form.errorSummary")}</FormAlert> : null}
        <JobForm
          values={values}
          errors={failure?.fieldErrors ?? {}}
          levels={levels}
          provinces={provinces}
          codeChoices={codeChoices}
          suggestUrl={`/employer/${code}/code-suggestions`}
          submitLabel={t("form.save")}
        />
      </section>
    </>
  );
}
