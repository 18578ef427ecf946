import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { NavLink, Outlet } from "@remix-run/react";
import { requirePermission } from "~/lib/guards.server";
import { useT } from "~/lib/i18n/use-t";

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "ministry:administer");
  return json({});
}

export default function AdminLayout() {
  const t = useT();
  return (
    <div className="container workspace">
      <nav className="subnav" aria-label={t("admin.title")}>
        <NavLink to="/admin" end>
          {t("admin.nav.overview")}
        </NavLink>
        <NavLink to="/admin/organisations">{t("admin.nav.organisations")}</NavLink>
        <NavLink to="/admin/reference">{t("admin.nav.reference")}</NavLink>
        <NavLink to="/admin/cases">{t("cases.nav.queue")}</NavLink>
        <NavLink to="/admin/cases?kind=fake_report">{t("reports.nav")}</NavLink>
        <NavLink to="/admin/case-stats">{t("case-stats.nav")}</NavLink>
        <NavLink to="/admin/calendar">{t("casePublic.nav.calendar")}</NavLink>
        <NavLink to="/admin/case-settings">{t("casePublic.nav.settings")}</NavLink>
        <NavLink to="/admin/voter-petitions">{t("feedback.petitions.nav")}</NavLink>
        <NavLink to="/admin/audit">{t("admin.nav.audit")}</NavLink>
      </nav>
      <Outlet />
    </div>
  );
}
