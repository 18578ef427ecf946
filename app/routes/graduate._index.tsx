import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { DiplomaStatusBadge } from "~/components/issued-diplomas";
import { requirePermission } from "~/lib/guards.server";
import { useLocale, useT } from "~/lib/i18n/use-t";
import { pageTitle } from "~/lib/meta";
import { formatDateVi } from "~/modules/reference/cell-values";
import { loadGraduateHome } from "~/modules/diplomas/issued-pages.server";
import { classificationLabel, LEVEL_TITLES } from "~/modules/documents/labels";

export const meta: MetaFunction = ({ matches }) => [
  ...pageTitle(matches, "graduate.title"),
  { name: "robots", content: "noindex" },
];

/** The graduate's diplomas: those they claimed (ownership in the query), with their status. */
export async function loader({ request }: LoaderFunctionArgs) {
  const session = await requirePermission(request, "graduate:own-profile");
  const data = await loadGraduateHome(session.user.id);
  return json({ fullName: session.user.fullName, ...data }, { headers: { "Cache-Control": "no-store" } });
}

export default function GraduateHome() {
  const t = useT();
  const locale = useLocale();
  const { fullName, diplomas } = useLoaderData<typeof loader>();
  return (
    <div className="container workspace">
      <h1>{t("graduate.title")}</h1>
      <p className="lead">{fullName}</p>
      <p>
        <Link to="/graduate/claim" className="button button-primary">
          {t("issued.graduate.claim")}
        </Link>{" "}
        <Link to="/graduate/jobs" className="button">
          {t("graduates.jobs.title")}
        </Link>{" "}
        <Link to="/graduate/profile" className="button button-ghost">
          {t("graduates.profile.title")}
        </Link>{" "}
        <Link to="/graduate/applications" className="button button-ghost">
          {t("graduates.applications.title")}
        </Link>
      </p>
      {diplomas.length === 0 ? (
        <div className="card empty-state">
          <p>{t("graduate.empty")}</p>
        </div>
      ) : (
        <ul className="diploma-cards">
          {diplomas.map((d) => (
            <li key={d.id} className="card">
              <h2>
                <Link to={`/graduate/diplomas/${d.id}`}>{LEVEL_TITLES[d.levelCode]?.title.vi ?? d.programmeName}</Link>
              </h2>
              <p>
                <DiplomaStatusBadge status={d.status} />
              </p>
              <dl className="facts">
                <dt>{t("diplomas.field.programmeCode")}</dt>
                <dd>
                  {d.programmeCode} — {d.programmeName}
                </dd>
                <dt>{t("issued.graduate.school")}</dt>
                <dd>{d.schoolName}</dd>
                <dt>{t("diplomas.field.classification")}</dt>
                <dd>{classificationLabel(d.classification, locale)}</dd>
                <dt>{t("issued.field.serial")}</dt>
                <dd>{d.serial}</dd>
                {d.issueDate ? (
                  <>
                    <dt>{t("issued.field.issueDate")}</dt>
                    <dd>{formatDateVi(d.issueDate)}</dd>
                  </>
                ) : null}
              </dl>
              {d.status === "superseded" ? <p className="muted">{t("issued.graduate.replaced")}</p> : null}
              <p>
                <Link
                  to={`/graduate/diplomas/${d.id}`}
                  aria-label={t("issued.graduate.viewLabel", { serial: d.serial ?? "" })}
                >
                  {t("issued.graduate.view")}
                </Link>{" "}
                · <Link to={`/graduate/diplomas/${d.id}#share-links`}>{t("share.links.title")}</Link>
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
