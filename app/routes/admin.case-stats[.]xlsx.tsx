import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/lib/guards.server";
import { caseStatsExport } from "~/modules/case-stats/http.server";

/** GET /admin/case-stats.xlsx: the ministry's statistics report as an XLSX workbook, with the page's filters. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "ministry:administer");
  return caseStatsExport(request, { kind: "ministry" }, "xlsx");
}
