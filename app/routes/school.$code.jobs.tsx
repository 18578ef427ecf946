import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireOrganisationPermission } from "~/lib/guards.server";
import { useT } from "~/lib/i18n/use-t";
import { pageTitle } from "~/lib/meta";
import { formatDateVi } from "~/modules/reference/cell-values";
import { loadSchoolJobs } from "~/modules/matching/school-view.server";
import { type MessageKey } from "~/lib/i18n";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "schools.jobs.title");

/** Jobs that fit the school's programmes, and its graduates' placement as counts only. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation } = await requireOrganisationPermission(request, {
    kind: "school",
    code: params.code,
    permission: "school:view",
  });
  const data = await loadSchoolJobs({ organisationId: organisation.id });
  return json(data, { headers: { "Cache-Control": "no-store" } });
}

/** The placement figures, in the order the page shows them, with their wording. */
const PLACEMENT_FIGURES = [
  ["graduates", "schools.placement.graduates"],
  ["visible", "schools.placement.visible"],
  ["applications", "schools.placement.applications"],
  ["interviews", "schools.placement.interviews"],
  ["hired", "schools.placement.hired"],
] as const satisfies readonly (readonly [string, MessageKey])[];

export default function SchoolJobs() {
  const t = useT();
  const { jobs, placement } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("schools.jobs.title")}</h1>
      <section className="card">
        <h2>{t("schools.placement.title")}</h2>
        <p className="muted">{t("schools.placement.intro")}</p>
        <div className="stat-grid">
          {PLACEMENT_FIGURES.map(([k, label]) => (
            <div key={k} className="stat">
              <span className="stat-number">{placement[k]}</span> <span className="stat-label">{t(label)}</span>
            </div>
          ))}
        </div>
      </section>
      <section className="card">
        <h2>{t("schools.jobs.matching")}</h2>
        {jobs.length === 0 ? (
          <p className="empty-state">{t("schools.jobs.empty")}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("jobs.field.title")}</th>
                  <th scope="col">{t("graduates.applications.employer")}</th>
                  <th scope="col">{t("schools.jobs.via")}</th>
                  <th scope="col">{t("jobs.field.deadline")}</th>
                </tr>
              </thead>
              <tbody>
                {jobs.map((j) => (
                  <tr key={j.id}>
                    <td>
                      <Link to={`/jobs/${j.id}`}>{j.title}</Link>
                    </td>
                    <td>{j.employerName}</td>
                    <td>{j.programmeCode ?? `VSCO ${j.vscoCode}`}</td>
                    <td>{formatDateVi(j.deadline)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
