import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isMessageKey, translate } from "~/lib/i18n";
import { TRAINING_LEVELS, type LevelInfo } from "~/modules/reference/levels";
import { readProgrammeCsv } from "~/modules/reference/programme-csv";
import {
  PROGRAMME_CSV_LIMITS,
  csvIssueMessageKey,
  type ProgrammeCsvIssueCode,
} from "~/modules/reference/programme-csv-format";

const levels: LevelInfo[] = TRAINING_LEVELS.map((l) => ({ ...l }));
const context = { levels, fieldCodes: ["22", "34", "48", "52", "81"] };
const read = (text: string | Uint8Array) => readProgrammeCsv(text, context);
const fixture = (name: string) => new Uint8Array(readFileSync(path.resolve(__dirname, "../fixtures", name)));

/** The issues as [row, column, code] triples, in order. */
const triples = (text: string | Uint8Array) => read(text).issues.map((i) => [i.row, i.column, i.code]);

describe("readProgrammeCsv: valid files", () => {
  it("reads rows with their hierarchy", () => {
    const report = read(
      "code,name_vi,level\n6480201,Công nghệ thông tin,cao đẳng\n5340302,Kế toán doanh nghiệp,trung cấp\n",
    );
    expect(report.ok).toBe(true);
    expect(report.issues).toEqual([]);
    expect(report.rowCount).toBe(2);
    expect(report.rows).toEqual([
      {
        row: 2,
        code: "6480201",
        nameVi: "Công nghệ thông tin",
        nameEn: undefined,
        source: undefined,
        levelCode: "cao_dang",
        isLegacy: false,
        fieldCode: "48",
        groupCode: "4802",
        programmeKey: "480201",
      },
      expect.objectContaining({ row: 3, code: "5340302", levelCode: "trung_cap", groupCode: "3403" }),
    ]);
  });

  it("handles a UTF-8 BOM, CRLF line ends and quoted cells holding commas", () => {
    const text = '\uFEFFcode,name_vi,level,name_en\r\n6340202,"Tài chính, ngân hàng",Cao Đẳng,"Finance, banking"\r\n';
    const report = read(new TextEncoder().encode(text));
    expect(report.ok).toBe(true);
    expect(report.rows[0]).toMatchObject({
      code: "6340202",
      nameVi: "Tài chính, ngân hàng",
      nameEn: "Finance, banking",
      levelCode: "cao_dang",
    });
  });

  it("reads the valid fixture (BOM, CRLF, legacy code, every spelling of a level)", () => {
    const report = read(fixture("programmes-import-valid.csv"));
    expect(report.issues).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.rows.map((r) => [r.code, r.levelCode])).toEqual([
      ["6480201", "cao_dang"],
      ["5480202", "trung_cap"],
      ["6480203", "cao_dang"],
      ["6340202", "cao_dang"],
      ["6520301", "cao_dang"],
      ["40510106", "so_cap"],
      ["5810205", "trung_cap"],
    ]);
    expect(report.rows.find((r) => r.code === "40510106")).toMatchObject({ isLegacy: true, fieldCode: null });
    expect(report.rows.find((r) => r.code === "5480202")).toMatchObject({ nameEn: null, source: "sourced" });
  });

  it("reads semicolon-separated files as Excel writes them in Vietnamese locales", () => {
    const report = read("code;name_vi;level\n6480201;Công nghệ thông tin, ứng dụng;cao đẳng\n");
    expect(report.delimiter).toBe(";");
    expect(report.ok).toBe(true);
    expect(report.rows[0]?.nameVi).toBe("Công nghệ thông tin, ứng dụng");
  });

  it("reads UTF-16 files with a BOM (Excel's “Unicode text”, tab-separated)", () => {
    const text = "code\tname_vi\tlevel\r\n6480201\tCông nghệ thông tin\tcao đẳng\r\n";
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      bytes[2 + i * 2] = text.charCodeAt(i) & 0xff;
      bytes[3 + i * 2] = text.charCodeAt(i) >> 8;
    }
    const report = read(bytes);
    expect(report.ok).toBe(true);
    expect(report.rows[0]?.nameVi).toBe("Công nghệ thông tin");
  });

  it("accepts header names in any case and order, ignores unknown columns, cleans names", () => {
    const clean = read('Level, Name_VI ,ghi chú,CODE\ncao đẳng,"  Công   nghệ\nthông tin ",x,6480201\n');
    expect(clean.ok).toBe(true);
    expect(clean.rows[0]?.nameVi).toBe("Công nghệ thông tin");
  });

  it("stores names in NFC even when the file is decomposed", () => {
    const report = read(`code,name_vi,level\n6480201,${"Công nghệ".normalize("NFD")},cao đẳng\n`);
    expect(report.rows[0]?.nameVi).toBe("Công nghệ".normalize("NFC"));
  });

  it("skips blank rows but keeps counting them, as a spreadsheet does", () => {
    const report = read("code,name_vi,level\n\n6480201,Công nghệ thông tin,cao đẳng\n,,\n6480299,,cao đẳng\n");
    expect(report.rowCount).toBe(2);
    expect(report.issues).toEqual([{ row: 5, column: "name_vi", code: "required", params: {}, value: "" }]);
  });
});

describe("readProgrammeCsv: row errors", () => {
  it("reports every error of the invalid fixture with its spreadsheet row number", () => {
    const report = read(fixture("programmes-import-invalid.csv"));
    expect(report.ok).toBe(false);
    expect(report.rowCount).toBe(11);
    expect(report.invalidRowCount).toBe(10);
    expect(report.issues.map((i) => [i.row, i.column, i.code])).toEqual([
      [3, "code", "code_length"],
      [4, "code", "code_not_digits"],
      [5, "level", "level_mismatch"],
      [6, "code", "unknown_field"],
      [7, "code", "duplicate_code"],
      [8, "name_vi", "required"],
      [9, "level", "unknown_level"],
      [10, null, "extra_cells"],
      [10, "level", "unknown_level"],
      [11, "code", "code_digit_unknown"],
      [12, "level", "level_mismatch"],
    ]);
    expect(report.issues.find((i) => i.code === "duplicate_code")?.params).toEqual({ firstRow: 2 });
    // What the user typed comes back with the report.
    expect(report.invalidRows[9]).toEqual({ code: "6340117", name_vi: "Tiếp thị số", level: "đại học" });
    expect(report.invalidRows[2]).toBeUndefined();
    // The one valid row is still listed, but the report as a whole is not ok: nothing may be imported.
    expect(report.rows.map((r) => r.code)).toEqual(["6480201"]);
  });

  it("reports a missing code and a missing level", () => {
    expect(triples("code,name_vi,level\n,Công nghệ thông tin,cao đẳng\n6480201,Công nghệ thông tin,\n")).toEqual([
      [2, "code", "required"],
      [3, "level", "required"],
    ]);
  });

  it("still checks the code's shape when the level is unknown", () => {
    expect(triples("code,name_vi,level\n64802,Công nghệ thông tin,đại học\n")).toEqual([
      [2, "level", "unknown_level"],
      [2, "code", "code_length"],
    ]);
  });

  it("reports names that are too long", () => {
    const long = "a".repeat(PROGRAMME_CSV_LIMITS.maxNameLength + 1);
    const report = read(`code,name_vi,level,name_en\n6480201,${long},cao đẳng,${long}\n`);
    expect(report.issues.map((i) => [i.column, i.code, i.params.max])).toEqual([
      ["name_vi", "too_long", 255],
      ["name_en", "too_long", 255],
    ]);
    expect(report.issues[0]?.value?.length).toBeLessThanOrEqual(101);
  });

  it("ignores trailing empty cells on a valid row but explains them on an invalid one", () => {
    expect(triples("code,name_vi,level\n6480201,Công nghệ thông tin,cao đẳng,,\n")).toEqual([]);
    expect(triples("code,name_vi,level\n6480201,Công nghệ thông tin,cao đẳng,x\n")).toEqual([[2, null, "extra_cells"]]);
  });

  it("reports an unknown source", () => {
    expect(triples("code,name_vi,level,source\n6480201,Công nghệ thông tin,cao đẳng,wikipedia\n")).toEqual([
      [2, "source", "unknown_source"],
    ]);
  });

  it("reports duplicate codes against the first row that used them", () => {
    const report = read(
      "code,name_vi,level\n6480201,A,cao đẳng\n5340302,B,trung cấp\n6480201,C,cao đẳng\n6480201,D,cao đẳng\n",
    );
    expect(report.issues.map((i) => [i.row, i.code, i.params.firstRow])).toEqual([
      [4, "duplicate_code", 2],
      [5, "duplicate_code", 2],
    ]);
  });

  it("reports a 7-digit code whose first digit disagrees with the level", () => {
    const report = read("code,name_vi,level\n6340302,Kế toán doanh nghiệp,trung cấp\n");
    expect(report.issues).toEqual([
      {
        row: 2,
        column: "level",
        code: "level_mismatch",
        params: {
          digit: "6",
          codeLevelVi: "Cao đẳng",
          codeLevelEn: "College",
          levelVi: "Trung cấp",
          levelEn: "Intermediate",
        },
        value: "trung cấp",
      },
    ]);
    expect(translate("vi", csvIssueMessageKey("level_mismatch"), report.issues[0]!.params)).toBe(
      "Mã bắt đầu bằng 6 là trình độ Cao đẳng, nhưng cột trình độ ghi Trung cấp.",
    );
  });

  it("reports a field code that is not in the fields table", () => {
    const report = read("code,name_vi,level\n6990101,Lạ,cao đẳng\n");
    expect(report.issues).toMatchObject([
      { row: 2, column: "code", code: "unknown_field", params: { fieldCode: "99" } },
    ]);
  });

  it("counts a quoted multi-line cell as one spreadsheet row", () => {
    expect(triples('code,name_vi,level\n6480201,"Công nghệ\nthông tin",cao đẳng\n64802,X,cao đẳng\n')).toEqual([
      [3, "code", "code_length"],
    ]);
  });
});

describe("readProgrammeCsv: file errors", () => {
  it("reports missing header columns", () => {
    const report = read("ma,ten,level\n6480201,Công nghệ thông tin,cao đẳng\n");
    expect(report.ok).toBe(false);
    expect(report.issues).toEqual([
      {
        row: null,
        column: null,
        code: "missing_columns",
        params: { columns: "code, name_vi", expected: "code, name_vi, level" },
      },
    ]);
    expect(translate("vi", "reference.csv.missing_columns", report.issues[0]!.params)).toBe(
      "Dòng tiêu đề thiếu cột: code, name_vi. Các cột bắt buộc: code, name_vi, level.",
    );
  });

  it("reports a header-only file, an empty file and a duplicated column", () => {
    expect(triples("code,name_vi,level\n")).toEqual([[null, null, "no_rows"]]);
    expect(triples("")).toEqual([[null, null, "file_empty"]]);
    expect(triples("  \n \n")).toEqual([[null, null, "file_empty"]]);
    expect(triples("code,name_vi,level,code\n1,2,3,4\n")).toEqual([[null, null, "duplicate_column"]]);
  });

  it("refuses a file that is not UTF-8 rather than garbling Vietnamese", () => {
    // "Công" in Windows-1258: the ô is 0xF4, invalid on its own in UTF-8.
    const bytes = new Uint8Array([
      ...new TextEncoder().encode("code,name_vi,level\n6480201,C"),
      0xf4,
      ...new TextEncoder().encode("ng,cao dang\n"),
    ]);
    expect(triples(bytes)).toEqual([[null, null, "file_encoding"]]);
  });

  it("reports an unclosed quotation mark with its line", () => {
    const report = read('code,name_vi,level\n6480201,"Công nghệ thông tin,cao đẳng\n');
    expect(report.issues).toMatchObject([{ row: null, code: "file_syntax" }]);
  });

  it("refuses more rows than the limit", () => {
    const rows = Array.from({ length: PROGRAMME_CSV_LIMITS.maxRows + 1 }, (_, i) => `6480201,Tên ${i},cao đẳng`);
    const report = read(`code,name_vi,level\n${rows.join("\n")}\n`);
    expect(report.issues).toEqual([
      {
        row: null,
        column: null,
        code: "too_many_rows",
        params: { max: PROGRAMME_CSV_LIMITS.maxRows, count: PROGRAMME_CSV_LIMITS.maxRows + 1 },
      },
    ]);
  });

  it("refuses a file larger than the limit", () => {
    const report = read(new Uint8Array(PROGRAMME_CSV_LIMITS.maxBytes + 1));
    expect(report.issues).toMatchObject([{ code: "file_too_large", params: { maxMb: 5 } }]);
  });

  it("lists at most maxIssues issues and counts the rest", () => {
    const rows = Array.from({ length: 600 }, (_, i) => `x${i},,`);
    const report = read(`code,name_vi,level\n${rows.join("\n")}\n`);
    expect(report.issues).toHaveLength(PROGRAMME_CSV_LIMITS.maxIssues);
    expect(report.moreIssues).toBe(600 * 3 - PROGRAMME_CSV_LIMITS.maxIssues);
    expect(report.invalidRowCount).toBe(600);
  });
});

describe("issue messages", () => {
  const codes: ProgrammeCsvIssueCode[] = [
    "file_empty",
    "file_too_large",
    "file_encoding",
    "file_syntax",
    "too_many_rows",
    "no_rows",
    "missing_columns",
    "duplicate_column",
    "required",
    "too_long",
    "extra_cells",
    "unknown_level",
    "unknown_source",
    "duplicate_code",
    "code_not_digits",
    "code_length",
    "code_digit_unknown",
    "unknown_field",
    "level_mismatch",
  ];
  it.each(codes)("%s has a Vietnamese and an English message", (code) => {
    const key = csvIssueMessageKey(code);
    expect(isMessageKey(key)).toBe(true);
    expect(translate("vi", key)).not.toBe(translate("en", key));
  });
});
