import type { Locale } from "~/lib/i18n";

/**
 * Every time shown to people, in one place: Vietnam time (Asia/Ho_Chi_Minh, UTC+7 all year, no summer time),
 * whatever the server's or the browser's zone, so a page renders the same text on both (no hydration mismatch) and a
 * reader in Hà Nội sees the hour of their clock. Pure. A unit test keeps Intl.DateTimeFormat and toLocale*String out
 * of every other module.
 */
export const VIETNAM_TIME_ZONE = "Asia/Ho_Chi_Minh";
const VIETNAM_OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;

const intlLocale = (locale: Locale) => (locale === "vi" ? "vi-VN" : "en-GB");
const formats = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: Locale, withTime: boolean): Intl.DateTimeFormat {
  const key = `${locale}:${withTime}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(intlLocale(locale), {
      dateStyle: "medium",
      timeStyle: withTime ? "short" : undefined,
      timeZone: VIETNAM_TIME_ZONE,
    });
    formats.set(key, format);
  }
  return format;
}

const toDate = (value: Date | string) => (value instanceof Date ? value : new Date(value));

/** "3 thg 12, 2026 03:00" / "3 Dec 2026, 03:00": an instant, Vietnam time, in the reader's language. */
export function formatDateTime(value: Date | string, locale: Locale): string {
  return formatter(locale, true).format(toDate(value));
}

/**
 * "3 thg 12, 2026" / "3 Dec 2026": the Vietnam calendar day of an instant, or a calendar date (`YYYY-MM-DD`, as
 * `date` columns come) as it is, in the reader's language.
 */
export function formatDate(value: Date | string, locale: Locale): string {
  const calendarDate = typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value);
  // A calendar date is that day in Vietnam: its Vietnam midnight formats as the same day.
  return formatter(locale, false).format(calendarDate ? new Date(`${value}T00:00:00+07:00`) : toDate(value));
}

/** The calendar date in Vietnam of an instant (today by default), as `YYYY-MM-DD`: for comparisons and documents. */
export function vietnamDate(at: Date = new Date()): string {
  return new Date(at.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/** "2026-12-03T15:04:05+07:00": an instant as ISO 8601 in Vietnam time (receipts, and reading a wall-clock time back). */
export function vietnamIso(at: Date): string {
  return `${new Date(at.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 19)}+07:00`;
}

/** `YYYY-MM-DD` as dd/mm/yyyy, the way dates are printed in Vietnam; anything else as it is. */
export function formatDateVi(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** "14:05 ngày 15/06/2026", Vietnam time: the style of the register and its documents. */
export function formatDateTimeVi(at: Date): string {
  const local = vietnamIso(at);
  return `${local.slice(11, 16)} ngày ${formatDateVi(local.slice(0, 10))}`;
}

/** Whole Vietnam calendar days from `from` to `now` (0 the same day, never negative): "published 3 days ago". */
export function daysSince(from: Date | string, now: Date = new Date()): number {
  const days = (Date.parse(vietnamDate(now)) - Date.parse(vietnamDate(toDate(from)))) / DAY_MS;
  return Math.max(0, Math.round(days));
}
