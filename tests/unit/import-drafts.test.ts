import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { draftTemplateXlsx } from "~/modules/drafts/draft-template.server";
import {
  DRAFT_IMPORT_LIMITS,
  checkDraftTable,
  draftTemplateCsv,
  importReport,
  readDraftCsv,
  type DraftImportCheck,
} from "~/modules/drafts/import-drafts";
import { readDraftFile } from "~/modules/drafts/read-draft-file.server";
import { writeSimpleXlsx } from "~/modules/spreadsheet/simple-xlsx.server";
import type { Sheet } from "~/modules/spreadsheet/sheet";
import { readZipEntries, writeZip } from "~/modules/spreadsheet/zip-archive.server";
import { draftContext } from "../support/draft-context";

const fixture = (name: string) => new Uint8Array(readFileSync(path.resolve(__dirname, "../fixtures", name)));
const utf8 = (text: string) => new TextEncoder().encode(text);

/** The workbook with its first sheet's XML rewritten (to make it broken or huge). */
function rewriteSheet(xlsx: Buffer, change: (xml: string) => string): Uint8Array {
  const read = readZipEntries(xlsx, { maxEntries: 100, maxTotalBytes: 1e7 });
  if (!read.ok) throw new Error(read.reason);
  const sheet = "xl/worksheets/sheet1.xml";
  read.entries.set(sheet, Buffer.from(change(read.entries.get(sheet)!.toString("utf8"))));
  return writeZip(read.entries, { deflate: true });
}

async function checkFile(bytes: Uint8Array, name: string): Promise<DraftImportCheck> {
  const read = await readDraftFile(bytes, name);
  if (!read.ok) return { fileIssue: read.issue, headerRow: null, columns: {}, rowCount: 0, valid: [], invalid: [] };
  return checkDraftTable(read.sheet, draftContext);
}
const checkCsv = (text: string) => checkFile(utf8(text), "lop.csv");
const issuesByRow = (check: DraftImportCheck) =>
  Object.fromEntries(check.invalid.map((r) => [r.row, r.issues.map((i) => `${i.field ?? "row"}:${i.message}`)]));

const HEADER =
  "Họ và tên,Ngày sinh,Nơi sinh,Giới tính,Dân tộc,Số định danh cá nhân,Mã ngành, nghề,Trình độ,Hình thức đào tạo,Xếp loại,Ngày tốt nghiệp,Số quyết định tốt nghiệp";
const QUOTED_HEADER = HEADER.replace("Mã ngành, nghề", '"Mã ngành, nghề"');
const row = (
  name: string,
  personalId: string,
  extra: Partial<Record<"dob" | "programme" | "level" | "grad", string>> = {},
) =>
  [
    name,
    extra.dob ?? "15/03/2004",
    "Hà Nội",
    "Nam",
    "Kinh",
    personalId,
    extra.programme ?? "6480201",
    extra.level ?? "Cao đẳng",
    "Chính quy",
    "Khá",
    extra.grad ?? "20/06/2025",
    "123/QĐ-CĐCN",
  ].join(",");

describe("CSV import", () => {
  it("reads a file with a BOM, semicolons and CRLF, rows numbered as the spreadsheet shows them", async () => {
    const text = `\uFEFFDANH SÁCH TỐT NGHIỆP;;;\r\n\r\nSTT;${HEADER.replace("Mã ngành, nghề", "Mã ngành nghề").replace(/,/g, ";")};Ghi chú\r\n1;${row("Nguyễn Văn An", "001204012345").replace(/,/g, ";")};\r\n\r\n2;${row("Trần Thị Bình", "12345", { level: "" }).replace(/,/g, ";")};ghi chú\r\n`;
    const check = await checkCsv(text);
    expect(check.fileIssue).toBeNull();
    expect(check.headerRow).toBe(3);
    expect(check.rowCount).toBe(2);
    expect(check.valid.map((r) => r.row)).toEqual([4]);
    expect(check.valid[0]!.values).toMatchObject({
      fullName: "Nguyễn Văn An",
      personalId: "001204012345",
      dateOfBirth: "2004-03-15",
      levelCode: "cao_dang",
    });
    expect(issuesByRow(check)).toEqual({ 6: ["personalId:diplomas.validation.personalId"] });
    expect(check.columns.personalId).toEqual({ header: "Số định danh cá nhân", letter: "G" });
  });

  it("takes an optional e-mail column: stored lower-cased, empty is none, a bad address is a clear row error", async () => {
    const text = `${QUOTED_HEADER},Thư điện tử\n${row("Nguyễn Văn An", "001204012345")},An.Nguyen@Example.VN\n${row("Trần Thị Bình", "001204012346")},\n${row("Lê Văn Cường", "046203001234")},cuong@@example\n${row("Phạm Thị Dung", "046203001235")},"a@example.vn, b@example.vn"\n`;
    const check = await checkCsv(text);
    expect(check.fileIssue).toBeNull();
    expect(check.columns.email).toEqual({ header: "Thư điện tử", letter: "M" });
    expect(check.valid.map((r) => [r.row, r.values.email])).toEqual([
      [2, "an.nguyen@example.vn"],
      [3, null],
    ]);
    expect(issuesByRow(check)).toEqual({
      4: ["email:diplomas.validation.email"],
      5: ["email:diplomas.validation.email"],
    });
    // A file without the column is fine: nobody gets mail.
    const without = await checkCsv(`${QUOTED_HEADER}\n${row("Nguyễn Văn An", "001204012345")}\n`);
    expect(without.valid[0]!.values.email).toBeNull();
    // The aliases a registrar writes.
    for (const header of ["Email", "E-mail", "Địa chỉ email"]) {
      const aliased = await checkCsv(
        `${QUOTED_HEADER},${header}\n${row("Nguyễn Văn An", "001204012345")},an@example.vn\n`,
      );
      expect(aliased.valid[0]!.values.email).toBe("an@example.vn");
    }
  });

  it("matches header names without case or diacritics, and common aliases", async () => {
    const header =
      "ho ten,NGAY SINH,noi sinh,gioi tinh,dan toc,CCCD,ma nganh,hinh thuc,xep loai,ngay tot nghiep,so quyet dinh";
    const line = "Lê Văn Cường,02/09/2003,Huế,nam,Kinh,046203001234,6480201,chinh quy,gioi,2025-06-20,45/QĐ-CĐ";
    const check = await checkCsv(`${header}\n${line}\n`);
    expect(check.fileIssue).toBeNull();
    expect(check.valid).toHaveLength(1);
  });

  it("keeps a quoted cell with the separator or a line break in it as one cell and one row", async () => {
    const check = await checkCsv(
      `${QUOTED_HEADER}\n"Nguyễn Văn An",15/03/2004,"Hà Nội,\nViệt Nam",Nam,Kinh,001204012345,6480201,,Chính quy,Khá,20/06/2025,123/QĐ-CĐCN\n${row("Trần Bình", "1")}\n`,
    );
    expect(check.valid[0]!.values.placeOfBirth).toBe("Hà Nội, Việt Nam");
    expect(Object.keys(issuesByRow(check))).toEqual(["3"]);
  });

  it("refuses a file that is not UTF-8 rather than reading mojibake", async () => {
    const windows1258 = new Uint8Array([...utf8("Ho va ten,Ngay sinh\n"), 0x4e, 0x67, 0x75, 0x79, 0xea, 0x6e, 0x0a]);
    expect((await checkFile(windows1258, "lop.csv")).fileIssue?.code).toBe("file_encoding");
  });

  it("reports a missing header, missing or repeated columns, an empty file and a file of headers only", async () => {
    expect((await checkCsv("a,b,c\n1,2,3\n")).fileIssue?.code).toBe("no_header");
    const missing = await checkCsv("Họ và tên,Ngày sinh,Nơi sinh\nAn,01/01/2000,HN\n");
    expect(missing.fileIssue).toMatchObject({ code: "missing_columns", params: { row: 1 } });
    expect(missing.fileIssue?.params.columns).toContain("Số định danh cá nhân");
    expect(missing.fileIssue?.params.columns).not.toContain("Trình độ"); // optional
    expect((await checkCsv(`${QUOTED_HEADER},Họ tên\n`)).fileIssue).toMatchObject({
      code: "duplicate_column",
      params: { column: "Họ tên" },
    });
    expect((await checkCsv(`${QUOTED_HEADER}\n,,,\n`)).fileIssue?.code).toBe("no_rows");
    expect((await checkCsv("")).fileIssue?.code).toBe("file_empty");
    expect((await checkCsv(" \n \n")).fileIssue?.code).toBe("file_empty");
    expect((await checkCsv(`${QUOTED_HEADER}\n"unclosed,1\n`)).fileIssue?.code).toBe("file_syntax");
  });

  it("limits the number of rows", async () => {
    const lines = Array.from({ length: DRAFT_IMPORT_LIMITS.maxRows + 1 }, (_, i) =>
      row("Nguyễn Văn An", String(100000000000 + i)),
    );
    const check = await checkCsv(`${QUOTED_HEADER}\n${lines.join("\n")}\n`);
    expect(check.fileIssue).toMatchObject({ code: "too_many_rows", params: { max: 5000, count: 5001 } });
  });

  it("refuses every row of one graduate in one programme, each naming the others", async () => {
    const check = await checkCsv(
      [
        QUOTED_HEADER,
        row("Nguyễn Văn An", "001204012345"),
        row("Trần Bình", "001204099999"),
        row("Nguyễn Văn An", "001204012345"),
        row("Nguyễn Văn An", "001204012345", { programme: "6340302" }),
      ].join("\n"),
    );
    expect(check.valid.map((r) => r.row)).toEqual([3, 5]); // same person, another programme: fine
    expect(issuesByRow(check)).toEqual({
      2: ["personalId:diplomas.import.duplicateInFile"],
      4: ["personalId:diplomas.import.duplicateInFile"],
    });
    expect(check.invalid.map((r) => r.issues[0]!.params)).toEqual([{ rows: "4" }, { rows: "2" }]);
  });

  it("does not import the template's example row", async () => {
    const check = await checkFile(utf8(draftTemplateCsv()), "mau.csv");
    expect(check.fileIssue).toBeNull();
    expect(issuesByRow(check)).toEqual({ 2: ["row:diplomas.import.exampleRow"] });
  });

  it("sends the browser the invalid rows as typed, never a valid row's data, the personal ID masked unless it is wrong", async () => {
    const check = await checkCsv(
      [
        QUOTED_HEADER,
        row("Nguyễn Văn An", "001204012345"),
        row("Trần Bình", "001204099999", { programme: "6999999" }),
        row("Lê Chi", "12345"),
      ].join("\n"),
    );
    const report = importReport(check);
    const json = JSON.stringify(report);
    expect(json).not.toContain("001204012345");
    expect(json).not.toContain("Nguyễn Văn An");
    expect(report).toMatchObject({ rowCount: 3, validRowCount: 1, invalidRowCount: 2, moreInvalidRows: 0 });
    expect(report.invalidRows[0]!.typed).toMatchObject({
      fullName: "Trần Bình",
      personalId: "••••••••9999",
      programmeCode: "6999999",
    });
    expect(report.invalidRows[1]!.typed.personalId).toBe("12345");
  });
});

describe("XLSX import", () => {
  it("reads the fixture: title rows, date cells, serial numbers, number cells, blank rows, duplicates", async () => {
    const check = await checkFile(fixture("drafts.xlsx"), "lop K21.xlsx");
    expect(check.fileIssue).toBeNull();
    expect(check.headerRow).toBe(3);
    expect(check.rowCount).toBe(5);
    expect(check.valid.map((r) => r.row)).toEqual([4, 5]);
    expect(check.valid[0]!.values).toMatchObject({
      fullName: "Trần Thị Bình",
      dateOfBirth: "2004-03-15",
      gender: "nu",
      personalId: "001304012345",
      programmeCode: "6480201",
      honorificTitle: "kỹ sư thực hành",
      graduationDate: "2025-06-20",
    });
    expect(check.valid[1]!.values).toMatchObject({
      fullName: "H'Hen Niê",
      dateOfBirth: "2003-09-02",
      levelCode: "trung_cap",
      modeOfStudy: "vua_lam_vua_hoc",
      honorificTitle: null,
    });
    expect(issuesByRow(check)).toEqual({
      6: ["personalId:diplomas.validation.personalIdLeadingZero"],
      8: ["personalId:diplomas.import.duplicateInFile"],
      9: ["personalId:diplomas.import.duplicateInFile"],
    });
    expect(check.columns.fullName).toEqual({ header: "Họ và tên", letter: "B" });
    // Row 8 had its date of birth as a bare serial number: read as a date.
    expect(importReport(check).invalidRows.find((r) => r.row === 8)!.typed.dateOfBirth).toBe("37501");
  });

  it("reads the downloadable template workbook", async () => {
    const check = await checkFile(draftTemplateXlsx(), "mau.xlsx");
    expect(check.fileIssue).toBeNull();
    expect(issuesByRow(check)).toEqual({ 2: ["row:diplomas.import.exampleRow"] });
  });

  it("refuses garbage named .xlsx, a ZIP that is not a workbook, and password-protected (OLE) files", async () => {
    expect((await checkFile(utf8("this is not a spreadsheet"), "lop.xlsx")).fileIssue?.code).toBe("xlsx_unreadable");
    expect(
      (
        await checkFile(
          new Uint8Array([
            0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20,
          ]),
          "lop.xlsx",
        )
      ).fileIssue?.code,
    ).toBe("xlsx_unreadable");
    const notWorkbook = writeZip([["hello.txt", utf8("hello")]], { deflate: true });
    expect((await checkFile(notWorkbook, "lop.xlsx")).fileIssue).toMatchObject({
      code: "xlsx_unreadable",
      params: { reason: "not_workbook" },
    });
    const ole = new Uint8Array(4096);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect((await checkFile(ole, "lop.xlsx")).fileIssue?.code).toBe("xlsx_unreadable");
    // A workbook whose sheet points at a shared string that does not exist.
    const broken = rewriteSheet(writeSimpleXlsx([["Họ và tên"]]), (xml) => xml.replace("<v>0</v>", "<v>99</v>"));
    expect((await checkFile(broken, "lop.xlsx")).fileIssue).toMatchObject({
      code: "xlsx_unreadable",
      params: { reason: "corrupt" },
    });
  });

  it("refuses a ZIP bomb before it is inflated in full", async () => {
    const zeros = Buffer.alloc(60 * 1024 * 1024);
    const bomb = writeZip([["xl/worksheets/sheet1.xml", zeros]], { deflate: true });
    expect(bomb.length).toBeLessThan(200 * 1024);
    expect((await checkFile(bomb, "lop.xlsx")).fileIssue?.code).toBe("sheet_too_large");
    // The declared size is a claim: a tiny declared size does not let more through.
    const lying = Buffer.from(bomb);
    const central = lying.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    lying.writeUInt32LE(10, central + 24);
    expect((await checkFile(new Uint8Array(lying), "lop.xlsx")).fileIssue?.code).toMatch(
      /sheet_too_large|xlsx_unreadable/,
    );
  });

  it("refuses a sheet that claims a huge grid (the reader would allocate it all)", async () => {
    const claim = writeSimpleXlsx([["Họ và tên"]], { dimension: "A1:XFD1048576" });
    expect((await checkFile(claim, "lop.xlsx")).fileIssue?.code).toBe("sheet_too_large");
    const farCell = rewriteSheet(writeSimpleXlsx([["Họ và tên"]]), (xml) =>
      xml
        .replace(/<dimension[^>]*>/, "")
        .replace("</sheetData>", '<row r="900000"><c r="A900000"><v>1</v></c></row></sheetData>'),
    );
    expect((await checkFile(farCell, "lop.xlsx")).fileIssue?.code).toBe("sheet_too_large");
  });

  it("refuses other kinds of file, empty and oversized files", async () => {
    expect((await checkFile(utf8("x"), "lop.ods")).fileIssue?.code).toBe("file_type");
    expect((await checkFile(utf8("x"), "lop")).fileIssue?.code).toBe("file_type");
    expect((await checkFile(utf8("x"), "lop.xls")).fileIssue?.code).toBe("xls_legacy");
    expect((await checkFile(new Uint8Array(0), "lop.xlsx")).fileIssue?.code).toBe("file_empty");
    expect((await checkFile(new Uint8Array(DRAFT_IMPORT_LIMITS.maxBytes + 1), "lop.csv")).fileIssue).toMatchObject({
      code: "file_too_large",
      params: { maxMb: 5 },
    });
  });
});

describe("readDraftCsv", () => {
  it("gives rows as cells with spreadsheet positions (index + 1)", () => {
    const read = readDraftCsv(utf8("a;b\n\nc;d\n"));
    expect(read.ok && (read.sheet satisfies Sheet).rows).toEqual([["a", "b"], [""], ["c", "d"]]);
  });
});
