import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { CaseQueue } from "~/components/cases/case-queue";
import { vietnamDate } from "~/lib/format-time";
import { requireOrganisationPermission } from "~/lib/guards.server";
import { useT } from "~/lib/i18n/use-t";
import { pageTitle } from "~/lib/meta";
import { CASE_KINDS } from "~/modules/cases/case-kinds";
import { OPEN_STATUSES } from "~/modules/cases/case-transitions";
import { parseQueueFilters, QUEUE_PAGE_SIZE } from "~/modules/cases/queue";
import { listCaseQueue } from "~/modules/cases/queue.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "cases.queue.title");

/** GET /school/{code}/cases — the school's open cases: overdue, due today, then the rest by due day. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation } = await requireOrganisationPermission(request, {
    kind: "school",
    code: params.code,
    permission: "cases:handle",
  });
  const filters = parseQueueFilters(new URL(request.url).searchParams);
  const { rows, counts } = await listCaseQueue({
    scope: { kind: "organisation", organisationId: organisation.id },
    filters,
    today: vietnamDate(),
    pageSize: QUEUE_PAGE_SIZE,
  });
  return json({
    filters: { kind: filters.kind, status: filters.status, page: filters.page },
    rows,
    counts,
    pageSize: QUEUE_PAGE_SIZE,
    kinds: [...CASE_KINDS],
    statuses: [...OPEN_STATUSES],
    basePath: `/school/${organisation.code}/cases`,
  });
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";

export default function SchoolCases() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("cases.queue.title")}</h1>
      <p className="lead">{t("cases.queue.schoolIntro")}</p>
      <CaseQueue {...data} ministry={false} />
    </>
  );
}
