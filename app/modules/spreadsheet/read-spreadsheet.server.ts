import readXlsxFile from "read-excel-file/node";
import type { CellValue } from "~/modules/reference/cell-values";
import { spreadsheetIssue as fileIssue, type Sheet, type SpreadsheetIssue } from "./sheet";
import { readZipEntries, writeZip } from "./zip-archive.server";

/**
 * An uploaded CSV or XLSX file as a sheet of cells. Chosen by the file's extension, then checked by its content: a
 * file named .xlsx that is not a ZIP archive, or not a workbook, is reported as such, never passed on.
 *
 * An XLSX is a ZIP of XML files, so a few kilobytes can claim a sheet of a million rows or inflate to gigabytes.
 * Before read-excel-file sees it, the archive is inflated here with a cap, the first sheet's extent is checked, and
 * a clean (stored) archive of what was read is what the library parses.
 */

export const XLSX_LIMITS = {
  maxEntries: 1_000,
  /** What the archive may inflate to, all files together. */
  maxInflatedBytes: 40 * 1024 * 1024,
  /** The extent of the first sheet (styled empty cells count: the reader allocates the whole grid). */
  maxGridRows: 50_000,
  maxGridColumns: 200,
} as const;

export type SpreadsheetKind = "csv" | "xlsx";

/** A CSV file's reading is the caller's (its encodings, separators and messages belong to its format). */
export type CsvReader<Issue> = (bytes: Uint8Array) => { ok: true; sheet: Sheet } | { ok: false; issue: Issue };

export type ReadSpreadsheetResult<Issue = SpreadsheetIssue> =
  { ok: true; kind: SpreadsheetKind; sheet: Sheet } | { ok: false; issue: SpreadsheetIssue | Issue };

export function spreadsheetKind(fileName: string): SpreadsheetKind | "xls" | null {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName.trim())?.[1]?.toLowerCase();
  if (ext === "csv" || ext === "xlsx") return ext;
  if (ext === "xls") return "xls";
  return null;
}

export async function readSpreadsheet<Issue>(
  bytes: Uint8Array,
  fileName: string,
  options: { maxBytes: number; readCsv: CsvReader<Issue> },
): Promise<ReadSpreadsheetResult<Issue>> {
  const kind = spreadsheetKind(fileName);
  if (kind === null) return { ok: false, issue: fileIssue("file_type") };
  if (kind === "xls") return { ok: false, issue: fileIssue("xls_legacy") };
  if (bytes.byteLength === 0) return { ok: false, issue: fileIssue("file_empty") };
  if (bytes.byteLength > options.maxBytes) {
    return { ok: false, issue: fileIssue("file_too_large", { maxMb: options.maxBytes / 1048576 }) };
  }
  if (kind === "csv") {
    const read = options.readCsv(bytes);
    return read.ok ? { ok: true, kind, sheet: read.sheet } : read;
  }
  return readXlsx(bytes);
}

const unreadable = (reason: string): ReadSpreadsheetResult => ({
  ok: false,
  issue: fileIssue("xlsx_unreadable", { reason }),
});

/** The path of the workbook's first sheet, as read-excel-file picks it (the first <sheet>, through the relationships). */
function firstSheetPath(entries: Map<string, Buffer>): string | null {
  const workbook = entries.get("xl/workbook.xml")?.toString("utf8");
  const rels = entries.get("xl/_rels/workbook.xml.rels")?.toString("utf8");
  if (!workbook || !rels) return null;
  const sheet = /<(?:\w+:)?sheet\b[^>]*>/.exec(workbook)?.[0];
  const relId = sheet && /\s\w+:id="([^"]+)"/.exec(sheet)?.[1];
  if (!relId) return null;
  for (const [relationship] of rels.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    if (/\sId="([^"]+)"/.exec(relationship)?.[1] !== relId) continue;
    const target = /\sTarget="([^"]+)"/.exec(relationship)?.[1];
    if (!target) return null;
    return target.startsWith("/") ? target.slice(1) : `xl/${target}`;
  }
  return null;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** The largest row and column the sheet names, in its <dimension> and in its cells. */
function sheetExtent(xml: string): { rows: number; columns: number } {
  let rows = 0;
  let columns = 0;
  const note = (letters: string, digits: string) => {
    rows = Math.max(rows, Number(digits));
    columns = Math.max(columns, columnNumber(letters));
  };
  const dimension = /<(?:\w+:)?dimension\b[^>]*\sref="([^"]+)"/.exec(xml)?.[1];
  for (const m of (dimension ?? "").matchAll(/\$?([A-Z]{1,3})\$?(\d{1,7})/g)) note(m[1]!, m[2]!);
  for (const m of xml.matchAll(/<(?:\w+:)?c\b[^>]*?\sr="([A-Z]{1,3})(\d{1,7})"/g)) note(m[1]!, m[2]!);
  for (const m of xml.matchAll(/<(?:\w+:)?row\b[^>]*?\sr="(\d{1,7})"/g)) rows = Math.max(rows, Number(m[1]));
  return { rows, columns };
}

async function readXlsx(bytes: Uint8Array): Promise<ReadSpreadsheetResult> {
  const archive = readZipEntries(bytes, {
    maxEntries: XLSX_LIMITS.maxEntries,
    maxTotalBytes: XLSX_LIMITS.maxInflatedBytes,
  });
  if (!archive.ok) {
    return archive.reason === "too_large"
      ? {
          ok: false,
          issue: fileIssue("sheet_too_large", {
            maxRows: XLSX_LIMITS.maxGridRows,
            maxColumns: XLSX_LIMITS.maxGridColumns,
          }),
        }
      : unreadable(archive.reason);
  }
  const sheetPath = firstSheetPath(archive.entries);
  const sheetXml = sheetPath ? archive.entries.get(sheetPath)?.toString("utf8") : undefined;
  if (!sheetXml) return unreadable("not_workbook");
  const extent = sheetExtent(sheetXml);
  if (extent.rows > XLSX_LIMITS.maxGridRows || extent.columns > XLSX_LIMITS.maxGridColumns) {
    return {
      ok: false,
      issue: fileIssue("sheet_too_large", { maxRows: XLSX_LIMITS.maxGridRows, maxColumns: XLSX_LIMITS.maxGridColumns }),
    };
  }
  let rows: unknown[][];
  try {
    rows = (await readXlsxFile(writeZip(archive.entries))) as unknown[][];
  } catch {
    return unreadable("corrupt");
  }
  const sheet: Sheet = {
    rows: rows.map((cells) =>
      cells.map((c): CellValue =>
        typeof c === "string" || typeof c === "number" || typeof c === "boolean" || c instanceof Date ? c : null,
      ),
    ),
  };
  if (sheet.rows.length === 0) return { ok: false, issue: fileIssue("file_empty") };
  return { ok: true, kind: "xlsx", sheet };
}
