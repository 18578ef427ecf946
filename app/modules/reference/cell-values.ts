import { foldVietnameseKey } from "~/lib/fold-vietnamese";

/**
 * Reading one value of a graduate's row, as a form field, a CSV cell or an XLSX cell gives it. Pure: shared by
 * the Zod schema of the draft form and the file import, and unit-tested alone.
 */

/** A cell as the readers hand it over: text (forms, CSV, XLSX text cells), a number, a date (XLSX), or nothing. */
export type CellValue = string | number | boolean | Date | null | undefined;

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

function isoDate(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 2999 || month < 1 || month > 12 || day < 1) return null;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > days) return null;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/**
 * An Excel serial date (1900 date system) as yyyy-mm-dd. Excel counts 1900-02-29, which never existed (a bug kept
 * for Lotus 1-2-3 compatibility): serial 60 is refused, and serials from 61 on are counted from 1899-12-30.
 * A fractional part (a time of day) is dropped.
 */
export function excelSerialToIsoDate(serial: number): string | null {
  if (!Number.isFinite(serial)) return null;
  const whole = Math.floor(serial);
  if (whole < 1 || whole === 60 || whole > 2_958_465) return null;
  const epoch = whole < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  const d = new Date(epoch + whole * 86_400_000);
  return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/**
 * A date cell as yyyy-mm-dd, or null when it is not a real date. Accepts dd/mm/yyyy (also with "-" or "."; the
 * Vietnamese order, never mm/dd), yyyy-mm-dd (what <input type="date"> sends), an Excel serial number and a Date
 * (an XLSX cell formatted as a date, read at midnight UTC).
 */
export function parseDateCell(value: CellValue): string | null {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null;
    return isoDate(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
  }
  if (typeof value === "number") return excelSerialToIsoDate(value);
  if (typeof value !== "string") return null;
  const text = value.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/.exec(text);
  if (m) return isoDate(Number(m[4]), Number(m[3]), Number(m[1]));
  return null;
}

/** dd/mm/yyyy: from the one time formatter (app/lib/format-time.ts). */
import { formatDateVi } from "~/lib/format-time";
export { formatDateVi };

/** `iso` plus `years` years, as yyyy-mm-dd (29 February stays 29 February: compared as text, it falls between the 28th and 1 March). */
export function addYears(iso: string, years: number): string {
  return `${pad(Number(iso.slice(0, 4)) + years, 4)}${iso.slice(4)}`;
}

/** Any cell as the text a user sees: numbers without exponent where possible, dates as dd/mm/yyyy. */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) {
    const iso = parseDateCell(value);
    return iso ? formatDateVi(iso) : "";
  }
  if (Number.isInteger(value) && Math.abs(value) < 1e21) return value.toFixed(0);
  return String(value);
}

/** NFC, every run of whitespace (line breaks included) one space, trimmed. */
export function cleanCellText(value: CellValue): string {
  return cellText(value).normalize("NFC").replace(/\s+/g, " ").trim();
}

/** The marks of the Vietnamese alphabet (after NFD), and the vowels each may sit on. */
const TONE_MARKS = new Set(["\u0300", "\u0301", "\u0303", "\u0309", "\u0323"]); // huyền, sắc, ngã, hỏi, nặng
const VOWELS = "aeiouy";
const LETTER_MARKS: Record<string, string> = {
  "\u0306": "a", // breve: ă
  "\u0302": "aeo", // circumflex: â ê ô
  "\u031B": "ou", // horn: ơ ư
};

/**
 * True when `text` (already cleaned) is written only with letters of the Vietnamese alphabet — Latin letters,
 * đ/Đ, and the Vietnamese marks on the vowels that take them (so "ñ" or "ü" are refused) — spaces, apostrophes
 * and hyphens, and starts with a letter. The apostrophe is kept for names such as "H'Hen Niê" or "K'Nhiêu".
 */
export function isVietnameseLetterText(text: string): boolean {
  const chars = [...text.normalize("NFD")];
  let base: string | null = null; // the letter the next mark would sit on
  let toned = false;
  for (const [i, ch] of chars.entries()) {
    if (/[A-Za-zĐđ]/.test(ch)) {
      base = ch.toLowerCase();
      toned = false;
    } else if (TONE_MARKS.has(ch)) {
      if (!base || !VOWELS.includes(base) || toned) return false;
      toned = true;
    } else if (ch in LETTER_MARKS) {
      if (!base || !LETTER_MARKS[ch]!.includes(base)) return false; // NFD may put a dot below (ặ, ộ, ợ) before it
    } else if (ch === " " || ch === "'" || ch === "-") {
      if (i === 0) return false;
      base = null;
    } else {
      return false;
    }
  }
  return chars.length > 0;
}

/** Typographic apostrophes as the plain one, so that "K’Nhiêu" and "K'Nhiêu" are the same name. */
export function normaliseApostrophes(text: string): string {
  return text.replace(/[\u2018\u2019\u02BC\u0060\u00B4]/g, "'");
}

/** Characters, not UTF-16 code units: what a person counts. */
export const charLength = (text: string) => [...text].length;

/** Finds a label's code by its folded form: case, diacritics, spaces, "_" and "-" do not matter. */
export function matchLabel<C extends string>(value: CellValue, labels: Readonly<Record<string, C>>): C | undefined {
  const folded = foldVietnameseKey(cleanCellText(value));
  return folded === "" ? undefined : labels[folded];
}
