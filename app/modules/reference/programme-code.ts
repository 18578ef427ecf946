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
