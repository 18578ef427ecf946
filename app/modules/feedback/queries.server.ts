/**
 * The Q&A library's road to the database: search (diacritic-insensitive, GIN-index friendly), the public list by
 * topic, one published answer, publishing and withdrawing, and the accredited schools a submitter may address.
 */
import { and, asc, desc, eq, ilike, isNull, notInArray, or, sql, type SQL } from "drizzle-orm";
import { organisations, publishedAnswers, type PublishedAnswer } from "../../../db/schema";
import type { Executor } from "~/lib/db.server";
import { buildSearchQueries } from "./search-query";
import type { AnswerHit } from "./schema";
import type { FeedbackTopic } from "./topics";

export type { AnswerHit };

/** The tsvector of a published answer: question and answer, folded (vb_fold), 'simple' configuration. */
export function answerSearchTsv(question: string, answer: string): SQL {
  return sql`setweight(to_tsvector('simple', vb_fold(${question})), 'A') || setweight(to_tsvector('simple', vb_fold(${answer})), 'B')`;
}

const hitColumns = {
  id: publishedAnswers.id,
  topic: publishedAnswers.topic,
  question: publishedAnswers.question,
  answer: publishedAnswers.answer,
  organisationName: organisations.name,
  publishedAt: sql<string>`to_char(${publishedAnswers.publishedAt} at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD')`,
  documentId: publishedAnswers.documentId,
};

/** Cut a long text for a list, at a word boundary. */
function excerpt(text: string, max = 280): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), max - 40))}…`;
}

/**
 * Published answers matching `q`, best first (ts_rank). Every word must match (the last as a prefix); when that
 * finds fewer than `limit`, answers sharing any meaningful word fill the rest. Both run on the GIN index, and rank
 * a bounded set of candidates (SEARCH_CANDIDATES), so that the cost does not grow with the library.
 */
export async function searchPublishedAnswers(
  db: Executor,
  options: { q: string; limit: number; topic?: FeedbackTopic | null; offset?: number; full?: boolean },
): Promise<AnswerHit[]> {
  const queries = buildSearchQueries(options.q);
  if (!queries.strict) return [];
  const run = async (tsquery: string, limit: number, exclude: string[]) => {
    const query = sql`to_tsquery('simple', ${tsquery})`;
    const where = and(
      sql`${publishedAnswers.searchTsv} @@ ${query}`,
      isNull(publishedAnswers.withdrawnAt),
      options.topic ? eq(publishedAnswers.topic, options.topic) : undefined,
      exclude.length > 0 ? notInArray(publishedAnswers.id, exclude) : undefined,
    );
    // Rank among at most SEARCH_CANDIDATES matches: a query matching most of the library (one common word) then
    // costs that many rank computations, not one per answer.
    const pool = db
      .select({
        id: publishedAnswers.id,
        rank: sql<number>`ts_rank(${publishedAnswers.searchTsv}, ${query})`.as("rank"),
      })
      .from(publishedAnswers)
      .where(where)
      .limit(SEARCH_CANDIDATES)
      .as("pool");
    return db
      .select(hitColumns)
      .from(pool)
      .innerJoin(publishedAnswers, eq(publishedAnswers.id, pool.id))
      .leftJoin(organisations, eq(organisations.id, publishedAnswers.organisationId))
      .orderBy(desc(pool.rank), desc(publishedAnswers.publishedAt), asc(publishedAnswers.id))
      .limit(limit)
      .offset(exclude.length > 0 ? 0 : (options.offset ?? 0));
  };
  const strict = await run(queries.strict, options.limit, []);
  let rows = strict;
  if (strict.length < options.limit && queries.relaxed && !options.offset) {
    const more = await run(
      queries.relaxed,
      options.limit - strict.length,
      strict.map((r) => r.id),
    );
    rows = [...strict, ...more];
  }
  return rows.map((r) => ({ ...r, answer: options.full ? r.answer : excerpt(r.answer) }));
}

/** At most this many matches are ranked (and counted) per search. */
export const SEARCH_CANDIDATES = 500;

/** How many answers the strict query matches, up to SEARCH_CANDIDATES (the library's count of results). */
export async function countSearchMatches(db: Executor, q: string, topic?: FeedbackTopic | null): Promise<number> {
  const queries = buildSearchQueries(q);
  if (!queries.strict) return 0;
  const matches = db
    .select({ one: sql<number>`1`.as("one") })
    .from(publishedAnswers)
    .where(
      and(
        sql`${publishedAnswers.searchTsv} @@ to_tsquery('simple', ${queries.strict})`,
        isNull(publishedAnswers.withdrawnAt),
        topic ? eq(publishedAnswers.topic, topic) : undefined,
      ),
    )
    .limit(SEARCH_CANDIDATES)
    .as("matches");
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(matches);
  return row?.n ?? 0;
}

/** The library without a search: per topic, how many answers, and a page of the latest of one topic (or all). */
export async function listLibrary(
  db: Executor,
  options: { topic?: FeedbackTopic | null; limit: number; offset: number },
): Promise<{ counts: { topic: string; n: number }[]; answers: AnswerHit[]; total: number }> {
  const counts = await db
    .select({ topic: publishedAnswers.topic, n: sql<number>`count(*)::int` })
    .from(publishedAnswers)
    .where(isNull(publishedAnswers.withdrawnAt))
    .groupBy(publishedAnswers.topic);
  const where = and(
    isNull(publishedAnswers.withdrawnAt),
    options.topic ? eq(publishedAnswers.topic, options.topic) : undefined,
  );
  const answers = await db
    .select(hitColumns)
    .from(publishedAnswers)
    .leftJoin(organisations, eq(organisations.id, publishedAnswers.organisationId))
    .where(where)
    .orderBy(asc(publishedAnswers.topic), desc(publishedAnswers.publishedAt), asc(publishedAnswers.id))
    .limit(options.limit)
    .offset(options.offset);
  const total = options.topic
    ? (counts.find((c) => c.topic === options.topic)?.n ?? 0)
    : counts.reduce((s, c) => s + c.n, 0);
  return { counts, answers: answers.map((a) => ({ ...a, answer: excerpt(a.answer) })), total };
}

/** One published (not withdrawn) answer, or null. */
export async function findPublishedAnswer(db: Executor, id: string): Promise<AnswerHit | null> {
  const [row] = await db
    .select(hitColumns)
    .from(publishedAnswers)
    .leftJoin(organisations, eq(organisations.id, publishedAnswers.organisationId))
    .where(and(eq(publishedAnswers.id, id), isNull(publishedAnswers.withdrawnAt)))
    .limit(1);
  return row ?? null;
}

/** The library's entry of a case, withdrawn or not. */
export async function findAnswerOfCase(db: Executor, caseId: string): Promise<PublishedAnswer | null> {
  const [row] = await db.select().from(publishedAnswers).where(eq(publishedAnswers.caseId, caseId)).limit(1);
  return row ?? null;
}

/** Publishes (or publishes again, after a withdrawal or an edit) a case's answer in the library. */
export async function upsertPublishedAnswer(
  tx: Executor,
  values: {
    caseId: string;
    topic: string;
    question: string;
    answer: string;
    organisationId: string | null;
    documentId: string | null;
    publishedBy: string;
    now: Date;
  },
): Promise<PublishedAnswer> {
  const tsv = answerSearchTsv(values.question, values.answer) as unknown as string;
  const [row] = await tx
    .insert(publishedAnswers)
    .values({ ...values, searchTsv: tsv, publishedAt: values.now, withdrawnAt: null })
    .onConflictDoUpdate({
      target: publishedAnswers.caseId,
      set: {
        topic: values.topic,
        question: values.question,
        answer: values.answer,
        organisationId: values.organisationId,
        documentId: values.documentId,
        searchTsv: tsv,
        publishedBy: values.publishedBy,
        publishedAt: values.now,
        withdrawnAt: null,
      },
    })
    .returning();
  return row!;
}

export async function withdrawPublishedAnswer(
  tx: Executor,
  caseId: string,
  now: Date,
): Promise<PublishedAnswer | null> {
  const [row] = await tx
    .update(publishedAnswers)
    .set({ withdrawnAt: now })
    .where(and(eq(publishedAnswers.caseId, caseId), isNull(publishedAnswers.withdrawnAt)))
    .returning();
  return row ?? null;
}

export interface SchoolChoice {
  code: string;
  name: string;
}

/** Accredited schools whose name or code contains `q` (any case), at most `limit`, by name. */
export async function searchAccreditedSchools(db: Executor, q: string, limit = 20): Promise<SchoolChoice[]> {
  const term = q.trim().slice(0, 100);
  const like = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return db
    .select({ code: organisations.code, name: organisations.name })
    .from(organisations)
    .where(
      and(
        eq(organisations.kind, "school"),
        eq(organisations.status, "accredited"),
        term
          ? or(
              ilike(organisations.code, like),
              ilike(organisations.name, like),
              sql`vb_fold(${organisations.name}) like vb_fold(${like})`,
            )
          : undefined,
      ),
    )
    .orderBy(asc(organisations.name))
    .limit(limit);
}

export async function findAccreditedSchool(db: Executor, code: string): Promise<{ id: string; name: string } | null> {
  const [row] = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(
      and(
        eq(organisations.kind, "school"),
        eq(organisations.status, "accredited"),
        sql`upper(${organisations.code}) = upper(${code})`,
      ),
    )
    .limit(1);
  return row ?? null;
}
