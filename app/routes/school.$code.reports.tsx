import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { requireOrganisationPermission } from "~/lib/guards.server";

/** GET /school/{code}/reports: the school's fake reports are now its case queue, filtered to that kind. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation } = await requireOrganisationPermission(request, {
    kind: "school",
    code: params.code,
    permission: "reports:handle",
  });
  return redirect(`/school/${organisation.code}/cases?kind=fake_report`, 302);
}
