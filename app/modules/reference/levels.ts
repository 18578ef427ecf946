/** Training levels (trình độ đào tạo). Seeded by the app, editable by the ministry administrator. */
export const TRAINING_LEVELS = [
  { code: "so_cap", nameVi: "Sơ cấp", nameEn: "Elementary", codeDigit: null, rank: 1 },
  { code: "trung_hoc_nghe", nameVi: "Trung học nghề", nameEn: "Vocational upper secondary", codeDigit: null, rank: 2 },
  { code: "trung_cap", nameVi: "Trung cấp", nameEn: "Intermediate", codeDigit: "5", rank: 3 },
  { code: "cao_dang", nameVi: "Cao đẳng", nameEn: "College", codeDigit: "6", rank: 4 },
] as const;

/** Maps a level name as printed in the domain CSVs ("cao đẳng") to its code. */
export function levelCodeFromName(name: string): string | undefined {
  const n = name.trim().toLocaleLowerCase("vi");
  return TRAINING_LEVELS.find((l) => l.nameVi.toLocaleLowerCase("vi") === n || l.code === n)?.code;
}
