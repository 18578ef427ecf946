import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { TextField } from "~/components/form";
import { EditCard, SavedNotice } from "~/components/reference-ui";
import { requirePermission } from "~/lib/guards.server";
import { useT } from "~/lib/i18n/use-t";
import { listTrainingLevels } from "~/modules/reference/queries.server";
import { runReferenceEdit } from "~/modules/reference/run-reference-edit.server";
import { TrainingLevelSchema, editParam, savedParam } from "~/modules/reference/schema";
import { updateTrainingLevel } from "~/modules/reference/update-training-level.server";

export const meta: MetaFunction = () => [{ title: "Trình độ đào tạo — Danh mục dùng chung — Cổng Văn bằng số GDNN" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "reference:edit");
  const url = new URL(request.url);
  const levels = (await listTrainingLevels()).map(({ updatedAt: _, ...l }) => l);
  const edit = editParam(/^[a-z_]{1,40}$/)(url.searchParams.get("edit"));
  return json({
    levels,
    editing: levels.find((l) => l.code === edit) ?? null,
    saved: savedParam(url.searchParams.get("saved")),
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const session = await requirePermission(request, "reference:edit");
  return runReferenceEdit({
    request,
    context,
    session,
    schema: TrainingLevelSchema,
    save: (db, { input, actor }) => updateTrainingLevel(db, { input, actor }),
    redirectTo: ({ changed }) => `/admin/reference/levels?saved=${changed ? 1 : 0}`,
  });
}

export default function ReferenceLevels() {
  const t = useT();
  const { levels, editing, saved } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const values = failure?.values ?? {};
  const errors = failure?.fieldErrors ?? {};
  return (
    <>
      <h1>{t("reference.levels.title")}</h1>
      <p className="lead">{t("reference.levels.intro")}</p>
      <SavedNotice saved={saved} />

      {editing ? (
        <EditCard
          key={editing.code}
          title={t("reference.editLabel", { name: editing.nameVi })}
          failure={failure}
          hidden={{ code: editing.code }}
          cancelTo="/admin/reference/levels"
        >
          <TextField
            name="nameVi"
            label={t("reference.col.nameVi")}
            defaultValue={values.nameVi ?? editing.nameVi}
            required
            maxLength={255}
            error={errors.nameVi}
          />
          <TextField
            name="nameEn"
            label={t("reference.col.nameEn")}
            defaultValue={values.nameEn ?? editing.nameEn}
            required
            maxLength={255}
            error={errors.nameEn}
            lang="en"
          />
        </EditCard>
      ) : null}

      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t("reference.col.code")}</th>
              <th scope="col">{t("reference.col.nameVi")}</th>
              <th scope="col">{t("reference.col.nameEn")}</th>
              <th scope="col">{t("reference.col.digit")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("reference.col.actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {levels.map((l) => (
              <tr key={l.code}>
                <td>
                  <code>{l.code}</code>
                </td>
                <td>{l.nameVi}</td>
                <td lang="en">{l.nameEn}</td>
                <td>
                  {l.codeDigit ? (
                    <code>{l.codeDigit}</code>
                  ) : (
                    <span className="muted">{t("reference.levels.noDigit")}</span>
                  )}
                </td>
                <td>
                  <Link to={`?edit=${l.code}#edit`} aria-label={t("reference.editLabel", { name: l.nameVi })}>
                    {t("reference.edit")}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
