import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { FormAlert, SelectField, TextField } from "~/components/form";
import { getDb } from "~/lib/db.server";
import { parseForm, type FormFailure } from "~/lib/forms";
import { requirePermission } from "~/lib/guards.server";
import { readFormData } from "~/lib/http.server";
import { useT } from "~/lib/i18n/use-t";
import { pageTitle } from "~/lib/meta";
import { clientOf } from "~/lib/request-context";
import {
  deleteCalendarDay,
  listCalendarYear,
  saveCalendarDay,
  seedPublicHolidays,
} from "~/modules/cases/calendar.server";
import { CalendarDaySchema, DeleteCalendarDaySchema, SeedYearSchema, yearParam } from "~/modules/cases/calendar-schema";
import { isWeekend, vnDayOf } from "~/modules/cases/working-days";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "casePublic.nav.calendar");

/** GET /admin/calendar?year=2027: the year's days off and make-up working days, which the deadlines count on. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "ministry:administer");
  const url = new URL(request.url);
  const year = yearParam(url.searchParams.get("year"), Number(vnDayOf(new Date()).slice(0, 4)));
  const days = await listCalendarYear(await getDb(), year);
  return json({
    year,
    days: days.map((d) => ({ day: d.day, kind: d.kind, name: d.name, weekend: isWeekend(d.day) })),
    notice: {
      saved: url.searchParams.get("saved"),
      deleted: url.searchParams.get("deleted"),
      created: url.searchParams.get("created"),
      skipped: url.searchParams.get("skipped"),
    },
  });
}

type ActionData = FormFailure & { intent: string };

/** POST intent=save (add or change a day), delete, or seed (a year's public holidays from date-holidays). */
export async function action({ request, context }: ActionFunctionArgs) {
  const session = await requirePermission(request, "ministry:administer");
  const form = await readFormData(request);
  const intent = String(form.get("intent") ?? "");
  const actor = { userId: session.user.id, ip: clientOf(request, context).ip };
  const db = await getDb();
  if (intent === "save") {
    const parsed = parseForm(CalendarDaySchema, form);
    if (!parsed.ok) return json<ActionData>({ ...parsed, intent }, { status: 400 });
    await saveCalendarDay(db, { input: parsed.data, actor });
    return redirect(`/admin/calendar?year=${parsed.data.day.slice(0, 4)}&saved=${parsed.data.day}`);
  }
  if (intent === "delete") {
    const parsed = parseForm(DeleteCalendarDaySchema, form);
    if (!parsed.ok) return json<ActionData>({ ...parsed, intent }, { status: 400 });
    const deleted = await deleteCalendarDay(db, { day: parsed.data.day, actor });
    if (!deleted.ok)
      return json<ActionData>(
        { intent, values: {}, fieldErrors: {}, formError: "casePublic.calendar.notFound" },
        { status: 404 },
      );
    return redirect(`/admin/calendar?year=${parsed.data.day.slice(0, 4)}&deleted=${parsed.data.day}`);
  }
  if (intent === "seed") {
    const parsed = parseForm(SeedYearSchema, form);
    if (!parsed.ok) return json<ActionData>({ ...parsed, intent }, { status: 400 });
    const seeded = await seedPublicHolidays(db, { year: parsed.data.year, actor });
    if (!seeded.ok) throw new Error("seeding cannot fail");
    return redirect(
      `/admin/calendar?year=${parsed.data.year}&created=${seeded.value.created}&skipped=${seeded.value.skipped}`,
    );
  }
  return json<ActionData>({ intent, values: {}, fieldErrors: {}, formError: "error.400.body" }, { status: 400 });
}

export default function AdminCalendar() {
  const t = useT();
  const { year, days, notice } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const saveErrors = failure?.intent === "save" ? failure.fieldErrors : {};
  const saveValues = failure?.intent === "save" ? failure.values : {};
  return (
    <>
      <h1>{t("casePublic.calendar.title", { year })}</h1>
      <p className="lead">{t("casePublic.calendar.intro")}</p>
      <FormAlert kind="info">{t("casePublic.calendar.handNote")}</FormAlert>
      {notice.saved ? (
        <FormAlert kind="success">{t("casePublic.calendar.saved", { day: notice.saved })}</FormAlert>
      ) : null}
      {notice.deleted ? (
        <FormAlert kind="success">{t("casePublic.calendar.deleted", { day: notice.deleted })}</FormAlert>
      ) : null}
      {notice.created !== null ? (
        <FormAlert kind="success">
          {t("casePublic.calendar.seeded", { created: notice.created, skipped: notice.skipped ?? "0" })}
        </FormAlert>
      ) : null}
      {failure?.formError ? <FormAlert kind="error">{t(failure.formError)}</FormAlert> : null}
      <Form method="get" className="form form-inline">
        <TextField name="year" type="number" label={t("casePublic.calendar.year")} defaultValue={String(year)} />
        <button type="submit" className="button">
          {t("casePublic.calendar.show")}
        </button>
      </Form>
      {days.length === 0 ? (
        <p className="muted">{t("casePublic.calendar.empty")}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t("casePublic.calendar.day")}</th>
              <th scope="col">{t("casePublic.calendar.kind")}</th>
              <th scope="col">{t("casePublic.calendar.name")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("casePublic.calendar.delete")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {days.map((d) => (
              <tr key={d.day} data-day={d.day}>
                <td>
                  {d.day} {d.weekend ? <span className="muted">{t("casePublic.calendar.weekend")}</span> : null}
                </td>
                <td>
                  {t(d.kind === "holiday" ? "casePublic.calendar.kind.holiday" : "casePublic.calendar.kind.working")}
                </td>
                <td>{d.name}</td>
                <td>
                  <Form method="post">
                    <input type="hidden" name="intent" value="delete" />
                    <input type="hidden" name="day" value={d.day} />
                    <button
                      type="submit"
                      className="button button-small"
                      aria-label={t("casePublic.calendar.deleteLabel", { day: d.day })}
                    >
                      {t("casePublic.calendar.delete")}
                    </button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>{t("casePublic.calendar.add")}</h2>
      <Form method="post" className="form">
        <input type="hidden" name="intent" value="save" />
        <TextField
          name="day"
          type="date"
          label={t("casePublic.calendar.day")}
          hint={t("casePublic.calendar.addHint")}
          defaultValue={saveValues.day ?? ""}
          required
          error={saveErrors.day}
        />
        <SelectField
          name="kind"
          label={t("casePublic.calendar.kind")}
          defaultValue={saveValues.kind ?? "holiday"}
          error={saveErrors.kind}
        >
          <option value="holiday">{t("casePublic.calendar.kind.holiday")}</option>
          <option value="working">{t("casePublic.calendar.kind.working")}</option>
        </SelectField>
        <TextField
          name="name"
          label={t("casePublic.calendar.name")}
          defaultValue={saveValues.name ?? ""}
          maxLength={200}
          required
          error={saveErrors.name}
        />
        <div className="form-actions">
          <button type="submit" className="button button-primary">
            {t("casePublic.calendar.save")}
          </button>
        </div>
      </Form>
      <Form method="post" className="form">
        <input type="hidden" name="intent" value="seed" />
        <input type="hidden" name="year" value={year} />
        <button type="submit" className="button">
          {t("casePublic.calendar.seed", { year })}
        </button>
      </Form>
    </>
  );
}
