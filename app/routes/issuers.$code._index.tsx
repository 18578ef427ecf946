import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { DateTime } from "~/components/date-time";
import { FormAlert } from "~/components/form";
import { getEnv } from "~/lib/env.server";
import { useLocale, useT } from "~/lib/i18n/use-t";
import { pageTitle } from "~/lib/meta";
import { limitPublicRequest } from "~/lib/public-rate-limit.server";
import { getIssuerProfile } from "~/modules/publication/get-issuer-profile.server";
import { ORGANISATION_STATUS_LABELS, SCHOOL_TYPE_LABELS } from "~/modules/organisations/labels";
import { STATUS_LIST_LABELS } from "~/modules/status/labels";
import { notFound } from "~/lib/http.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const [title] = pageTitle(matches, "issuer.kicker");
  return data ? [{ title: `${data.name} — ${(title as { title: string }).title}` }] : [title!];
};

/** GET /issuers/{code}: the public page of an issuing school (what its credentials' issuer.url opens). */
export async function loader({ params, context }: LoaderFunctionArgs) {
  await limitPublicRequest(context);
  const profile = await getIssuerProfile({ code: params.code, origin: getEnv().PUBLIC_ORIGIN });
  if (!profile) throw notFound();
  // Not publicly cacheable: the page around it shows the visitor's own navigation.
  return json(profile);
}

export default function IssuerPage() {
  const t = useT();
  const locale = useLocale();
  const issuer = useLoaderData<typeof loader>();
  return (
    <div className="container workspace">
      <p className="workspace-kicker">{t("issuer.kicker")}</p>
      <h1>{issuer.name}</h1>
      {issuer.nameEn ? <p className="lead">{issuer.nameEn}</p> : null}
      {issuer.status === "suspended" ? <FormAlert kind="info">{t("issuer.suspendedNotice")}</FormAlert> : null}

      <section className="card">
        <dl className="facts">
          <dt>{t("issuer.province")}</dt>
          <dd>{locale === "en" && issuer.provinceNameEn ? issuer.provinceNameEn : issuer.provinceName}</dd>
          {issuer.schoolType ? (
            <>
              <dt>{t("issuer.type")}</dt>
              <dd>{t(SCHOOL_TYPE_LABELS[issuer.schoolType])}</dd>
            </>
          ) : null}
          <dt>{t("issuer.status")}</dt>
          <dd>
            <span className={`status-badge status-${issuer.status}`}>
              {t(ORGANISATION_STATUS_LABELS[issuer.status])}
            </span>
            {issuer.statusChangedAt ? (
              <>
                {` ${t("issuer.since")} `}
                <DateTime value={issuer.statusChangedAt} dateOnly />
              </>
            ) : null}
          </dd>
          <dt>{t("issuer.did")}</dt>
          <dd>
            <code style={{ wordBreak: "break-all" }}>{issuer.did}</code>
          </dd>
        </dl>
        <p>
          {t("issuer.verify")} <Link to="/verify">{t("nav.verify")}</Link>.
        </p>
      </section>

      {issuer.links ? (
        <section className="card" aria-labelledby="issuer-machine">
          <h2 id="issuer-machine">{t("issuer.machine.title")}</h2>
          <p className="muted">{t("issuer.machine.intro")}</p>
          <ul>
            <li>
              <a href={issuer.links.didDocument}>{t("issuer.machine.didDocument")}</a>
            </li>
            <li>
              <a href={issuer.links.log}>{t("issuer.machine.log")}</a>
            </li>
            <li>
              <a href={issuer.links.trustRegistry}>{t("issuer.machine.trustRegistry")}</a>
            </li>
          </ul>
          <h3>{t("issuer.statusLists.title")}</h3>
          {issuer.statusLists.length === 0 ? (
            <p className="muted">{t("issuer.statusLists.none")}</p>
          ) : (
            <ul>
              {issuer.statusLists.map((l) => (
                <li key={l.id}>
                  <a href={l.url}>{t(STATUS_LIST_LABELS[l.purpose], { n: l.listNumber })}</a>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
    </div>
  );
}
