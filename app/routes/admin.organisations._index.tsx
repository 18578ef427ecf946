import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { DateTime } from "~/components/date-time";
import { SelectField, TextField } from "~/components/form";
import { Pager } from "~/components/pager";
import { requirePermission } from "~/lib/guards.server";
import { pageTitle } from "~/lib/meta";
import { useLocale, useT } from "~/lib/i18n/use-t";
import { localName } from "~/modules/reference/local-name";
import { listOrganisations } from "~/modules/organisations/queries.server";
import {
  ORGANISATION_KINDS,
  ORGANISATION_PAGE_SIZE,
  ORGANISATION_STATUSES,
  parseOrganisationFilters,
} from "~/modules/organisations/schema";
import { ORGANISATION_KIND_LABELS, ORGANISATION_STATUS_LABELS } from "~/modules/organisations/labels";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "organisations.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "organisations:accredit");
  const filters = parseOrganisationFilters(new URL(request.url).searchParams);
  const { rows, total } = await listOrganisations({ ...filters, pageSize: ORGANISATION_PAGE_SIZE });
  return json({ filters, rows, total, pageSize: ORGANISATION_PAGE_SIZE });
}

export default function AdminOrganisations() {
  const t = useT();
  const locale = useLocale();
  const { filters, rows, total, pageSize } = useLoaderData<typeof loader>();
  const filtered = Boolean(filters.kind || filters.status || filters.q);
  return (
    <>
      <h1>{t("organisations.title")}</h1>
      <p className="lead">{t("organisations.intro")}</p>

      <Form method="get" className="filters card" aria-label={t("organisations.filter.label")}>
        <SelectField name="kind" label={t("organisations.filter.kind")} defaultValue={filters.kind ?? ""}>
          <option value="">{t("organisations.filter.allKinds")}</option>
          {ORGANISATION_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(ORGANISATION_KIND_LABELS[k])}
            </option>
          ))}
        </SelectField>
        <SelectField name="status" label={t("organisations.filter.status")} defaultValue={filters.status ?? ""}>
          <option value="">{t("organisations.filter.allStatuses")}</option>
          {ORGANISATION_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(ORGANISATION_STATUS_LABELS[s])}
            </option>
          ))}
        </SelectField>
        <TextField
          name="q"
          type="search"
          label={t("organisations.filter.q")}
          hint={t("organisations.filter.qHint")}
          defaultValue={filters.q ?? ""}
          maxLength={100}
        />
        <div className="filters-actions">
          <button type="submit" className="button button-primary">
            {t("organisations.filter.submit")}
          </button>
          {filtered ? <Link to="/admin/organisations">{t("organisations.filter.clear")}</Link> : null}
        </div>
      </Form>

      <p className="muted" role="status">
        {t("organisations.count", { total })}
      </p>
      {rows.length === 0 ? (
        <p className="empty-state">{t("organisations.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("organisations.col.name")}</th>
                <th scope="col">{t("organisations.col.kind")}</th>
                <th scope="col">{t("organisations.col.code")}</th>
                <th scope="col">{t("organisations.col.province")}</th>
                <th scope="col">{t("organisations.col.status")}</th>
                <th scope="col">{t("organisations.col.members")}</th>
                <th scope="col">{t("organisations.col.registered")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((o) => (
                <tr key={o.id}>
                  <td>
                    <Link to={`/admin/organisations/${o.id}`}>{o.name}</Link>
                  </td>
                  <td>{t(ORGANISATION_KIND_LABELS[o.kind])}</td>
                  <td>
                    <code>{o.code}</code>
                  </td>
                  <td>{localName({ nameVi: o.provinceName, nameEn: o.provinceNameEn }, locale)}</td>
                  <td>
                    <span className={`status-badge status-${o.status}`}>{t(ORGANISATION_STATUS_LABELS[o.status])}</span>
                  </td>
                  <td>{o.memberCount}</td>
                  <td className="nowrap">
                    <DateTime value={o.createdAt} dateOnly />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager page={filters.page} pageSize={pageSize} total={total} />
    </>
  );
}
