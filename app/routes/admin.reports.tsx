import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { requirePermission } from "~/lib/guards.server";

/** GET /admin/reports: every fake report is now in the ministry's case queue, filtered to that kind. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "ministry:administer");
  return redirect("/admin/cases?kind=fake_report", 302);
}
