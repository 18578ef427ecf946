import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { readFormData } from "~/lib/http.server";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { TextField } from "~/components/form";
import { FailureAlert, SavedNotice } from "~/components/reference-ui";
import { getDb } from "~/lib/db.server";
import { formValues, parseForm, type FormFailure } from "~/lib/forms";
import { requirePermission } from "~/lib/guards.server";
import { useT } from "~/lib/i18n/use-t";
import { clientOf } from "~/lib/request-context";
import { referenceFailureStatus } from "~/modules/reference/failures";
import { listTrainingLevels } from "~/modules/reference/queries.server";
import { TrainingLevelSchema, editParam, savedParam } from "~/modules/reference/schema";
import { updateTrainingLevel } from "~/modules/reference/update-training-level.server";

export const meta: MetaFunction = () => [{ title: "Trình độ đào tạo — Danh mục dùng chung — Cổng Văn bằng số GDNN" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "reference:edit");
  const url = new URL(request.url);
  const levels = (await listTrainingLevels(await getDb())).map(({ updatedAt: _, ...l }) => l);
  const edit = editParam(/^[a-z_]{1,40}$/)(url.searchParams.get("edit"));
  return json({ levels, editing: levels.find((l) => l.code === edit) ?? null, saved: savedParam(url.searchParams.get("saved")) });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const session = await requirePermission(request, "reference:edit");
  const form = await readFormData(request);
  const parsed = parseForm(TrainingLevelSchema, form);
  if (!parsed.ok) return json<FormFailure>(parsed, { status: 400 });
  const result = await updateTrainingLevel(await getDb(), {
    input: parsed.data,
    actor: { userId: session.user.id, ip: clientOf(request, context).ip },
  });
  if (!result.ok) {
    return json<FormFailure>(
      { values: formValues(form), fieldErrors: result.fieldErrors ?? {}, formError: "reference.error.notFound" },
      { status: referenceFailureStatus(result.code) },
    );
  }
  return redirect(`/admin/reference/levels?saved=${result.value.changed ? 1 : 0}`);
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
        <section className="card" aria-labelledby="edit-title" id="edit">
          <h2 id="edit-title">{t("reference.editLabel", { name: editing.nameVi })}</h2>
          <FailureAlert failure={failure} />
          <Form method="post" className="form reference-form" key={editing.code} noValidate>
            <input type="hidden" name="code" value={editing.code} />
            <TextField name="nameVi" label={t("reference.col.nameVi")} defaultValue={values.nameVi ?? editing.nameVi} required maxLength={255} error={errors.nameVi} />
            <TextField name="nameEn" label={t("reference.col.nameEn")} defaultValue={values.nameEn ?? editing.nameEn} required maxLength={255} error={errors.nameEn} lang="en" />
            <div className="form-actions">
              <button type="submit" className="button button-primary">
                {t("form.save")}
              </button>
              <Link to="/admin/reference/levels">{t("form.cancel")}</Link>
            </div>
          </Form>
        </section>
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
                <td>{l.codeDigit ? <code>{l.codeDigit}</code> : <span className="muted">{t("reference.levels.noDigit")}</span>}</td>
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
