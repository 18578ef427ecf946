import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { requirePermission } from "~/lib/guards.server";
import { clientOf } from "~/lib/request-context";
import { caseStatsSignedPdf } from "~/modules/case-stats/http.server";

/** GET: nothing to sign without asking; back to the page with the same filters. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "ministry:administer");
  return redirect(`/admin/case-stats${new URL(request.url).search}`);
}

/** POST /admin/case-stats.pdf: signs the report with the ministry's key and answers with its PDF. */
export async function action({ request, context }: ActionFunctionArgs) {
  const session = await requirePermission(request, "ministry:administer");
  return caseStatsSignedPdf(
    request,
    { kind: "ministry" },
    { actor: { userId: session.user.id, ip: clientOf(request, context).ip }, pagePath: "/admin/case-stats" },
  );
}
