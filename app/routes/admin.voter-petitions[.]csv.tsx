import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~/lib/db.server";
import { requirePermission } from "~/lib/guards.server";
import { reportBySession, sessionReportCsv } from "~/modules/feedback/voter-petition-report";
import { listVoterPetitions } from "~/modules/feedback/voter-petitions.server";

/** GET /admin/voter-petitions.csv: voters' petitions per session, answered before / after it opened (ministry). */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "ministry:administer");
  const reports = reportBySession(await listVoterPetitions(await getDb()));
  return new Response(sessionReportCsv(reports), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="kien-nghi-cu-tri-theo-ky-hop.csv"',
      "Cache-Control": "private, no-store",
    },
  });
}
