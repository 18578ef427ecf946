import type { LevelInfo } from "./levels";

/**
 * Programme codes (mã ngành, nghề) — TT 26/2020/TT-BLĐTBXH.
 * 7 digits: level (5 = trung cấp, 6 = cao đẳng), field (2, cấp II), group (2, cấp III), programme (2, cấp IV).
 * Older licences carry 8-digit codes: accepted and kept as legacy codes, with no hierarchy derived from them.
 */
export type ParsedProgrammeCode =
  | {
      ok: true;
      kind: "current";
      code: string;
      levelDigit: string;
      fieldCode: string;
      groupCode: string; // field + group, 4 digits
      programmeKey: string; // the 6 digits after the level
    }
  | { ok: true; kind: "legacy"; code: string }
  | { ok: false; reason: "not_digits" | "wrong_length" };

export function parseProgrammeCode(input: string): ParsedProgrammeCode {
  const code = input.trim();
  if (!/^\d+$/.test(code)) return { ok: false, reason: "not_digits" };
  if (code.length === 8) return { ok: true, kind: "legacy", code };
  if (code.length !== 7) return { ok: false, reason: "wrong_length" };
  return {
    ok: true,
    kind: "current",
    code,
    levelDigit: code.slice(0, 1),
    fieldCode: code.slice(1, 3),
    groupCode: code.slice(1, 5),
    programmeKey: code.slice(1, 7),
  };
}

/** What a programme's code and level resolve to once checked against the levels and fields in force. */
export interface ResolvedProgramme {
  code: string;
  levelCode: string;
  isLegacy: boolean;
  fieldCode: string | null;
  groupCode: string | null;
  programmeKey: string | null;
}

/** Why a code and a level do not make a programme. `column` says which input to blame. */
export type ProgrammeCodeIssue =
  | { code: "code_not_digits"; column: "code"; params: Record<string, never> }
  | { code: "code_length"; column: "code"; params: { length: number } }
  | { code: "code_digit_unknown"; column: "code"; params: { digit: string } }
  | { code: "unknown_field"; column: "code"; params: { fieldCode: string } }
  | {
      code: "level_mismatch";
      column: "level";
      params: { digit: string; codeLevelVi: string; codeLevelEn: string; levelVi: string; levelEn: string };
    };

/**
 * The rules a programme's code obeys (decisions, see docs/decisions/reference-data.md):
 *  - a 7-digit code starts with the code digit of its level (5 = trung cấp, 6 = cao đẳng); a level without a
 *    digit (sơ cấp, trung học nghề: TT 26/2020 lists no codes for them) cannot take a 7-digit code at all,
 *    so such a row is reported as a mismatch with the level its first digit names;
 *  - digits 2–3 name a field that exists; the group (digits 2–5) is created when missing;
 *  - an 8-digit legacy code is taken as it is, at any level, with no hierarchy derived from it.
 */
export function resolveProgramme(
  rawCode: string,
  level: LevelInfo,
  context: { levels: readonly LevelInfo[]; fieldCodes: ReadonlySet<string> },
): { ok: true; value: ResolvedProgramme } | { ok: false; issue: ProgrammeCodeIssue } {
  const parsed = parseProgrammeCode(rawCode);
  if (!parsed.ok) {
    return parsed.reason === "not_digits"
      ? { ok: false, issue: { code: "code_not_digits", column: "code", params: {} } }
      : { ok: false, issue: { code: "code_length", column: "code", params: { length: rawCode.trim().length } } };
  }
  if (parsed.kind === "legacy") {
    return {
      ok: true,
      value: {
        code: parsed.code,
        levelCode: level.code,
        isLegacy: true,
        fieldCode: null,
        groupCode: null,
        programmeKey: null,
      },
    };
  }
  const codeLevel = context.levels.find((l) => l.codeDigit === parsed.levelDigit);
  if (!codeLevel) {
    return { ok: false, issue: { code: "code_digit_unknown", column: "code", params: { digit: parsed.levelDigit } } };
  }
  if (codeLevel.code !== level.code) {
    return {
      ok: false,
      issue: {
        code: "level_mismatch",
        column: "level",
        params: {
          digit: parsed.levelDigit,
          codeLevelVi: codeLevel.nameVi,
          codeLevelEn: codeLevel.nameEn,
          levelVi: level.nameVi,
          levelEn: level.nameEn,
        },
      },
    };
  }
  if (!context.fieldCodes.has(parsed.fieldCode)) {
    return { ok: false, issue: { code: "unknown_field", column: "code", params: { fieldCode: parsed.fieldCode } } };
  }
  return {
    ok: true,
    value: {
      code: parsed.code,
      levelCode: level.code,
      isLegacy: false,
      fieldCode: parsed.fieldCode,
      groupCode: parsed.groupCode,
      programmeKey: parsed.programmeKey,
    },
  };
}
