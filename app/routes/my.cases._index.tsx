import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { CaseStatusBadge, DayText } from "~/components/cases/case-facts";
import { DateTime } from "~/components/date-time";
import { Pager } from "~/components/pager";
import { requireUser } from "~/lib/guards.server";
import { useT } from "~/lib/i18n/use-t";
import { pageTitle } from "~/lib/meta";
import { listMyCases } from "~/modules/cases/case-pages.server";
import { CASE_KIND_LABELS } from "~/modules/cases/labels";
import { parseQueueFilters, QUEUE_PAGE_SIZE } from "~/modules/cases/queue";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "cases.mine.title");

/** GET /my/cases — every case the signed-in person sent, newest first. */
export async function loader({ request }: LoaderFunctionArgs) {
  const session = await requireUser(request);
  const { page } = parseQueueFilters(new URL(request.url).searchParams);
  const { rows, total } = await listMyCases({ userId: session.user.id, page, pageSize: QUEUE_PAGE_SIZE });
  return json({ rows, total, page, pageSize: QUEUE_PAGE_SIZE });
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";

export default function MyCases() {
  const t = useT();
  const { rows, total, page, pageSize } = useLoaderData<typeof loader>();
  return (
    <div className="container">
      <h1>{t("cases.mine.title")}</h1>
      <p className="lead">{t("cases.mine.intro")}</p>
      {rows.length === 0 ? (
        <p className="empty-state">{t("cases.mine.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("cases.field.code")}</th>
                <th scope="col">{t("cases.field.kind")}</th>
                <th scope="col">{t("cases.field.title")}</th>
                <th scope="col">{t("cases.field.receivedAt")}</th>
                <th scope="col">{t("cases.field.status")}</th>
                <th scope="col">{t("cases.field.dueOn")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.code} data-case={r.code}>
                  <td className="nowrap">
                    <Link to={`/my/cases/${encodeURIComponent(r.code)}`}>{r.code}</Link>
                  </td>
                  <td>{t(CASE_KIND_LABELS[r.kind])}</td>
                  <td>{r.title}</td>
                  <td className="nowrap">
                    <DateTime value={r.receivedAt} dateOnly />
                  </td>
                  <td>
                    <CaseStatusBadge status={r.status} />
                  </td>
                  <td className="nowrap">
                    <DayText day={r.dueOn} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager page={page} pageSize={pageSize} total={total} />
    </div>
  );
}
