import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireOrganisationPermission } from "~/lib/guards.server";
import { caseStatsExport } from "~/modules/case-stats/http.server";

/** GET /school/{code}/case-stats.xlsx: the school's statistics report as XLSX, with the page's filters. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation } = await requireOrganisationPermission(request, {
    kind: "school",
    code: params.code,
    permission: "school:view",
  });
  return caseStatsExport(request, { kind: "school", organisation }, "xlsx");
}
