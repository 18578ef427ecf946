import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { FakeReportsList } from "~/components/fake-reports-list";
import { requirePermission } from "~/lib/guards.server";
import { useT } from "~/lib/i18n/use-t";
import { pageTitle } from "~/lib/meta";
import { listFakeReports } from "~/modules/reports/fake-reports.server";
import { reportStatusAction } from "~/modules/reports/status-action.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "reports.list.title");

/** GET /admin/reports — every report, including those naming no school of ours. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "ministry:administer");
  const reports = await listFakeReports({ all: true });
  return json({ reports });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const session = await requirePermission(request, "ministry:administer");
  return reportStatusAction(request, context, { all: true }, session.user.id);
}

export default function AdminReports() {
  const t = useT();
  const { reports } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <h1>{t("reports.list.title")}</h1>
      <p className="lead">{t("reports.list.intro")}</p>
      <FakeReportsList reports={reports} showSchool actionData={actionData} />
    </>
  );
}
