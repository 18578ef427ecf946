import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { CaseQueue } from "~/components/cases/case-queue";
import { vietnamDate } from "~/lib/format-time";
import { requirePermission } from "~/lib/guards.server";
import { useT } from "~/lib/i18n/use-t";
import { pageTitle } from "~/lib/meta";
import { CASE_KINDS } from "~/modules/cases/case-kinds";
import { OPEN_STATUSES } from "~/modules/cases/case-transitions";
import { parseQueueFilters, QUEUE_PAGE_SIZE } from "~/modules/cases/queue";
import { listCaseQueue } from "~/modules/cases/queue.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "cases.queue.title");

/** GET /admin/cases — every open case (the ministry's own, or the schools'): overdue, due today, then the rest. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "ministry:administer");
  const filters = parseQueueFilters(new URL(request.url).searchParams);
  const { rows, counts } = await listCaseQueue({
    scope: { kind: "ministry", handler: filters.handler, schoolCode: filters.school },
    filters,
    today: vietnamDate(),
    pageSize: QUEUE_PAGE_SIZE,
  });
  return json({
    filters,
    rows,
    counts,
    pageSize: QUEUE_PAGE_SIZE,
    kinds: [...CASE_KINDS],
    statuses: [...OPEN_STATUSES],
    basePath: "/admin/cases",
  });
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";

export default function AdminCases() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("cases.queue.title")}</h1>
      <p className="lead">{t("cases.queue.ministryIntro")}</p>
      <CaseQueue {...data} ministry />
    </>
  );
}
