import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { CaseStatsPage } from "~/components/case-stats-report";
import { requireOrganisationPermission } from "~/lib/guards.server";
import { pageTitle } from "~/lib/meta";
import { hasPermission } from "~/lib/permissions";
import { caseStatsPageData } from "~/modules/case-stats/page.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "case-stats.title");

/** The school's statistics report of the cases it handles (its own only), for its staff. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { session, organisation } = await requireOrganisationPermission(request, {
    kind: "school",
    code: params.code,
    permission: "school:view",
  });
  const data = await caseStatsPageData(
    request,
    { kind: "school", organisation },
    { canSign: hasPermission(session.grants, "case-stats:sign", organisation.id) },
  );
  return json({ ...data, schoolCode: organisation.code });
}

export default function SchoolCaseStats() {
  const { schoolCode, ...data } = useLoaderData<typeof loader>();
  return <CaseStatsPage {...data} base={`/school/${schoolCode}/case-stats`} scope="school" />;
}
