import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { JobFilters } from "~/components/job-filters";
import { SalaryText, WhereText } from "~/components/jobs";
import { Pager } from "~/components/pager";
import { localeFromRequest } from "~/lib/i18n";
import { useT } from "~/lib/i18n/use-t";
import { pageTitle } from "~/lib/meta";
import { formatDateVi } from "~/modules/reference/cell-values";
import { getReadDb } from "~/lib/db.server";
import { listPublicJobs } from "~/modules/jobs/queries.server";
import { parseJobFilters } from "~/modules/jobs/schema";
import { loadReasonNames } from "~/modules/matching/pages.server";
import { EMPLOYMENT_TYPE_LABELS } from "~/modules/jobs/labels";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "jobs.public.title");

const PAGE_SIZE = 20;

/** The public job list: open jobs of accredited employers, with search ("ke toan" finds "kế toán") and filters. */
export async function loader({ request }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams;
  const filters = parseJobFilters(params);
  const page = Math.max(1, Math.min(500, Number(params.get("page")) || 1));
  const [list, names] = await Promise.all([
    // A fresh replica or the primary: the list is public and shown for 30 s anyway (README: "Read replicas").
    listPublicJobs(await getReadDb(), { filters, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
    loadReasonNames(localeFromRequest(request)),
  ]);
  return json({ ...list, filters, page, ...names }, { headers: { "Cache-Control": "public, max-age=30" } });
}

export default function PublicJobs() {
  const t = useT();
  const { jobs, total, filters, page, levels, provinces } = useLoaderData<typeof loader>();
  return (
    <div className="container workspace">
      <h1>{t("jobs.public.title")}</h1>
      <p className="lead">{t("jobs.public.intro")}</p>
      <JobFilters values={filters} levels={levels} provinces={provinces} />
      <p aria-live="polite">{t("jobs.public.count", { count: total })}</p>
      {jobs.length === 0 ? (
        <div className="card empty-state">
          <p>{t("jobs.public.empty")}</p>
        </div>
      ) : (
        <ul className="job-list">
          {jobs.map((j) => (
            <li key={j.id} className="card">
              <h2>
                <Link to={`/jobs/${j.id}`}>{j.title}</Link>
              </h2>
              <p>{j.employerName}</p>
              <dl className="facts">
                <dt>{t("jobs.field.provinces")}</dt>
                <dd>
                  <WhereText provinceCodes={j.provinceCodes} remote={j.remote} provinces={provinces} />
                </dd>
                <dt>{t("jobs.field.salary")}</dt>
                <dd>
                  <SalaryText min={j.salaryMinVnd} max={j.salaryMaxVnd} negotiable={j.salaryNegotiable} />
                </dd>
                <dt>{t("jobs.field.employmentType")}</dt>
                <dd>{t(EMPLOYMENT_TYPE_LABELS[j.employmentType])}</dd>
                <dt>{t("jobs.field.deadline")}</dt>
                <dd>{formatDateVi(j.deadline)}</dd>
              </dl>
            </li>
          ))}
        </ul>
      )}
      <Pager page={page} pageSize={PAGE_SIZE} total={total} />
    </div>
  );
}
