import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { FormAlert } from "~/components/form";
import { requireOrganisationPermission } from "~/lib/guards.server";
import { useT } from "~/lib/i18n/use-t";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation } = await requireOrganisationPermission(request, {
    kind: "employer",
    code: params.code,
    permission: "employer:view",
  });
  return json({ employer: { code: organisation.code, name: organisation.name, status: organisation.status } });
}

export default function EmployerLayout() {
  const t = useT();
  const { employer } = useLoaderData<typeof loader>();
  return (
    <div className="container workspace">
      <p className="workspace-kicker">{t("employer.title")}</p>
      <nav className="subnav" aria-label={employer.name}>
        <NavLink to={`/employer/${employer.code}`} end>
          {t("employer.nav.overview")}
        </NavLink>
        <NavLink to={`/employer/${employer.code}/jobs`}>{t("jobs.employer.title")}</NavLink>
        <NavLink to={`/employer/${employer.code}/profile`}>{t("employers.profile.title")}</NavLink>
        <NavLink to={`/employer/${employer.code}/members`}>{t("employer.nav.members")}</NavLink>
      </nav>
      {employer.status !== "accredited" ? <FormAlert kind="info">{t("employer.pending")}</FormAlert> : null}
      <Outlet />
    </div>
  );
}
