import { DRAFT_FIELDS } from "./schema";
import { TEMPLATE_EXAMPLE, TEMPLATE_HEADERS } from "./import-format";
import { writeSimpleXlsx } from "~/modules/spreadsheet/simple-xlsx.server";

/**
 * The import template as an Excel workbook: the same headers and example row as the CSV, with the personal ID and
 * programme code columns formatted as text, so that Excel keeps the personal ID's leading zero.
 */
export function draftTemplateXlsx(): Buffer {
  return writeSimpleXlsx([DRAFT_FIELDS.map((f) => TEMPLATE_HEADERS[f]), DRAFT_FIELDS.map((f) => TEMPLATE_EXAMPLE[f])], {
    sheetName: "Danh sách",
    textColumns: [DRAFT_FIELDS.indexOf("personalId"), DRAFT_FIELDS.indexOf("programmeCode")],
    boldRows: [0],
  });
}
