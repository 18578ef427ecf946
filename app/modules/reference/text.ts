/** Text helpers for reference data. Pure: used by the CSV import and the Zod schemas. (Comparison keys: app/lib/fold-vietnamese.ts.) */

/** NFC, whitespace (including line breaks) collapsed to single spaces, trimmed: how names are stored. */
export function cleanText(input: string): string {
  return input.normalize("NFC").replace(/\s+/g, " ").trim();
}
