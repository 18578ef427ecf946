import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/lib/guards.server";
import { useT } from "~/lib/i18n/use-t";
import { countPendingOrganisations, countUsers } from "~/modules/organisations/queries.server";
import { pageTitle } from "~/lib/meta";

export const meta: MetaFunction = ({ matches }) => [...pageTitle(matches, "admin.title")];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "ministry:administer");
  const [pending, users] = await Promise.all([countPendingOrganisations(), countUsers()]);
  return json({ pending, users });
}

export default function AdminHome() {
  const t = useT();
  const { pending, users } = useLoaderData<typeof loader>();
  const numbers = new Intl.NumberFormat("vi-VN");
  return (
    <>
      <h1>{t("admin.title")}</h1>
      <p>{t("admin.intro")}</p>
      <ul className="stat-grid">
        <li className="card stat">
          <span className="stat-number">{numbers.format(pending.school)}</span>
          <span className="stat-label">{t("adminOverview.pendingSchools")}</span>
          <Link to="/admin/organisations?kind=school&status=pending">{t("adminOverview.review")}</Link>
        </li>
        <li className="card stat">
          <span className="stat-number">{numbers.format(pending.employer)}</span>
          <span className="stat-label">{t("adminOverview.pendingEmployers")}</span>
          <Link to="/admin/organisations?kind=employer&status=pending">{t("adminOverview.review")}</Link>
        </li>
        <li className="card stat">
          <span className="stat-number">{numbers.format(users)}</span>
          <span className="stat-label">{t("adminOverview.users")}</span>
          <Link to="/admin/audit">{t("adminOverview.audit")}</Link>
        </li>
      </ul>
      <p>
        <Link to="/admin/organisations" className="button">
          {t("adminOverview.allOrganisations")}
        </Link>
      </p>
    </>
  );
}
