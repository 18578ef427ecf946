import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { CaseStatsPage } from "~/components/case-stats-report";
import { requirePermission } from "~/lib/guards.server";
import { pageTitle } from "~/lib/meta";
import { caseStatsPageData } from "~/modules/case-stats/page.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "case-stats.title");

/** The ministry's statistics report of every case, with filters by period, kind, topic and handling organisation. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "ministry:administer");
  return json(await caseStatsPageData(request, { kind: "ministry" }, { canSign: true }));
}

export default function AdminCaseStats() {
  const data = useLoaderData<typeof loader>();
  return <CaseStatsPage {...data} base="/admin/case-stats" scope="ministry" />;
}
