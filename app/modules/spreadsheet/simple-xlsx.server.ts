import { columnLetter } from "./sheet";
import { writeZip } from "./zip-archive.server";

/**
 * A one-sheet XLSX workbook: the import template (with the personal ID column formatted as text, so Excel keeps its
 * leading zero) and the tests' fixtures. Its seven XML parts are fixed text around the cells (strings go to the
 * shared-string table as Excel does); the ZIP around them is fflate's (writeZip).
 */
export type XlsxCell =
  | string
  | number
  | null
  /** A date cell: the Excel serial number, shown with the built-in date format (numFmtId 14). */
  | { serial: number; date: true };

export interface XlsxOptions {
  sheetName?: string;
  /** Zero-based columns formatted as text ("@"), for what the user types into them later. */
  textColumns?: number[];
  /** Zero-based rows shown in bold (the header). */
  boldRows?: number[];
  /** Overrides the <dimension> element (tests use it to claim a huge sheet). */
  dimension?: string;
  deflate?: boolean;
}

const escapeXml = (s: string) =>
  s
    .replace(/[<>&"]/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;" })[c]!)
    // eslint-disable-next-line no-control-regex -- XML 1.0 forbids these control characters: dropped on purpose.
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "");

const NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG = "http://schemas.openxmlformats.org/package/2006/relationships";
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

// cellXfs: 0 default, 1 date, 2 text, 3 bold.
const STYLES = `${XML}<styleSheet xmlns="${NS}"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs></styleSheet>`;

export function writeSimpleXlsx(rows: XlsxCell[][], options: XlsxOptions = {}): Buffer {
  const strings: string[] = [];
  const stringIndex = new Map<string, number>();
  const shared = (s: string) => {
    let i = stringIndex.get(s);
    if (i === undefined) {
      i = strings.length;
      strings.push(s);
      stringIndex.set(s, i);
    }
    return i;
  };
  const textColumns = new Set(options.textColumns ?? []);
  const boldRows = new Set(options.boldRows ?? []);
  const width = Math.max(1, ...rows.map((r) => r.length));
  const sheetRows = rows
    .map((cells, r) => {
      const xml = cells
        .map((cell, c) => {
          if (cell === null || cell === "") return "";
          const ref = `${columnLetter(c)}${r + 1}`;
          const style = boldRows.has(r) ? 3 : textColumns.has(c) ? 2 : 0;
          const s = style ? ` s="${style}"` : "";
          if (typeof cell === "string") return `<c r="${ref}" t="s"${s}><v>${shared(cell)}</v></c>`;
          if (typeof cell === "number") return `<c r="${ref}"${s}><v>${cell}</v></c>`;
          return `<c r="${ref}" s="1"><v>${cell.serial}</v></c>`;
        })
        .join("");
      return xml ? `<row r="${r + 1}">${xml}</row>` : "";
    })
    .join("");
  const cols = [...textColumns]
    .map((c) => `<col min="${c + 1}" max="${c + 1}" width="18" style="2" customWidth="1"/>`)
    .join("");
  const dimension = options.dimension ?? `A1:${columnLetter(width - 1)}${Math.max(1, rows.length)}`;
  const sheet = `${XML}<worksheet xmlns="${NS}" xmlns:r="${REL}"><dimension ref="${dimension}"/>${cols ? `<cols>${cols}</cols>` : ""}<sheetData>${sheetRows}</sheetData></worksheet>`;
  const sharedStrings = `${XML}<sst xmlns="${NS}" count="${strings.length}" uniqueCount="${strings.length}">${strings
    .map((s) => `<si><t xml:space="preserve">${escapeXml(s)}</t></si>`)
    .join("")}</sst>`;
  const files: [string, string][] = [
    [
      "[Content_Types].xml",
      `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
    ],
    [
      "_rels/.rels",
      `${XML}<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ],
    [
      "xl/workbook.xml",
      `${XML}<workbook xmlns="${NS}" xmlns:r="${REL}"><sheets><sheet name="${escapeXml(options.sheetName ?? "Sheet1")}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ],
    [
      "xl/_rels/workbook.xml.rels",
      `${XML}<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rId3" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    ],
    ["xl/styles.xml", STYLES],
    ["xl/sharedStrings.xml", sharedStrings],
    ["xl/worksheets/sheet1.xml", sheet],
  ];
  return writeZip(
    files.map(([name, text]) => [name, Buffer.from(text, "utf8")]),
    { deflate: options.deflate ?? true },
  );
}
