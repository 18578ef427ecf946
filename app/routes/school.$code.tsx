import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { FormAlert } from "~/components/form";
import { requireOrganisationPermission } from "~/lib/guards.server";
import { useT } from "~/lib/i18n/use-t";
import { hasPermission } from "~/lib/permissions";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { session, organisation } = await requireOrganisationPermission(request, {
    kind: "school",
    code: params.code,
    permission: "school:view",
  });
  return json({
    school: { code: organisation.code, name: organisation.name, status: organisation.status },
    canReadAudit: hasPermission(session.grants, "school:read-audit", organisation.id),
    canManageKeys: hasPermission(session.grants, "school:manage-keys", organisation.id),
    canReadRegister: hasPermission(session.grants, "register:read", organisation.id),
    canHandleReports: hasPermission(session.grants, "reports:handle", organisation.id),
    canHandleCases: hasPermission(session.grants, "cases:handle", organisation.id),
  });
}

export default function SchoolLayout() {
  const t = useT();
  const { school, canReadAudit, canManageKeys, canReadRegister, canHandleReports, canHandleCases } =
    useLoaderData<typeof loader>();
  return (
    <div className="container workspace">
      <p className="workspace-kicker">{t("school.title")}</p>
      <nav className="subnav" aria-label={school.name}>
        <NavLink to={`/school/${school.code}`} end>
          {t("school.nav.overview")}
        </NavLink>
        <NavLink to={`/school/${school.code}/members`}>{t("school.nav.members")}</NavLink>
        <NavLink to={`/school/${school.code}/batches`}>{t("diplomas.nav.batches")}</NavLink>
        <NavLink to={`/school/${school.code}/diplomas`}>{t("issued.nav.diplomas")}</NavLink>
        <NavLink to={`/school/${school.code}/jobs`}>{t("schools.jobs.title")}</NavLink>
        {canReadRegister ? <NavLink to={`/school/${school.code}/register`}>{t("register.nav")}</NavLink> : null}
        {canHandleCases ? <NavLink to={`/school/${school.code}/cases`}>{t("cases.nav.queue")}</NavLink> : null}
        {canHandleReports ? (
          <NavLink to={`/school/${school.code}/cases?kind=fake_report`}>{t("reports.nav")}</NavLink>
        ) : null}
        <NavLink to={`/school/${school.code}/case-stats`}>{t("case-stats.nav")}</NavLink>
        {canReadRegister ? (
          <NavLink to={`/school/${school.code}/copy-register`}>{t("services.register.title")}</NavLink>
        ) : null}
        {canReadAudit ? <NavLink to={`/school/${school.code}/audit`}>{t("school.nav.audit")}</NavLink> : null}
        {canManageKeys ? <NavLink to={`/school/${school.code}/keys`}>{t("school.nav.keys")}</NavLink> : null}
      </nav>
      {school.status !== "accredited" ? <FormAlert kind="info">{t("school.pending")}</FormAlert> : null}
      <Outlet />
    </div>
  );
}
