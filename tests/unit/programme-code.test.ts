import { describe, expect, it } from "vitest";
import { TRAINING_LEVELS, levelCodeFromName, matchLevel, type LevelInfo } from "~/modules/reference/levels";
import { parseProgrammeCode, resolveProgramme } from "~/modules/reference/programme-code";

const levels: LevelInfo[] = TRAINING_LEVELS.map((l) => ({ ...l }));
const level = (code: string) => levels.find((l) => l.code === code)!;
const context = { levels, fieldCodes: new Set(["34", "48", "52"]) };

describe("parseProgrammeCode", () => {
  it("splits a 7-digit code into level, field, group and programme key", () => {
    expect(parseProgrammeCode("6480201")).toEqual({
      ok: true,
      kind: "current",
      code: "6480201",
      levelDigit: "6",
      fieldCode: "48",
      groupCode: "4802",
      programmeKey: "480201",
    });
  });

  it("accepts an 8-digit legacy code without deriving a hierarchy", () => {
    expect(parseProgrammeCode("40510106")).toEqual({ ok: true, kind: "legacy", code: "40510106" });
  });

  it("trims surrounding spaces", () => {
    expect(parseProgrammeCode(" 5340302 ")).toMatchObject({ ok: true, code: "5340302" });
  });

  it("rejects letters and wrong lengths", () => {
    expect(parseProgrammeCode("64802AB")).toEqual({ ok: false, reason: "not_digits" });
    expect(parseProgrammeCode("")).toEqual({ ok: false, reason: "not_digits" });
    expect(parseProgrammeCode("648020")).toEqual({ ok: false, reason: "wrong_length" });
    expect(parseProgrammeCode("648020112")).toEqual({ ok: false, reason: "wrong_length" });
  });
});

describe("resolveProgramme", () => {
  it("resolves a cao đẳng code at the cao đẳng level", () => {
    expect(resolveProgramme("6480201", level("cao_dang"), context)).toEqual({
      ok: true,
      value: {
        code: "6480201",
        levelCode: "cao_dang",
        isLegacy: false,
        fieldCode: "48",
        groupCode: "4802",
        programmeKey: "480201",
      },
    });
  });

  it("blames the level when the first digit names another level", () => {
    const result = resolveProgramme("5480202", level("cao_dang"), context);
    expect(result).toMatchObject({
      ok: false,
      issue: {
        code: "level_mismatch",
        column: "level",
        params: { digit: "5", codeLevelVi: "Trung cấp", levelVi: "Cao đẳng" },
      },
    });
  });

  it("gives a level without a code digit (sơ cấp) no 7-digit code", () => {
    expect(resolveProgramme("5480202", level("so_cap"), context)).toMatchObject({
      ok: false,
      issue: { code: "level_mismatch" },
    });
    expect(resolveProgramme("6480201", level("trung_hoc_nghe"), context)).toMatchObject({
      ok: false,
      issue: { code: "level_mismatch" },
    });
  });

  it("rejects a first digit that names no level", () => {
    expect(resolveProgramme("7480201", level("cao_dang"), context)).toMatchObject({
      ok: false,
      issue: { code: "code_digit_unknown", column: "code", params: { digit: "7" } },
    });
  });

  it("rejects a field that is not in the list", () => {
    expect(resolveProgramme("6990101", level("cao_dang"), context)).toMatchObject({
      ok: false,
      issue: { code: "unknown_field", params: { fieldCode: "99" } },
    });
  });

  it("takes a legacy code at any level", () => {
    expect(resolveProgramme("40510106", level("so_cap"), context)).toEqual({
      ok: true,
      value: {
        code: "40510106",
        levelCode: "so_cap",
        isLegacy: true,
        fieldCode: null,
        groupCode: null,
        programmeKey: null,
      },
    });
  });

  it("reports the length of a code that is too short", () => {
    expect(resolveProgramme("648020", level("cao_dang"), context)).toMatchObject({
      ok: false,
      issue: { code: "code_length", params: { length: 6 } },
    });
  });
});

describe("matchLevel", () => {
  it.each([
    ["cao đẳng", "cao_dang"],
    ["CAO ĐẲNG", "cao_dang"],
    ["Cao dang", "cao_dang"],
    ["cao_dang", "cao_dang"],
    ["College", "cao_dang"],
    ["6", "cao_dang"],
    ["Trung cấp", "trung_cap"],
    ["trung cap", "trung_cap"],
    ["SƠ CẤP", "so_cap"],
    ["Trung học nghề", "trung_hoc_nghe"],
  ])("reads %j as %s", (input, code) => {
    expect(matchLevel(input, levels)?.code).toBe(code);
  });

  it("reads decomposed (NFD) Vietnamese as typed on some systems", () => {
    expect(matchLevel("cao đẳng".normalize("NFD"), levels)?.code).toBe("cao_dang");
  });

  it("finds nothing for an unknown level or an empty cell", () => {
    expect(matchLevel("đại học", levels)).toBeUndefined();
    expect(matchLevel("  ", levels)).toBeUndefined();
    expect(matchLevel("7", levels)).toBeUndefined();
  });

  it("still reads the built-in name after an administrator renamed a level", () => {
    const renamed = levels.map((l) => (l.code === "cao_dang" ? { ...l, nameVi: "Cao đẳng (nghề)" } : l));
    expect(matchLevel("cao đẳng", renamed)?.code).toBe("cao_dang");
    expect(matchLevel("Cao đẳng (nghề)", renamed)?.code).toBe("cao_dang");
  });

  it("keeps levelCodeFromName working for the shipped CSVs", () => {
    expect(levelCodeFromName("cao đẳng")).toBe("cao_dang");
    expect(levelCodeFromName("trung cấp")).toBe("trung_cap");
  });
});
