import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { DiplomaCertificate } from "~/components/diploma-certificate";
import { FormAlert } from "~/components/form";
import { DiplomaStatusBadge } from "~/components/issued-diplomas";
import { PrintButton } from "~/components/print-button";
import { getEnv } from "~/lib/env.server";
import { limitPublicRequest } from "~/lib/public-rate-limit.server";
import { useT } from "~/lib/i18n/use-t";
import { pageTitle } from "~/lib/meta";
import { loadCredentialView } from "~/modules/diplomas/issued-pages.server";
import { formatDateVi } from "~/modules/reference/cell-values";
import { parseUuid } from "~/lib/uuid";
import { notFound } from "~/lib/http.server";

/** Kept out of search engines and of other sites' logs: knowing this URL is what grants access to the diploma. */
const PRIVATE_HEADERS = {
  "Cache-Control": "private, no-cache",
  "X-Robots-Tag": "noindex, nofollow",
  "Referrer-Policy": "no-referrer",
};

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const [title] = pageTitle(matches, "issued.credential.title");
  const base = (title as { title: string }).title;
  return [
    { title: data ? `${data.fullName} — ${data.serial ?? ""} — ${base}` : base },
    { name: "robots", content: "noindex, nofollow" },
  ];
};

export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

/**
 * GET /credentials/{id}: the printable diploma at its capability URL, for whoever holds the link (no account). Never
 * the personal ID number: the view model cannot carry it. A diploma that no longer stands says so, with a link to
 * the one that replaced it.
 */
export async function loader({ params, context }: LoaderFunctionArgs) {
  await limitPublicRequest(context);
  const id = parseUuid(params.id);
  const view = id ? await loadCredentialView({ diplomaId: id, origin: getEnv().PUBLIC_ORIGIN }) : null;
  if (!view) throw notFound({ headers: PRIVATE_HEADERS });
  return json(view, { headers: PRIVATE_HEADERS });
}

export default function CredentialPage() {
  const t = useT();
  const v = useLoaderData<typeof loader>();
  const changedOn = v.statusChangedOn ? formatDateVi(v.statusChangedOn) : "…";
  return (
    <div className="container credential-page">
      <h1 className="visually-hidden">{t("issued.credential.title")}</h1>
      <div className="credential-head">
        <p>
          <strong>{v.schoolName}</strong> · {v.serial} · <DiplomaStatusBadge status={v.status} />
        </p>
        <div className="button-row">
          <PrintButton label={t("issued.credential.print")} />
          <a href={v.links.pdf} className="button" download>
            {t("issued.credential.pdf")}
          </a>
          <a href={v.links.json} className="button button-ghost">
            {t("issued.credential.json")}
          </a>
        </div>
      </div>
      {v.status === "revoked" ? (
        <FormAlert kind="error">{t("issued.credential.revoked", { date: changedOn })}</FormAlert>
      ) : null}
      {v.status === "suspended" ? (
        <FormAlert kind="error">{t("issued.credential.suspended", { date: changedOn })}</FormAlert>
      ) : null}
      {v.status === "superseded" ? (
        <FormAlert kind="error">
          {t("issued.credential.superseded")}{" "}
          {v.supersededById ? (
            <Link to={`/credentials/${v.supersededById}`}>{t("issued.credential.current")}</Link>
          ) : null}
        </FormAlert>
      ) : null}
      {v.compromised && (v.status === "issued" || v.status === "suspended") ? (
        <FormAlert kind="error">{t("issued.credential.compromised")}</FormAlert>
      ) : null}
      <DiplomaCertificate document={v.document} qrSvg={v.qrSvg} />
      <p className="muted credential-note">{t("issued.credential.note")}</p>
    </div>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
