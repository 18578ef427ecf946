import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { requireOrganisationPermission } from "~/lib/guards.server";
import { exportRegisterPdf, registerFilename } from "~/modules/register/export-register.server";
import { parseRegisterQuery, registerFilterParams } from "~/modules/register/schema";

/** GET /school/{code}/register.pdf: the original register as a printable PDF (A4 landscape), with the page's filters. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation } = await requireOrganisationPermission(request, {
    kind: "school",
    code: params.code,
    permission: "register:read",
  });
  const filters = parseRegisterQuery(new URL(request.url).searchParams);
  const pdf = await exportRegisterPdf({ organisation, filters });
  if (!pdf.ok) {
    const query = new URLSearchParams(registerFilterParams(filters));
    query.set("notice", "pdf_too_many");
    return redirect(`/school/${organisation.code}/register?${query.toString()}`);
  }
  return new Response(new Uint8Array(pdf.value), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${registerFilename({ schoolCode: organisation.code, filters, extension: "pdf" })}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
