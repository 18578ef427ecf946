/**
 * Turns what someone typed into PostgreSQL text-search queries over published_answers.search_tsv (which holds
 * to_tsvector('simple', vb_fold(question || answer))). Pure. The words are folded here the way vb_fold folds (no
 * marks, đ → d, lower case) and keep only a–z and 0–9, so the query text cannot carry tsquery syntax.
 * - strict: every word, the last one (of 3 letters or more) as a prefix (the person is still typing it):
 *   "cap & lai & bang:*";
 * - relaxed: any of the meaningful words (function words left out), to suggest answers to a longer sentence.
 */
import { foldVietnameseWords } from "~/lib/fold-vietnamese";

/** Words too common in Vietnamese questions to say what a question is about. */
const STOP_WORDS = new Set(
  (
    "a ah ai anh ban bi cac cach can cho chi chua co cua da dang de den di do duoc em gi hay hoac hoi khi khong " +
    "la lai lam ma minh mot nao neu nhu nhung nay o ong ra roi sao se sau tai the thi toi tren trong tu va vao " +
    "ve vi voi xin cam on giup duoc vay nhe a oi"
  ).split(" "),
);

export const QUERY_MAX_WORDS = 12;
export const PREFIX_MIN = 3;

export interface SearchQueries {
  /** All words, the last as a prefix; null when nothing searchable was typed. */
  strict: string | null;
  /** Any meaningful word; null when there is none, or when it would be the strict query again. */
  relaxed: string | null;
}

export function buildSearchQueries(input: string): SearchQueries {
  const words = foldVietnameseWords(input)
    .split(" ")
    .filter((w) => w.length > 0)
    .slice(0, QUERY_MAX_WORDS);
  if (words.length === 0) return { strict: null, relaxed: null };
  const endsInSpace = /\s$/.test(input);
  // A prefix of one or two letters would match most of the library: only longer ones count as prefixes.
  const strict = words
    .map((w, i) => (i === words.length - 1 && !endsInSpace && w.length >= PREFIX_MIN ? `${w}:*` : w))
    .join(" & ");
  const meaningful = [...new Set(words.filter((w) => !STOP_WORDS.has(w) && w.length > 1))];
  const relaxed = meaningful.length >= 2 ? meaningful.join(" | ") : null;
  return { strict, relaxed };
}
