import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireOrganisationPermission } from "~/lib/guards.server";
import { exportRegisterCsv, registerFilename } from "~/modules/register/export-register.server";
import { parseRegisterQuery } from "~/modules/register/schema";

/** GET /school/{code}/register.csv: the original register as CSV (UTF-8 with BOM), with the page's filters. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation } = await requireOrganisationPermission(request, {
    kind: "school",
    code: params.code,
    permission: "register:read",
  });
  const filters = parseRegisterQuery(new URL(request.url).searchParams);
  const csv = await exportRegisterCsv({ organisationId: organisation.id, filters });
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${registerFilename({ schoolCode: organisation.code, filters, extension: "csv" })}"`,
      // Personal data: never kept by a shared cache.
      "Cache-Control": "private, no-store",
    },
  });
}
