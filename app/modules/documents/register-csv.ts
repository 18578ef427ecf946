/**
 * The original register as CSV (RFC 4180): UTF-8 with a byte-order mark so that Excel reads Vietnamese correctly,
 * CRLF line ends, a Vietnamese header row, fields quoted only when they must be. Pure.
 *
 * Spreadsheet formula injection: a cell that starts with = + - @ or a tab or carriage return would be run as a
 * formula by Excel or LibreOffice; such a cell is written with a leading apostrophe, which both show as text.
 */
import { REGISTER_COLUMNS, type RegisterRow } from "./register-row";

const BOM = "\uFEFF";
const CRLF = "\r\n";
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell, neutralised against formula injection and quoted if it holds a quote, comma or line break. */
export function csvCell(value: string): string {
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function registerToCsv(rows: readonly RegisterRow[]): string {
  const columns = REGISTER_COLUMNS.filter((c) => !c.paperOnly);
  const lines = [columns.map((c) => csvCell(c.header)).join(",")];
  for (const row of rows) lines.push(columns.map((c) => csvCell(c.value(row).normalize("NFC"))).join(","));
  return BOM + lines.join(CRLF) + CRLF;
}
