import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { AuditFilterForm, AuditTable } from "~/components/audit-table";
import { Pager } from "~/components/pager";
import { requireOrganisationPermission } from "~/lib/guards.server";
import { pageTitle } from "~/lib/meta";
import { useT } from "~/lib/i18n/use-t";
import { toAuditView } from "~/modules/audit/audit-view";
import { listAuditActions, listAuditEntries } from "~/modules/audit/queries.server";
import { AUDIT_PAGE_SIZE, parseAuditFilters } from "~/modules/audit/schema";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "audit.schoolTitle");

/** A school's administrators read their own school's trail: the scope is the organisation the guard resolved. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation } = await requireOrganisationPermission(request, {
    kind: "school",
    code: params.code,
    permission: "school:read-audit",
  });
  const filters = parseAuditFilters(new URL(request.url).searchParams);
  const scope = { organisationId: organisation.id };
  const [{ entries, total }, actions] = await Promise.all([
    listAuditEntries({
      scope,
      actions: filters.action ? [filters.action] : undefined,
      page: filters.page,
      pageSize: AUDIT_PAGE_SIZE,
    }),
    listAuditActions(scope),
  ]);
  return json({
    action: filters.action ?? null,
    page: filters.page,
    entries: entries.map((e) => toAuditView(e, { showIp: false })),
    actions,
    total,
    pageSize: AUDIT_PAGE_SIZE,
  });
}

export default function SchoolAudit() {
  const t = useT();
  const { action, page, entries, actions, total, pageSize } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("audit.schoolTitle")}</h1>
      <p className="lead">{t("audit.schoolIntro")}</p>
      <AuditFilterForm actions={actions} selected={action ?? undefined} />
      <p className="muted" role="status">
        {t("audit.count", { total })}
      </p>
      <AuditTable entries={entries} showOrganisation={false} showIp={false} />
      <Pager page={page} pageSize={pageSize} total={total} />
    </>
  );
}
