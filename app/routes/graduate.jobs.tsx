import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { FormAlert } from "~/components/form";
import { JobFilters } from "~/components/job-filters";
import { MatchReasons, SalaryText, WhereText } from "~/components/jobs";
import { Pager } from "~/components/pager";
import { getDb } from "~/lib/db.server";
import { requirePermission } from "~/lib/guards.server";
import { readFormData } from "~/lib/http.server";
import { localeFromRequest } from "~/lib/i18n";
import { useT } from "~/lib/i18n/use-t";
import { pageTitle } from "~/lib/meta";
import { clientOf } from "~/lib/request-context";
import { formatDateVi } from "~/modules/reference/cell-values";
import { deleteSavedSearch, listSavedSearches, saveSearch } from "~/modules/jobs/saved-searches.server";
import {
  JOB_FILTER_PARAMS,
  jobFiltersRecord,
  parseJobFilters,
  type JobFilters as JobFilterValues,
} from "~/modules/jobs/schema";
import { MATCHES_PER_PAGE } from "~/modules/matching/page-sizes";
import { loadJobsForGraduate, loadReasonNames } from "~/modules/matching/pages.server";
import { findGraduateProfile } from "~/modules/matching/queries.server";
import { EMPLOYMENT_TYPE_LABELS } from "~/modules/jobs/labels";
import { labelOf } from "~/lib/labels";
import { GRADUATE_NOTICE_LABELS } from "~/modules/graduates/labels";

export const meta: MetaFunction = ({ matches }) => [
  ...pageTitle(matches, "graduates.jobs.title"),
  { name: "robots", content: "noindex" },
];

/** "Việc làm phù hợp": open jobs ranked for the graduate's issued diplomas, with reasons, filters and search. */
export async function loader({ request }: LoaderFunctionArgs) {
  const session = await requirePermission(request, "graduate:own-profile");
  const params = new URL(request.url).searchParams;
  const db = await getDb();
  // Opened without any filter: the graduate's own salary expectation and wanted employment types fill them in
  // (shown in the form, where they can be cleared; a cleared form sends the parameters empty).
  const prefilled = !JOB_FILTER_PARAMS.some((k) => params.has(k));
  const filters: JobFilterValues = prefilled
    ? preferenceFilters(await findGraduateProfile(session.user.id))
    : parseJobFilters(params);
  const page = Math.max(1, Math.min(100, Number(params.get("page")) || 1));
  const [data, names, saved] = await Promise.all([
    loadJobsForGraduate({ userId: session.user.id, filters, page }),
    loadReasonNames(localeFromRequest(request)),
    listSavedSearches(db, session.user.id),
  ]);
  return json(
    {
      ...data,
      filters,
      prefilled: prefilled && Object.keys(filters).length > 0,
      page,
      ...names,
      saved: saved.map((s) => ({ id: s.id, name: s.name, filters: s.filters })),
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}

function preferenceFilters(profile: { salaryExpectationVnd: number | null; jobTypes: string[] }): JobFilterValues {
  return parseJobFilters(
    new URLSearchParams([
      ...(profile.salaryExpectationVnd !== null ? [["minSalary", String(profile.salaryExpectationVnd)]] : []),
      ...profile.jobTypes.map((type) => ["type", type]),
    ]),
  );
}

const SaveSchema = z.object({ intent: z.literal("save"), name: z.string().trim().min(1).max(100) });
const DeleteSchema = z.object({ intent: z.literal("delete"), id: z.string().uuid() });

export async function action({ request, context }: ActionFunctionArgs) {
  const session = await requirePermission(request, "graduate:own-profile");
  const form = await readFormData(request);
  const actor = { userId: session.user.id, ip: clientOf(request, context).ip };
  const raw = Object.fromEntries([...form].map(([k, v]) => [k, String(v)]));
  const del = DeleteSchema.safeParse(raw);
  if (del.success) {
    await deleteSavedSearch({ userId: session.user.id, id: del.data.id, actor });
    return redirect("/graduate/jobs?notice=searchDeleted");
  }
  const save = SaveSchema.safeParse(raw);
  if (!save.success) return redirect("/graduate/jobs?notice=searchNameMissing");
  const filters = parseJobFilters(new URLSearchParams(raw));
  await saveSearch({ userId: session.user.id, name: save.data.name, filters, actor });
  return redirect("/graduate/jobs?notice=searchSaved");
}

function filtersQuery(filters: Record<string, string>): string {
  return new URLSearchParams(filters).toString();
}

export default function JobsForMe() {
  const t = useT();
  const { matches, total, hasDiplomas, filters, prefilled, page, levels, provinces, programmes, occupations, saved } =
    useLoaderData<typeof loader>();
  const [search] = useSearchParams();
  const location = useLocation();
  const notice = search.get("notice");
  const noticeKey = labelOf(GRADUATE_NOTICE_LABELS, notice);
  return (
    <div className="container workspace">
      <p>
        <Link to="/graduate">{t("graduate.title")}</Link> ·{" "}
        <Link to="/graduate/profile">{t("graduates.profile.title")}</Link> ·{" "}
        <Link to="/graduate/applications">{t("graduates.applications.title")}</Link>
      </p>
      <h1>{t("graduates.jobs.title")}</h1>
      {noticeKey ? (
        <FormAlert kind={notice === "searchNameMissing" ? "error" : "success"}>{t(noticeKey)}</FormAlert>
      ) : null}
      {!hasDiplomas ? (
        <div className="card empty-state">
          <p>{t("graduates.jobs.noDiplomas")}</p>
          <p>
            <Link to="/graduate/claim" className="button button-primary">
              {t("issued.graduate.claim")}
            </Link>
          </p>
        </div>
      ) : (
        <>
          <JobFilters
            values={filters}
            levels={levels}
            provinces={provinces}
            extra={
              <Link to="/graduate/jobs?q=" className="button button-ghost">
                {t("graduates.jobs.clearFilters")}
              </Link>
            }
          />
          {prefilled ? (
            <p className="muted" role="status">
              {t("graduates.jobs.prefilled")} <Link to="/graduate/profile">{t("graduates.profile.title")}</Link>
            </p>
          ) : null}
          <Form method="post" action={`/graduate/jobs${location.search}`} className="inline-form saved-search-form">
            <input type="hidden" name="intent" value="save" />
            {Object.entries(jobFiltersRecord(filters)).map(([k, v]) => (
              <input key={k} type="hidden" name={k} value={v} />
            ))}
            <label htmlFor="f-search-name">{t("graduates.saved.name")}</label>{" "}
            <input id="f-search-name" name="name" maxLength={100} required />{" "}
            <button type="submit" className="button button-small">
              {t("graduates.saved.save")}
            </button>
          </Form>
          {saved.length ? (
            <ul className="saved-searches">
              {saved.map((s) => (
                <li key={s.id}>
                  <Link to={`/graduate/jobs?${filtersQuery(s.filters)}`}>{s.name}</Link>{" "}
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="intent" value="delete" />
                    <input type="hidden" name="id" value={s.id} />
                    <button type="submit" className="link-button">
                      {t("graduates.saved.delete")}
                    </button>
                  </Form>
                </li>
              ))}
            </ul>
          ) : null}
          <p aria-live="polite">{t("graduates.jobs.count", { count: total })}</p>
          {matches.length === 0 ? (
            <div className="card empty-state">
              <p>{t("graduates.jobs.empty")}</p>
            </div>
          ) : (
            <ol className="match-list">
              {matches.map((m) => (
                <li key={m.id} className="card">
                  <h2>
                    <Link to={`/jobs/${m.id}`}>{m.title}</Link>{" "}
                    <span className="match-score">{t("jobs.match.score", { score: m.score })}</span>
                  </h2>
                  <p>{m.employerName}</p>
                  <MatchReasons
                    reasons={m.reasons}
                    levels={levels}
                    provinces={provinces}
                    programmes={programmes}
                    occupations={occupations}
                  />
                  <dl className="facts">
                    <dt>{t("jobs.field.provinces")}</dt>
                    <dd>
                      <WhereText provinceCodes={m.provinceCodes} remote={m.remote} provinces={provinces} />
                    </dd>
                    <dt>{t("jobs.field.salary")}</dt>
                    <dd>
                      <SalaryText min={m.salaryMinVnd} max={m.salaryMaxVnd} negotiable={m.salaryNegotiable} />
                    </dd>
                    <dt>{t("jobs.field.employmentType")}</dt>
                    <dd>{t(EMPLOYMENT_TYPE_LABELS[m.employmentType])}</dd>
                    <dt>{t("jobs.field.deadline")}</dt>
                    <dd>{formatDateVi(m.deadline)}</dd>
                  </dl>
                </li>
              ))}
            </ol>
          )}
          <Pager page={page} pageSize={MATCHES_PER_PAGE} total={total} />
        </>
      )}
    </div>
  );
}
