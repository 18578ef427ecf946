import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormAlert } from "~/components/form";
import { JobForm, jobFormValuesFromFailure } from "~/components/jobs";
import { parseForm, type FormFailure } from "~/lib/forms";
import { requireOrganisationPermission } from "~/lib/guards.server";
import { readFormData } from "~/lib/http.server";
import { localeFromRequest } from "~/lib/i18n";
import { useT } from "~/lib/i18n/use-t";
import { pageTitle } from "~/lib/meta";
import { clientOf } from "~/lib/request-context";
import { saveJob } from "~/modules/jobs/save-job.server";
import { JobSchema, joinMultiFields } from "~/modules/jobs/schema";
import { loadReasonNames } from "~/modules/matching/pages.server";
import { listCodeChoices } from "~/modules/reference/code-choices.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "jobs.employer.new");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation } = await requireOrganisationPermission(request, {
    kind: "employer",
    code: params.code,
    permission: "jobs:manage",
  });
  const [names, codeChoices] = await Promise.all([loadReasonNames(localeFromRequest(request)), listCodeChoices()]);
  return json({ code: organisation.code, levels: names.levels, provinces: names.provinces, codeChoices });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { session, organisation } = await requireOrganisationPermission(request, {
    kind: "employer",
    code: params.code,
    permission: "jobs:manage",
  });
  const form = joinMultiFields(await readFormData(request));
  const parsed = parseForm(JobSchema, form);
  if (!parsed.ok) return json<FormFailure>(parsed, { status: 400 });
  const result = await saveJob({
    organisationId: organisation.id,
    input: parsed.data,
    actor: { userId: session.user.id, ip: clientOf(request, context).ip },
  });
  if (!result.ok)
    return json<FormFailure>(
      { values: Object.fromEntries([...form].map(([k, v]) => [k, String(v)])), fieldErrors: result.fieldErrors ?? {} },
      { status: 400 },
    );
  return redirect(`/employer/${organisation.code}/jobs/${result.value.jobId}?notice=created`);
}

export default function NewJob() {
  const t = useT();
  const { code, levels, provinces, codeChoices } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  return (
    <>
      <p>
        <Link to={`/employer/${code}/jobs`}>{t("jobs.employer.back")}</Link>
      </p>
      <h1>{t("jobs.employer.new")}</h1>
      <section className="card">
        {failure ? <FormAlert kind="error">{t("form.errorSummary")}</FormAlert> : null}
        <JobForm
          values={failure ? jobFormValuesFromFailure(failure.values) : {}}
          errors={failure?.fieldErrors ?? {}}
          levels={levels}
          provinces={provinces}
          codeChoices={codeChoices}
          suggestUrl={`/employer/${code}/code-suggestions`}
          submitLabel={t("jobs.employer.saveDraft")}
        />
      </section>
    </>
  );
}
