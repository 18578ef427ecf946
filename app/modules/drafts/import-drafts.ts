import { parse } from "csv-parse/sync";
import { decodeCsvBytes } from "~/modules/reference/programme-csv";
import { foldVietnameseWords } from "~/lib/fold-vietnamese";
import { cellText, type CellValue } from "~/modules/reference/cell-values";
import { columnLetter, type Sheet } from "~/modules/spreadsheet/sheet";
import { duplicateKey, maskPersonalId, validateDraftRow, type DraftRulesContext, type DraftValues } from "./draft-row";
import {
  DRAFT_IMPORT_LIMITS,
  TEMPLATE_EXAMPLE,
  TEMPLATE_HEADERS,
  type ColumnInfo,
  type DraftImportReport,
  type ImportFileIssue,
  type ImportFileIssueCode,
  type InvalidDraftRow,
  type RowIssue,
  type TypedRow,
} from "./import-format";
import { DRAFT_FIELDS, type DraftField, type DraftRawRow } from "./schema";

export * from "./import-format";

/**
 * The draft import, as pure functions: a table of cells (from a CSV here, from an XLSX in
 * app/modules/spreadsheet) in, a row-by-row check out. No I/O: import-drafts.server.ts adds the duplicates
 * already in the database and writes the chosen rows in one transaction.
 *
 * Rows are numbered as the spreadsheet shows them (row 1 is the first line). The header row is found among the
 * first rows (a title may stand above it); header names are matched ignoring case, diacritics and punctuation;
 * unknown columns (STT, notes…) are ignored.
 */

const OPTIONAL_COLUMNS: ReadonlySet<DraftField> = new Set(["level", "email"]);
export const REQUIRED_COLUMNS = DRAFT_FIELDS.filter((f) => !OPTIONAL_COLUMNS.has(f));

/** Other names each column goes by (folded: see headerKey), besides its template header and its field name. */
const COLUMN_ALIASES: Record<DraftField, readonly string[]> = {
  fullName: ["ho ten", "ho va ten nguoi hoc", "ho ten nguoi hoc", "full name", "name"],
  dateOfBirth: ["ngay thang nam sinh", "date of birth", "birth date", "dob"],
  placeOfBirth: ["place of birth", "birthplace"],
  gender: ["gender", "sex"],
  ethnicity: ["ethnicity"],
  personalId: [
    "so dinh danh",
    "ma dinh danh",
    "ma dinh danh ca nhan",
    "so cccd",
    "cccd",
    "so can cuoc",
    "so can cuoc cong dan",
    "personal id",
    "personal id number",
  ],
  programmeCode: ["ma nganh", "ma nghe", "ma nganh nghe dao tao", "programme code", "program code"],
  level: ["trinh do dao tao", "level"],
  modeOfStudy: ["hinh thuc", "mode of study"],
  classification: ["xep loai tot nghiep", "classification"],
  graduationDate: ["ngay cong nhan tot nghiep", "ngay quyet dinh tot nghiep", "graduation date"],
  graduationDecisionNumber: [
    "so quyet dinh",
    "so quyet dinh cong nhan tot nghiep",
    "so qd",
    "so qd tot nghiep",
    "decision number",
    "graduation decision number",
  ],
  email: [
    "email",
    "e mail",
    "mail",
    "thu dien tu",
    "dia chi email",
    "dia chi e mail",
    "dia chi thu dien tu",
    "email address",
    "e mail address",
  ],
};

/** A header cell's comparison key: no case, diacritics or punctuation ("Mã ngành, nghề" → "ma nganh nghe"). */
export function headerKey(cell: CellValue): string {
  return foldVietnameseWords(cellText(cell));
}

const COLUMN_BY_KEY = new Map<string, DraftField>();
for (const field of DRAFT_FIELDS) {
  for (const name of [TEMPLATE_HEADERS[field], field, ...COLUMN_ALIASES[field]])
    COLUMN_BY_KEY.set(headerKey(name), field);
}

export const fileIssue = (
  code: ImportFileIssueCode,
  params: Record<string, string | number> = {},
): ImportFileIssue => ({ code, params });

export interface ValidDraftRow {
  row: number;
  values: DraftValues;
  typed: TypedRow;
}
/** The whole check of a file. Server-side only: `valid` holds personal data. */
export interface DraftImportCheck {
  fileIssue: ImportFileIssue | null;
  headerRow: number | null;
  columns: Partial<Record<DraftField, ColumnInfo>>;
  rowCount: number;
  valid: ValidDraftRow[];
  invalid: InvalidDraftRow[];
}

const cut = (s: string) => (s.length > 100 ? `${s.slice(0, 100)}…` : s);

function failure(issue: ImportFileIssue, partial: Partial<DraftImportCheck> = {}): DraftImportCheck {
  return { fileIssue: issue, headerRow: null, columns: {}, rowCount: 0, valid: [], invalid: [], ...partial };
}

/** The separator used most on the first lines: Excel writes ";" where the decimal mark is a comma. */
function detectDelimiter(text: string): "," | ";" | "\t" {
  const lines = text.split("\n", DRAFT_IMPORT_LIMITS.headerSearchRows);
  const best = (c: string) => Math.max(...lines.map((l) => l.split(c).length - 1));
  const candidates = [",", ";", "\t"] as const;
  return candidates.reduce((winner, c) => (best(c) > best(winner) ? c : winner), ",");
}

/**
 * Reads a CSV file into a sheet: UTF-8 with or without BOM (UTF-16 with BOM too), "," ";" or tab, CRLF or LF.
 * A file that is not UTF-8 (Excel's "CSV (Comma delimited)" is Windows-1258) is refused, not read as mojibake.
 */
export function readDraftCsv(bytes: Uint8Array): { ok: true; sheet: Sheet } | { ok: false; issue: ImportFileIssue } {
  if (bytes.byteLength === 0) return { ok: false, issue: fileIssue("file_empty") };
  if (bytes.byteLength > DRAFT_IMPORT_LIMITS.maxBytes)
    return { ok: false, issue: fileIssue("file_too_large", { maxMb: DRAFT_IMPORT_LIMITS.maxBytes / 1048576 }) };
  const decoded = decodeCsvBytes(bytes);
  if (!decoded.ok || decoded.text.includes("\u0000")) return { ok: false, issue: fileIssue("file_encoding") };
  const text = decoded.text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  if (text.trim() === "") return { ok: false, issue: fileIssue("file_empty") };
  try {
    const rows = parse(text, {
      delimiter: detectDelimiter(text),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
    }) as string[][];
    return { ok: true, sheet: { rows } };
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    return { ok: false, issue: fileIssue("file_syntax", { line: typeof line === "number" ? line : "?" }) };
  }
}

const isBlank = (cells: readonly CellValue[]) => cells.every((c) => cellText(c).trim() === "");

/** The header row: the first of the first rows naming the most known columns (at least three). */
function findHeader(rows: readonly CellValue[][]) {
  let best: { index: number; matched: number } | null = null;
  for (let i = 0; i < Math.min(rows.length, DRAFT_IMPORT_LIMITS.headerSearchRows); i++) {
    const matched = new Set(rows[i]!.map((c) => COLUMN_BY_KEY.get(headerKey(c))).filter(Boolean)).size;
    if (matched >= 3 && (!best || matched > best.matched)) best = { index: i, matched };
  }
  return best?.index ?? null;
}

/** What the user typed, for the report: every cell as text, the personal ID masked unless it is wrong. */
function typedRow(raw: DraftRawRow, personalIdAtFault: boolean): TypedRow {
  const typed: TypedRow = {};
  for (const field of DRAFT_FIELDS) {
    if (!(field in raw)) continue;
    const text = cut(cellText(raw[field]).trim());
    typed[field] =
      field === "personalId" && !personalIdAtFault && text !== "" ? maskPersonalId(text.replace(/\s/g, "")) : text;
  }
  return typed;
}

/**
 * Checks every row of a sheet. A file-level problem (no header, missing columns, too many rows) stops the check;
 * otherwise each row is valid or has its list of problems. Rows of one graduate in one programme (same personal
 * ID and programme code) are all refused, each naming the others: which one is right is for the user to say.
 */
export function checkDraftTable(sheet: Sheet, context: DraftRulesContext): DraftImportCheck {
  const headerIndex = findHeader(sheet.rows);
  if (headerIndex === null) {
    return failure(fileIssue("no_header", { expected: REQUIRED_COLUMNS.map((f) => TEMPLATE_HEADERS[f]).join(", ") }));
  }
  const header = sheet.rows[headerIndex]!;
  const columnIndex: Partial<Record<DraftField, number>> = {};
  const columns: Partial<Record<DraftField, ColumnInfo>> = {};
  for (const [i, cell] of header.entries()) {
    const field = COLUMN_BY_KEY.get(headerKey(cell));
    if (!field) continue;
    if (columnIndex[field] !== undefined) {
      return failure(fileIssue("duplicate_column", { column: cellText(cell).trim(), row: headerIndex + 1 }), {
        headerRow: headerIndex + 1,
      });
    }
    columnIndex[field] = i;
    columns[field] = { header: cut(cellText(cell).trim()), letter: columnLetter(i) };
  }
  const missing = REQUIRED_COLUMNS.filter((f) => columnIndex[f] === undefined);
  if (missing.length > 0) {
    return failure(
      fileIssue("missing_columns", {
        columns: missing.map((f) => TEMPLATE_HEADERS[f]).join(", "),
        row: headerIndex + 1,
      }),
      {
        headerRow: headerIndex + 1,
        columns,
      },
    );
  }

  const dataRows = sheet.rows
    .map((cells, i) => ({ cells, row: i + 1 }))
    .slice(headerIndex + 1)
    .filter(({ cells }) => !isBlank(cells));
  const base = { headerRow: headerIndex + 1, columns, rowCount: dataRows.length };
  if (dataRows.length === 0) return failure(fileIssue("no_rows"), base);
  if (dataRows.length > DRAFT_IMPORT_LIMITS.maxRows) {
    return failure(fileIssue("too_many_rows", { max: DRAFT_IMPORT_LIMITS.maxRows, count: dataRows.length }), base);
  }

  const valid: ValidDraftRow[] = [];
  const invalid: InvalidDraftRow[] = [];
  for (const { cells, row } of dataRows) {
    const raw: DraftRawRow = {};
    for (const field of DRAFT_FIELDS) {
      const i = columnIndex[field];
      if (i !== undefined) raw[field] = cells[i] ?? null;
    }
    const result = validateDraftRow(raw, context);
    if (result.ok && result.value.personalId === TEMPLATE_EXAMPLE.personalId) {
      invalid.push({
        row,
        issues: [{ field: null, message: "diplomas.import.exampleRow" }],
        typed: typedRow(raw, false),
      });
    } else if (result.ok) {
      valid.push({ row, values: result.value, typed: typedRow(raw, false) });
    } else {
      const issues = DRAFT_FIELDS.flatMap((field) => {
        const issue = result.issues[field];
        return issue ? [{ field, message: issue.message, params: issue.params }] : [];
      });
      invalid.push({ row, issues, typed: typedRow(raw, Boolean(result.issues.personalId)) });
    }
  }

  // Duplicates inside the file: every row of a group is refused.
  const groups = new Map<string, number[]>();
  for (const r of valid) {
    const key = duplicateKey(r.values.personalId, r.values.programmeCode);
    groups.set(key, [...(groups.get(key) ?? []), r.row]);
  }
  const rejections = new Map<number, RowIssue[]>();
  for (const rows of groups.values()) {
    if (rows.length < 2) continue;
    for (const row of rows) {
      const others = rows.filter((r) => r !== row).join(", ");
      rejections.set(row, [
        { field: "personalId", message: "diplomas.import.duplicateInFile", params: { rows: others } },
      ]);
    }
  }
  return rejectRows({ fileIssue: null, ...base, valid, invalid }, rejections);
}

/** Moves valid rows to the invalid ones with the given issues (duplicates in the file, or already in the database). */
export function rejectRows(check: DraftImportCheck, rejections: ReadonlyMap<number, RowIssue[]>): DraftImportCheck {
  if (rejections.size === 0) return check;
  const valid: ValidDraftRow[] = [];
  const invalid = [...check.invalid];
  for (const r of check.valid) {
    const issues = rejections.get(r.row);
    if (issues) invalid.push({ row: r.row, issues, typed: r.typed });
    else valid.push(r);
  }
  invalid.sort((a, b) => a.row - b.row);
  return { ...check, valid, invalid };
}

export function importReport(check: DraftImportCheck): DraftImportReport {
  const listed = check.invalid.slice(0, DRAFT_IMPORT_LIMITS.maxListedRows);
  return {
    fileIssue: check.fileIssue,
    headerRow: check.headerRow,
    columns: check.columns,
    rowCount: check.rowCount,
    validRowCount: check.valid.length,
    invalidRowCount: check.invalid.length,
    invalidRows: listed,
    moreInvalidRows: check.invalid.length - listed.length,
  };
}

/** The template file: UTF-8 with a BOM (so that Excel reads the diacritics), the headers and one example row. */
export function draftTemplateCsv(): string {
  const quote = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const line = (values: string[]) => values.map(quote).join(",");
  return `\uFEFF${line(DRAFT_FIELDS.map((f) => TEMPLATE_HEADERS[f]))}\r\n${line(DRAFT_FIELDS.map((f) => TEMPLATE_EXAMPLE[f]))}\r\n`;
}

/** The programme codes a sheet's rows name (to load just those programmes before checking it). */
export function programmeCodesIn(sheet: Sheet): string[] {
  const headerIndex = findHeader(sheet.rows);
  if (headerIndex === null) return [];
  const column = sheet.rows[headerIndex]!.findIndex((c) => COLUMN_BY_KEY.get(headerKey(c)) === "programmeCode");
  if (column < 0) return [];
  const codes = new Set<string>();
  for (const cells of sheet.rows.slice(headerIndex + 1)) {
    const code = cellText(cells[column]).trim();
    if (/^\d{7,8}$/.test(code)) codes.add(code);
  }
  return [...codes];
}
