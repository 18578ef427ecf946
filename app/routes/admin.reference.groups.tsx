import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { SelectField, TextField } from "~/components/form";
import { EditCard, EditLinkCell, ReferenceTable, SavedNotice } from "~/components/reference-ui";
import { requirePermission } from "~/lib/guards.server";
import { useT } from "~/lib/i18n/use-t";
import { listFields, listProgrammeGroups } from "~/modules/reference/queries.server";
import { formMode, runReferenceEdit } from "~/modules/reference/run-reference-edit.server";
import { saveProgrammeGroup } from "~/modules/reference/save-programme-group.server";
import { ProgrammeGroupSchema, editParam, savedParam } from "~/modules/reference/schema";

export const meta: MetaFunction = () => [{ title: "Nhóm ngành, nghề — Danh mục dùng chung — Cổng Văn bằng số GDNN" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "reference:edit");
  const url = new URL(request.url);
  const fieldCode = editParam(/^\d{2}$/)(url.searchParams.get("field")) ?? undefined;
  const [fields, groups] = await Promise.all([listFields(), listProgrammeGroups({ fieldCode })]);
  const edit = editParam(/^\d{4}$/)(url.searchParams.get("edit"));
  return json({
    fields: fields.map((f) => ({ code: f.code, nameVi: f.nameVi })),
    fieldCode: fieldCode ?? "",
    groups,
    editing: groups.find((g) => g.code === edit) ?? null,
    creating: url.searchParams.get("new") === "1",
    saved: savedParam(url.searchParams.get("saved")),
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const session = await requirePermission(request, "reference:edit");
  return runReferenceEdit({
    request,
    context,
    session,
    schema: ProgrammeGroupSchema,
    save: (db, { input, actor, form }) => saveProgrammeGroup({ mode: formMode(form), input, actor }),
    redirectTo: ({ changed }, input) =>
      `/admin/reference/groups?field=${input.code.slice(0, 2)}&saved=${changed ? 1 : 0}`,
  });
}

export default function ReferenceGroups() {
  const t = useT();
  const { fields, fieldCode, groups, editing, creating, saved } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const values = failure?.values ?? {};
  const errors = failure?.fieldErrors ?? {};
  const showForm = Boolean(editing) || creating;
  return (
    <>
      <h1>{t("reference.groups.title")}</h1>
      <p className="lead">{t("reference.groups.intro")}</p>
      <SavedNotice saved={saved} />

      {showForm ? (
        <EditCard
          key={editing?.code ?? "new"}
          title={editing ? t("reference.groups.editTitle", { code: editing.code }) : t("reference.groups.new")}
          failure={failure}
          hidden={{ mode: editing ? "update" : "create", code: editing?.code }}
          cancelTo={`/admin/reference/groups${fieldCode ? `?field=${fieldCode}` : ""}`}
        >
          {editing ? null : (
            <TextField
              name="code"
              label={t("reference.col.code")}
              hint={t("reference.groups.codeHint")}
              defaultValue={values.code ?? fieldCode}
              required
              inputMode="numeric"
              maxLength={4}
              error={errors.code}
            />
          )}
          <TextField
            name="nameVi"
            label={t("reference.col.nameVi")}
            defaultValue={values.nameVi ?? editing?.nameVi ?? ""}
            maxLength={255}
            error={errors.nameVi}
          />
        </EditCard>
      ) : null}

      <Form method="get" className="filters card">
        <SelectField name="field" label={t("reference.groups.filterField")} defaultValue={fieldCode}>
          <option value="">{t("reference.programmes.allFields")}</option>
          {fields.map((f) => (
            <option key={f.code} value={f.code}>
              {f.code} · {f.nameVi}
            </option>
          ))}
        </SelectField>
        <div className="filters-actions">
          <button type="submit" className="button button-primary">
            {t("reference.programmes.filter")}
          </button>
          {!showForm ? (
            <Link to={`?${fieldCode ? `field=${fieldCode}&` : ""}new=1#edit`}>{t("reference.groups.new")}</Link>
          ) : null}
        </div>
      </Form>

      <ReferenceTable
        columns={["reference.col.code", "reference.col.field", "reference.col.name", "reference.col.programmeCount"]}
      >
        {groups.map((g) => (
          <tr key={g.code}>
            <td>
              <code>{g.code}</code>
            </td>
            <td>
              {g.fieldCode} · {g.fieldNameVi}
            </td>
            <td>{g.nameVi ?? <span className="muted">{t("reference.groups.unnamed")}</span>}</td>
            <td>{g.programmeCount}</td>
            <EditLinkCell to={`?${fieldCode ? `field=${fieldCode}&` : ""}edit=${g.code}#edit`} name={g.code} />
          </tr>
        ))}
      </ReferenceTable>
    </>
  );
}
