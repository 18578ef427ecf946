import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { FormAlert } from "~/components/form";
import { MatchReasons } from "~/components/jobs";
import { getEnv } from "~/lib/env.server";
import { requireOrganisationPermission } from "~/lib/guards.server";
import { notFound, readFormData, uuidOr404 } from "~/lib/http.server";
import { localeFromRequest, type MessageKey } from "~/lib/i18n";
import { useLocale, useT } from "~/lib/i18n/use-t";
import { classificationLabel } from "~/modules/documents/labels";
import { pageTitle } from "~/lib/meta";
import { clientOf } from "~/lib/request-context";
import { inviteCandidate } from "~/modules/applications/invite-candidate.server";
import { loadJobCandidates } from "~/modules/applications/employer-pages.server";
import { loadReasonNames } from "~/modules/matching/pages.server";
import { APPLICATION_FAILURES } from "~/modules/applications/failures";
import { APPLICATION_STATUS_LABELS, candidateVerdictLabel } from "~/modules/jobs/labels";
import { uuidField } from "~/lib/forms";

export const meta: MetaFunction = ({ matches }) => [
  ...pageTitle(matches, "jobs.candidates.title"),
  { name: "robots", content: "noindex" },
];

const InviteSchema = z.object({ userId: uuidField });

/** A job's ranked candidates: only graduates who consent to be seen; each diploma with the verify page's verdict. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation } = await requireOrganisationPermission(request, {
    kind: "employer",
    code: params.code,
    permission: "jobs:manage",
  });
  const jobId = uuidOr404(params.jobId);
  const data = await loadJobCandidates({ organisationId: organisation.id, jobId, origin: getEnv().PUBLIC_ORIGIN });
  if (!data) throw notFound();
  const names = await loadReasonNames(localeFromRequest(request));
  return json(
    {
      code: organisation.code,
      job: { id: data.job.id, title: data.job.title, status: data.job.status },
      candidates: data.candidates,
      programmes: data.programmes,
      occupations: data.occupations,
      ...names,
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}

/** What the invite form answers: a message, good or bad. */
type InviteAnswer = { ok: boolean; message: MessageKey };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { session, organisation } = await requireOrganisationPermission(request, {
    kind: "employer",
    code: params.code,
    permission: "jobs:manage",
  });
  const jobId = uuidOr404(params.jobId);
  const parsed = InviteSchema.safeParse(Object.fromEntries(await readFormData(request)));
  if (!parsed.success) return json<InviteAnswer>({ ok: false, message: "form.invalid" }, { status: 400 });
  const result = await inviteCandidate({
    organisationId: organisation.id,
    jobId,
    userId: parsed.data.userId,
    actor: { userId: session.user.id, ip: clientOf(request, context).ip },
  });
  if (!result.ok) {
    const failure = APPLICATION_FAILURES.invite[result.code];
    return json<InviteAnswer>({ ok: false, message: failure.message }, { status: failure.status });
  }
  return json<InviteAnswer>({ ok: true, message: "jobs.invite.sent" });
}

export default function Candidates() {
  const t = useT();
  const locale = useLocale();
  const { code, job, candidates, levels, provinces, programmes, occupations } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  return (
    <>
      <p>
        <Link to={`/employer/${code}/jobs/${job.id}`}>{job.title}</Link>
      </p>
      <h1>{t("jobs.candidates.title")}</h1>
      <p className="lead">{t("jobs.candidates.intro")}</p>
      {answer ? <FormAlert kind={answer.ok ? "success" : "error"}>{t(answer.message)}</FormAlert> : null}
      {candidates.length === 0 ? (
        <div className="card empty-state">
          <p>{t("jobs.candidates.empty")}</p>
        </div>
      ) : (
        <ol className="match-list">
          {candidates.map((c) => (
            <li key={c.userId} className="card">
              <h2>
                {c.fullName} <span className="match-score">{t("jobs.match.score", { score: c.score })}</span>
              </h2>
              <MatchReasons
                reasons={c.reasons}
                levels={levels}
                provinces={provinces}
                programmes={programmes}
                occupations={occupations}
              />
              <ul className="candidate-diplomas">
                {c.diplomas.map((d) => (
                  <li key={d.id}>
                    {d.programmeCode} — {d.programmeName} ·{" "}
                    {levels.find((l) => l.code === d.levelCode)?.name ?? d.levelCode} · {d.schoolName} ·{" "}
                    {d.graduationYear} · {classificationLabel(d.classification, locale)} ·{" "}
                    <span className={`verdict-inline verdict-${d.verdict === "valid" ? "ok" : "bad"}`}>
                      {t(candidateVerdictLabel(d.verdict))}
                    </span>
                  </li>
                ))}
              </ul>
              {c.email ? <p>{t("jobs.candidates.email", { email: c.email })}</p> : null}
              {c.applicationStatus ? (
                <p>
                  <span className={`status-badge application-${c.applicationStatus}`}>
                    {t("jobs.candidates.stage", { status: t(APPLICATION_STATUS_LABELS[c.applicationStatus]) })}
                  </span>{" "}
                  <Link to={`/employer/${code}/jobs/${job.id}/applications`}>{t("jobs.applications.title")}</Link>
                </p>
              ) : job.status === "published" && c.contactable && !c.invited ? (
                <Form method="post" className="inline-form">
                  <input type="hidden" name="userId" value={c.userId} />
                  <button type="submit" className="button button-small">
                    {t("jobs.invite.action")}
                  </button>
                </Form>
              ) : c.invited ? (
                <p className="muted">{t("jobs.invite.already")}</p>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
