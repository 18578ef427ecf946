import { describe, expect, it } from "vitest";
import { vietnamDate } from "~/lib/format-time";
import { excelSerialToIsoDate, parseDateCell } from "~/modules/reference/cell-values";
import { maskPersonalId, validateDraftRow, type DraftRowResult } from "~/modules/drafts/draft-row";
import { honorificTitleFor } from "~/modules/drafts/honorific-title";
import type { DraftRawRow } from "~/modules/drafts/schema";
import { draftContext, validRow } from "../support/draft-context";

const check = (changes: DraftRawRow) => validateDraftRow({ ...validRow, ...changes }, draftContext);
const issueOf = (result: DraftRowResult, field: string) =>
  result.ok ? undefined : result.issues[field as keyof typeof result.issues]?.message;
const valueOf = (result: DraftRowResult) => {
  if (!result.ok) throw new Error(`expected a valid row, got ${JSON.stringify(result.issues)}`);
  return result.value;
};

describe("validateDraftRow", () => {
  it("normalises a valid row and derives the level, programme name and title from the programme", () => {
    expect(valueOf(check({}))).toEqual({
      fullName: "Nguyễn Văn An",
      dateOfBirth: "2004-03-15",
      placeOfBirth: "Hà Nội",
      gender: "nam",
      ethnicity: "Kinh",
      personalId: "001204012345",
      programmeCode: "6480201",
      programmeName: "Công nghệ thông tin",
      levelCode: "cao_dang",
      modeOfStudy: "chinh_quy",
      classification: "kha",
      honorificTitle: "kỹ sư thực hành",
      graduationDate: "2025-06-20",
      graduationDecisionNumber: "123/QĐ-CĐCN",
      email: null,
    });
  });

  it("lists every problem of a row at once, format and rules together", () => {
    const result = check({ fullName: "A", programmeCode: "6999999", gender: "?", dateOfBirth: "01/01/2030" });
    expect(result.ok).toBe(false);
    expect(issueOf(result, "fullName")).toBe("diplomas.validation.fullNameLength");
    expect(issueOf(result, "programmeCode")).toBe("diplomas.validation.programmeUnknown");
    expect(issueOf(result, "gender")).toBe("diplomas.validation.gender");
    expect(issueOf(result, "dateOfBirth")).toBe("diplomas.validation.dateInFuture");
  });

  describe("full name", () => {
    it("is required, 2–120 characters", () => {
      expect(issueOf(check({ fullName: "" }), "fullName")).toBe("diplomas.validation.required");
      expect(issueOf(check({ fullName: "   " }), "fullName")).toBe("diplomas.validation.required");
      expect(issueOf(check({ fullName: undefined }), "fullName")).toBe("diplomas.validation.required");
      expect(issueOf(check({ fullName: "Â" }), "fullName")).toBe("diplomas.validation.fullNameLength");
      expect(issueOf(check({ fullName: "Ê".repeat(121) }), "fullName")).toBe("diplomas.validation.fullNameLength");
      expect(valueOf(check({ fullName: "Ê".repeat(120) })).fullName).toHaveLength(120);
      expect(valueOf(check({ fullName: "Lý" })).fullName).toBe("Lý");
    });

    it("is stored NFC, with spaces collapsed and typographic apostrophes made plain", () => {
      const decomposed = "Nguyễn Thị Ánh".normalize("NFD");
      expect(decomposed).not.toBe("Nguyễn Thị Ánh");
      expect(valueOf(check({ fullName: `  ${decomposed}  ` })).fullName).toBe("Nguyễn Thị Ánh");
      expect(valueOf(check({ fullName: "Trần \t Văn\nBình" })).fullName).toBe("Trần Văn Bình");
      expect(valueOf(check({ fullName: "K’Nhiêu" })).fullName).toBe("K'Nhiêu");
      expect(valueOf(check({ fullName: "H' Hen Niê" })).fullName).toBe("H' Hen Niê");
      expect(valueOf(check({ fullName: "Nguyễn-Hoàng Long" })).fullName).toBe("Nguyễn-Hoàng Long");
    });

    it("takes only letters of the Vietnamese alphabet, spaces, apostrophes and hyphens", () => {
      for (const name of [
        "Nguyễn Văn 3",
        "Müller Hans",
        "Peña Ana",
        "Иван Петров",
        "李小龍",
        "An <b>",
        "'Ann",
        "-An",
        "An.B",
      ]) {
        expect(issueOf(check({ fullName: name }), "fullName"), name).toBe("diplomas.validation.fullNameLetters");
      }
      for (const name of ["ĐẶNG THỊ NGỌC ÁNH", "Phạm Thị Hường", "Wang Jun", "Ksor Y Zăm", "Lực Hợp Ộc Ặc"])
        expect(check({ fullName: name }).ok, name).toBe(true);
    });

    it("accepts every vowel of the Vietnamese alphabet with every tone", () => {
      const vowels = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"];
      const tones = ["", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"];
      const letters = vowels.flatMap((v) => tones.map((t) => (v + t).normalize("NFC")));
      expect(new Set(letters).size).toBe(72);
      expect(valueOf(check({ fullName: `Đ${letters.join("")}` })).fullName).toBe(`Đ${letters.join("")}`);
      expect(valueOf(check({ fullName: `Đ${letters.join("").toUpperCase()}` })).fullName).toHaveLength(73);
    });
  });

  describe("dates", () => {
    it("accepts dd/mm/yyyy (also - and .), yyyy-mm-dd, Excel serials and Date cells", () => {
      expect(parseDateCell("15/03/2004")).toBe("2004-03-15");
      expect(parseDateCell("5/3/2004")).toBe("2004-03-05");
      expect(parseDateCell("15-03-2004")).toBe("2004-03-15");
      expect(parseDateCell("15.03.2004")).toBe("2004-03-15");
      expect(parseDateCell(" 2004-03-15 ")).toBe("2004-03-15");
      expect(parseDateCell(38061)).toBe("2004-03-15");
      expect(parseDateCell(38061.75)).toBe("2004-03-15"); // a time of day is dropped
      expect(parseDateCell(new Date(Date.UTC(2004, 2, 15)))).toBe("2004-03-15");
    });

    it("reads Excel serials with the 1900 leap-year bug", () => {
      expect(excelSerialToIsoDate(1)).toBe("1900-01-01");
      expect(excelSerialToIsoDate(59)).toBe("1900-02-28");
      expect(excelSerialToIsoDate(60)).toBeNull(); // 29 February 1900 never existed
      expect(excelSerialToIsoDate(61)).toBe("1900-03-01");
      expect(excelSerialToIsoDate(45828)).toBe("2025-06-20");
      expect(excelSerialToIsoDate(0)).toBeNull();
      expect(excelSerialToIsoDate(-5)).toBeNull();
      expect(excelSerialToIsoDate(Number.NaN)).toBeNull();
    });

    it("refuses dates that do not exist and other formats (never reads mm/dd)", () => {
      for (const value of [
        "31/02/2004",
        "29/02/2003",
        "00/01/2004",
        "15/13/2004",
        "03/15/2004",
        "2004/03/15",
        "15/03/04",
        "15 tháng 3 2004",
        "abc",
        "15/03/1899",
      ]) {
        expect(parseDateCell(value), value).toBeNull();
      }
      expect(parseDateCell("29/02/2004")).toBe("2004-02-29");
      expect(issueOf(check({ dateOfBirth: "31/02/2004" }), "dateOfBirth")).toBe("diplomas.validation.date");
      expect(issueOf(check({ graduationDate: "" }), "graduationDate")).toBe("diplomas.validation.required");
    });

    it("refuses dates in the future and a graduate younger than 14 at graduation", () => {
      expect(issueOf(check({ graduationDate: "02/05/2026" }), "graduationDate")).toBe(
        "diplomas.validation.dateInFuture",
      );
      expect(check({ graduationDate: "01/05/2026" }).ok).toBe(true); // today
      expect(issueOf(check({ dateOfBirth: "21/06/2011" }), "dateOfBirth")).toBe("diplomas.validation.tooYoung");
      expect(check({ dateOfBirth: "20/06/2011" }).ok).toBe(true); // 14 on the day
      expect(issueOf(check({ dateOfBirth: "01/01/2027", graduationDate: "20/06/2025" }), "dateOfBirth")).toBe(
        "diplomas.validation.dateInFuture",
      );
    });

    it("knows today's date in Vietnam (UTC+7)", () => {
      expect(vietnamDate(new Date("2026-04-30T16:59:59Z"))).toBe("2026-04-30");
      expect(vietnamDate(new Date("2026-04-30T17:00:00Z"))).toBe("2026-05-01");
    });
  });

  it("reads the gender in Vietnamese or English, any case, with or without diacritics", () => {
    for (const [typed, code] of [
      ["Nam", "nam"],
      ["NAM", "nam"],
      ["male", "nam"],
      ["Nữ", "nu"],
      ["NỮ", "nu"],
      ["nu", "nu"],
      ["Female", "nu"],
    ] as const) {
      expect(valueOf(check({ gender: typed })).gender, typed).toBe(code);
    }
    expect(issueOf(check({ gender: "khác" }), "gender")).toBe("diplomas.validation.gender");
    expect(issueOf(check({ gender: "" }), "gender")).toBe("diplomas.validation.required");
  });

  it("requires the ethnicity: no default is assumed", () => {
    expect(issueOf(check({ ethnicity: "" }), "ethnicity")).toBe("diplomas.validation.required");
    expect(valueOf(check({ ethnicity: "Ê Đê" })).ethnicity).toBe("Ê Đê");
    expect(issueOf(check({ ethnicity: "Kinh1" }), "ethnicity")).toBe("diplomas.validation.ethnicity");
  });

  describe("personal ID number", () => {
    it("is exactly 12 digits (spaces ignored), as text or as a number cell", () => {
      expect(valueOf(check({ personalId: "001 204 012 345" })).personalId).toBe("001204012345");
      expect(valueOf(check({ personalId: 123456789012 })).personalId).toBe("123456789012");
      for (const bad of ["00120401234a", "0012040123456", "1234", "001-204-012-345"]) {
        expect(issueOf(check({ personalId: bad }), "personalId"), bad).toBe("diplomas.validation.personalId");
      }
      expect(issueOf(check({ personalId: "" }), "personalId")).toBe("diplomas.validation.required");
    });

    it("says when a spreadsheet dropped the leading zero, rather than guessing it", () => {
      expect(issueOf(check({ personalId: 1204012345 * 10 + 1 }), "personalId")).toBe(
        "diplomas.validation.personalIdLeadingZero",
      );
      expect(issueOf(check({ personalId: "12040123451" }), "personalId")).toBe(
        "diplomas.validation.personalIdLeadingZero",
      );
    });

    it("is shown to staff masked", () => {
      expect(maskPersonalId("001204012345")).toBe("••••••••2345");
    });
  });

  describe("programme and level", () => {
    it("must exist in the programme list and be active; 7 digits or a legacy 8", () => {
      expect(issueOf(check({ programmeCode: "6999999" }), "programmeCode")).toBe(
        "diplomas.validation.programmeUnknown",
      );
      expect(issueOf(check({ programmeCode: "6520227" }), "programmeCode")).toBe(
        "diplomas.validation.programmeInactive",
      );
      expect(issueOf(check({ programmeCode: "648020" }), "programmeCode")).toBe("diplomas.validation.programmeCode");
      expect(issueOf(check({ programmeCode: "64802O1" }), "programmeCode")).toBe("diplomas.validation.programmeCode");
      expect(valueOf(check({ programmeCode: 6480201 })).programmeCode).toBe("6480201");
      expect(valueOf(check({ programmeCode: "50480201" })).levelCode).toBe("cao_dang");
    });

    it("takes the level from the programme; a level given must agree with it", () => {
      expect(valueOf(check({ programmeCode: "5340302" }))).toMatchObject({
        levelCode: "trung_cap",
        honorificTitle: null,
      });
      expect(check({ level: "Cao đẳng" }).ok).toBe(true);
      expect(check({ level: "CAO DANG" }).ok).toBe(true);
      expect(check({ level: "" }).ok).toBe(true);
      const mismatch = check({ level: "Trung cấp" });
      expect(issueOf(mismatch, "level")).toBe("diplomas.validation.levelMismatch");
      expect(mismatch.ok ? null : mismatch.issues.level?.params).toEqual({
        given: "Trung cấp",
        expected: "Cao đẳng",
        code: "6480201",
      });
      expect(issueOf(check({ level: "Đại học" }), "level")).toBe("diplomas.validation.levelUnknown");
    });
  });

  it("reads the mode of study by label, code or the common abbreviation", () => {
    for (const [typed, code] of [
      ["Chính quy", "chinh_quy"],
      ["chinh_quy", "chinh_quy"],
      ["Vừa làm vừa học", "vua_lam_vua_hoc"],
      ["VLVH", "vua_lam_vua_hoc"],
      ["từ xa", "tu_xa"],
    ] as const) {
      expect(valueOf(check({ modeOfStudy: typed })).modeOfStudy, typed).toBe(code);
    }
    expect(issueOf(check({ modeOfStudy: "Liên thông" }), "modeOfStudy")).toBe("diplomas.validation.modeOfStudy");
  });

  it("reads the classification ignoring case and diacritics", () => {
    for (const [typed, code] of [
      ["Xuất sắc", "xuat_sac"],
      ["GIỎI", "gioi"],
      ["kha", "kha"],
      ["Trung bình khá", "trung_binh_kha"],
      ["TRUNG BINH KHA", "trung_binh_kha"],
      ["trung_binh", "trung_binh"],
    ] as const) {
      expect(valueOf(check({ classification: typed })).classification, typed).toBe(code);
    }
    expect(issueOf(check({ classification: "Tốt" }), "classification")).toBe("diplomas.validation.classification");
    expect(issueOf(check({ classification: "Yếu" }), "classification")).toBe("diplomas.validation.classification");
  });

  it("checks the graduation decision number: 1–50 characters, a digit, no markup", () => {
    expect(valueOf(check({ graduationDecisionNumber: " 45/QĐ-CĐ " })).graduationDecisionNumber).toBe("45/QĐ-CĐ");
    expect(issueOf(check({ graduationDecisionNumber: `1/${"Q".repeat(49)}` }), "graduationDecisionNumber")).toBe(
      "diplomas.validation.decisionNumber",
    );
    expect(issueOf(check({ graduationDecisionNumber: "QĐ-CĐCN" }), "graduationDecisionNumber")).toBe(
      "diplomas.validation.decisionNumber",
    );
    expect(issueOf(check({ graduationDecisionNumber: "12<script>" }), "graduationDecisionNumber")).toBe(
      "diplomas.validation.decisionNumber",
    );
    expect(issueOf(check({ graduationDecisionNumber: "" }), "graduationDecisionNumber")).toBe(
      "diplomas.validation.required",
    );
  });
});

describe("honorificTitleFor", () => {
  const titles = new Map([
    ["48", "kỹ sư thực hành"],
    ["34", "cử nhân thực hành"],
  ]);
  it("gives a cao đẳng graduate the title of the programme's field", () => {
    expect(honorificTitleFor({ levelCode: "cao_dang", fieldCode: "48" }, titles)).toBe("kỹ sư thực hành");
    expect(honorificTitleFor({ levelCode: "cao_dang", fieldCode: "34" }, titles)).toBe("cử nhân thực hành");
  });
  it("gives no title at other levels, nor when the field is unknown (a legacy code)", () => {
    expect(honorificTitleFor({ levelCode: "trung_cap", fieldCode: "48" }, titles)).toBeNull();
    expect(honorificTitleFor({ levelCode: "so_cap", fieldCode: null }, titles)).toBeNull();
    expect(honorificTitleFor({ levelCode: "cao_dang", fieldCode: null }, titles)).toBeNull();
    expect(honorificTitleFor({ levelCode: "cao_dang", fieldCode: "99" }, titles)).toBeNull();
  });
  it("follows the data, not a hard-coded list", () => {
    expect(honorificTitleFor({ levelCode: "cao_dang", fieldCode: "34" }, new Map([["34", "kỹ sư thực hành"]]))).toBe(
      "kỹ sư thực hành",
    );
  });
});
