import type { CellValue } from "~/modules/reference/cell-values";

/**
 * What the spreadsheet module reads and writes, whatever the rows mean: a sheet of cells, column letters, and the
 * problems of a file as a file (its caller names them to the user: the codes are the message keys' last part).
 */

/** A sheet: rows[i] is spreadsheet row i + 1. */
export interface Sheet {
  rows: CellValue[][];
}

/** A spreadsheet column letter: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    letters = String.fromCharCode(65 + r) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export type SpreadsheetIssueCode =
  "file_empty" | "file_too_large" | "file_type" | "xls_legacy" | "xlsx_unreadable" | "sheet_too_large";

export interface SpreadsheetIssue {
  code: SpreadsheetIssueCode;
  params: Record<string, string | number>;
}

export const spreadsheetIssue = (
  code: SpreadsheetIssueCode,
  params: Record<string, string | number> = {},
): SpreadsheetIssue => ({ code, params });
