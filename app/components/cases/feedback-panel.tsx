import { Form, Link } from "@remix-run/react";
import { SelectField, TextAreaField } from "~/components/form";
import { useT } from "~/lib/i18n/use-t";
import type { FeedbackPanelData } from "~/modules/feedback/panel-data";
import { FEEDBACK_TOPICS, TOPIC_LABELS, isFeedbackTopic } from "~/modules/feedback/topics";

/**
 * The feedback panel on the staff's case page (/cases/{code}/handle): write and sign the answer (the case resolves
 * with it), then, when the submitter agreed, review the redacted question and answer and publish them in the Q&A
 * library (or withdraw them). Its forms post to the page with intents "feedback.answer", "feedback.publish" and
 * "feedback.unpublish"; `fieldErrors` are the page's action's answer to them.
 */
export function FeedbackPanel({
  data,
  caseCode,
  fieldErrors,
}: {
  data: FeedbackPanelData | null;
  caseCode: string;
  fieldErrors?: Record<string, string>;
}) {
  const t = useT();
  if (!data) return null;
  const action = `/cases/${encodeURIComponent(caseCode)}/handle`;
  return (
    <section className="card" aria-labelledby="feedback-panel-title">
      <h2 id="feedback-panel-title">{t("feedback.panel.title")}</h2>
      <dl className="facts">
        <dt>{t("feedback.field.topic")}</dt>
        <dd>{data.topic && isFeedbackTopic(data.topic) ? t(TOPIC_LABELS[data.topic]) : "—"}</dd>
        <dt>{t("feedback.panel.consent")}</dt>
        <dd>{data.publishConsent ? t("feedback.panel.consentYes") : t("feedback.panel.consentNo")}</dd>
        {data.voterPetition ? (
          <>
            <dt>{t("feedback.petition.deputy")}</dt>
            <dd>{data.voterPetition.deputy}</dd>
            <dt>{t("feedback.petition.province")}</dt>
            <dd>{data.voterPetition.province}</dd>
            <dt>{t("feedback.petition.session")}</dt>
            <dd>{data.voterPetition.session ?? "—"}</dd>
          </>
        ) : null}
      </dl>

      {data.answer ? (
        <>
          <h3>{t("feedback.panel.answerGiven")}</h3>
          <p className="prewrap">{data.answer}</p>
          {data.documentId ? (
            <p>
              <Link to={`/documents/${data.documentId}`}>{t("feedback.panel.signedReply")}</Link>
            </p>
          ) : null}
        </>
      ) : null}

      {data.canAnswer ? (
        <Form method="post" action={action} className="form" aria-label={t("feedback.panel.answerTitle")}>
          <h3>{t("feedback.panel.answerTitle")}</h3>
          <input type="hidden" name="intent" value="feedback.answer" />
          <TextAreaField
            name="answer"
            id="feedback-answer"
            label={t("feedback.panel.answer")}
            hint={t("feedback.panel.answerHint")}
            rows={8}
            required
            error={fieldErrors?.answer}
          />
          <div className="form-actions">
            <button type="submit" className="button button-primary">
              {t("feedback.panel.answerSubmit")}
            </button>
          </div>
        </Form>
      ) : null}

      {data.canPublish ? (
        <Form method="post" action={action} className="form" aria-label={t("feedback.panel.publishTitle")}>
          <h3>{t("feedback.panel.publishTitle")}</h3>
          <p className="muted">{t("feedback.panel.publishHint")}</p>
          {data.published ? (
            <p>
              {data.published.withdrawn ? (
                t("feedback.panel.withdrawn")
              ) : (
                <Link to={`/questions/${data.published.id}`}>{t("feedback.panel.publishedLink")}</Link>
              )}
            </p>
          ) : null}
          <input type="hidden" name="intent" value="feedback.publish" />
          <SelectField
            name="topic"
            id="feedback-publish-topic"
            label={t("feedback.field.topic")}
            defaultValue={data.draft.topic}
          >
            {FEEDBACK_TOPICS.map((topic) => (
              <option key={topic} value={topic}>
                {t(TOPIC_LABELS[topic])}
              </option>
            ))}
          </SelectField>
          <TextAreaField
            name="question"
            id="feedback-publish-question"
            label={t("feedback.panel.publishQuestion")}
            rows={6}
            required
            defaultValue={data.draft.question}
            error={fieldErrors?.question}
          />
          <TextAreaField
            name="answer"
            id="feedback-publish-answer"
            label={t("feedback.panel.publishAnswer")}
            rows={8}
            required
            defaultValue={data.draft.answer}
            error={fieldErrors?.answer}
          />
          <div className="form-actions">
            <button type="submit" className="button button-primary">
              {data.published && !data.published.withdrawn
                ? t("feedback.panel.republish")
                : t("feedback.panel.publish")}
            </button>
          </div>
        </Form>
      ) : null}
      {data.published && !data.published.withdrawn ? (
        <Form method="post" action={action}>
          <input type="hidden" name="intent" value="feedback.unpublish" />
          <button type="submit" className="button button-ghost">
            {t("feedback.panel.unpublish")}
          </button>
        </Form>
      ) : null}
    </section>
  );
}
