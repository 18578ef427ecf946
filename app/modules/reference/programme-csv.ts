import { parse } from "csv-parse/sync";
import { matchLevel, type LevelInfo } from "./levels";
import { resolveProgramme, type ResolvedProgramme } from "./programme-code";
import {
  PROGRAMME_CSV_LIMITS,
  PROGRAMME_SOURCES,
  REQUIRED_COLUMNS,
  type ProgrammeCsvColumn,
  type ProgrammeCsvIssue,
  type ProgrammeCsvIssueCode,
  type ProgrammeSource,
} from "./programme-csv-format";
import { foldVietnameseKey } from "~/lib/fold-vietnamese";
import { cleanText } from "./text";

/**
 * The programme-list import, as a pure function: bytes (or text) in, a report out. No I/O, so every rule is
 * unit-tested alone; import-programmes.server.ts wraps it in one transaction.
 *
 * File: UTF-8 (with or without BOM; UTF-16 with BOM is decoded too), comma-, semicolon- or tab-separated,
 * CRLF or LF, quoted fields may hold separators. Header row required: code, name_vi, level; optional name_en,
 * source; other columns are ignored. Rows are numbered as a spreadsheet shows them: the header is row 1.
 */

export interface ProgrammeCsvRow extends ResolvedProgramme {
  row: number;
  nameVi: string;
  /** undefined when the file has no name_en column (the stored name is then left alone). */
  nameEn: string | null | undefined;
  /** undefined when the file has no source column or the cell is empty. */
  source: ProgrammeSource | undefined;
}

export interface ProgrammeCsvReport {
  ok: boolean;
  /** Data rows read (blank rows not counted). */
  rowCount: number;
  /** The valid rows (all of them when `ok`). */
  rows: ProgrammeCsvRow[];
  invalidRowCount: number;
  issues: ProgrammeCsvIssue[];
  /** Issues found but not listed (beyond maxIssues). */
  moreIssues: number;
  /** What the user typed in each invalid row, keyed by row number, to show beside its errors. */
  invalidRows: Record<number, { code: string; name_vi: string; level: string }>;
  delimiter: "," | ";" | "\t";
}

export interface ProgrammeCsvContext {
  levels: readonly LevelInfo[];
  fieldCodes: Iterable<string>;
}

const cut = (s: string) => (s.length > 100 ? `${s.slice(0, 100)}…` : s);

function fileFailure(code: ProgrammeCsvIssueCode, params: Record<string, string | number> = {}): ProgrammeCsvReport {
  return {
    ok: false,
    rowCount: 0,
    rows: [],
    invalidRowCount: 0,
    issues: [{ row: null, column: null, code, params }],
    moreIssues: 0,
    invalidRows: {},
    delimiter: ",",
  };
}

/** Decodes an uploaded file: UTF-8 (BOM stripped), or UTF-16 when it starts with a UTF-16 BOM. */
export function decodeCsvBytes(bytes: Uint8Array): { ok: true; text: string } | { ok: false } {
  try {
    if (bytes[0] === 0xff && bytes[1] === 0xfe)
      return { ok: true, text: new TextDecoder("utf-16le").decode(bytes.subarray(2)) };
    if (bytes[0] === 0xfe && bytes[1] === 0xff)
      return { ok: true, text: new TextDecoder("utf-16be").decode(bytes.subarray(2)) };
    // fatal: a file saved by Excel as "CSV (Comma delimited)" is Windows-1258, and must not be read as mojibake.
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes) };
  } catch {
    return { ok: false };
  }
}

/** The separator the header row uses most: Excel writes ";" where the decimal mark is a comma. */
function detectDelimiter(text: string): "," | ";" | "\t" {
  const header = text.slice(0, text.indexOf("\n") === -1 ? undefined : text.indexOf("\n"));
  const count = (c: string) => header.split(c).length - 1;
  const candidates = [",", ";", "\t"] as const;
  return candidates.reduce((best, c) => (count(c) > count(best) ? c : best), ",");
}

function headerName(cell: string): string {
  return foldVietnameseKey(cell).replace(/ /g, "_");
}

/** Reads and validates a programme list. `ok` only when every row is valid: the import is all-or-nothing. */
export function readProgrammeCsv(input: string | Uint8Array, context: ProgrammeCsvContext): ProgrammeCsvReport {
  const byteLength = typeof input === "string" ? new TextEncoder().encode(input).length : input.byteLength;
  if (byteLength === 0) return fileFailure("file_empty");
  if (byteLength > PROGRAMME_CSV_LIMITS.maxBytes) {
    return fileFailure("file_too_large", { maxMb: PROGRAMME_CSV_LIMITS.maxBytes / 1024 / 1024 });
  }
  let text: string;
  if (typeof input === "string") {
    text = input;
  } else {
    const decoded = decodeCsvBytes(input);
    if (!decoded.ok) return fileFailure("file_encoding");
    text = decoded.text;
  }
  // One line-ending style: csv-parse guesses it from the first line, and Excel files are not always consistent.
  text = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  if (text.trim() === "") return fileFailure("file_empty");

  const delimiter = detectDelimiter(text);
  let records: string[][];
  try {
    records = parse(text, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
    }) as string[][];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    return fileFailure("file_syntax", { line: typeof line === "number" ? line : "?" });
  }

  const header = (records[0] ?? []).map(headerName);
  const missing = REQUIRED_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length > 0) {
    return {
      ...fileFailure("missing_columns", { columns: missing.join(", "), expected: REQUIRED_COLUMNS.join(", ") }),
      delimiter,
    };
  }
  const duplicated = header.find((h, i) => h !== "" && header.indexOf(h) !== i);
  if (duplicated) return { ...fileFailure("duplicate_column", { column: duplicated }), delimiter };

  const index = Object.fromEntries(header.map((h, i) => [h, i] as const)) as Partial<Record<string, number>>;

  // Spreadsheet row numbers: record i is row i + 1 (a quoted multi-line cell is still one spreadsheet row).
  const dataRows = records
    .map((cells, i) => ({ cells, row: i + 1 }))
    .slice(1)
    .filter(({ cells }) => cells.some((c) => c.trim() !== ""));
  if (dataRows.length === 0) return { ...fileFailure("no_rows"), delimiter };
  if (dataRows.length > PROGRAMME_CSV_LIMITS.maxRows) {
    return {
      ...fileFailure("too_many_rows", { max: PROGRAMME_CSV_LIMITS.maxRows, count: dataRows.length }),
      delimiter,
    };
  }

  const fieldCodes = new Set(context.fieldCodes);
  const issues: ProgrammeCsvIssue[] = [];
  const rows: ProgrammeCsvRow[] = [];
  const invalidRows: ProgrammeCsvReport["invalidRows"] = {};
  const firstRowOfCode = new Map<string, number>();
  const hasNameEn = index.name_en !== undefined;
  const hasSource = index.source !== undefined;

  for (const { cells, row } of dataRows) {
    const cell = (column: ProgrammeCsvColumn) => {
      const i = index[column];
      return i === undefined ? "" : (cells[i] ?? "");
    };
    const rowIssues: ProgrammeCsvIssue[] = [];
    const report = (
      column: ProgrammeCsvColumn | null,
      code: ProgrammeCsvIssueCode,
      params: Record<string, string | number> = {},
    ) => rowIssues.push({ row, column, code, params, value: column ? cut(cell(column)) : undefined });

    const code = cell("code").trim();
    const nameVi = cleanText(cell("name_vi"));
    const nameEn = hasNameEn ? cleanText(cell("name_en")) || null : undefined;
    const levelText = cell("level").trim();
    const sourceText = foldVietnameseKey(cell("source"));

    if (code === "") report("code", "required");
    if (nameVi === "") report("name_vi", "required");
    else if (nameVi.length > PROGRAMME_CSV_LIMITS.maxNameLength)
      report("name_vi", "too_long", { max: PROGRAMME_CSV_LIMITS.maxNameLength });
    if (nameEn && nameEn.length > PROGRAMME_CSV_LIMITS.maxNameLength)
      report("name_en", "too_long", { max: PROGRAMME_CSV_LIMITS.maxNameLength });
    let source: ProgrammeSource | undefined;
    if (hasSource && sourceText !== "") {
      source = PROGRAMME_SOURCES.find((s) => s === sourceText);
      if (!source) report("source", "unknown_source", { allowed: PROGRAMME_SOURCES.join(", ") });
    }

    const level = levelText === "" ? undefined : matchLevel(levelText, context.levels);
    if (levelText === "") report("level", "required");
    else if (!level) report("level", "unknown_level", { allowed: context.levels.map((l) => l.nameVi).join(", ") });

    let resolved: ResolvedProgramme | undefined;
    if (code !== "") {
      const first = firstRowOfCode.get(code);
      if (first !== undefined) report("code", "duplicate_code", { firstRow: first });
      else firstRowOfCode.set(code, row);
      if (level) {
        const result = resolveProgramme(code, level, { levels: context.levels, fieldCodes });
        if (result.ok) resolved = result.value;
        else report(result.issue.column, result.issue.code, result.issue.params);
      } else if (!/^\d{7,8}$/.test(code)) {
        // Without a level the code's own shape can still be checked.
        report("code", /^\d+$/.test(code) ? "code_length" : "code_not_digits", { length: code.length });
      }
    }

    // More cells than the header has columns: usually a name with an unquoted comma, which shifts the cells
    // after it. Said first, as it explains the row's other errors; trailing empty cells alone are harmless.
    const overflow = cells.length > header.length;
    if (overflow && (rowIssues.length > 0 || cells.slice(header.length).some((c) => c.trim() !== ""))) {
      rowIssues.unshift({
        row,
        column: null,
        code: "extra_cells",
        params: { count: cells.length, expected: header.length },
      });
    }

    if (rowIssues.length > 0 || !resolved) {
      issues.push(...rowIssues);
      invalidRows[row] = { code: cut(cell("code")), name_vi: cut(cell("name_vi")), level: cut(cell("level")) };
      continue;
    }
    rows.push({ ...resolved, row, nameVi, nameEn, source });
  }

  const invalidRowCount = Object.keys(invalidRows).length;
  const listed = issues.slice(0, PROGRAMME_CSV_LIMITS.maxIssues);
  const listedRows = new Set(listed.map((i) => i.row));
  return {
    ok: invalidRowCount === 0,
    rowCount: dataRows.length,
    rows,
    invalidRowCount,
    issues: listed,
    moreIssues: issues.length - listed.length,
    invalidRows: Object.fromEntries(Object.entries(invalidRows).filter(([row]) => listedRows.has(Number(row)))),
    delimiter,
  };
}
