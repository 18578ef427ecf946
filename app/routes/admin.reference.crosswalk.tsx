import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { readFormData } from "~/lib/http.server";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormAlert, SelectField, TextField } from "~/components/form";
import { FailureAlert, ReferenceForm } from "~/components/reference-ui";
import type { FormFailure } from "~/lib/forms";
import { requirePermission } from "~/lib/guards.server";
import { useT } from "~/lib/i18n/use-t";
import { editCrosswalk } from "~/modules/reference/edit-crosswalk.server";
import { listCrosswalk } from "~/modules/reference/queries.server";
import { runReferenceEdit } from "~/modules/reference/run-reference-edit.server";
import {
  CROSSWALK_STATUSES,
  CrosswalkAddSchema,
  CrosswalkRemoveSchema,
  CrosswalkStatusSchema,
  editParam,
} from "~/modules/reference/schema";
import { CROSSWALK_STATUS_LABELS } from "~/modules/reference/labels";
import { translateLabel } from "~/lib/labels";

export const meta: MetaFunction = () => [
  { title: "Tương ứng nghề nghiệp — Danh mục dùng chung — Cổng Văn bằng số GDNN" },
];

const NOTICES = {
  added: "reference.crosswalk.added",
  removed: "reference.crosswalk.removed",
  saved: "reference.saved",
} as const;

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "reference:edit");
  const url = new URL(request.url);
  const pairs = await listCrosswalk();
  const groups = new Map<
    string,
    {
      programmeKey: string;
      programmeNameVi: string | null;
      programmeCodes: string[];
      occupations: { vscoCode: string; status: string }[];
    }
  >();
  for (const p of pairs) {
    const group = groups.get(p.programmeKey) ?? {
      programmeKey: p.programmeKey,
      programmeNameVi: p.programmeNameVi,
      programmeCodes: p.programmeCodes,
      occupations: [],
    };
    group.occupations.push({ vscoCode: p.vscoCode, status: p.status });
    groups.set(p.programmeKey, group);
  }
  const done = url.searchParams.get("done");
  return json({
    programmes: [...groups.values()],
    prefillKey: editParam(/^\d{6}$/)(url.searchParams.get("key")) ?? "",
    notice: done && done in NOTICES ? NOTICES[done as keyof typeof NOTICES] : null,
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const session = await requirePermission(request, "reference:edit");
  const form = await readFormData(request);
  const schema = { add: CrosswalkAddSchema, remove: CrosswalkRemoveSchema, "set-status": CrosswalkStatusSchema }[
    String(form.get("intent"))
  ];
  if (!schema) return json<FormFailure>({ values: {}, fieldErrors: {}, formError: "error.400.body" }, { status: 400 });
  return runReferenceEdit({
    request,
    context,
    session,
    form,
    schema,
    save: (db, { input, actor }) => editCrosswalk(db, { edit: input, actor }),
    redirectTo: (_, { intent }) =>
      `/admin/reference/crosswalk?done=${intent === "add" ? "added" : intent === "remove" ? "removed" : "saved"}`,
  });
}

export default function ReferenceCrosswalk() {
  const t = useT();
  const { programmes, prefillKey, notice } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const addFailed = failure?.values.intent === "add";
  const values = addFailed ? failure.values : {};
  const errors = addFailed ? failure.fieldErrors : {};
  return (
    <>
      <h1>{t("reference.crosswalk.title")}</h1>
      <p className="lead">{t("reference.crosswalk.intro")}</p>
      {notice ? <FormAlert kind="success">{t(notice)}</FormAlert> : null}
      {failure && !addFailed ? <FailureAlert failure={failure} /> : null}

      <section className="card" id="add" aria-labelledby="add-title">
        <h2 id="add-title">{t("reference.crosswalk.add")}</h2>
        <ReferenceForm
          failure={addFailed ? failure : undefined}
          hidden={{ intent: "add" }}
          className="form crosswalk-form"
          submitLabel="reference.crosswalk.add"
        >
          <TextField
            name="programmeKey"
            label={t("reference.col.programmeKey")}
            hint={t("reference.crosswalk.programmeKeyHint")}
            defaultValue={values.programmeKey ?? prefillKey}
            required
            inputMode="numeric"
            maxLength={7}
            error={errors.programmeKey}
          />
          <TextField
            name="vscoCode"
            label={t("reference.col.vsco")}
            hint={t("reference.crosswalk.vscoHint")}
            defaultValue={values.vscoCode ?? ""}
            required
            inputMode="numeric"
            maxLength={4}
            error={errors.vscoCode}
          />
          <SelectField
            name="status"
            label={t("reference.col.status")}
            defaultValue={values.status ?? "proposed"}
            error={errors.status}
          >
            {CROSSWALK_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(CROSSWALK_STATUS_LABELS[s])}
              </option>
            ))}
          </SelectField>
        </ReferenceForm>
      </section>

      {programmes.length === 0 ? (
        <p className="empty-state">{t("reference.crosswalk.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("reference.col.programmeKey")}</th>
                <th scope="col">{t("reference.col.name")}</th>
                <th scope="col">{t("reference.col.vsco")}</th>
              </tr>
            </thead>
            <tbody>
              {programmes.map((p) => (
                <tr key={p.programmeKey}>
                  <td>
                    <code>{p.programmeKey}</code>
                  </td>
                  <td>
                    {p.programmeNameVi ?? <span className="muted">{t("reference.crosswalk.unknownProgramme")}</span>}
                    {p.programmeCodes.length > 0 ? (
                      <span className="muted name-en">
                        {p.programmeCodes.map((code, i) => (
                          <span key={code}>
                            {i > 0 ? ", " : null}
                            <Link to={`/admin/reference/programmes/${code}`}>{code}</Link>
                          </span>
                        ))}
                      </span>
                    ) : null}
                  </td>
                  <td>
                    <ul className="occupation-list">
                      {p.occupations.map((o) => (
                        <li key={o.vscoCode}>
                          <code>{o.vscoCode}</code>
                          <span
                            className={`status-badge ${o.status === "confirmed" ? "status-accredited" : "status-pending"}`}
                          >
                            {translateLabel(t, CROSSWALK_STATUS_LABELS, o.status)}
                          </span>
                          <Form method="post" className="inline-form">
                            <input type="hidden" name="intent" value="set-status" />
                            <input type="hidden" name="programmeKey" value={p.programmeKey} />
                            <input type="hidden" name="vscoCode" value={o.vscoCode} />
                            <input
                              type="hidden"
                              name="status"
                              value={o.status === "confirmed" ? "proposed" : "confirmed"}
                            />
                            <button type="submit" className="button button-small">
                              {t(
                                o.status === "confirmed"
                                  ? "reference.crosswalk.unconfirm"
                                  : "reference.crosswalk.confirm",
                              )}
                            </button>
                          </Form>
                          <Form method="post" className="inline-form">
                            <input type="hidden" name="intent" value="remove" />
                            <input type="hidden" name="programmeKey" value={p.programmeKey} />
                            <input type="hidden" name="vscoCode" value={o.vscoCode} />
                            <button
                              type="submit"
                              className="button button-small button-danger"
                              aria-label={t("reference.crosswalk.removeLabel", {
                                vsco: o.vscoCode,
                                key: p.programmeKey,
                              })}
                            >
                              {t("reference.crosswalk.remove")}
                            </button>
                          </Form>
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
