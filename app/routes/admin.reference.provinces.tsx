import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { SelectField } from "~/components/form";
import {
  EditCard,
  EditLinkCell,
  NameFields,
  ReferenceTable,
  SavedNotice,
  provinceKindKey,
} from "~/components/reference-ui";
import { getDb } from "~/lib/db.server";
import { requirePermission } from "~/lib/guards.server";
import { useT } from "~/lib/i18n/use-t";
import { listProvinces } from "~/modules/reference/queries.server";
import { sortByVietnamese } from "~/lib/vietnamese-order";
import { runReferenceEdit } from "~/modules/reference/run-reference-edit.server";
import { PROVINCE_KINDS, ProvinceSchema, editParam, savedParam } from "~/modules/reference/schema";
import { updateProvince } from "~/modules/reference/update-province.server";
import { readFormData } from "~/lib/http.server";
import { clientOf } from "~/lib/request-context";
import { listProvinceNeighbours, saveProvinceNeighbours } from "~/modules/reference/save-province-neighbours.server";

export const meta: MetaFunction = () => [{ title: "Tỉnh, thành phố — Danh mục dùng chung — Cổng Văn bằng số GDNN" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "reference:edit");
  const url = new URL(request.url);
  const provinces = await listProvinces();
  const edit = editParam(/^\d{2}$/)(url.searchParams.get("edit"));
  const editing = provinces.find((p) => p.code === edit) ?? null;
  return json({
    provinces,
    editing,
    neighbours: editing ? await listProvinceNeighbours(await getDb(), editing.code) : [],
    saved: savedParam(url.searchParams.get("saved")),
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const session = await requirePermission(request, "reference:edit");
  const form = await readFormData(request);
  if (form.get("intent") === "neighbours") {
    // Neighbouring provinces (used by job matching): one checkbox per province.
    const code = String(form.get("code") ?? "");
    const neighbourCodes = form
      .getAll("neighbourCodes")
      .map(String)
      .filter((c) => /^\d{2}$/.test(c));
    if (!/^\d{2}$/.test(code)) throw new Response(null, { status: 404 });
    const result = await saveProvinceNeighbours({
      code,
      neighbourCodes,
      actor: { userId: session.user.id, ip: clientOf(request, context).ip },
    });
    if (!result.ok) throw new Response(null, { status: result.code === "not_found" ? 404 : 400 });
    return redirect(`/admin/reference/provinces?saved=${result.value.changed ? 1 : 0}`);
  }
  return runReferenceEdit({
    form,
    request,
    context,
    session,
    schema: ProvinceSchema,
    save: (db, { input, actor }) => updateProvince({ input, actor }),
    redirectTo: ({ changed }) => `/admin/reference/provinces?saved=${changed ? 1 : 0}`,
  });
}

export default function ReferenceProvinces() {
  const t = useT();
  const { provinces, editing, neighbours, saved } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const values = failure?.values ?? {};
  const errors = failure?.fieldErrors ?? {};
  return (
    <>
      <h1>{t("reference.provinces.title")}</h1>
      <p className="lead">{t("reference.provinces.intro")}</p>
      <SavedNotice saved={saved} />

      {editing ? (
        <EditCard
          key={editing.code}
          title={t("reference.editLabel", { name: `${editing.code} · ${editing.nameVi}` })}
          failure={failure}
          hidden={{ code: editing.code }}
          cancelTo="/admin/reference/provinces"
        >
          <NameFields values={values} errors={errors} current={editing} />
          <SelectField
            name="kind"
            label={t("reference.col.kind")}
            defaultValue={values.kind ?? editing.kind}
            error={errors.kind}
          >
            {PROVINCE_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(provinceKindKey(k))}
              </option>
            ))}
          </SelectField>
        </EditCard>
      ) : null}
      {editing ? (
        <section className="card" aria-labelledby="neighbours-title">
          <h2 id="neighbours-title">{t("reference.neighbours.title", { name: editing.nameVi })}</h2>
          <p className="field-hint">{t("reference.neighbours.hint")}</p>
          <Form method="post" className="form" key={`n-${editing.code}`}>
            <input type="hidden" name="intent" value="neighbours" />
            <input type="hidden" name="code" value={editing.code} />
            <div className="choice-list province-choices">
              {sortByVietnamese(provinces, (p) => p.nameVi)
                .filter((p) => p.code !== editing.code)
                .map((p) => (
                  <label key={p.code} className="choice">
                    <input
                      type="checkbox"
                      name="neighbourCodes"
                      value={p.code}
                      defaultChecked={neighbours.includes(p.code)}
                    />{" "}
                    {p.nameVi}
                  </label>
                ))}
            </div>
            <div className="form-actions">
              <button type="submit" className="button button-primary">
                {t("reference.neighbours.save")}
              </button>
            </div>
          </Form>
        </section>
      ) : null}

      <ReferenceTable
        columns={["reference.col.code", "reference.col.nameVi", "reference.col.nameEn", "reference.col.kind"]}
      >
        {provinces.map((p) => (
          <tr key={p.code} aria-current={editing?.code === p.code ? "true" : undefined}>
            <td>
              <code>{p.code}</code>
            </td>
            <td>{p.nameVi}</td>
            <td lang="en">{p.nameEn ?? t("reference.none")}</td>
            <td>{t(provinceKindKey(p.kind))}</td>
            <EditLinkCell to={`?edit=${p.code}#edit`} name={p.nameVi} />
          </tr>
        ))}
      </ReferenceTable>
    </>
  );
}
