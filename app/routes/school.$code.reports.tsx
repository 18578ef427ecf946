import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { FakeReportsList } from "~/components/fake-reports-list";
import { requireOrganisationPermission } from "~/lib/guards.server";
import { useT } from "~/lib/i18n/use-t";
import { pageTitle } from "~/lib/meta";
import { listFakeReports } from "~/modules/reports/fake-reports.server";
import { reportStatusAction } from "~/modules/reports/status-action.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "reports.list.title");

/** GET /school/{code}/reports — the reports naming this school; its admins and principal move them on. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation } = await requireOrganisationPermission(request, {
    kind: "school",
    code: params.code,
    permission: "reports:handle",
  });
  const reports = await listFakeReports({ organisationId: organisation.id });
  return json({ reports });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { organisation, session } = await requireOrganisationPermission(request, {
    kind: "school",
    code: params.code,
    permission: "reports:handle",
  });
  return reportStatusAction(request, context, { organisationId: organisation.id }, session.user.id);
}

export default function SchoolReports() {
  const t = useT();
  const { reports } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <h1>{t("reports.list.title")}</h1>
      <p className="lead">{t("reports.list.intro")}</p>
      <FakeReportsList reports={reports} showSchool={false} actionData={actionData} />
    </>
  );
}
