import { foldVietnameseKey } from "~/lib/fold-vietnamese";

/** Training levels (trình độ đào tạo). Seeded by the app, editable by the ministry administrator. */
export const TRAINING_LEVELS = [
  { code: "so_cap", nameVi: "Sơ cấp", nameEn: "Elementary", codeDigit: null, rank: 1 },
  { code: "trung_hoc_nghe", nameVi: "Trung học nghề", nameEn: "Vocational upper secondary", codeDigit: null, rank: 2 },
  { code: "trung_cap", nameVi: "Trung cấp", nameEn: "Intermediate", codeDigit: "5", rank: 3 },
  { code: "cao_dang", nameVi: "Cao đẳng", nameEn: "College", codeDigit: "6", rank: 4 },
] as const;

/** What the programme rules need to know about a level (from the database: its names may have been edited). */
export interface LevelInfo {
  code: string;
  nameVi: string;
  nameEn: string;
  codeDigit: string | null;
}

/**
 * Finds the level a person meant: its code ("cao_dang"), its Vietnamese or English name in any case, with or
 * without diacritics ("Cao đẳng", "cao dang", "College"), or the first digit of its programme codes ("6").
 * The built-in names are matched too, so a file written before an administrator renamed a level still reads.
 */
export function matchLevel<L extends LevelInfo>(input: string, levels: readonly L[]): L | undefined {
  const wanted = foldVietnameseKey(input);
  if (!wanted) return undefined;
  const defaults = new Map<string, readonly string[]>(TRAINING_LEVELS.map((l) => [l.code, [l.nameVi, l.nameEn]]));
  return levels.find((level) => {
    const names = [level.code, level.nameVi, level.nameEn, ...(defaults.get(level.code) ?? [])];
    return (
      names.some((n) => foldVietnameseKey(n) === wanted) || (level.codeDigit !== null && level.codeDigit === wanted)
    );
  });
}

/** Maps a level name as printed in the domain CSVs ("cao đẳng") to its code. */
export function levelCodeFromName(name: string): string | undefined {
  return matchLevel(name, TRAINING_LEVELS as readonly LevelInfo[])?.code;
}
