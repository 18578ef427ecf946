import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, isRouteErrorResponse, useLoaderData, useRouteError } from "@remix-run/react";
import { CaseTimeline } from "~/components/cases/case-timeline";
import { DateTime } from "~/components/date-time";
import { FormAlert } from "~/components/form";
import { getReadDb } from "~/lib/db.server";
import { getEnv } from "~/lib/env.server";
import { getOptionalUser } from "~/lib/guards.server";
import { notFound } from "~/lib/http.server";
import { useT } from "~/lib/i18n/use-t";
import { translateLabel } from "~/lib/labels";
import { pageTitle } from "~/lib/meta";
import { limitPublicRequest } from "~/lib/public-rate-limit.server";
import { normaliseCaseCode } from "~/modules/cases/case-kinds";
import { CASE_KIND_LABELS, CASE_STATUS_LABELS, DEADLINE_STATE_LABELS } from "~/modules/cases/labels";
import { PUBLIC_OUTCOME_LABELS } from "~/modules/cases/public-labels";
import { casePageQrDataUri, findPublicCase } from "~/modules/cases/public-case.server";

export const meta: MetaFunction = ({ matches }) => [
  ...pageTitle(matches, "casePublic.lookup.title"),
  { name: "robots", content: "noindex, nofollow" },
];

const HEADERS = { "Cache-Control": "private, no-store", "X-Robots-Tag": "noindex, nofollow" };

/**
 * GET /cases/{code}: a case's public status: kind, handler, dates, deadline, status, outcome and the public
 * timeline, with no personal data. A code typed loosely is redirected to its canonical form; an unknown one is 404.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await limitPublicRequest(context);
  const code = normaliseCaseCode(params.code ?? "");
  if (!code) throw notFound({ headers: HEADERS });
  const url = new URL(request.url);
  if (code !== params.code) return redirect(`/cases/${code}${url.search}`, 301);
  const viewer = await getOptionalUser(request);
  const found = await findPublicCase(await getReadDb(), code, { viewerUserId: viewer?.user.id ?? null });
  if (!found) throw notFound({ headers: HEADERS });
  const pageUrl = `${getEnv().PUBLIC_ORIGIN}/cases/${code}`;
  return json(
    {
      kase: found.case,
      mine: found.viewerIsSubmitter,
      created: url.searchParams.get("new") === "1",
      qr: await casePageQrDataUri(pageUrl),
    },
    { headers: HEADERS },
  );
}

export default function PublicCasePage() {
  const t = useT();
  const { kase, mine, created, qr } = useLoaderData<typeof loader>();
  return (
    <div className="container narrow">
      <h1>{t("casePublic.page.title", { code: kase.code })}</h1>
      {created ? <FormAlert kind="success">{t("casePublic.page.created", { code: kase.code })}</FormAlert> : null}
      {mine ? (
        <p>
          <Link to={`/my/cases/${kase.code}`}>{t("casePublic.page.mine")}</Link>
        </p>
      ) : null}
      <dl className="card">
        <dt>{t("casePublic.page.kind")}</dt>
        <dd>{t(CASE_KIND_LABELS[kase.kind])}</dd>
        <dt>{t("casePublic.page.handler")}</dt>
        <dd>{kase.organisation ? kase.organisation.name : t("casePublic.page.ministry")}</dd>
        <dt>{t("casePublic.page.status")}</dt>
        <dd data-status={kase.status}>
          <span className="status-badge">{t(CASE_STATUS_LABELS[kase.status])}</span>
        </dd>
        <dt>{t("casePublic.page.received")}</dt>
        <dd>
          <DateTime value={kase.receivedAt} />
        </dd>
        {kase.dueOn ? (
          <>
            <dt>{t("casePublic.page.due")}</dt>
            <dd>
              <DateTime value={kase.dueOn} dateOnly />
            </dd>
          </>
        ) : null}
        {kase.deadline !== "none" ? (
          <>
            <dt>{t("casePublic.page.deadline")}</dt>
            <dd data-deadline={kase.deadline}>
              {t(DEADLINE_STATE_LABELS[kase.deadline])}
              {kase.escalated ? ` · ${t("casePublic.page.escalated")}` : null}
            </dd>
          </>
        ) : null}
        {kase.closedAt ? (
          <>
            <dt>{t("casePublic.page.closed")}</dt>
            <dd>
              <DateTime value={kase.closedAt} />
            </dd>
          </>
        ) : null}
        {kase.outcome ? (
          <>
            <dt>{t("casePublic.page.outcome")}</dt>
            <dd data-outcome={kase.outcome}>
              {translateLabel(t, PUBLIC_OUTCOME_LABELS, kase.outcome)}
              {kase.outcomeNote ? <p className="prewrap">{kase.outcomeNote}</p> : null}
            </dd>
          </>
        ) : null}
      </dl>
      {kase.resultDocumentId ? (
        <p>
          <Link to={`/documents/${kase.resultDocumentId}`}>{t("casePublic.page.document")}</Link>
        </p>
      ) : null}
      <h2>{t("casePublic.page.timeline")}</h2>
      <CaseTimeline
        events={kase.timeline.map((e) => ({
          id: e.id,
          at: e.at,
          type: e.type,
          actorRole: e.actorRole,
          toStatus: e.toStatus,
          publicNote: e.note,
        }))}
      />
      <figure className="case-qr">
        <img src={qr} alt={t("casePublic.page.qr")} width={160} height={160} />
        <figcaption>{t("casePublic.page.qr")}</figcaption>
      </figure>
      <p className="muted">{t("casePublic.page.privacy")}</p>
      <p>
        <Link to="/cases">{t("casePublic.page.another")}</Link>
      </p>
    </div>
  );
}

export function ErrorBoundary() {
  const t = useT();
  const error = useRouteError();
  const missing = isRouteErrorResponse(error) && error.status === 404;
  return (
    <div className="container narrow">
      <h1>{missing ? t("casePublic.notFound.title") : t("casePublic.lookup.title")}</h1>
      <p className="lead">{missing ? t("casePublic.notFound.body") : t("error.500.body")}</p>
      <p>
        <Link to="/cases">{t("casePublic.page.another")}</Link>
      </p>
    </div>
  );
}
