import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getReadDb } from "~/lib/db.server";
import { foundOr404, uuidOr404 } from "~/lib/http.server";
import { useT } from "~/lib/i18n/use-t";
import { pageTitle } from "~/lib/meta";
import { limitPublicRequest } from "~/lib/public-rate-limit.server";
import { findPublishedAnswer } from "~/modules/feedback/queries.server";
import { TOPIC_LABELS, isFeedbackTopic } from "~/modules/feedback/topics";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "feedback.answer.title");

/** GET /questions/{id} — one published question and its answer, with the answering body and the signed reply. */
export async function loader({ params, context }: LoaderFunctionArgs) {
  await limitPublicRequest(context);
  const id = uuidOr404(params.id);
  const answer = foundOr404(await findPublishedAnswer(await getReadDb(), id), {
    headers: { "Cache-Control": "no-store" },
  });
  return json({ answer }, { headers: { "Cache-Control": "public, max-age=60" } });
}

export default function PublishedQuestion() {
  const t = useT();
  const { answer } = useLoaderData<typeof loader>();
  return (
    <div className="container narrow">
      <p>
        <Link to="/questions">{t("feedback.answer.back")}</Link>
      </p>
      <h1>{t("feedback.answer.title")}</h1>
      <section className="card" aria-labelledby="q-question">
        <h2 id="q-question">{t("feedback.answer.question")}</h2>
        <p className="prewrap">{answer.question}</p>
      </section>
      <section className="card" aria-labelledby="q-answer">
        <h2 id="q-answer">{t("feedback.answer.answer")}</h2>
        <p className="prewrap">{answer.answer}</p>
        <dl className="facts">
          <dt>{t("feedback.field.topic")}</dt>
          <dd>{isFeedbackTopic(answer.topic) ? t(TOPIC_LABELS[answer.topic]) : answer.topic}</dd>
          <dt>{t("feedback.answer.by")}</dt>
          <dd>{answer.organisationName ?? t("feedback.ministry")}</dd>
          <dt>{t("feedback.answer.date")}</dt>
          <dd>{answer.publishedAt}</dd>
        </dl>
        {answer.documentId ? (
          <p>
            <a href={`/documents/${answer.documentId}`}>{t("feedback.answer.signed")}</a>
          </p>
        ) : null}
      </section>
    </div>
  );
}
