import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireOrganisationPermission } from "~/lib/guards.server";
import { useT } from "~/lib/i18n/use-t";
import { pageTitle } from "~/lib/meta";
import { formatDateVi } from "~/modules/reference/cell-values";
import { effectiveJobStatus, listEmployerJobs } from "~/modules/jobs/queries.server";
import { JOB_STATUS_LABELS } from "~/modules/jobs/labels";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "jobs.employer.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation } = await requireOrganisationPermission(request, {
    kind: "employer",
    code: params.code,
    permission: "employer:view",
  });
  const rows = await listEmployerJobs(organisation.id);
  return json(
    {
      code: organisation.code,
      jobs: rows.map((j) => ({
        ...j,
        status: effectiveJobStatus(j),
        publishedAt: j.publishedAt?.toISOString() ?? null,
      })),
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}

export default function EmployerJobs() {
  const t = useT();
  const { code, jobs } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("jobs.employer.title")}</h1>
      <p>
        <Link to={`/employer/${code}/jobs/new`} className="button button-primary">
          {t("jobs.employer.new")}
        </Link>
      </p>
      {jobs.length === 0 ? (
        <div className="card empty-state">
          <p>{t("jobs.employer.empty")}</p>
        </div>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("jobs.field.title")}</th>
                <th scope="col">{t("jobs.col.status")}</th>
                <th scope="col">{t("jobs.field.deadline")}</th>
                <th scope="col">{t("jobs.col.applications")}</th>
              </tr>
            </thead>
            <tbody>
              {jobs.map((j) => (
                <tr key={j.id}>
                  <td>
                    <Link to={`/employer/${code}/jobs/${j.id}`}>{j.title}</Link>
                  </td>
                  <td>
                    <span className={`status-badge job-status-${j.status}`}>{t(JOB_STATUS_LABELS[j.status])}</span>
                  </td>
                  <td>{formatDateVi(j.deadline)}</td>
                  <td>
                    <Link to={`/employer/${code}/jobs/${j.id}/applications`}>{j.applications}</Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
