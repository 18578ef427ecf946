/**
 * The title a cao đẳng graduate bears (danh hiệu): "kỹ sư thực hành" in some fields, "cử nhân thực hành" in the
 * others. Which field gives which title is data (fields.cao_dang_title, editable by the ministry), never hard-coded.
 */
export interface ProgrammeForTitle {
  levelCode: string;
  /** Digits 2–3 of a 7-digit code; null for a legacy 8-digit code. */
  fieldCode: string | null;
}

/**
 * The title of the programme's cao đẳng graduates; null for every other level. Null too for a cao đẳng programme
 * whose field is unknown (a legacy 8-digit code): a title is never guessed.
 */
export function honorificTitleFor(
  programme: ProgrammeForTitle,
  caoDangTitles: ReadonlyMap<string, string>,
): string | null {
  if (programme.levelCode !== "cao_dang" || !programme.fieldCode) return null;
  return caoDangTitles.get(programme.fieldCode) ?? null;
}
