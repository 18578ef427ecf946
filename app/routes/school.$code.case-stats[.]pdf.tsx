import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { requireOrganisationPermission } from "~/lib/guards.server";
import { clientOf } from "~/lib/request-context";
import { caseStatsSignedPdf } from "~/modules/case-stats/http.server";

/** GET: nothing to sign without asking; back to the page with the same filters. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation } = await requireOrganisationPermission(request, {
    kind: "school",
    code: params.code,
    permission: "school:view",
  });
  return redirect(`/school/${organisation.code}/case-stats${new URL(request.url).search}`);
}

/** POST /school/{code}/case-stats.pdf: signs the school's report with its key (its heads only) and answers with the PDF. */
export async function action({ request, context, params }: ActionFunctionArgs) {
  const { session, organisation } = await requireOrganisationPermission(request, {
    kind: "school",
    code: params.code,
    permission: "case-stats:sign",
  });
  return caseStatsSignedPdf(
    request,
    { kind: "school", organisation },
    {
      actor: { userId: session.user.id, ip: clientOf(request, context).ip },
      pagePath: `/school/${organisation.code}/case-stats`,
    },
  );
}
