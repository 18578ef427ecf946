import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { DateTime } from "~/components/date-time";
import { FormAlert } from "~/components/form";
import { getEnv } from "~/lib/env.server";
import { formMessage, parseForm } from "~/lib/forms";
import { requireOrganisationPermission } from "~/lib/guards.server";
import { notFound, readFormData, uuidOr404 } from "~/lib/http.server";
import type { MessageKey } from "~/lib/i18n";
import { useT } from "~/lib/i18n/use-t";
import { pageTitle } from "~/lib/meta";
import { clientOf } from "~/lib/request-context";
import { moveApplication } from "~/modules/applications/move-application.server";
import { PIPELINE_MOVES } from "~/modules/applications/pipeline";
import { PipelineSchema } from "~/modules/jobs/schema";
import { loadJobApplications } from "~/modules/applications/employer-pages.server";
import { APPLICATION_FAILURES } from "~/modules/applications/failures";
import { APPLICATION_STATUS_LABELS, candidateVerdictLabel } from "~/modules/jobs/labels";

export const meta: MetaFunction = ({ matches }) => [
  ...pageTitle(matches, "jobs.applications.title"),
  { name: "robots", content: "noindex" },
];

/** The applicant pipeline of one job, for its employer only (ownership in every query). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation } = await requireOrganisationPermission(request, {
    kind: "employer",
    code: params.code,
    permission: "jobs:manage",
  });
  const jobId = uuidOr404(params.jobId);
  const data = await loadJobApplications({ organisationId: organisation.id, jobId, origin: getEnv().PUBLIC_ORIGIN });
  if (!data) throw notFound();
  return json(
    { code: organisation.code, job: { id: data.job.id, title: data.job.title }, applications: data.applications },
    { headers: { "Cache-Control": "no-store" } },
  );
}

/** What the pipeline forms answer: a message, good or bad. */
type PipelineAnswer = { ok: boolean; message: MessageKey };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { session, organisation } = await requireOrganisationPermission(request, {
    kind: "employer",
    code: params.code,
    permission: "jobs:manage",
  });
  uuidOr404(params.jobId); // a malformed job id names nothing: 404 before anything else
  const parsed = parseForm(PipelineSchema, await readFormData(request));
  if (!parsed.ok)
    return json<PipelineAnswer>(
      { ok: false, message: formMessage(Object.values(parsed.fieldErrors)[0] ?? "form.invalid") },
      { status: 400 },
    );
  const input = parsed.data;
  const result = await moveApplication({
    organisationId: organisation.id,
    applicationId: input.applicationId,
    ...(input.intent === "status" ? { status: input.status } : { note: input.note }),
    actor: { userId: session.user.id, ip: clientOf(request, context).ip },
  });
  if (!result.ok) {
    const failure = APPLICATION_FAILURES.move[result.code];
    return json<PipelineAnswer>({ ok: false, message: failure.message }, { status: failure.status });
  }
  return json<PipelineAnswer>({
    ok: true,
    message: input.intent === "status" ? "jobs.pipeline.moved" : "jobs.pipeline.noted",
  });
}

export default function Applications() {
  const t = useT();
  const { code, job, applications } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  return (
    <>
      <p>
        <Link to={`/employer/${code}/jobs/${job.id}`}>{job.title}</Link>
      </p>
      <h1>{t("jobs.applications.title")}</h1>
      {answer ? <FormAlert kind={answer.ok ? "success" : "error"}>{t(answer.message)}</FormAlert> : null}
      {applications.length === 0 ? (
        <div className="card empty-state">
          <p>{t("jobs.applications.empty")}</p>
        </div>
      ) : (
        applications.map((a) => (
          <section key={a.id} className="card application" aria-label={a.fullName}>
            <h2>
              {a.fullName}{" "}
              <span className={`status-badge application-${a.status}`}>{t(APPLICATION_STATUS_LABELS[a.status])}</span>
            </h2>
            <p className="muted">
              {t("jobs.applications.appliedAt")}: <DateTime value={a.createdAt} />
            </p>
            {a.email ? (
              <p>
                {t("jobs.applications.contact")}: <a href={`mailto:${a.email}`}>{a.email}</a>
              </p>
            ) : null}
            {a.message ? <p className="prewrap">{a.message}</p> : null}
            <h3>{t("jobs.applications.diplomas")}</h3>
            {a.diplomas.length === 0 ? (
              <p className="muted">{t("jobs.applications.noDiplomas")}</p>
            ) : (
              <ul>
                {a.diplomas.map((d) => (
                  <li key={d.diplomaId}>
                    {d.programmeCode} — {d.programmeName} · {d.schoolName} · {d.graduationDate.slice(0, 4)} ·{" "}
                    {t("jobs.applications.serial", { serial: d.serial ?? "" })} ·{" "}
                    <span className={`verdict-inline verdict-${d.verdict === "valid" ? "ok" : "bad"}`}>
                      {t(candidateVerdictLabel(d.verdict))}
                    </span>
                  </li>
                ))}
              </ul>
            )}
            {PIPELINE_MOVES[a.status].length > 0 ? (
              <Form method="post" className="inline-form">
                <input type="hidden" name="intent" value="status" />
                <input type="hidden" name="applicationId" value={a.id} />
                <label htmlFor={`status-${a.id}`}>{t("jobs.pipeline.moveTo")}</label>{" "}
                <select id={`status-${a.id}`} name="status">
                  {PIPELINE_MOVES[a.status].map((s) => (
                    <option key={s} value={s}>
                      {t(APPLICATION_STATUS_LABELS[s])}
                    </option>
                  ))}
                </select>{" "}
                <button type="submit" className="button button-small">
                  {t("jobs.pipeline.move")}
                </button>
              </Form>
            ) : a.status === "withdrawn" ? (
              <p className="muted">{t("jobs.pipeline.withdrawnFinal")}</p>
            ) : null}
            <Form method="post" className="inline-form">
              <input type="hidden" name="intent" value="note" />
              <input type="hidden" name="applicationId" value={a.id} />
              <label htmlFor={`note-${a.id}`}>{t("jobs.pipeline.note")}</label>{" "}
              <input id={`note-${a.id}`} name="note" maxLength={2000} />{" "}
              <button type="submit" className="button button-small button-ghost">
                {t("jobs.pipeline.addNote")}
              </button>
            </Form>
            <ol className="timeline">
              {a.events.map((e) => (
                <li key={e.id}>
                  <DateTime value={e.at} /> · {e.actorName ?? ""} ·{" "}
                  {e.kind === "note"
                    ? e.note
                    : e.kind === "applied"
                      ? t("jobs.pipeline.applied")
                      : t(APPLICATION_STATUS_LABELS[e.toStatus ?? "new"])}
                </li>
              ))}
            </ol>
          </section>
        ))
      )}
    </>
  );
}
