/** Dates, names and numbers as printed on diplomas and in the register. Pure. */

const EN_MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;

interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** Reads a `YYYY-MM-DD` date (as the database returns `date` columns). A malformed date is a bug: it throws. */
export function parseIsoDate(iso: string): CalendarDate {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const [year, month, day] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [NaN, NaN, NaN];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (!match || check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw new Error(`Not a calendar date (YYYY-MM-DD): ${JSON.stringify(iso)}`);
  }
  return { year, month, day };
}

const pad2 = (n: number) => String(n).padStart(2, "0");

/** 07/02/1981: day and month on two digits, the year on four (TT 10/2017's rule for the date of birth). */
export function formatDateVi(iso: string): string {
  const { year, month, day } = parseIsoDate(iso);
  return `${pad2(day)}/${pad2(month)}/${year}`;
}

/**
 * "ngày 15 tháng 6 năm 2026": the administrative style (NĐ 30/2020), where a day below 10 and the months
 * January and February take a leading zero ("ngày 05 tháng 02 năm 2026"), so nothing can be written in front.
 */
export function formatLongDateVi(iso: string): string {
  const { year, month, day } = parseIsoDate(iso);
  const m = month <= 2 ? pad2(month) : String(month);
  return `ngày ${pad2(day)} tháng ${m} năm ${year}`;
}

/** "15 June 2026". */
export function formatDateEn(iso: string): string {
  const { year, month, day } = parseIsoDate(iso);
  return `${day} ${EN_MONTHS[month - 1]} ${year}`;
}

/** "123/2026": the register entry number and its year, as written in the register and on the diploma. */
export function formatRegisterNumber(registerNumber: number | null, registerYear: number | null): string | null {
  if (registerNumber === null || registerYear === null) return null;
  return `${registerNumber}/${registerYear}`;
}

/** Fills `{name}` placeholders. */
export function fillTemplate(template: string, params: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (m, name: string) => params[name] ?? m);
}

/** Instants in Vietnam time ("14:05 ngày 15/06/2026"): from the one time formatter. */
export { formatDateTimeVi } from "~/lib/format-time";

/** Midnight, Vietnam time, at the start of a calendar date: a fixed instant for a document dated that day. */
export function vietnamMidnight(iso: string): Date {
  parseIsoDate(iso);
  return new Date(`${iso}T00:00:00+07:00`);
}

/** A timestamp from the database (Date, or ISO text after JSON) as a Date. */
export function toDate(value: Date | string): Date {
  return value instanceof Date ? value : new Date(value);
}
