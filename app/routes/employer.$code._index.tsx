import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireOrganisationPermission } from "~/lib/guards.server";
import { useT } from "~/lib/i18n/use-t";
import { ORGANISATION_STATUS_LABELS, ROLE_LABELS } from "~/modules/organisations/labels";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { session, organisation } = await requireOrganisationPermission(request, {
    kind: "employer",
    code: params.code,
    permission: "employer:view",
  });
  const roles = session.grants.filter((g) => g.organisationId === organisation.id).map((g) => g.role);
  return json({ employer: { name: organisation.name, code: organisation.code, status: organisation.status }, roles });
}

export default function EmployerHome() {
  const t = useT();
  const { employer, roles } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{employer.name}</h1>
      <dl className="facts">
        <dt>{t("org.code")}</dt>
        <dd>{employer.code}</dd>
        <dt>{t("org.status")}</dt>
        <dd>{t(ORGANISATION_STATUS_LABELS[employer.status])}</dd>
        <dt>{t("employer.yourRoles")}</dt>
        <dd>{roles.map((r) => t(ROLE_LABELS[r])).join(", ")}</dd>
      </dl>
    </>
  );
}
