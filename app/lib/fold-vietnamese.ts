/**
 * Vietnamese text without its marks, one rule for the whole portal: the text is decomposed (NFD, so NFC and NFD
 * input give the same result), every combining mark (\p{M}: the tone marks and the hat, horn and breve) is
 * removed, and đ / Đ, which are letters of their own rather than marked d's, become d / D. Pure; the same on the
 * server and in the browser.
 *
 * Four functions, one per use, differing only in what they do after the marks are gone:
 * - stripDiacritics: case kept, recomposed to NFC, for text people read ("Hà Nội" → "Ha Noi" on the English side).
 * - foldVietnamese: the comparison key of names and skills: lower case, whitespace runs as one space, trimmed.
 * - foldVietnameseKey: foldVietnamese where "_" and "-" also separate words, for codes and labels typed in imported
 *   files ("CAO_DANG", "cao-dang" and "Cao Đẳng" are one level); other punctuation still counts.
 * - foldVietnameseWords: only a–z and 0–9 count, anything else separates words, for column headers and printed
 *   labels looked up in a table ("Mã ngành, nghề" → "ma nganh nghe").
 * The keys are compared, never shown or stored as text people read. (Searches in SQL fold with Postgres's
 * unaccent, see vb_fold in db/migrations/0006_jobs.sql.)
 */

function withoutMarks(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/g, "d").replace(/Đ/g, "D");
}

/** "Đặng Thị Huệ" → "Dang Thi Hue": Vietnamese letters without their marks, case kept, NFC. */
export function stripDiacritics(text: string): string {
  return withoutMarks(text).normalize("NFC");
}

/** "  Nguyễn   Văn AN " → "nguyen van an"; "Kế toán  máy" → "ke toan may": lower case, no marks, single spaces. */
export function foldVietnamese(text: string): string {
  return withoutMarks(text).toLowerCase().replace(/\s+/g, " ").trim();
}

/** "CAO_DANG", "cao-dang", "Cao Đẳng" → "cao dang": foldVietnamese, with "_" and "-" as spaces. */
export function foldVietnameseKey(text: string): string {
  return withoutMarks(text)
    .toLowerCase()
    .replace(/[\s_-]+/g, " ")
    .trim();
}

/** "Mã ngành, nghề" → "ma nganh nghe": foldVietnamese keeping only a–z and 0–9 (anything else separates words). */
export function foldVietnameseWords(text: string): string {
  return withoutMarks(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}
