import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { FormAlert, SelectField, TextAreaField, TextField } from "~/components/form";
import { getDb } from "~/lib/db.server";
import { getEnv } from "~/lib/env.server";
import { formValues, parseForm } from "~/lib/forms";
import { requirePermission } from "~/lib/guards.server";
import { readFormData } from "~/lib/http.server";
import type { MessageKey } from "~/lib/i18n";
import { useT } from "~/lib/i18n/use-t";
import { pageTitle } from "~/lib/meta";
import { clientOf } from "~/lib/request-context";
import { normaliseCaseCode } from "~/modules/cases/case-kinds";
import { BODY_MAX, TITLE_MAX, VoterPetitionSchema } from "~/modules/feedback/schema";
import { FEEDBACK_TOPICS, TOPIC_LABELS } from "~/modules/feedback/topics";
import { reportBySession } from "~/modules/feedback/voter-petition-report";
import { enterVoterPetition, knownSessions, listVoterPetitions } from "~/modules/feedback/voter-petitions.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "feedback.petitions.title");

const PRIVATE = { "Cache-Control": "private, no-store" };

/**
 * GET /admin/voter-petitions — voters' petitions grouped by National Assembly session, with each session's report
 * (answered before the session opened, after, still open); the report as CSV at /admin/voter-petitions.csv.
 * Ministry only.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "ministry:administer");
  const url = new URL(request.url);
  const db = await getDb();
  const reports = reportBySession(await listVoterPetitions(db));
  return json(
    {
      reports,
      sessions: await knownSessions(db),
      entered: normaliseCaseCode(url.searchParams.get("entered") ?? ""),
    },
    { headers: PRIVATE },
  );
}

type ActionData = {
  values: Record<string, string>;
  fieldErrors: Record<string, string>;
  formError: MessageKey;
  formErrorParams?: Record<string, string>;
};

/** POST: enters a voters' petition (a case the ministry handles) with the letter attached, in one transaction. */
export async function action({ request, context }: ActionFunctionArgs) {
  const session = await requirePermission(request, "ministry:administer");
  const form = await readFormData(request);
  const values = formValues(form);
  const parsed = parseForm(VoterPetitionSchema, form);
  if (!parsed.ok)
    return json<ActionData>(
      { values, fieldErrors: parsed.fieldErrors, formError: "feedback.error.fix" },
      { status: 400, headers: PRIVATE },
    );
  const files: { name: string; bytes: Uint8Array }[] = [];
  for (const entry of form.getAll("letter")) {
    if (typeof entry === "string" || entry.size === 0) continue;
    files.push({ name: entry.name, bytes: new Uint8Array(await entry.arrayBuffer()) });
  }
  const entered = await enterVoterPetition(await getDb(), {
    input: parsed.data,
    files,
    actor: { userId: session.user.id, ip: clientOf(request, context).ip },
    origin: getEnv().PUBLIC_ORIGIN,
  });
  if (!entered.ok) {
    const message: MessageKey =
      entered.code === "attachment_type"
        ? "feedback.error.attachmentType"
        : entered.code === "attachment_too_large"
          ? "feedback.error.attachmentTooLarge"
          : entered.code === "attachment_empty"
            ? "feedback.error.attachmentEmpty"
            : entered.code === "too_many_attachments"
              ? "feedback.error.tooManyAttachments"
              : "feedback.error.notYours";
    return json<ActionData>(
      {
        values,
        fieldErrors: { letter: message },
        formError: message,
        formErrorParams: { file: entered.fileName ?? "" },
      },
      { status: entered.code === "staff_only" ? 403 : 400, headers: PRIVATE },
    );
  }
  return redirect(`/admin/voter-petitions?entered=${encodeURIComponent(entered.value.code)}`);
}

export default function VoterPetitions() {
  const t = useT();
  const { reports, sessions, entered } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const values = failure?.values ?? {};
  const errors = failure?.fieldErrors ?? {};
  return (
    <>
      <h1>{t("feedback.petitions.title")}</h1>
      <p className="lead">{t("feedback.petitions.intro")}</p>
      {entered ? <FormAlert kind="success">{t("feedback.petitions.entered", { code: entered })}</FormAlert> : null}

      <section className="card" aria-labelledby="petitions-report">
        <h2 id="petitions-report">{t("feedback.petitions.report")}</h2>
        {reports.length === 0 ? (
          <p>{t("feedback.petitions.none")}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("feedback.petition.session")}</th>
                  <th scope="col">{t("feedback.petitions.opensOn")}</th>
                  <th scope="col">{t("feedback.petitions.total")}</th>
                  <th scope="col">{t("feedback.petitions.before")}</th>
                  <th scope="col">{t("feedback.petitions.after")}</th>
                  <th scope="col">{t("feedback.petitions.open")}</th>
                </tr>
              </thead>
              <tbody>
                {reports.map((r) => (
                  <tr key={r.session}>
                    <th scope="row">{r.session}</th>
                    <td>{r.opensOn ?? "—"}</td>
                    <td>{r.total}</td>
                    <td>{r.answeredBefore}</td>
                    <td>{r.answeredAfter}</td>
                    <td>{r.open}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <p>
          <a href="/admin/voter-petitions.csv" download>
            {t("feedback.petitions.csv")}
          </a>
        </p>
      </section>

      {reports.map((r) => (
        <section key={r.session} className="card" aria-labelledby={`session-${r.session}`}>
          <h2 id={`session-${r.session}`}>{t("feedback.petitions.sessionTitle", { session: r.session })}</h2>
          <ul>
            {r.petitions.map((p) => (
              <li key={p.code}>
                <Link to={`/cases/${encodeURIComponent(p.code)}/handle`}>
                  <strong>{p.code}</strong>
                </Link>{" "}
                — {p.title} ({p.deputy}, {p.province}) ·{" "}
                {p.answeredOn
                  ? t("feedback.petitions.answeredOn", { date: p.answeredOn })
                  : t("feedback.petitions.notAnswered")}
              </li>
            ))}
          </ul>
        </section>
      ))}

      <section className="card" aria-labelledby="petitions-new">
        <h2 id="petitions-new">{t("feedback.petitions.new")}</h2>
        {failure?.formError ? (
          <FormAlert kind="error">{t(failure.formError, failure.formErrorParams ?? {})}</FormAlert>
        ) : null}
        <Form method="post" encType="multipart/form-data" className="form" noValidate>
          <TextField
            name="deputy"
            label={t("feedback.petition.deputy")}
            required
            maxLength={200}
            defaultValue={values.deputy ?? ""}
            error={errors.deputy}
          />
          <TextField
            name="province"
            label={t("feedback.petition.province")}
            required
            maxLength={100}
            defaultValue={values.province ?? ""}
            error={errors.province}
          />
          <TextField
            name="session"
            label={t("feedback.petition.session")}
            hint={t("feedback.petitions.sessionHint")}
            required
            maxLength={12}
            list="known-sessions"
            defaultValue={values.session ?? sessions[0]?.session ?? ""}
            error={errors.session}
          />
          <datalist id="known-sessions">
            {sessions.map((s) => (
              <option key={s.session} value={s.session} />
            ))}
          </datalist>
          <TextField
            name="sessionOpensOn"
            type="date"
            label={t("feedback.petitions.opensOn")}
            hint={t("feedback.petitions.opensOnHint")}
            required
            defaultValue={values.sessionOpensOn ?? sessions[0]?.opensOn ?? ""}
            error={errors.sessionOpensOn}
          />
          <SelectField
            name="topic"
            label={t("feedback.field.topic")}
            defaultValue={values.topic ?? ""}
            error={errors.topic}
          >
            <option value="">{t("feedback.field.topicChoose")}</option>
            {FEEDBACK_TOPICS.map((topic) => (
              <option key={topic} value={topic}>
                {t(TOPIC_LABELS[topic])}
              </option>
            ))}
          </SelectField>
          <TextField
            name="title"
            label={t("feedback.field.title")}
            required
            maxLength={TITLE_MAX}
            defaultValue={values.title ?? ""}
            error={errors.title}
          />
          <TextAreaField
            name="body"
            label={t("feedback.petitions.text")}
            rows={6}
            required
            maxLength={BODY_MAX}
            defaultValue={values.body ?? ""}
            error={errors.body}
          />
          <div className={`field${errors.letter ? " field-invalid" : ""}`}>
            <label htmlFor="f-letter">{t("feedback.petitions.letter")}</label>
            <input id="f-letter" name="letter" type="file" accept="application/pdf,image/png,image/jpeg" />
          </div>
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={busy}>
              {t("feedback.petitions.submit")}
            </button>
          </div>
        </Form>
      </section>
    </>
  );
}
