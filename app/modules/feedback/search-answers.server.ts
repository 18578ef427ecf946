/**
 * Searches the public Q&A library (published_answers): diacritic-insensitive ("cap ban sao" finds "cấp bản sao"),
 * the last word of the query a prefix ("dinh chi" finds "đính chính"), all words required, best match first. The query
 * is folded by vb_fold like search_tsv (setweight(to_tsvector('simple', vb_fold(question)), 'A') ||
 * setweight(to_tsvector('simple', vb_fold(answer)), 'B')), and matched through the GIN index
 * published_answers_search_idx.
 *
 * Minimal version written for bench:cases (case-stats branch); the feedback helper's library may replace it.
 */
import { sql } from "drizzle-orm";
import { rowsOf, type Executor } from "~/lib/db.server";

export interface PublishedAnswerHit {
  id: string;
  topic: string;
  question: string;
  answer: string;
  publishedAt: Date;
}

/** At most this many words of a query count (a pasted paragraph is not a search). */
const MAX_WORDS = 8;
/**
 * Ranking reads each matching row's tsvector: a common word ("văn bằng") matches a large share of the library, and
 * ranking them all costs more than the 50 ms a suggestion may take. The best answers are ranked among the first
 * matches the index yields (every one of them holds every word), so the cost is bounded whatever the query.
 */
export const SEARCH_CANDIDATES = 1000;

/**
 * "Cấp bản-sao  văn bằ" → "Cấp & bản & sao & văn & bằ:*" (folded in SQL), or null when there is no word. Only the
 * last word is a prefix (the one being typed): a prefix expands to every lexeme it starts, which is what makes a
 * GIN search slow, and the words before it are whole.
 */
export function prefixTsQuery(q: string): string | null {
  const words = (q.normalize("NFC").match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, MAX_WORDS);
  if (words.length === 0) return null;
  return words.map((w, i) => (i === words.length - 1 ? `${w}:*` : w)).join(" & ");
}

export async function searchPublishedAnswers(
  db: Executor,
  options: { q: string; limit?: number },
): Promise<PublishedAnswerHit[]> {
  const tsquery = prefixTsQuery(options.q);
  if (!tsquery) return [];
  const query = sql`to_tsquery('simple', vb_fold(${tsquery}))`;
  const rows = rowsOf<{ id: string; topic: string; question: string; answer: string; published_at: string | Date }>(
    await db.execute(sql`
      with candidates as materialized (
        select a.id, a.search_tsv, a.published_at
        from published_answers a
        where a.withdrawn_at is null and a.search_tsv @@ ${query}
        limit ${SEARCH_CANDIDATES}
      ),
      best as (
        select c.id, ts_rank(c.search_tsv, ${query}) as rank, c.published_at
        from candidates c
        order by rank desc, c.published_at desc
        limit ${options.limit ?? 10}
      )
      select a.id, a.topic, a.question, a.answer, a.published_at
      from best join published_answers a on a.id = best.id
      order by best.rank desc, best.published_at desc
    `),
  );
  return rows.map((r) => ({
    id: r.id,
    topic: r.topic,
    question: r.question,
    answer: r.answer,
    publishedAt: new Date(r.published_at),
  }));
}
