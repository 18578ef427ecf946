/**
 * Documents: the diploma view model, the diploma PDF and printable page, the register as CSV and PDF.
 * The PDFs are read back with poppler-utils (pdftotext, pdfinfo, pdftoppm; installed by scripts/test.sh), so the
 * tests check the text a reader would copy out of the file, not pdfkit's calls.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import jsQR from "jsqr";
import { PNG } from "pngjs";
import QRCode from "qrcode";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, describe, expect, it } from "vitest";
import { DiplomaCertificate, isPlainSvg } from "~/components/diploma-certificate";
import { renderDiplomaPdf } from "~/modules/documents/diploma-pdf.server";
import {
  buildDiplomaDocument,
  diplomaLines,
  type BuildDiplomaDocumentOptions,
  type DiplomaForDocument,
} from "~/modules/documents/diploma-view";
import { formatDateEn, formatDateVi, formatLongDateVi } from "~/modules/documents/format";
import { registerToCsv } from "~/modules/documents/register-csv";
import { renderRegisterPdf } from "~/modules/documents/register-pdf.server";
import { registerRemarks, registerRowFromDiploma, type RegisterRow } from "~/modules/documents/register-row";

const PERSONAL_ID = "001204012345";

const diploma: DiplomaForDocument = {
  status: "issued",
  fullName: "Nguyễn Thị Thủy Tiên",
  dateOfBirth: "2004-02-07",
  gender: "nu",
  programmeName: "Công nghệ kỹ thuật điện, điện tử",
  levelCode: "cao_dang",
  modeOfStudy: "chinh_quy",
  classification: "gioi",
  honorificTitle: "kỹ sư thực hành",
  graduationDate: "2026-05-20",
  serial: "CĐ-HN-000123",
  registerYear: 2026,
  registerNumber: 123,
  issueDate: "2026-06-15",
  issuePlace: "Hà Nội",
  signerName: "Trần Quốc Hưng",
  signerTitle: "Hiệu trưởng",
  signedAt: new Date("2026-06-15T03:00:00Z"),
  statusChangedAt: null,
};
const school = {
  name: "Trường Cao đẳng Kỹ thuật Công nghệ Bách Khoa Hà Nội",
  nameEn: "Hanoi Polytechnic College of Engineering and Technology",
  schoolType: "cao_dang" as const,
};
const verifyUrl = "https://vanbang.example.vn/xac-thuc/9f0c2a4e-1b7d-4c3e-8a51-2f6d0e9b7c11";

function build(overrides: Partial<DiplomaForDocument> = {}, options: Partial<BuildDiplomaDocumentOptions> = {}) {
  return buildDiplomaDocument({
    diploma: { ...diploma, ...overrides },
    school,
    verifyUrl,
    labels: { programmeNameEn: "Electrical and Electronic Engineering Technology" },
    ...options,
  });
}

// --- poppler-utils -------------------------------------------------------------------------------------------
const workDir = mkdtempSync(path.join(tmpdir(), "vanbang-documents-"));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));
let fileCount = 0;

function poppler(tool: "pdftotext" | "pdfinfo" | "pdftoppm", args: string[]): string {
  try {
    return execFileSync(tool, args, { encoding: "utf8" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      throw new Error(
        `${tool} is missing: install poppler-utils (apt-get install -y poppler-utils; scripts/test.sh does)`,
      );
    }
    throw error;
  }
}

function savePdf(pdf: Buffer): string {
  const file = path.join(workDir, `doc-${++fileCount}.pdf`);
  writeFileSync(file, pdf);
  return file;
}

/** The PDF's text, one string per page, whitespace collapsed. */
function pdfPages(pdf: Buffer): string[] {
  const text = poppler("pdftotext", ["-enc", "UTF-8", savePdf(pdf), "-"]);
  return text
    .split("\f")
    .slice(0, -1)
    .map((page) => page.normalize("NFC").replace(/\s+/g, " ").trim());
}

function pdfInfo(pdf: Buffer): Record<string, string> {
  const out = poppler("pdfinfo", ["-enc", "UTF-8", "-isodates", savePdf(pdf)]);
  return Object.fromEntries(
    out
      .split("\n")
      .filter(Boolean)
      .map((l) => [l.slice(0, l.indexOf(":")), l.slice(l.indexOf(":") + 1).trim()]),
  );
}

// --- the view model --------------------------------------------------------------------------------------------
describe("diploma view model", () => {
  it("titles each level from the table: diplomas for cao đẳng and trung cấp, a certificate for sơ cấp", () => {
    expect(build().title).toEqual({ vi: "BẰNG TỐT NGHIỆP CAO ĐẲNG", en: "THE DIPLOMA OF COLLEGE" });
    const trungCap = build({ levelCode: "trung_cap" });
    expect(trungCap.title).toEqual({ vi: "BẰNG TỐT NGHIỆP TRUNG CẤP", en: "THE DIPLOMA OF INTERMEDIATE" });
    expect(trungCap.kind).toBe("diploma");
    const soCap = build({ levelCode: "so_cap" });
    expect(soCap.kind).toBe("certificate");
    expect(soCap.title.vi).toBe("CHỨNG CHỈ SƠ CẤP");
    expect(soCap.numbers.labels.registerNumber.vi).toBe("Số vào sổ cấp chứng chỉ");
    expect(build().numbers.labels.registerNumber.vi).toBe("Số vào sổ cấp bằng");
    expect(() => build({ levelCode: "dai_hoc" })).toThrow(/dai_hoc/);
  });

  it("carries the national heading in both languages", () => {
    const doc = build();
    expect(doc.nation).toEqual({ vi: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", en: "SOCIALIST REPUBLIC OF VIETNAM" });
    expect(doc.motto).toEqual({ vi: "Độc lập - Tự do - Hạnh phúc", en: "Independence - Freedom - Happiness" });
    expect(doc.headTitle).toEqual({ vi: "HIỆU TRƯỞNG", en: "THE RECTOR OF" });
    expect(build({}, { school: { ...school, schoolType: "trung_tam_gdnn" } }).headTitle.vi).toBe("GIÁM ĐỐC");
  });

  it("gives a cao đẳng graduate the title of the field, and nobody else", () => {
    expect(build().honorificTitle).toEqual({ vi: "Kỹ sư thực hành", en: "Practical Engineer" });
    expect(build({ honorificTitle: "Cử nhân thực hành" }).honorificTitle).toEqual({
      vi: "Cử nhân thực hành",
      en: "Practical Bachelor",
    });
    expect(build({ levelCode: "trung_cap" }).honorificTitle).toBeNull();
    expect(build({ honorificTitle: null }).honorificTitle).toBeNull();
  });

  it("writes dates the Vietnamese administrative way", () => {
    expect(formatLongDateVi("2026-06-15")).toBe("ngày 15 tháng 6 năm 2026");
    expect(formatLongDateVi("2026-02-05")).toBe("ngày 05 tháng 02 năm 2026");
    expect(formatLongDateVi("2025-12-31")).toBe("ngày 31 tháng 12 năm 2025");
    expect(formatDateVi("1981-02-07")).toBe("07/02/1981");
    expect(formatDateEn("2026-06-15")).toBe("15 June 2026");
    expect(() => formatDateVi("2026-02-30")).toThrow();
    const doc = build();
    expect(doc.placeAndDate).toEqual({ vi: "Hà Nội, ngày 15 tháng 6 năm 2026", en: "Ha Noi, 15 June 2026" });
    expect(doc.holder.dateOfBirth).toEqual({ vi: "07/02/2004", en: "7 February 2004" });
  });

  it("labels classification, sex and the numbers", () => {
    const doc = build({ classification: "trung_binh_kha", gender: "nam" });
    expect(doc.classification).toEqual({ vi: "Trung bình khá", en: "Fairly good" });
    expect(doc.holder.gender).toEqual({ vi: "Nam", en: "Male" });
    expect(doc.numbers.serial).toBe("CĐ-HN-000123");
    expect(doc.numbers.registerNumber).toBe("123/2026");
    expect(doc.programme).toEqual({
      vi: "Công nghệ kỹ thuật điện, điện tử",
      en: "Electrical and Electronic Engineering Technology",
    });
    expect(build({}, { labels: {} }).programme.en).toBe("Công nghệ kỹ thuật điện, điện tử");
  });

  it("prints the mode of study only on diplomas dated before TT 24/2020 took it off, unless told otherwise", () => {
    expect(build().modeOfStudy).toBeNull();
    expect(build({ issueDate: "2021-06-30", modeOfStudy: "vua_lam_vua_hoc" }).modeOfStudy).toEqual({
      vi: "Vừa làm vừa học",
      en: "Part-time (work-study)",
    });
    expect(build({}, { printModeOfStudy: true }).modeOfStudy?.vi).toBe("Chính quy");
    expect(diplomaLines(build()).map((l) => l.key)).toEqual([
      "programme",
      "fullName",
      "gender",
      "dateOfBirth",
      "classification",
      "honorificTitle",
    ]);
    expect(diplomaLines(build({ issueDate: "2020-06-30" })).map((l) => l.key)).toContain("modeOfStudy");
  });

  it("translates the usual signer titles for the school's type", () => {
    expect(build().signer).toEqual({
      title: { vi: "Hiệu trưởng", en: "Rector" },
      name: "Trần Quốc Hưng",
      signatureNote: { vi: "(Đã ký số)", en: "(Digitally signed)" },
    });
    expect(build({ signerTitle: "Phó Hiệu trưởng" }).signer.title.en).toBe("Vice-Rector");
    expect(build({ signerTitle: "KT. Hiệu trưởng - Phó Hiệu trưởng" }).signer.title.en).toBe(
      "For the Rector, Vice-Rector",
    );
    expect(build({}, { school: { ...school, schoolType: "trung_cap" } }).signer.title.en).toBe("Principal");
    expect(build({ signerTitle: "Quyền Hiệu trưởng" }).signer.title.en).toBe("Quyen Hieu truong");
  });

  it("marks a diploma that is not valid, with the date in Vietnam's time zone", () => {
    expect(build().statusLine).toBeNull();
    const revoked = build({ status: "revoked", statusChangedAt: new Date("2026-06-30T18:00:00Z") });
    expect(revoked.statusLine).toEqual({ vi: "ĐÃ BỊ THU HỒI ngày 01/07/2026", en: "REVOKED on 1 July 2026" });
    expect(revoked.watermark).toEqual({ vi: "ĐÃ THU HỒI", en: "REVOKED" });
    const superseded = build(
      { status: "superseded", statusChangedAt: "2026-07-02T02:00:00.000Z" },
      { labels: { supersededBySerial: "CĐ-HN-000456" } },
    );
    expect(superseded.statusLine?.vi).toBe("ĐÃ ĐƯỢC THAY THẾ bằng văn bằng số hiệu CĐ-HN-000456");
    expect(superseded.statusLine?.en).toBe("SUPERSEDED by diploma No. CĐ-HN-000456");
  });

  it("leaves blanks on a draft, which has no numbers, date or signature yet", () => {
    const draft = build({
      status: "draft",
      serial: null,
      registerNumber: null,
      registerYear: null,
      issueDate: null,
      issuePlace: null,
      signerName: null,
      signerTitle: null,
      signedAt: null,
    });
    expect(draft.statusLine?.vi).toBe("BẢN NHÁP – CHƯA CÓ GIÁ TRỊ");
    expect(draft.numbers.serial).toBeNull();
    expect(draft.numbers.registerNumber).toBeNull();
    expect(draft.placeAndDate.vi).toContain("ngày …… tháng …… năm ……");
    expect(draft.signer).toEqual({ title: { vi: "Hiệu trưởng", en: "Rector" }, name: null, signatureNote: null });
    expect(draft.metadata.creationDate).toBe("2026-05-19T17:00:00.000Z"); // the graduation date, Vietnam midnight
  });

  it("never carries the personal ID number, even when handed the whole row, and survives JSON", () => {
    const wholeRow = {
      ...diploma,
      personalIdCiphertext: `enc:${PERSONAL_ID}`,
      personalIdHash: PERSONAL_ID,
      claimCodeHash: "x",
    };
    const doc = buildDiplomaDocument({ diploma: wholeRow, school, verifyUrl });
    const json = JSON.stringify(doc);
    expect(json).not.toContain(PERSONAL_ID);
    expect(JSON.parse(json)).toEqual(doc);
  });
});

// --- the diploma PDF -----------------------------------------------------------------------------------------
describe("diploma PDF", () => {
  const qrPng = () => QRCode.toBuffer(verifyUrl, { errorCorrectionLevel: "M", margin: 2, width: 400 });

  it("holds both texts with their Vietnamese letters intact, and the metadata", async () => {
    const pdf = await renderDiplomaPdf(build(), await qrPng());
    const pages = pdfPages(pdf);
    expect(pages).toHaveLength(1);
    const text = pages[0]!;
    for (const expected of [
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "SOCIALIST REPUBLIC OF VIETNAM",
      "BẰNG TỐT NGHIỆP CAO ĐẲNG",
      "THE DIPLOMA OF COLLEGE",
      "TRƯỜNG CAO ĐẲNG KỸ THUẬT",
      "Nguyễn Thị Thủy Tiên",
      "Ngành, nghề: Công nghệ kỹ thuật điện, điện tử",
      "Xếp loại tốt nghiệp: Giỏi",
      "Danh hiệu: Kỹ sư thực hành",
      "Title: Practical Engineer",
      "Hà Nội, ngày 15 tháng 6 năm 2026",
      "Ha Noi, 15 June 2026",
      "Số hiệu: CĐ-HN-000123",
      "Số vào sổ cấp bằng: 123/2026",
      "Quét mã để xác thực",
      "Scan to verify",
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).toContain(verifyUrl); // on one line: a URL broken at a hyphen would lose it when copied
    expect(text).not.toContain(PERSONAL_ID);
    const info = pdfInfo(pdf);
    expect(info["Title"]).toBe("Bằng tốt nghiệp cao đẳng – Nguyễn Thị Thủy Tiên – Số hiệu CĐ-HN-000123");
    expect(info["Author"]).toBe(school.name);
    expect(info["Page size"]).toMatch(/^841\.89 x 595\.28 pts \(A4\)/);
    expect(info["CreationDate"]).toBe("2026-06-14T17:00:00Z"); // the issue date, midnight in Vietnam
  });

  it("renders the same bytes twice", async () => {
    const png = await qrPng();
    const doc = build();
    expect((await renderDiplomaPdf(doc, png)).equals(await renderDiplomaPdf(doc, png))).toBe(true);
  });

  it("prints a QR code that a camera can read back as the verify URL", async () => {
    const file = savePdf(await renderDiplomaPdf(build(), await qrPng()));
    const prefix = path.join(workDir, `page-${++fileCount}`);
    poppler("pdftoppm", ["-r", "150", "-png", "-singlefile", file, prefix]);
    const png = PNG.sync.read(readFileSync(`${prefix}.png`));
    const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    expect(code?.data).toBe(verifyUrl);
  });

  it("stamps a revoked diploma in both languages", async () => {
    const doc = build({ status: "revoked", statusChangedAt: new Date("2026-07-01T03:00:00Z") });
    const text = pdfPages(await renderDiplomaPdf(doc, await qrPng()))[0]!;
    expect(text).toContain("ĐÃ BỊ THU HỒI ngày 01/07/2026");
    expect(text).toContain("REVOKED on 1 July 2026");
  });
});

// --- the printable page ----------------------------------------------------------------------------------------
describe("printable diploma page", () => {
  it("renders both halves as real text with their languages, and our QR SVG", async () => {
    const svg = await QRCode.toString(verifyUrl, { type: "svg", margin: 1 });
    const html = renderToStaticMarkup(createElement(DiplomaCertificate, { document: build(), qrSvg: svg }));
    expect(html).toContain('lang="vi"');
    expect(html).toContain('lang="en"');
    expect(html).toContain("BẰNG TỐT NGHIỆP CAO ĐẲNG</h2>");
    expect(html).toContain("THE DIPLOMA OF COLLEGE</h2>");
    expect(html).toContain("Hà Nội, ngày 15 tháng 6 năm 2026");
    expect(html).toContain(`href="${verifyUrl}"`);
    expect(html).toContain('role="img"');
    expect(html).toContain("<svg");
    expect(html).not.toContain(PERSONAL_ID);
  });

  it("refuses to insert markup that is not a bare SVG drawing", () => {
    expect(isPlainSvg('<svg xmlns="http://www.w3.org/2000/svg"><path d="M0 0h1v1H0z"/></svg>')).toBe(true);
    expect(isPlainSvg('<?xml version="1.0"?>\n<svg viewBox="0 0 1 1"><path d="M0 0"/></svg>\n')).toBe(true);
    for (const bad of [
      "<svg><script>alert(1)</script></svg>",
      '<svg onload="alert(1)"><path/></svg>',
      '<svg><a href="javascript:alert(1)"><path/></a></svg>',
      "<svg><foreignObject><div/></foreignObject></svg>",
      '<img src=x onerror="alert(1)">',
      "<svg></svg><script>alert(1)</script>",
    ]) {
      expect(isPlainSvg(bad), bad).toBe(false);
    }
    const html = renderToStaticMarkup(
      createElement(DiplomaCertificate, { document: build(), qrSvg: '<svg onload="alert(1)"></svg>' }),
    );
    expect(html).not.toContain("onload");
    expect(html).toContain(verifyUrl); // the link still lets a reader verify
  });
});

// --- the register ------------------------------------------------------------------------------------------------
const row = (no: number, overrides: Partial<RegisterRow> = {}): RegisterRow => ({
  no,
  fullName: "Nguyễn Văn An",
  dateOfBirth: "2004-02-07",
  placeOfBirth: "Hà Nội",
  gender: "nam",
  ethnicity: "Kinh",
  programmeName: "Công nghệ thông tin",
  classification: "kha",
  modeOfStudy: "chinh_quy",
  serial: `CĐ-HN-${String(no).padStart(6, "0")}`,
  registerNumber: `${no}/2026`,
  issueDate: "2026-06-15",
  remarks: "",
  ...overrides,
});

describe("register rows", () => {
  it("are made from signed diplomas only", () => {
    const full = { ...diploma, placeOfBirth: "Thành phố Hồ Chí Minh", ethnicity: "Tày" };
    expect(registerRowFromDiploma(full, { no: 1 })).toMatchObject({
      no: 1,
      registerNumber: "123/2026",
      serial: "CĐ-HN-000123",
      remarks: "",
    });
    expect(() => registerRowFromDiploma({ ...full, serial: null }, { no: 1 })).toThrow(/draft/);
  });

  it("say in the remarks what happened since", () => {
    expect(registerRemarks({ status: "issued" })).toBe("");
    expect(
      registerRemarks({
        status: "revoked",
        statusReason: "Gian lận hồ sơ",
        statusChangedAt: new Date("2026-06-30T18:00:00Z"),
      }),
    ).toBe("Thu hồi ngày 01/07/2026: Gian lận hồ sơ");
    expect(
      registerRemarks({ status: "superseded", supersededBySerial: "CĐ-2", statusChangedAt: "2026-07-02T02:00:00Z" }),
    ).toBe("Được thay thế bởi văn bằng số hiệu CĐ-2 ngày 02/07/2026");
    expect(registerRemarks({ status: "issued", supersedesSerial: "CĐ-1" })).toBe("Cấp thay thế văn bằng số hiệu CĐ-1");
    expect(registerRemarks({ status: "issued", supersedesSerial: "CĐ-1", replacementReason: " Sai ngày sinh " })).toBe(
      "Cấp thay thế văn bằng số hiệu CĐ-1 (lý do: Sai ngày sinh)",
    );
  });
});

describe("register CSV", () => {
  it("starts with a BOM and a Vietnamese header, ends lines with CRLF, and has no signature column", () => {
    const csv = registerToCsv([row(1)]);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const lines = csv.slice(1).split("\r\n");
    expect(lines).toHaveLength(3); // header, one row, the empty string after the final CRLF
    expect(lines[2]).toBe("");
    expect(csv.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    expect(lines[0]).toBe(
      'STT,Họ và tên,Ngày sinh,Nơi sinh,Giới tính,Dân tộc,"Ngành, nghề đào tạo",Xếp loại tốt nghiệp,Hình thức đào tạo,Số hiệu văn bằng,Số vào sổ cấp văn bằng,Ngày cấp,Ghi chú',
    );
    expect(lines[1]).toBe(
      "1,Nguyễn Văn An,07/02/2004,Hà Nội,Nam,Kinh,Công nghệ thông tin,Khá,Chính quy,CĐ-HN-000001,1/2026,15/06/2026,",
    );
    expect(Buffer.from(csv, "utf8").subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it("quotes quotes, commas and line breaks so that a CSV reader gets the values back", () => {
    const tricky = row(2, {
      fullName: 'Trần "Bé" Thị Ánh',
      placeOfBirth: "Huế, Thừa Thiên Huế",
      remarks: "Dòng một\r\nDòng hai\nDòng ba",
    });
    const csv = registerToCsv([tricky]);
    expect(csv).toContain('"Trần ""Bé"" Thị Ánh"');
    expect(csv).toContain('"Huế, Thừa Thiên Huế"');
    const records = parse(csv, { bom: true, columns: true }) as Record<string, string>[];
    expect(records).toHaveLength(1);
    expect(records[0]!["Họ và tên"]).toBe('Trần "Bé" Thị Ánh');
    expect(records[0]!["Nơi sinh"]).toBe("Huế, Thừa Thiên Huế");
    expect(records[0]!["Ghi chú"]).toBe("Dòng một\r\nDòng hai\nDòng ba");
  });

  it("neutralises cells a spreadsheet would run as formulas", () => {
    const rows = [
      row(1, { fullName: '=HYPERLINK("http://evil.example","Bấm")' }),
      row(2, { placeOfBirth: "+84 Hà Nội" }),
      row(3, { ethnicity: "-1+1" }),
      row(4, { programmeName: "@SUM(A1:A9)" }),
      row(5, { remarks: "\t=1+1" }),
      row(6, { remarks: "\r=1+1" }),
    ];
    const records = parse(registerToCsv(rows), { bom: true, columns: true }) as Record<string, string>[];
    expect(
      records.map((r) => [r["Họ và tên"]!, r["Nơi sinh"]!, r["Dân tộc"]!, r["Ngành, nghề đào tạo"]!, r["Ghi chú"]!]),
    ).toEqual([
      ['\'=HYPERLINK("http://evil.example","Bấm")', "Hà Nội", "Kinh", "Công nghệ thông tin", ""],
      ["Nguyễn Văn An", "'+84 Hà Nội", "Kinh", "Công nghệ thông tin", ""],
      ["Nguyễn Văn An", "Hà Nội", "'-1+1", "Công nghệ thông tin", ""],
      ["Nguyễn Văn An", "Hà Nội", "Kinh", "'@SUM(A1:A9)", ""],
      ["Nguyễn Văn An", "Hà Nội", "Kinh", "Công nghệ thông tin", "'\t=1+1"],
      ["Nguyễn Văn An", "Hà Nội", "Kinh", "Công nghệ thông tin", "'\r=1+1"],
    ]);
    // A serial with a hyphen inside, or a negative-looking value later in a cell, is left alone.
    expect(registerToCsv([row(7)])).toContain(",CĐ-HN-000007,");
  });

  it("keeps Vietnamese letters as composed characters", () => {
    const decomposed = "Nguyễn Thị Thủy Tiên".normalize("NFD");
    const csv = registerToCsv([row(1, { fullName: decomposed })]);
    expect(csv).toContain("Nguyễn Thị Thủy Tiên".normalize("NFC"));
    expect(Buffer.from(csv, "utf8").toString("utf8")).toBe(csv);
  });
});

describe("register PDF", () => {
  const generatedAt = new Date("2026-06-20T07:05:00Z");
  const title = "SỔ GỐC CẤP VĂN BẰNG TỐT NGHIỆP – NĂM 2026";

  it("puts 120 rows on 6 numbered pages, each with the school, the title and the column headers", async () => {
    const rows = Array.from({ length: 120 }, (_, i) =>
      row(i + 1, { fullName: i % 2 ? "Trần Thị Bích Ngọc" : "Lê Hoàng Phúc" }),
    );
    const pdf = await renderRegisterPdf({ name: school.name }, rows, { title, generatedAt });
    expect(pdfInfo(pdf)["Pages"]).toBe("6");
    const pages = pdfPages(pdf);
    expect(pages).toHaveLength(6);
    pages.forEach((page, i) => {
      expect(page).toContain(`Trang ${i + 1}/6`);
      expect(page).toContain("TRƯỜNG CAO ĐẲNG KỸ THUẬT CÔNG NGHỆ BÁCH KHOA HÀ NỘI");
      expect(page).toContain(title);
      expect(page).toContain("Lập lúc 14:05 ngày 20/06/2026");
      for (const header of ["STT", "Họ và tên", "Ngày sinh", "Nơi sinh", "Dân tộc", "Ghi chú", "Người nhận ký"])
        expect(page).toContain(header);
    });
    const all = pages.join(" ");
    for (let no = 1; no <= 120; no++) expect(all.split(`CĐ-HN-${String(no).padStart(6, "0")}`)).toHaveLength(2);
    expect(all).toContain("Trần Thị Bích Ngọc");
    const info = pdfInfo(pdf);
    expect(info["Author"]).toBe(school.name);
    expect(info["Page size"]).toMatch(/^841\.89 x 595\.28 pts/);
    expect(info["CreationDate"]).toBe("2026-06-20T07:05:00Z");
  });

  it("grows a row to hold long remarks and never splits it, and renders an empty register", async () => {
    const rows = Array.from({ length: 20 }, (_, i) => row(i + 1));
    const render = (r: RegisterRow[]) => renderRegisterPdf({ name: school.name }, r, { title, generatedAt });
    expect(pdfPages(await render(rows))).toHaveLength(1); // 20 one-line rows fill one page
    const long = `Thu hồi ngày 01/07/2026: ${"lý do thu hồi rất dài ".repeat(12).trim()}`;
    const withLong = rows.map((r) => (r.no === 20 ? { ...r, remarks: long } : r));
    const pages = pdfPages(await render(withLong));
    expect(pages).toHaveLength(2);
    expect(pages[0]).not.toContain("CĐ-HN-000020");
    expect(pages[1]).toContain("CĐ-HN-000020");
    expect(pages[1]).toContain("Thu hồi ngày 01/07/2026");
    const empty = pdfPages(await renderRegisterPdf({ name: school.name }, [], { title, generatedAt }));
    expect(empty).toHaveLength(1);
    expect(empty[0]).toContain("Chưa có văn bằng nào trong sổ.");
    expect(empty[0]).toContain("Trang 1/1");
  });
});
