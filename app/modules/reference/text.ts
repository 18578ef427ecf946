/** Text helpers for reference data. Pure: used by the CSV import, the Zod schemas and the level matcher. */

/** NFC, whitespace (including line breaks) collapsed to single spaces, trimmed: how names are stored. */
export function cleanText(input: string): string {
  return input.normalize("NFC").replace(/\s+/g, " ").trim();
}

/**
 * A comparison key that ignores case, Vietnamese diacritics and separators: "Cao Đẳng", "cao dang" and
 * "CAO_DANG" all fold to "cao dang". Never stored, only compared.
 */
export function foldText(input: string): string {
  return input
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[\s_-]+/g, " ")
    .trim();
}
