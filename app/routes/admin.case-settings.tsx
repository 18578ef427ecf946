import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { FormAlert } from "~/components/form";
import { getDb } from "~/lib/db.server";
import { formMessage, parseForm, type FormFailure } from "~/lib/forms";
import { requirePermission } from "~/lib/guards.server";
import { readFormData } from "~/lib/http.server";
import { useT } from "~/lib/i18n/use-t";
import { pageTitle } from "~/lib/meta";
import { clientOf } from "~/lib/request-context";
import { listKindSettings, saveKindSetting } from "~/modules/cases/calendar.server";
import { DEADLINE_DAYS_MAX, FEE_VND_MAX, KindSettingSchema } from "~/modules/cases/calendar-schema";
import { CASE_KIND_LABELS } from "~/modules/cases/labels";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "casePublic.nav.settings");

/** GET /admin/case-settings: each kind's deadline in working days and fee (defaults from case-kinds.ts). */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "ministry:administer");
  const saved = new URL(request.url).searchParams.get("saved");
  return json({ settings: await listKindSettings(await getDb()), saved });
}

type ActionData = FormFailure & { kind: string };

export async function action({ request, context }: ActionFunctionArgs) {
  const session = await requirePermission(request, "ministry:administer");
  const form = await readFormData(request);
  const parsed = parseForm(KindSettingSchema, form);
  if (!parsed.ok) return json<ActionData>({ ...parsed, kind: String(form.get("kind") ?? "") }, { status: 400 });
  const result = await saveKindSetting(await getDb(), {
    input: parsed.data,
    actor: { userId: session.user.id, ip: clientOf(request, context).ip },
  });
  if (!result.ok) throw new Error("saving a kind's settings cannot fail");
  return redirect(`/admin/case-settings?saved=${result.value.changed ? 1 : 0}`);
}

export default function AdminCaseSettings() {
  const t = useT();
  const { settings, saved } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  return (
    <>
      <h1>{t("casePublic.settings.title")}</h1>
      <p className="lead">{t("casePublic.settings.intro")}</p>
      {saved === "1" ? <FormAlert kind="success">{t("casePublic.settings.saved")}</FormAlert> : null}
      {saved === "0" ? <FormAlert kind="info">{t("casePublic.settings.unchanged")}</FormAlert> : null}
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t("casePublic.settings.kind")}</th>
            <th scope="col">{t("casePublic.settings.days")}</th>
            <th scope="col">{t("casePublic.settings.fee")}</th>
            <th scope="col">
              <span className="visually-hidden">{t("casePublic.settings.save")}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {settings.map((s) => {
            const errors = failure?.kind === s.kind ? failure.fieldErrors : {};
            const values = failure?.kind === s.kind ? failure.values : {};
            const formId = `settings-${s.kind}`;
            const label = t(CASE_KIND_LABELS[s.kind]);
            return (
              <tr key={s.kind} data-kind={s.kind}>
                <th scope="row">
                  {label}
                  <br />
                  <small className="muted">
                    {t("casePublic.settings.default", { days: s.defaultWorkingDays, fee: s.defaultFeeVnd })}
                  </small>
                </th>
                <td>
                  <input
                    form={formId}
                    name="deadlineWorkingDays"
                    type="number"
                    min={0}
                    max={DEADLINE_DAYS_MAX}
                    defaultValue={values.deadlineWorkingDays ?? s.deadlineWorkingDays}
                    aria-label={`${t("casePublic.settings.days")}: ${label}`}
                    aria-invalid={errors.deadlineWorkingDays ? true : undefined}
                  />
                  {errors.deadlineWorkingDays ? (
                    <p className="field-error">{t(formMessage(errors.deadlineWorkingDays))}</p>
                  ) : null}
                </td>
                <td>
                  <input
                    form={formId}
                    name="feeVnd"
                    type="number"
                    min={0}
                    max={FEE_VND_MAX}
                    step={1000}
                    defaultValue={values.feeVnd ?? s.feeVnd}
                    aria-label={`${t("casePublic.settings.fee")}: ${label}`}
                    aria-invalid={errors.feeVnd ? true : undefined}
                  />
                  {errors.feeVnd ? <p className="field-error">{t(formMessage(errors.feeVnd))}</p> : null}
                </td>
                <td>
                  <Form method="post" id={formId}>
                    <input type="hidden" name="kind" value={s.kind} />
                    <button
                      type="submit"
                      className="button button-small"
                      aria-label={`${t("casePublic.settings.save")}: ${label}`}
                    >
                      {t("casePublic.settings.save")}
                    </button>
                  </Form>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}
