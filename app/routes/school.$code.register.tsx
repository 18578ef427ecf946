import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { DateTime } from "~/components/date-time";
import { FormAlert, SelectField, TextField } from "~/components/form";
import { Pager } from "~/components/pager";
import { requireOrganisationPermission } from "~/lib/guards.server";
import { useT } from "~/lib/i18n/use-t";
import { pageTitle } from "~/lib/meta";
import { formatDateVi, formatRegisterNumber } from "~/modules/documents/format";
import { REGISTER_PDF_MAX_LINES } from "~/modules/register/export-register.server";
import { listRegisterEntries, listRegisterFacets } from "~/modules/register/queries.server";
import {
  parseRegisterQuery,
  REGISTER_PAGE_SIZE,
  REGISTER_SORTS,
  registerFilterParams,
} from "~/modules/register/schema";
import { REGISTER_ENTRY_KINDS } from "~/modules/drafts/schema";
import { REGISTER_KIND_LABELS, REGISTER_SORT_LABELS } from "~/modules/register/labels";
import { translateLabel } from "~/lib/labels";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "register.title");

/** The school's original register (sổ gốc): every entry, searchable, for the school's staff only. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation } = await requireOrganisationPermission(request, {
    kind: "school",
    code: params.code,
    permission: "register:read",
  });
  const url = new URL(request.url);
  const query = parseRegisterQuery(url.searchParams);
  const [{ entries, total }, facets] = await Promise.all([
    listRegisterEntries({
      organisationId: organisation.id,
      filters: query,
      sort: query.sort,
      page: query.page,
      pageSize: REGISTER_PAGE_SIZE,
    }),
    listRegisterFacets(organisation.id),
  ]);
  const filtered = Boolean(query.q || query.year || query.programme || query.kind);
  return json({
    schoolCode: organisation.code,
    query,
    filtered,
    exportQuery: registerFilterParams(query),
    // The PDF route sends the user back here when the selection is too long to print.
    pdfMaxLines: url.searchParams.get("notice") === "pdf_too_many" ? REGISTER_PDF_MAX_LINES : null,
    facets,
    total,
    entries: entries.map((e) => ({
      id: e.id,
      kind: e.kind,
      createdAt: e.createdAt.toISOString(),
      registerNumber: formatRegisterNumber(e.registerNumber, e.registerYear),
      serial: e.serial,
      fullName: e.fullName,
      dateOfBirth: formatDateVi(e.dateOfBirth),
      programme: `${e.programmeName} (${e.programmeCode})`,
      remarks: e.remarks,
      relatedSerial: e.relatedSerial,
      createdByName: e.createdByName,
    })),
  });
}

export default function SchoolRegister() {
  const t = useT();
  const { schoolCode, query, filtered, exportQuery, pdfMaxLines, facets, total, entries } =
    useLoaderData<typeof loader>();
  const base = `/school/${schoolCode}/register`;
  const suffix = exportQuery ? `?${exportQuery}` : "";
  return (
    <>
      <h1>{t("register.title")}</h1>
      <p className="lead">{t("register.intro")}</p>

      <Form method="get" className="filters" aria-label={t("register.filter.label")}>
        <TextField
          name="q"
          type="search"
          label={t("register.filter.q")}
          hint={t("register.filter.qHint")}
          defaultValue={query.q ?? ""}
          maxLength={100}
        />
        <SelectField name="year" label={t("register.filter.year")} defaultValue={query.year ? String(query.year) : ""}>
          <option value="">{t("register.filter.allYears")}</option>
          {facets.years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </SelectField>
        <SelectField name="programme" label={t("register.filter.programme")} defaultValue={query.programme ?? ""}>
          <option value="">{t("register.filter.allProgrammes")}</option>
          {facets.programmes.map((p) => (
            <option key={p.code} value={p.code}>
              {`${p.name} (${p.code})`}
            </option>
          ))}
        </SelectField>
        <SelectField name="kind" label={t("register.filter.kind")} defaultValue={query.kind ?? ""}>
          <option value="">{t("register.filter.allKinds")}</option>
          {REGISTER_ENTRY_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(REGISTER_KIND_LABELS[k])}
            </option>
          ))}
        </SelectField>
        <SelectField name="sort" label={t("register.filter.sort")} defaultValue={query.sort}>
          {REGISTER_SORTS.map((s) => (
            <option key={s} value={s}>
              {t(REGISTER_SORT_LABELS[s])}
            </option>
          ))}
        </SelectField>
        <div className="filters-actions">
          <button type="submit" className="button button-primary">
            {t("register.filter.submit")}
          </button>
          {filtered ? <Link to={base}>{t("register.filter.reset")}</Link> : null}
        </div>
      </Form>

      <section className="card" aria-labelledby="register-export">
        <h2 id="register-export">{t("register.export.title")}</h2>
        <p className="muted">{t("register.export.hint")}</p>
        {pdfMaxLines ? (
          <FormAlert kind="error">{t("register.export.pdfTooMany", { max: pdfMaxLines })}</FormAlert>
        ) : null}
        <div className="button-row">
          <a className="button" href={`${base}.csv${suffix}`} download>
            {t("register.export.csv")}
          </a>
          <a className="button" href={`${base}.pdf${suffix}`} download>
            {t("register.export.pdf")}
          </a>
        </div>
      </section>

      <p className="muted" role="status">
        {t("register.count", { total })}
      </p>
      {entries.length === 0 ? (
        <p className="empty-state">{filtered ? t("register.noMatch") : t("register.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t("register.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("register.col.time")}</th>
                <th scope="col">{t("register.col.kind")}</th>
                <th scope="col">{t("register.col.registerNumber")}</th>
                <th scope="col">{t("register.col.serial")}</th>
                <th scope="col">{t("register.col.fullName")}</th>
                <th scope="col">{t("register.col.dateOfBirth")}</th>
                <th scope="col">{t("register.col.programme")}</th>
                <th scope="col">{t("register.col.remarks")}</th>
                <th scope="col">{t("register.col.by")}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id}>
                  <td className="nowrap">
                    <DateTime value={e.createdAt} />
                  </td>
                  <td>{translateLabel(t, REGISTER_KIND_LABELS, e.kind)}</td>
                  <td className="nowrap">{e.registerNumber}</td>
                  <td className="nowrap">{e.serial}</td>
                  <td>{e.fullName}</td>
                  <td className="nowrap">{e.dateOfBirth}</td>
                  <td>{e.programme}</td>
                  <td>
                    {e.relatedSerial ? <div>{t("register.replaces", { serial: e.relatedSerial })}</div> : null}
                    {e.remarks ? <div className="prewrap">{e.remarks}</div> : null}
                  </td>
                  <td>{e.createdByName}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager page={query.page} pageSize={REGISTER_PAGE_SIZE} total={total} />
    </>
  );
}
