import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { EditCard, EditLinkCell, NameFields, ReferenceTable, SavedNotice } from "~/components/reference-ui";
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
          <NameFields values={values} errors={errors} current={editing} nameEnRequired />
        </EditCard>
      ) : null}

      <ReferenceTable
        columns={["reference.col.code", "reference.col.nameVi", "reference.col.nameEn", "reference.col.digit"]}
      >
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
            <EditLinkCell to={`?edit=${l.code}#edit`} name={l.nameVi} />
          </tr>
        ))}
      </ReferenceTable>
    </>
  );
}
