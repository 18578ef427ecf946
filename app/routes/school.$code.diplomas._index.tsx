import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { DiplomaStatusBadge } from "~/components/issued-diplomas";
import { SelectField, TextField } from "~/components/form";
import { Pager } from "~/components/pager";
import { requireOrganisationPermission } from "~/lib/guards.server";
import { formatNumber } from "~/lib/format-number";
import { useLocale, useT } from "~/lib/i18n/use-t";
import { classificationLabel } from "~/modules/documents/labels";
import { pageTitle } from "~/lib/meta";
import { formatDateVi } from "~/modules/reference/cell-values";
import { loadSchoolDiplomaList } from "~/modules/diplomas/issued-pages.server";
import { DiplomaListQuerySchema, SIGNED_STATUS_FILTERS } from "~/modules/diplomas/issued-schema";
import { DIPLOMA_STATUS_LABELS } from "~/modules/diplomas/labels";

export const meta: MetaFunction = ({ matches }) => [
  ...pageTitle(matches, "issued.list.title"),
  { name: "robots", content: "noindex" },
];

/** The school's signed diplomas (issued, revoked, suspended, superseded): search, filters, pages. Staff only. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation } = await requireOrganisationPermission(request, {
    kind: "school",
    code: params.code,
    permission: "school:view",
  });
  const url = new URL(request.url);
  const query = DiplomaListQuerySchema.parse(Object.fromEntries(url.searchParams));
  const data = await loadSchoolDiplomaList({ organisationId: organisation.id, query });
  return json({ schoolCode: organisation.code, query, ...data });
}

export default function SchoolDiplomas() {
  const t = useT();
  const locale = useLocale();
  const { schoolCode, query, diplomas, total, programmes, page, pageSize } = useLoaderData<typeof loader>();
  const filtered = Boolean(query.q || query.programme || query.status || query.batch);
  return (
    <>
      <h1>{t("issued.list.title")}</h1>
      <p className="lead">{t("issued.list.intro")}</p>

      <Form method="get" className="filters" role="search" aria-label={t("issued.list.searchLabel")}>
        <TextField
          name="q"
          type="search"
          label={t("issued.list.search")}
          defaultValue={query.q ?? ""}
          maxLength={100}
        />
        <SelectField name="programme" label={t("issued.list.programme")} defaultValue={query.programme ?? ""}>
          <option value="">{t("issued.list.all")}</option>
          {programmes.map((p) => (
            <option key={`${p.code}-${p.name}`} value={p.code}>
              {p.code} — {p.name}
            </option>
          ))}
        </SelectField>
        <SelectField name="status" label={t("issued.list.status")} defaultValue={query.status ?? ""}>
          <option value="">{t("issued.list.all")}</option>
          {SIGNED_STATUS_FILTERS.map((s) => (
            <option key={s} value={s}>
              {t(DIPLOMA_STATUS_LABELS[s])}
            </option>
          ))}
        </SelectField>
        {query.batch ? <input type="hidden" name="batch" value={query.batch} /> : null}
        <div className="filters-actions">
          <button type="submit" className="button button-primary">
            {t("issued.list.filter")}
          </button>
          {filtered ? <Link to={`/school/${schoolCode}/diplomas`}>{t("issued.list.clear")}</Link> : null}
        </div>
      </Form>
      {query.batch ? <p className="muted">{t("issued.list.batchFilter")}</p> : null}

      <p role="status" className="muted">
        {t("issued.list.count", { total: formatNumber(total, locale) })}
      </p>
      {diplomas.length === 0 ? (
        <p className="empty-state">{t(filtered ? "issued.list.emptyFiltered" : "issued.list.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("issued.field.serial")}</th>
                <th scope="col">{t("issued.field.registerNumber")}</th>
                <th scope="col">{t("diplomas.field.fullName")}</th>
                <th scope="col">{t("diplomas.field.dateOfBirth")}</th>
                <th scope="col">{t("diplomas.field.programmeCode")}</th>
                <th scope="col">{t("diplomas.field.classification")}</th>
                <th scope="col">{t("issued.field.issueDate")}</th>
                <th scope="col">{t("issued.list.status")}</th>
              </tr>
            </thead>
            <tbody>
              {diplomas.map((d) => (
                <tr key={d.id}>
                  <td className="nowrap">
                    <Link
                      to={`/school/${schoolCode}/diplomas/${d.id}`}
                      aria-label={t("issued.list.openLabel", { serial: d.serial ?? "", name: d.fullName })}
                    >
                      {d.serial}
                    </Link>
                  </td>
                  <td className="nowrap">
                    {d.registerNumber !== null ? `${d.registerNumber}/${d.registerYear}` : "—"}
                  </td>
                  <td>{d.fullName}</td>
                  <td className="nowrap">{formatDateVi(d.dateOfBirth)}</td>
                  <td>
                    <code>{d.programmeCode}</code> {d.programmeName}
                  </td>
                  <td>{classificationLabel(d.classification, locale)}</td>
                  <td className="nowrap">{d.issueDate ? formatDateVi(d.issueDate) : "—"}</td>
                  <td>
                    <DiplomaStatusBadge status={d.status} />
                    {d.compromised && (d.status === "issued" || d.status === "suspended") ? (
                      <>
                        {" "}
                        <span className="status-badge status-rejected">{t("issued.list.reissueNeeded")}</span>
                      </>
                    ) : null}
                    {d.claimed ? <div className="muted">{t("issued.list.claimed")}</div> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager page={page} pageSize={pageSize} total={total} />
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
