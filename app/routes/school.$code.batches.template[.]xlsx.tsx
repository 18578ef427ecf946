import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireOrganisationPermission } from "~/lib/guards.server";
import { draftTemplateXlsx } from "~/modules/drafts/draft-template.server";

/** GET /school/{code}/batches/template.xlsx: the import template as a workbook (personal ID column as text). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireOrganisationPermission(request, { kind: "school", code: params.code, permission: "diplomas:draft" });
  return new Response(new Uint8Array(draftTemplateXlsx()), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="mau-nhap-van-bang.xlsx"`,
      "Cache-Control": "no-store",
    },
  });
}
