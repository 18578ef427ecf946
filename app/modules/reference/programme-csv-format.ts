import type { ProgrammeCodeIssue } from "./programme-code";

/**
 * The programme-list import's vocabulary (limits, columns, issue codes and their messages), apart from the reader
 * in programme-csv.ts: the import and programme pages use these in the browser, where csv-parse cannot load (it
 * needs Node's Buffer).
 */

export const PROGRAMME_CSV_LIMITS = {
  maxBytes: 5 * 1024 * 1024,
  maxRows: 20_000,
  maxNameLength: 255,
  /** Issues listed in a report; the count of the others is given. */
  maxIssues: 500,
} as const;

export const PROGRAMME_SOURCES = ["sourced", "unverified", "imported", "admin"] as const;
export type ProgrammeSource = (typeof PROGRAMME_SOURCES)[number];

export const REQUIRED_COLUMNS = ["code", "name_vi", "level"] as const;
export const OPTIONAL_COLUMNS = ["name_en", "source"] as const;
export type ProgrammeCsvColumn = (typeof REQUIRED_COLUMNS)[number] | (typeof OPTIONAL_COLUMNS)[number];

export type ProgrammeCsvIssueCode =
  // the whole file
  | "file_empty"
  | "file_too_large"
  | "file_encoding"
  | "file_syntax"
  | "too_many_rows"
  | "no_rows"
  | "missing_columns"
  | "duplicate_column"
  // one row
  | "required"
  | "too_long"
  | "extra_cells"
  | "unknown_level"
  | "unknown_source"
  | "duplicate_code"
  | ProgrammeCodeIssue["code"];

export interface ProgrammeCsvIssue {
  /** Spreadsheet row (header = 1); null for the whole file. */
  row: number | null;
  column: ProgrammeCsvColumn | null;
  code: ProgrammeCsvIssueCode;
  params: Record<string, string | number>;
  /** The cell as the user typed it (cut to 100 characters), to show next to the message. */
  value?: string;
}

/** The i18n key of an issue's message (reference.ts has a Vietnamese and an English text for each). */
export function csvIssueMessageKey(code: ProgrammeCsvIssueCode) {
  return `reference.csv.${code}` as const;
}
