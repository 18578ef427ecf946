import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { SelectField, TextField } from "~/components/form";
import {
  EditCard,
  EditLinkCell,
  NameFields,
  ReferenceTable,
  SavedNotice,
  caoDangTitleKey,
} from "~/components/reference-ui";
import { requirePermission } from "~/lib/guards.server";
import { useT } from "~/lib/i18n/use-t";
import { listFields } from "~/modules/reference/queries.server";
import { formMode, runReferenceEdit } from "~/modules/reference/run-reference-edit.server";
import { saveField } from "~/modules/reference/save-field.server";
import { CAO_DANG_TITLES, FieldSchema, editParam, savedParam } from "~/modules/reference/schema";

export const meta: MetaFunction = () => [{ title: "Lĩnh vực — Danh mục dùng chung — Cổng Văn bằng số GDNN" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "reference:edit");
  const url = new URL(request.url);
  const fields = await listFields();
  const edit = editParam(/^\d{2}$/)(url.searchParams.get("edit"));
  return json({
    fields,
    editing: fields.find((f) => f.code === edit) ?? null,
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
    schema: FieldSchema,
    save: (db, { input, actor, form }) => saveField({ mode: formMode(form), input, actor }),
    redirectTo: ({ changed }) => `/admin/reference/fields?saved=${changed ? 1 : 0}`,
  });
}

export default function ReferenceFields() {
  const t = useT();
  const { fields, editing, creating, saved } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const values = failure?.values ?? {};
  const errors = failure?.fieldErrors ?? {};
  const current =
    editing ?? (creating ? { code: "", nameVi: "", nameEn: null, caoDangTitle: "cử nhân thực hành" } : null);
  return (
    <>
      <h1>{t("reference.fields.title")}</h1>
      <p className="lead">{t("reference.fields.intro")}</p>
      <SavedNotice saved={saved} />
      {!current ? (
        <p>
          <Link to="?new=1#edit" className="button">
            {t("reference.fields.new")}
          </Link>
        </p>
      ) : null}

      {current ? (
        <EditCard
          key={editing?.code ?? "new"}
          title={editing ? t("reference.fields.editTitle", { code: editing.code }) : t("reference.fields.new")}
          failure={failure}
          hidden={{ mode: editing ? "update" : "create", code: editing?.code }}
          cancelTo="/admin/reference/fields"
        >
          {editing ? null : (
            <TextField
              name="code"
              label={t("reference.col.code")}
              defaultValue={values.code ?? ""}
              required
              inputMode="numeric"
              maxLength={2}
              error={errors.code}
            />
          )}
          <NameFields values={values} errors={errors} current={current} />
          <SelectField
            name="caoDangTitle"
            label={t("reference.col.caoDangTitle")}
            defaultValue={values.caoDangTitle ?? current.caoDangTitle}
            error={errors.caoDangTitle}
          >
            {CAO_DANG_TITLES.map((title) => (
              <option key={title} value={title}>
                {t(caoDangTitleKey(title))}
              </option>
            ))}
          </SelectField>
        </EditCard>
      ) : null}

      <ReferenceTable
        columns={[
          "reference.col.code",
          "reference.col.nameVi",
          "reference.col.nameEn",
          "reference.col.caoDangTitle",
          "reference.col.programmeCount",
        ]}
      >
        {fields.map((f) => (
          <tr key={f.code}>
            <td>
              <code>{f.code}</code>
            </td>
            <td>{f.nameVi}</td>
            <td lang="en">{f.nameEn ?? t("reference.none")}</td>
            <td>{t(caoDangTitleKey(f.caoDangTitle))}</td>
            <td>
              {f.programmeCount > 0 ? (
                <Link to={`/admin/reference/programmes?field=${f.code}`}>{f.programmeCount}</Link>
              ) : (
                0
              )}
            </td>
            <EditLinkCell to={`?edit=${f.code}#edit`} name={f.nameVi} />
          </tr>
        ))}
      </ReferenceTable>
    </>
  );
}
