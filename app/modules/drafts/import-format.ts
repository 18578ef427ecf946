import type { DraftField } from "./schema";
import type { MessageKey } from "~/lib/i18n";

/**
 * The import's file format and report shapes: constants and types only, so that the browser (the import form and
 * its report) shares them without loading the parser.
 */

export const DRAFT_IMPORT_LIMITS = {
  maxBytes: 5 * 1024 * 1024,
  maxRows: 5_000,
  /** Invalid rows listed in a report; the others are counted. */
  maxListedRows: 300,
  /** The header row is looked for in this many first rows. */
  headerSearchRows: 10,
} as const;

/** The header of each column in the template, as a Vietnamese registrar expects it. */
export const TEMPLATE_HEADERS: Record<DraftField, string> = {
  fullName: "Họ và tên",
  dateOfBirth: "Ngày sinh",
  placeOfBirth: "Nơi sinh",
  gender: "Giới tính",
  ethnicity: "Dân tộc",
  personalId: "Số định danh cá nhân",
  programmeCode: "Mã ngành, nghề",
  level: "Trình độ",
  modeOfStudy: "Hình thức đào tạo",
  classification: "Xếp loại",
  graduationDate: "Ngày tốt nghiệp",
  graduationDecisionNumber: "Số quyết định tốt nghiệp",
  email: "Thư điện tử",
};

/** The template's example row. Its personal ID number is recognised, so an example left in a file is not imported. */
export const TEMPLATE_EXAMPLE: Record<DraftField, string> = {
  fullName: "Nguyễn Văn An",
  dateOfBirth: "15/03/2004",
  placeOfBirth: "Hà Nội",
  gender: "Nam",
  ethnicity: "Kinh",
  personalId: "000000001234",
  programmeCode: "6480201",
  level: "Cao đẳng",
  modeOfStudy: "Chính quy",
  classification: "Khá",
  graduationDate: "20/06/2025",
  graduationDecisionNumber: "123/QĐ-CĐCN",
  email: "an.nguyen@example.com",
};

export type ImportFileIssueCode =
  | "file_empty"
  | "file_too_large"
  | "file_type"
  | "xls_legacy"
  | "file_encoding"
  | "file_syntax"
  | "xlsx_unreadable"
  | "sheet_too_large"
  | "too_many_rows"
  | "no_rows"
  | "no_header"
  | "missing_columns"
  | "duplicate_column";

export interface ImportFileIssue {
  code: ImportFileIssueCode;
  params: Record<string, string | number>;
}

/** The i18n key of each file-level issue's message. */
export const FILE_ISSUE_LABELS = {
  file_empty: "diplomas.import.file.file_empty",
  file_too_large: "diplomas.import.file.file_too_large",
  file_type: "diplomas.import.file.file_type",
  xls_legacy: "diplomas.import.file.xls_legacy",
  file_encoding: "diplomas.import.file.file_encoding",
  file_syntax: "diplomas.import.file.file_syntax",
  xlsx_unreadable: "diplomas.import.file.xlsx_unreadable",
  sheet_too_large: "diplomas.import.file.sheet_too_large",
  too_many_rows: "diplomas.import.file.too_many_rows",
  no_rows: "diplomas.import.file.no_rows",
  no_header: "diplomas.import.file.no_header",
  missing_columns: "diplomas.import.file.missing_columns",
  duplicate_column: "diplomas.import.file.duplicate_column",
} as const satisfies Record<ImportFileIssueCode, MessageKey>;

/** One problem of a row: the column (null for the row as a whole), an i18n key and its parameters. */
export interface RowIssue {
  field: DraftField | null;
  message: string;
  params?: Record<string, string | number>;
}

/** What the user typed in a row, cell by cell (the personal ID masked unless it is the cell at fault). */
export type TypedRow = Partial<Record<DraftField, string>>;

export interface InvalidDraftRow {
  row: number;
  issues: RowIssue[];
  typed: TypedRow;
}

export interface ColumnInfo {
  /** The header as written in the file. */
  header: string;
  /** The spreadsheet column letter (A, B, …, AA). */
  letter: string;
}

/** What the browser is shown: counts, the columns found and the first invalid rows. Never a valid row's data. */
export interface DraftImportReport {
  fileIssue: ImportFileIssue | null;
  headerRow: number | null;
  columns: Partial<Record<DraftField, ColumnInfo>>;
  rowCount: number;
  validRowCount: number;
  invalidRowCount: number;
  invalidRows: InvalidDraftRow[];
  /** Invalid rows not listed (beyond maxListedRows). */
  moreInvalidRows: number;
}
