import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { readFormData } from "~/lib/http.server";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormAlert, SelectField } from "~/components/form";
import { NameFields, ProgrammeSourceField, ReferenceForm, SavedNotice } from "~/components/reference-ui";
import { requirePermission } from "~/lib/guards.server";
import { useLocale, useT } from "~/lib/i18n/use-t";
import { clientOf } from "~/lib/request-context";
import { referenceFailure } from "~/modules/reference/failures";
import { findProgramme, listOccupationsForKey, listTrainingLevels } from "~/modules/reference/queries.server";
import { runReferenceEdit } from "~/modules/reference/run-reference-edit.server";
import { setProgrammeActive, updateProgramme } from "~/modules/reference/save-programme.server";
import { ProgrammeUpdateSchema, savedParam } from "~/modules/reference/schema";
import { CROSSWALK_STATUS_LABELS } from "~/modules/reference/labels";
import { translateLabel } from "~/lib/labels";

export const meta: MetaFunction = () => [{ title: "Ngành, nghề — Danh mục dùng chung — Cổng Văn bằng số GDNN" }];

/** The `$code` URL parameter: 7 digits or a legacy 8; anything else is a 404 before the database is asked. */
function codeParam(value: string | undefined): string {
  if (!value || !/^\d{7,8}$/.test(value)) throw new Response(null, { status: 404 });
  return value;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "reference:edit");
  const code = codeParam(params.code);
  const found = await findProgramme(code);
  if (!found) throw new Response(null, { status: 404 });
  const [levels, occupations] = await Promise.all([
    listTrainingLevels(),
    found.programme.programmeKey ? listOccupationsForKey(found.programme.programmeKey) : Promise.resolve([]),
  ]);
  const url = new URL(request.url);
  const activeParam = url.searchParams.get("active");
  return json({
    ...found,
    levels: levels.map((l) => ({ code: l.code, nameVi: l.nameVi, nameEn: l.nameEn })),
    occupations,
    saved: savedParam(url.searchParams.get("saved")),
    activeChanged: activeParam === "1" || activeParam === "0" ? activeParam : null,
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const session = await requirePermission(request, "reference:edit");
  const code = codeParam(params.code);
  const form = await readFormData(request);
  const intent = form.get("intent");

  if (intent === "activate" || intent === "deactivate") {
    const actor = { userId: session.user.id, ip: clientOf(request, context).ip };
    const result = await setProgrammeActive({ code, active: intent === "activate", actor });
    if (!result.ok) throw new Response(null, { status: referenceFailure(result.code).status });
    return redirect(`/admin/reference/programmes/${code}?active=${intent === "activate" ? 1 : 0}`);
  }

  return runReferenceEdit({
    request,
    context,
    session,
    form,
    schema: ProgrammeUpdateSchema,
    save: (db, { input, actor }) => updateProgramme({ code, input, actor }),
    redirectTo: ({ changed }) => `/admin/reference/programmes/${code}?saved=${changed ? 1 : 0}`,
    notFound: "404",
  });
}

export default function EditProgramme() {
  const t = useT();
  const locale = useLocale();
  const {
    programme: p,
    levelNameVi,
    levelNameEn,
    fieldNameVi,
    fieldNameEn,
    groupNameVi,
    levels,
    occupations,
    saved,
    activeChanged,
  } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const values = failure?.values ?? {};
  const errors = failure?.fieldErrors ?? {};
  return (
    <>
      <p>
        <Link to="/admin/reference/programmes">{t("reference.programmes.back")}</Link>
      </p>
      <h1>
        {t("reference.programmes.editTitle", { code: p.code })} · {p.nameVi}
      </h1>
      <SavedNotice saved={saved} />
      {activeChanged ? (
        <FormAlert kind="success">
          {t(activeChanged === "1" ? "reference.programmes.activated" : "reference.programmes.deactivated")}
        </FormAlert>
      ) : null}

      <div className="grid-2">
        <section className="card">
          <h2>{t("reference.edit")}</h2>
          <ReferenceForm failure={failure} hidden={{ intent: "update" }}>
            <NameFields values={values} errors={errors} current={p} />
            {p.isLegacy ? (
              <SelectField
                name="levelCode"
                label={t("reference.col.level")}
                defaultValue={values.levelCode ?? p.levelCode}
                error={errors.levelCode}
              >
                {levels.map((l) => (
                  <option key={l.code} value={l.code}>
                    {locale === "en" ? l.nameEn : l.nameVi}
                  </option>
                ))}
              </SelectField>
            ) : (
              <div className="field">
                <span className="field-label">{t("reference.col.level")}</span>
                <p className="field-static">{locale === "en" ? levelNameEn : levelNameVi}</p>
                <p className="field-hint">{t("reference.programmes.levelFixed")}</p>
              </div>
            )}
            <ProgrammeSourceField values={values} errors={errors} current={p.source} />
          </ReferenceForm>
        </section>

        <div>
          <section className="card">
            <h2>{t("reference.programmes.hierarchy")}</h2>
            <dl className="facts">
              <dt>{t("reference.col.code")}</dt>
              <dd>
                <code>{p.code}</code>
                {p.isLegacy ? ` (${t("reference.programmes.legacy")})` : null}
              </dd>
              <dt>{t("reference.col.level")}</dt>
              <dd>{locale === "en" ? levelNameEn : levelNameVi}</dd>
              {p.fieldCode ? (
                <>
                  <dt>{t("reference.col.field")}</dt>
                  <dd>
                    <Link to={`/admin/reference/programmes?field=${p.fieldCode}`}>
                      {p.fieldCode} · {(locale === "en" ? fieldNameEn : null) ?? fieldNameVi}
                    </Link>
                  </dd>
                  <dt>{t("reference.col.group")}</dt>
                  <dd>
                    <Link to={`/admin/reference/groups?field=${p.fieldCode}&edit=${p.groupCode}#edit`}>
                      {p.groupCode} · {groupNameVi ?? t("reference.groups.unnamed")}
                    </Link>
                  </dd>
                  <dt>{t("reference.programmes.programmeKey")}</dt>
                  <dd>
                    <code>{p.programmeKey}</code>
                  </dd>
                </>
              ) : null}
            </dl>
            {p.programmeKey ? (
              <>
                <h3>{t("reference.programmes.occupations")}</h3>
                {occupations.length === 0 ? (
                  <p className="muted">{t("reference.programmes.noOccupations")}</p>
                ) : (
                  <ul>
                    {occupations.map((o) => (
                      <li key={o.vscoCode}>
                        <code>{o.vscoCode}</code> — {translateLabel(t, CROSSWALK_STATUS_LABELS, o.status)}
                      </li>
                    ))}
                  </ul>
                )}
                <p>
                  <Link to={`/admin/reference/crosswalk?key=${p.programmeKey}#add`}>
                    {t("reference.nav.crosswalk")}
                  </Link>
                </p>
              </>
            ) : null}
          </section>

          <section className="card">
            <h2>{t("reference.programmes.statusTitle")}</h2>
            <p>
              {p.active ? (
                t("reference.programmes.status.active")
              ) : (
                <span className="status-badge status-suspended">{t("reference.programmes.status.inactive")}</span>
              )}
            </p>
            <p className="field-hint">{t("reference.programmes.deactivateHint")}</p>
            <Form method="post">
              <input type="hidden" name="intent" value={p.active ? "deactivate" : "activate"} />
              <button type="submit" className={`button${p.active ? " button-danger" : ""}`}>
                {t(p.active ? "reference.programmes.deactivate" : "reference.programmes.activate")}
              </button>
            </Form>
          </section>
        </div>
      </div>
    </>
  );
}
