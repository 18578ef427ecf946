import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { Fragment } from "react";
import { SelectField, TextField } from "~/components/form";
import { Pager } from "~/components/pager";
import { requirePermission } from "~/lib/guards.server";
import { useLocale, useT } from "~/lib/i18n/use-t";
import { listFields, listProgrammes, listTrainingLevels } from "~/modules/reference/queries.server";
import { parseProgrammeListQuery } from "~/modules/reference/schema";
import { PROGRAMME_SOURCE_LABELS } from "~/modules/reference/labels";
import { translateLabel } from "~/lib/labels";
import { type MessageKey } from "~/lib/i18n";

export const meta: MetaFunction = () => [{ title: "Ngành, nghề — Danh mục dùng chung — Cổng Văn bằng số GDNN" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "reference:edit");
  const query = parseProgrammeListQuery(new URL(request.url).searchParams);
  const [page, levels, fields] = await Promise.all([listProgrammes(query), listTrainingLevels(), listFields()]);
  return json({
    query,
    ...page,
    levels: levels.map((l) => ({ code: l.code, nameVi: l.nameVi, nameEn: l.nameEn })),
    fields: fields.map((f) => ({ code: f.code, nameVi: f.nameVi })),
  });
}

const COLUMNS = 5;

/** The status filter of the list, with its wording. */
const PROGRAMME_STATUS_FILTERS = [
  ["all", "reference.programmes.status.all"],
  ["active", "reference.programmes.status.active"],
  ["inactive", "reference.programmes.status.inactive"],
] as const satisfies readonly (readonly [string, MessageKey])[];

export default function ReferenceProgrammes() {
  const t = useT();
  const locale = useLocale();
  const { query, rows, total, pageSize, levels, fields } = useLoaderData<typeof loader>();
  const filtered = Boolean(query.q || query.level || query.field || query.status !== "all");
  return (
    <>
      <h1>{t("reference.programmes.title")}</h1>
      <p className="lead">{t("reference.programmes.intro")}</p>
      <p className="button-row">
        <Link to="/admin/reference/programmes/new" className="button button-primary">
          {t("reference.programmes.new")}
        </Link>
        <Link to="/admin/reference/programmes/import" className="button">
          {t("reference.programmes.import")}
        </Link>
      </p>

      <Form method="get" className="filters card" role="search">
        <TextField
          name="q"
          type="search"
          label={t("reference.programmes.search")}
          hint={t("reference.programmes.searchHint")}
          defaultValue={query.q ?? ""}
          maxLength={100}
        />
        <SelectField name="level" label={t("reference.col.level")} defaultValue={query.level ?? ""}>
          <option value="">{t("reference.programmes.allLevels")}</option>
          {levels.map((l) => (
            <option key={l.code} value={l.code}>
              {locale === "en" ? l.nameEn : l.nameVi}
            </option>
          ))}
        </SelectField>
        <SelectField name="field" label={t("reference.col.field")} defaultValue={query.field ?? ""}>
          <option value="">{t("reference.programmes.allFields")}</option>
          {fields.map((f) => (
            <option key={f.code} value={f.code}>
              {f.code} · {f.nameVi}
            </option>
          ))}
          <option value="legacy">{t("reference.programmes.legacy")}</option>
        </SelectField>
        <SelectField name="status" label={t("reference.col.status")} defaultValue={query.status}>
          {PROGRAMME_STATUS_FILTERS.map(([s, label]) => (
            <option key={s} value={s}>
              {t(label)}
            </option>
          ))}
        </SelectField>
        <div className="filters-actions">
          <button type="submit" className="button button-primary">
            {t("reference.programmes.filter")}
          </button>
          {filtered ? <Link to="/admin/reference/programmes">{t("reference.programmes.clear")}</Link> : null}
        </div>
      </Form>

      <p className="muted" role="status">
        {t("reference.programmes.results", { total })}
      </p>
      {rows.length === 0 ? (
        <p className="empty-state">{t("reference.programmes.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table className="programme-table">
            <thead>
              <tr>
                <th scope="col">{t("reference.col.code")}</th>
                <th scope="col">{t("reference.col.name")}</th>
                <th scope="col">{t("reference.col.level")}</th>
                <th scope="col">{t("reference.col.source")}</th>
                <th scope="col">{t("reference.col.status")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((p, i) => {
                const previous = rows[i - 1];
                // Hierarchy: a heading row when the field changes, another when the group does.
                const newField = i === 0 || previous?.fieldCode !== p.fieldCode || previous?.isLegacy !== p.isLegacy;
                const newGroup = newField || previous?.groupCode !== p.groupCode;
                return (
                  <Fragment key={p.code}>
                    {newField ? (
                      <tr className="hier-field">
                        <th scope="colgroup" colSpan={COLUMNS}>
                          {p.isLegacy
                            ? t("reference.programmes.legacyHeading")
                            : `${p.fieldCode} · ${(locale === "en" ? p.fieldNameEn : null) ?? p.fieldNameVi ?? t("reference.programmes.noField")}`}
                        </th>
                      </tr>
                    ) : null}
                    {newGroup && !p.isLegacy ? (
                      <tr className="hier-group">
                        <th scope="colgroup" colSpan={COLUMNS}>
                          {p.groupCode} ·{" "}
                          {p.groupNameVi ?? <span className="muted">{t("reference.groups.unnamed")}</span>}
                        </th>
                      </tr>
                    ) : null}
                    <tr className={p.active ? undefined : "row-inactive"}>
                      <td>
                        <code>{p.code}</code>
                      </td>
                      <td>
                        <Link to={`/admin/reference/programmes/${p.code}`}>{p.nameVi}</Link>
                        {p.nameEn ? (
                          <span className="muted name-en" lang="en">
                            {p.nameEn}
                          </span>
                        ) : null}
                      </td>
                      <td>{locale === "en" ? p.levelNameEn : p.levelNameVi}</td>
                      <td>{translateLabel(t, PROGRAMME_SOURCE_LABELS, p.source)}</td>
                      <td>
                        {p.active ? (
                          t("reference.programmes.status.active")
                        ) : (
                          <span className="status-badge status-suspended">
                            {t("reference.programmes.status.inactive")}
                          </span>
                        )}
                      </td>
                    </tr>
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <Pager page={query.page} pageSize={pageSize} total={total} />
    </>
  );
}
