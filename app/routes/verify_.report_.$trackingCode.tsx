import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { notFound } from "~/lib/http.server";
import { normaliseCaseCode } from "~/modules/cases/case-kinds";

/**
 * GET /verify/report/{code}: the tracking page of the reports sent before the case core (VB-XXXXX-XXXXX) and after
 * it (GB-2026-000123) is now the case's public page. Kept so that the codes and links already handed out work.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const code = normaliseCaseCode(params.trackingCode ?? "");
  if (!code) throw notFound({ headers: { "Cache-Control": "no-store" } });
  const created = new URL(request.url).searchParams.get("new") === "1";
  return redirect(`/cases/${code}${created ? "?new=1" : ""}`, 301);
}
