import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireOrganisationPermission } from "~/lib/guards.server";
import { draftTemplateCsv } from "~/modules/drafts/import-drafts";

/** GET /school/{code}/batches/template.csv: the import template, Vietnamese headers and one example row. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireOrganisationPermission(request, { kind: "school", code: params.code, permission: "diplomas:draft" });
  return new Response(draftTemplateCsv(), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="mau-nhap-van-bang.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
