import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useFetcher, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { FormAlert, SelectField, TextAreaField, TextField } from "~/components/form";
import { getDb, getReadDb } from "~/lib/db.server";
import { getEnv } from "~/lib/env.server";
import { parseForm, formValues } from "~/lib/forms";
import { getOptionalUser } from "~/lib/guards.server";
import { readFormData, retryAfterHeaders } from "~/lib/http.server";
import type { MessageKey } from "~/lib/i18n";
import { useT } from "~/lib/i18n/use-t";
import { pageTitle } from "~/lib/meta";
import { clientOf } from "~/lib/request-context";
import { ATTACHMENT_LIMITS } from "~/modules/cases/attachment-rules";
import { normaliseCaseCode } from "~/modules/cases/case-kinds";
import { searchAccreditedSchools, searchPublishedAnswers } from "~/modules/feedback/queries.server";
import { BODY_MAX, FeedbackFormSchema, QUERY_MAX, TITLE_MAX, type AnswerHit } from "~/modules/feedback/schema";
import { submitFeedback, type SubmitFeedbackError } from "~/modules/feedback/submit-feedback.server";
import {
  CAPACITY_LABELS,
  FEEDBACK_CAPACITIES,
  FEEDBACK_FORM_KINDS,
  FEEDBACK_TOPICS,
  FORM_KIND_HINTS,
  FORM_KIND_LABELS,
  TOPIC_LABELS,
} from "~/modules/feedback/topics";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "feedback.form.title");

const PRIVATE = { "Cache-Control": "private, no-store" };

/**
 * GET /feedback — the form (pre-filled for a signed-in person); `?school=…` lists matching accredited schools (the
 * school picker asks it while one types); `?sent=CODE` shows the code of the case just opened.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const session = await getOptionalUser(request);
  const schoolQuery = (url.searchParams.get("school") ?? "").slice(0, 100);
  const schools = await searchAccreditedSchools(await getReadDb(), schoolQuery, 30);
  const sent = normaliseCaseCode(url.searchParams.get("sent") ?? "");
  return json(
    {
      signedIn: session !== null,
      prefill: { name: session?.user.fullName ?? "", email: session?.user.email ?? "" },
      schools,
      schoolQuery,
      sent,
    },
    { headers: PRIVATE },
  );
}

type ActionData = {
  values: Record<string, string>;
  fieldErrors: Record<string, string>;
  formError?: MessageKey;
  formErrorParams?: Record<string, string>;
  suggestions?: AnswerHit[];
  schools?: { code: string; name: string }[];
};

const SUBMIT_ERRORS: Record<SubmitFeedbackError, { status: number; message: MessageKey; field?: string }> = {
  rate_limited: { status: 429, message: "feedback.error.rateLimited" },
  school_not_found: { status: 400, message: "feedback.error.school", field: "organisationCode" },
  identity_required: { status: 400, message: "feedback.error.identity", field: "email" },
  staff_only: { status: 403, message: "feedback.error.identity" },
  attachment_empty: { status: 400, message: "feedback.error.attachmentEmpty", field: "attachments" },
  attachment_too_large: { status: 400, message: "feedback.error.attachmentTooLarge", field: "attachments" },
  attachment_type: { status: 400, message: "feedback.error.attachmentType", field: "attachments" },
  too_many_attachments: { status: 400, message: "feedback.error.tooManyAttachments", field: "attachments" },
};

/**
 * POST /feedback: `intent=suggest` shows answered questions like the one typed (the way without JavaScript),
 * `intent=find_school` lists schools, otherwise the question, feedback or petition is sent (rate-limited per
 * address; attachments with it in one transaction), and the page shows its code.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readFormData(request);
  const intent = String(form.get("intent") ?? "submit");
  const values = formValues(form);
  if (intent === "suggest") {
    const q = `${values.title ?? ""} ${values.body ?? ""}`.trim().slice(0, QUERY_MAX);
    const suggestions = q ? await searchPublishedAnswers(await getReadDb(), { q, limit: 5 }) : [];
    return json<ActionData>({ values, fieldErrors: {}, suggestions }, { headers: PRIVATE });
  }
  if (intent === "find_school") {
    const schools = await searchAccreditedSchools(await getReadDb(), values.schoolQuery ?? "", 30);
    return json<ActionData>({ values, fieldErrors: {}, schools }, { headers: PRIVATE });
  }
  const session = await getOptionalUser(request);
  const parsed = parseForm(FeedbackFormSchema, form);
  const fieldErrors: Record<string, string> = parsed.ok ? {} : { ...parsed.fieldErrors };
  if (parsed.ok && !session) {
    if (!parsed.data.name) fieldErrors.name = "feedback.error.name";
    if (!parsed.data.email) fieldErrors.email = "feedback.error.email";
  }
  if (!parsed.ok || Object.keys(fieldErrors).length > 0)
    return json<ActionData>(
      { values, fieldErrors, formError: "feedback.error.fix" },
      { status: 400, headers: PRIVATE },
    );
  const files: { name: string; bytes: Uint8Array }[] = [];
  for (const entry of form.getAll("attachments")) {
    if (typeof entry === "string" || entry.size === 0) continue;
    files.push({ name: entry.name, bytes: new Uint8Array(await entry.arrayBuffer()) });
  }
  const result = await submitFeedback(await getDb(), {
    input: parsed.data,
    files,
    user: session ? { id: session.user.id, email: session.user.email, fullName: session.user.fullName } : null,
    actor: { userId: session?.user.id ?? null, ip: clientOf(request, context).ip },
    origin: getEnv().PUBLIC_ORIGIN,
  });
  if (!result.ok) {
    const failure = SUBMIT_ERRORS[result.code];
    return json<ActionData>(
      {
        values,
        fieldErrors: failure.field ? { [failure.field]: failure.message } : {},
        formError: failure.message,
        formErrorParams: result.fileName ? { file: result.fileName } : undefined,
      },
      { status: failure.status, headers: { ...PRIVATE, ...retryAfterHeaders(result.retryAfterSeconds) } },
    );
  }
  return redirect(`/feedback?sent=${encodeURIComponent(result.value.case.code)}`);
}

export default function FeedbackForm() {
  const t = useT();
  const loaded = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const values: Record<string, string> = failure?.values ?? {};
  const errors = failure?.fieldErrors ?? {};
  const [addressee, setAddressee] = useState(values.addressee === "school" ? "school" : "ministry");
  const schoolFetcher = useFetcher<typeof loader>();
  const schools = schoolFetcher.data?.schools ?? failure?.schools ?? loaded.schools;
  const schoolTimer = useRef<ReturnType<typeof setTimeout>>();
  const [typed, setTyped] = useState("");
  const suggestions = useSuggestions(typed);
  const shown = suggestions ?? failure?.suggestions ?? null;

  if (loaded.sent)
    return (
      <div className="container narrow">
        <h1>{t("feedback.sent.title")}</h1>
        <FormAlert kind="success">{t("feedback.sent.body", { code: loaded.sent })}</FormAlert>
        <p>{t("feedback.sent.next")}</p>
        <p>
          <Link to={`/cases/${loaded.sent}`}>{t("feedback.sent.track")}</Link>
        </p>
        <p>
          <Link to="/questions">{t("feedback.library.title")}</Link>
        </p>
      </div>
    );

  const onText = (form: HTMLFormElement | null) => {
    if (!form) return;
    const title = (form.elements.namedItem("title") as HTMLInputElement | null)?.value ?? "";
    const body = (form.elements.namedItem("body") as HTMLTextAreaElement | null)?.value ?? "";
    setTyped(`${title} ${body}`.trim().slice(0, QUERY_MAX));
  };

  return (
    <div className="container narrow">
      <h1>{t("feedback.form.title")}</h1>
      <p className="lead">{t("feedback.form.intro")}</p>
      <aside className="alert alert-info" aria-labelledby="feedback-not-here">
        <h2 id="feedback-not-here">{t("feedback.form.notHereTitle")}</h2>
        <p>{t("feedback.form.notHereComplaint")}</p>
        <p>{t("feedback.form.notHereDenunciation")}</p>
      </aside>
      <p>
        <Link to="/questions">{t("feedback.form.libraryFirst")}</Link>
      </p>
      {failure?.formError ? (
        <FormAlert kind="error">{t(failure.formError, failure.formErrorParams ?? {})}</FormAlert>
      ) : null}
      <Form
        method="post"
        encType="multipart/form-data"
        className="form"
        noValidate
        onInput={(e) => onText(e.currentTarget)}
      >
        <fieldset className="field choice-group">
          <legend>{t("feedback.field.kind")}</legend>
          {FEEDBACK_FORM_KINDS.map((kind) => (
            <label key={kind} className="choice">
              <input type="radio" name="kind" value={kind} defaultChecked={(values.kind ?? "question") === kind} />
              <span>
                {t(FORM_KIND_LABELS[kind])} <span className="muted">({t(FORM_KIND_HINTS[kind])})</span>
              </span>
            </label>
          ))}
          {errors.kind ? <p className="field-error">{t("feedback.error.kind")}</p> : null}
        </fieldset>

        <fieldset className="field choice-group">
          <legend>{t("feedback.field.addressee")}</legend>
          <label className="choice">
            <input
              type="radio"
              name="addressee"
              value="ministry"
              checked={addressee === "ministry"}
              onChange={() => setAddressee("ministry")}
            />
            <span>{t("feedback.addressee.ministry")}</span>
          </label>
          <label className="choice">
            <input
              type="radio"
              name="addressee"
              value="school"
              checked={addressee === "school"}
              onChange={() => setAddressee("school")}
            />
            <span>{t("feedback.addressee.school")}</span>
          </label>
          <div className="field">
            <label htmlFor="f-schoolQuery">{t("feedback.field.schoolSearch")}</label>
            <input
              id="f-schoolQuery"
              name="schoolQuery"
              type="search"
              defaultValue={values.schoolQuery ?? loaded.schoolQuery}
              maxLength={100}
              onChange={(e) => {
                const q = e.currentTarget.value;
                clearTimeout(schoolTimer.current);
                schoolTimer.current = setTimeout(
                  () => schoolFetcher.load(`/feedback?school=${encodeURIComponent(q)}`),
                  300,
                );
              }}
            />
            <button type="submit" name="intent" value="find_school" className="button button-ghost" formNoValidate>
              {t("feedback.field.schoolFind")}
            </button>
          </div>
          <SelectField
            name="organisationCode"
            label={t("feedback.field.school")}
            defaultValue={values.organisationCode ?? ""}
            error={errors.organisationCode}
            onChange={() => setAddressee("school")}
          >
            <option value="">{t("feedback.field.schoolNone")}</option>
            {schools.map((s) => (
              <option key={s.code} value={s.code}>
                {s.name} ({s.code})
              </option>
            ))}
          </SelectField>
        </fieldset>

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
          hint={t("feedback.field.titleHint")}
          required
          maxLength={TITLE_MAX}
          defaultValue={values.title ?? ""}
          error={errors.title}
          autoComplete="off"
        />
        <TextAreaField
          name="body"
          label={t("feedback.field.body")}
          rows={7}
          required
          maxLength={BODY_MAX}
          defaultValue={values.body ?? ""}
          error={errors.body}
        />
        <div className="form-actions">
          <button type="submit" name="intent" value="suggest" className="button button-ghost" formNoValidate>
            {t("feedback.suggest.button")}
          </button>
        </div>
        <Suggestions hits={shown} />

        <SelectField
          name="capacity"
          label={t("feedback.field.capacity")}
          defaultValue={values.capacity ?? "citizen"}
          error={errors.capacity}
        >
          {FEEDBACK_CAPACITIES.map((c) => (
            <option key={c} value={c}>
              {t(CAPACITY_LABELS[c])}
            </option>
          ))}
        </SelectField>
        <TextField
          name="name"
          label={t("feedback.field.name")}
          hint={loaded.signedIn ? undefined : t("feedback.field.requiredSignedOut")}
          autoComplete="name"
          maxLength={200}
          defaultValue={values.name ?? loaded.prefill.name}
          error={errors.name}
        />
        <TextField
          name="email"
          type="email"
          label={t("feedback.field.email")}
          hint={t("feedback.field.emailHint")}
          autoComplete="email"
          maxLength={254}
          defaultValue={values.email ?? loaded.prefill.email}
          error={errors.email}
        />
        <TextField
          name="phone"
          type="tel"
          label={t("feedback.field.phone")}
          autoComplete="tel"
          maxLength={20}
          defaultValue={values.phone ?? ""}
          error={errors.phone}
        />
        <div className={`field${errors.attachments ? " field-invalid" : ""}`}>
          <label htmlFor="f-attachments">{t("feedback.field.attachments")}</label>
          <p className="field-hint" id="f-attachments-hint">
            {t("feedback.field.attachmentsHint", {
              count: ATTACHMENT_LIMITS.perUpload,
              mb: ATTACHMENT_LIMITS.maxBytes / 1024 / 1024,
            })}
          </p>
          <input
            id="f-attachments"
            name="attachments"
            type="file"
            multiple
            accept="application/pdf,image/png,image/jpeg"
            aria-describedby="f-attachments-hint"
          />
        </div>
        <label className="choice">
          <input type="checkbox" name="consent" value="on" defaultChecked={values.consent === "on"} />
          <span>{t("feedback.field.consent")}</span>
        </label>
        <div className="form-actions">
          <button type="submit" name="intent" value="submit" className="button button-primary" disabled={busy}>
            {t("feedback.form.submit")}
          </button>
        </div>
      </Form>
    </div>
  );
}

/** Answered questions like the text typed: fetched from the public API 400 ms after typing stops. */
function useSuggestions(text: string): AnswerHit[] | null {
  const [hits, setHits] = useState<AnswerHit[] | null>(null);
  useEffect(() => {
    if (text.length < 4) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      fetch(`/api/v1/questions?q=${encodeURIComponent(text)}&limit=5`, { signal: controller.signal })
        .then((r) => (r.ok ? r.json() : null))
        .then((body: { results?: AnswerHit[] } | null) => {
          if (body?.results) setHits(body.results);
        })
        .catch(() => {
          // Suggestions are a help: a failed fetch (aborted, offline, over budget) leaves the last ones shown.
        });
    }, 400);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [text]);
  return hits;
}

function Suggestions({ hits }: { hits: AnswerHit[] | null }) {
  const t = useT();
  return (
    <section aria-live="polite" aria-labelledby="feedback-suggestions" className="card">
      <h2 id="feedback-suggestions">{t("feedback.suggest.title")}</h2>
      {hits === null ? (
        <p className="muted">{t("feedback.suggest.hint")}</p>
      ) : hits.length === 0 ? (
        <p className="muted">{t("feedback.suggest.none")}</p>
      ) : (
        <ul>
          {hits.map((h) => (
            <li key={h.id}>
              <a href={`/questions/${h.id}`} target="_blank" rel="noopener">
                {h.question.split("\n")[0]}
              </a>{" "}
              <span className="muted">({t("feedback.suggest.newTab")})</span>
              <p>{h.answer}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
