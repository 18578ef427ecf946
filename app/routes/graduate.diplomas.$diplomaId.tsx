import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, isRouteErrorResponse, useLoaderData, useRouteError } from "@remix-run/react";
import { DiplomaCertificate, isPlainSvg } from "~/components/diploma-certificate";
import { ErrorPage } from "~/components/error-page";
import { FormAlert } from "~/components/form";
import { DiplomaStatusBadge } from "~/components/issued-diplomas";
import { PrintButton } from "~/components/print-button";
import { getDb } from "~/lib/db.server";
import { getEnv } from "~/lib/env.server";
import { requirePermission } from "~/lib/guards.server";
import type { MessageKey } from "~/lib/i18n";
import { useT } from "~/lib/i18n/use-t";
import { pageTitle } from "~/lib/meta";
import { formatDateVi } from "~/modules/diplomas/cell-values";
import { loadCredentialView } from "~/modules/diplomas/issued-pages.server";
import { uuidParam } from "~/modules/diplomas/schema";

export const meta: MetaFunction = ({ matches }) => [...pageTitle(matches, "graduate.title"), { name: "robots", content: "noindex" }];

const NOTICES = ["claimed", "already"] as const;

/** One of the graduate's own diplomas (claimed_by = the user, in the query): view, download, share. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const session = await requirePermission(request, "graduate:own-profile");
  const id = uuidParam.safeParse(params.diplomaId);
  const view = id.success ? await loadCredentialView(await getDb(), { diplomaId: id.data, claimedBy: session.user.id, origin: getEnv().PUBLIC_ORIGIN }) : null;
  if (!view) throw json({ code: "not_found" }, { status: 404 });
  const notice = NOTICES.find((n) => n === new URL(request.url).searchParams.get("notice")) ?? null;
  return json({ ...view, notice }, { headers: { "Cache-Control": "no-store" } });
}

export default function GraduateDiploma() {
  const t = useT();
  const v = useLoaderData<typeof loader>();
  const changedOn = v.statusChangedOn ? formatDateVi(v.statusChangedOn) : "…";
  return (
    <div className="container workspace">
      <p>
        <Link to="/graduate">{t("issued.graduate.back")}</Link>
      </p>
      <h1>
        {v.programmeName} <DiplomaStatusBadge status={v.status} />
      </h1>
      <p className="lead">
        {v.schoolName} · {v.serial}
      </p>
      {v.notice ? <FormAlert kind="success">{t(`issued.graduate.notice.${v.notice}` as MessageKey)}</FormAlert> : null}
      {v.status === "revoked" ? <FormAlert kind="error">{t("issued.credential.revoked", { date: changedOn })}</FormAlert> : null}
      {v.status === "suspended" ? <FormAlert kind="error">{t("issued.credential.suspended", { date: changedOn })}</FormAlert> : null}
      {v.status === "superseded" ? (
        <FormAlert kind="info">
          {t("issued.credential.superseded")}{" "}
          {v.supersededById ? <Link to={`/credentials/${v.supersededById}`}>{t("issued.credential.current")}</Link> : null}{" "}
          {t("issued.graduate.replaced")}
        </FormAlert>
      ) : null}
      {v.compromised && (v.status === "issued" || v.status === "suspended") ? <FormAlert kind="error">{t("issued.credential.compromised")}</FormAlert> : null}

      <div className="grid-2">
        <section className="card" aria-labelledby="download-title">
          <h2 id="download-title">{t("issued.graduate.download.title")}</h2>
          <ul className="issued-links">
            <li>
              <a href={`${v.links.pdf}?download=1`} download>
                {t("issued.credential.pdf")}
              </a>
            </li>
            <li>
              <a href={v.links.json} download={`van-bang-${v.serial ?? v.id}.json`}>
                {t("issued.graduate.download.json")}
              </a>
            </li>
            <li>
              <PrintButton label={t("issued.credential.print")} className="link-button" />
            </li>
          </ul>
          <p className="muted">{t("issued.graduate.download.jsonHelp")}</p>
        </section>
        <section className="card" aria-labelledby="share-title">
          <h2 id="share-title">{t("issued.graduate.share.title")}</h2>
          <p>{t("issued.graduate.share.intro")}</p>
          <div className="field">
            <label htmlFor="share-link">{t("issued.graduate.share.link")}</label>
            <input id="share-link" type="text" readOnly value={v.links.pageUrl} />
          </div>
          <p>
            <a href={v.links.page}>{t("issued.graduate.share.open")}</a>
          </p>
          {v.qrSvg && isPlainSvg(v.qrSvg) ? (
            <div className="issued-qr" role="img" aria-label={t("issued.graduate.share.qr")} dangerouslySetInnerHTML={{ __html: v.qrSvg }} />
          ) : null}
          <p>
            <a href={v.links.qrPng} download={`qr-${v.serial ?? v.id}.png`}>
              {t("issued.graduate.share.qrDownload")}
            </a>
          </p>
          <p className="muted">{t("issued.graduate.share.warning")}</p>
        </section>
      </div>

      <DiplomaCertificate document={v.document} qrSvg={v.qrSvg} />
    </div>
  );
}

export function ErrorBoundary() {
  const t = useT();
  const error = useRouteError();
  return <ErrorPage status={isRouteErrorResponse(error) ? error.status : 500} t={t} />;
}
