import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { NavLink, Outlet } from "@remix-run/react";
import { requirePermission } from "~/lib/guards.server";
import { useT } from "~/lib/i18n/use-t";

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "reference:edit");
  return json({});
}

/** The reference-data section: a second row of links under the admin navigation. */
export default function ReferenceLayout() {
  const t = useT();
  return (
    <>
      <nav className="reference-nav" aria-label={t("reference.nav.label")}>
        <NavLink to="/admin/reference" end>
          {t("reference.nav.overview")}
        </NavLink>
        <NavLink to="/admin/reference/provinces">{t("reference.nav.provinces")}</NavLink>
        <NavLink to="/admin/reference/levels">{t("reference.nav.levels")}</NavLink>
        <NavLink to="/admin/reference/fields">{t("reference.nav.fields")}</NavLink>
        <NavLink to="/admin/reference/groups">{t("reference.nav.groups")}</NavLink>
        <NavLink to="/admin/reference/programmes" end>
          {t("reference.nav.programmes")}
        </NavLink>
        <NavLink to="/admin/reference/programmes/import">{t("reference.nav.import")}</NavLink>
        <NavLink to="/admin/reference/crosswalk">{t("reference.nav.crosswalk")}</NavLink>
        <NavLink to="/admin/reference/programme-requests">{t("programmeRequests.title")}</NavLink>
      </nav>
      <Outlet />
    </>
  );
}
