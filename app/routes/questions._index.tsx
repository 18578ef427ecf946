import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { Pager } from "~/components/pager";
import { getReadDb } from "~/lib/db.server";
import { useT } from "~/lib/i18n/use-t";
import { pageTitle } from "~/lib/meta";
import { limitPublicRequest } from "~/lib/public-rate-limit.server";
import { countSearchMatches, listLibrary, searchPublishedAnswers } from "~/modules/feedback/queries.server";
import { QUERY_MAX } from "~/modules/feedback/schema";
import { FEEDBACK_TOPICS, TOPIC_LABELS, isFeedbackTopic, type FeedbackTopic } from "~/modules/feedback/topics";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "feedback.library.title");

const PAGE_SIZE = 20;

/** GET /questions?q=…&topic=…&page=… — the public Q&A library: answers by topic, searchable without diacritics. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  await limitPublicRequest(context);
  const params = new URL(request.url).searchParams;
  const q = (params.get("q") ?? "").trim().slice(0, QUERY_MAX);
  const topicParam = params.get("topic") ?? "";
  const topic: FeedbackTopic | null = isFeedbackTopic(topicParam) ? topicParam : null;
  const page = Math.max(1, Math.min(500, Number(params.get("page")) || 1));
  const db = await getReadDb();
  const offset = (page - 1) * PAGE_SIZE;
  const library = await listLibrary(db, { topic, limit: q ? 0 : PAGE_SIZE, offset });
  let answers = library.answers;
  let total = library.total;
  if (q) {
    const [hits, n] = await Promise.all([
      searchPublishedAnswers(db, { q, topic, limit: PAGE_SIZE, offset }),
      countSearchMatches(db, q, topic),
    ]);
    answers = hits;
    total = Math.max(n, page === 1 ? hits.length : n);
  }
  return json(
    { q, topic, page, total, answers, counts: library.counts },
    { headers: { "Cache-Control": "public, max-age=30" } },
  );
}

export default function QuestionLibrary() {
  const t = useT();
  const { q, topic, page, total, answers, counts } = useLoaderData<typeof loader>();
  const countOf = (tp: string) => counts.find((c) => c.topic === tp)?.n ?? 0;
  // Group the page's answers by topic, in the order they come (the list is ordered by topic without a search).
  const groups: { topic: string; items: typeof answers }[] = [];
  for (const a of answers) {
    const last = groups[groups.length - 1];
    if (!q && last && last.topic === a.topic) last.items.push(a);
    else if (!q) groups.push({ topic: a.topic, items: [a] });
  }
  return (
    <div className="container workspace">
      <h1>{t("feedback.library.title")}</h1>
      <p className="lead">{t("feedback.library.intro")}</p>
      <Form method="get" className="form form-inline" role="search">
        <div className="field">
          <label htmlFor="library-q">{t("feedback.library.search")}</label>
          <input id="library-q" name="q" type="search" defaultValue={q} maxLength={QUERY_MAX} />
        </div>
        <div className="field">
          <label htmlFor="library-topic">{t("feedback.field.topic")}</label>
          <select id="library-topic" name="topic" defaultValue={topic ?? ""}>
            <option value="">{t("feedback.library.allTopics")}</option>
            {FEEDBACK_TOPICS.map((tp) => (
              <option key={tp} value={tp}>
                {t(TOPIC_LABELS[tp])}
              </option>
            ))}
          </select>
        </div>
        <div className="form-actions">
          <button type="submit" className="button button-primary">
            {t("feedback.library.searchSubmit")}
          </button>
        </div>
      </Form>
      <nav aria-label={t("feedback.library.topics")}>
        <ul className="chip-list">
          {FEEDBACK_TOPICS.filter((tp) => countOf(tp) > 0).map((tp) => (
            <li key={tp}>
              <Link to={`/questions?topic=${tp}`} aria-current={tp === topic ? "page" : undefined}>
                {t(TOPIC_LABELS[tp])} ({countOf(tp)})
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <p aria-live="polite">{t("feedback.library.count", { count: total })}</p>
      {answers.length === 0 ? (
        <div className="card empty-state">
          <p>{q ? t("feedback.library.noMatch") : t("feedback.library.empty")}</p>
          <p>
            <Link to="/feedback">{t("feedback.library.ask")}</Link>
          </p>
        </div>
      ) : q ? (
        <AnswerList answers={answers} />
      ) : (
        groups.map((g) => (
          <section key={g.topic} aria-labelledby={`topic-${g.topic}`}>
            <h2 id={`topic-${g.topic}`}>{isFeedbackTopic(g.topic) ? t(TOPIC_LABELS[g.topic]) : g.topic}</h2>
            <AnswerList answers={g.items} />
          </section>
        ))
      )}
      <Pager page={page} pageSize={PAGE_SIZE} total={total} />
      <p>
        <Link to="/feedback">{t("feedback.library.ask")}</Link>
      </p>
    </div>
  );
}

function AnswerList({
  answers,
}: {
  answers: { id: string; question: string; answer: string; organisationName: string | null; publishedAt: string }[];
}) {
  const t = useT();
  return (
    <ul className="job-list">
      {answers.map((a) => (
        <li key={a.id} className="card">
          <h3>
            <Link to={`/questions/${a.id}`}>{firstLine(a.question)}</Link>
          </h3>
          <p>{a.answer}</p>
          <p className="muted">
            {a.organisationName ?? t("feedback.ministry")} · {a.publishedAt}
          </p>
        </li>
      ))}
    </ul>
  );
}

function firstLine(text: string): string {
  const line = text.split("\n")[0] ?? text;
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}
