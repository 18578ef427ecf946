import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { SelectField, TextField } from "~/components/form";
import { NameFields, ProgrammeSourceField, ReferenceForm } from "~/components/reference-ui";
import { requirePermission } from "~/lib/guards.server";
import { useLocale, useT } from "~/lib/i18n/use-t";
import { listTrainingLevels } from "~/modules/reference/queries.server";
import { runReferenceEdit } from "~/modules/reference/run-reference-edit.server";
import { createProgramme } from "~/modules/reference/save-programme.server";
import { ProgrammeCreateSchema } from "~/modules/reference/schema";

export const meta: MetaFunction = () => [{ title: "Thêm ngành, nghề — Danh mục dùng chung — Cổng Văn bằng số GDNN" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "reference:edit");
  const levels = await listTrainingLevels();
  return json({
    levels: levels.map((l) => ({ code: l.code, nameVi: l.nameVi, nameEn: l.nameEn, codeDigit: l.codeDigit })),
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const session = await requirePermission(request, "reference:edit");
  return runReferenceEdit({
    request,
    context,
    session,
    schema: ProgrammeCreateSchema,
    save: (db, { input, actor }) => createProgramme(db, { input, actor }),
    redirectTo: ({ code }) => `/admin/reference/programmes/${code}?saved=1`,
  });
}

export default function NewProgramme() {
  const t = useT();
  const locale = useLocale();
  const { levels } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const values = failure?.values ?? {};
  const errors = failure?.fieldErrors ?? {};
  return (
    <>
      <p>
        <Link to="/admin/reference/programmes">{t("reference.programmes.back")}</Link>
      </p>
      <h1>{t("reference.programmes.newTitle")}</h1>
      <section className="card narrow-card">
        <ReferenceForm failure={failure} submitLabel="reference.programmes.new" cancelTo="/admin/reference/programmes">
          <TextField
            name="code"
            label={t("reference.col.code")}
            hint={t("reference.programmes.codeHint")}
            defaultValue={values.code ?? ""}
            required
            inputMode="numeric"
            maxLength={8}
            autoComplete="off"
            error={errors.code}
          />
          <SelectField
            name="levelCode"
            label={t("reference.col.level")}
            defaultValue={values.levelCode ?? "cao_dang"}
            error={errors.levelCode}
          >
            {levels.map((l) => (
              <option key={l.code} value={l.code}>
                {locale === "en" ? l.nameEn : l.nameVi}
                {l.codeDigit ? ` (${l.codeDigit}…)` : ""}
              </option>
            ))}
          </SelectField>
          <NameFields values={values} errors={errors} current={{ nameVi: "", nameEn: null }} />
          <ProgrammeSourceField values={values} errors={errors} current="admin" />
        </ReferenceForm>
      </section>
    </>
  );
}
