import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { AuditFilterForm, AuditTable } from "~/components/audit-table";
import { FormAlert } from "~/components/form";
import { Pager } from "~/components/pager";
import { requirePermission } from "~/lib/guards.server";
import { pageTitle } from "~/lib/meta";
import { useT } from "~/lib/i18n/use-t";
import { toAuditView } from "~/modules/audit/audit-view";
import { listAuditActions, listAuditEntries, type AuditScope } from "~/modules/audit/queries.server";
import { AUDIT_PAGE_SIZE, parseAuditFilters } from "~/modules/audit/schema";
import { findOrganisationsByIds } from "~/modules/organisations/queries.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "audit.title");

/** The ministry's view of the whole audit trail, optionally narrowed to one action and one organisation. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "audit:read-all");
  const filters = parseAuditFilters(new URL(request.url).searchParams);
  const scope: AuditScope = filters.organisationId ? { organisationId: filters.organisationId } : { all: true };
  const [{ entries, total }, actions, [organisation]] = await Promise.all([
    listAuditEntries({
      scope,
      actions: filters.action ? [filters.action] : undefined,
      page: filters.page,
      pageSize: AUDIT_PAGE_SIZE,
    }),
    listAuditActions({ all: true }),
    filters.organisationId ? findOrganisationsByIds([filters.organisationId]) : Promise.resolve([]),
  ]);
  return json({
    filters,
    organisation: organisation ? { id: organisation.id, name: organisation.name } : null,
    entries: entries.map((e) => toAuditView(e, { showIp: true })),
    actions,
    total,
    pageSize: AUDIT_PAGE_SIZE,
  });
}

export default function AdminAudit() {
  const t = useT();
  const { filters, organisation, entries, actions, total, pageSize } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("audit.title")}</h1>
      <p className="lead">{t("audit.intro")}</p>
      {filters.organisationId ? (
        <FormAlert kind="info">
          {t("audit.filter.organisation", { name: organisation?.name ?? filters.organisationId })}{" "}
          <Link to={filters.action ? `/admin/audit?action=${encodeURIComponent(filters.action)}` : "/admin/audit"}>
            {t("audit.filter.clear")}
          </Link>
        </FormAlert>
      ) : null}
      <AuditFilterForm
        actions={actions}
        selected={filters.action}
        hidden={filters.organisationId ? { org: filters.organisationId } : undefined}
      />
      <p className="muted" role="status">
        {t("audit.count", { total })}
      </p>
      <AuditTable entries={entries} showOrganisation showIp organisationLink={(id) => `/admin/organisations/${id}`} />
      <Pager page={filters.page} pageSize={pageSize} total={total} />
    </>
  );
}
