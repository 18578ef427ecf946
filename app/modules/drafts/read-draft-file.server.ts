import { readSpreadsheet, type ReadSpreadsheetResult } from "~/modules/spreadsheet/read-spreadsheet.server";
import { DRAFT_IMPORT_LIMITS, readDraftCsv, type ImportFileIssue } from "./import-drafts";

/** An uploaded class list (CSV or XLSX, at most DRAFT_IMPORT_LIMITS.maxBytes) as a sheet, or the file's problem. */
export function readDraftFile(bytes: Uint8Array, fileName: string): Promise<ReadSpreadsheetResult<ImportFileIssue>> {
  return readSpreadsheet(bytes, fileName, { maxBytes: DRAFT_IMPORT_LIMITS.maxBytes, readCsv: readDraftCsv });
}
