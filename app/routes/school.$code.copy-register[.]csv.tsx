import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~/lib/db.server";
import { requireOrganisationPermission } from "~/lib/guards.server";
import { copyRegisterCsv, copyRegisterYear } from "~/modules/services/copy-register.server";

/** GET /school/{code}/copy-register.csv?year=2026: the copy register of a year as CSV (UTF-8 with BOM). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation } = await requireOrganisationPermission(request, {
    kind: "school",
    code: params.code,
    permission: "register:read",
  });
  const year = copyRegisterYear(new URL(request.url).searchParams.get("year"));
  const csv = await copyRegisterCsv(await getDb(), { organisationId: organisation.id, year });
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="so-cap-ban-sao-${organisation.code}-${year}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
