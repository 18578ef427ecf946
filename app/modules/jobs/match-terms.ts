/**
 * A job's match terms and how skills are folded: written into the matching index when a job is saved (jobs) and
 * compared by the score (app/modules/matching/score.ts, which re-exports them).
 */
import { foldVietnamese } from "~/lib/fold-vietnamese";

/** Folded (case, diacritics and spacing ignored: "Kế toán  máy" = "ke toan may"), distinct, non-empty skills in first-seen order. */
export function foldSkills(skills: readonly string[]): string[] {
  return [...new Set(skills.map(foldVietnamese).filter((s) => s.length > 0))];
}

/** Title phrases up to this many words count as the job's terms. */
const TITLE_PHRASE_MAX_WORDS = 4;

/**
 * A job's match terms, what a graduate's skills are compared with (text relevance of skills and titles): its own
 * skills, and every phrase of one to four consecutive words of its title, all folded. "Kế toán tổng hợp" gives
 * "ke toan", "tong hop", "ke toan tong hop"…, so a graduate whose skills include "kế toán" matches it by title
 * even when the employer listed no such skill. Exact phrases, not stems: reproducible in SQL as an array overlap.
 */
export function jobMatchTerms(skills: readonly string[], title: string): string[] {
  const words = foldVietnamese(title.replace(/[^\p{L}\p{N}]+/gu, " "))
    .split(" ")
    .filter((w) => w.length > 0);
  const phrases: string[] = [];
  for (let start = 0; start < words.length; start++) {
    for (let length = 1; length <= TITLE_PHRASE_MAX_WORDS && start + length <= words.length; length++) {
      phrases.push(words.slice(start, start + length).join(" "));
    }
  }
  return [...new Set([...foldSkills(skills), ...phrases])];
}
