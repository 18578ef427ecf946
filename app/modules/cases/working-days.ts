/**
 * Working days on the calendar the ministry administrator keeps (table calendar_days): Monday to Friday are working
 * days unless entered as a holiday; a weekend day entered as `working` is a make-up day. Days are ISO dates
 * (yyyy-mm-dd) in Vietnam's time (UTC+7, no daylight saving). Pure: the caller loads the exceptions.
 */
import { vietnamDate, vietnamIso } from "~/lib/format-time";

export type CalendarExceptions = ReadonlyMap<string, "holiday" | "working">;

export const NO_EXCEPTIONS: CalendarExceptions = new Map();

/** The calendar day in Vietnam of an instant. */
export function vnDayOf(instant: Date): string {
  return vietnamDate(instant);
}

/** The hour (0–23) in Vietnam of an instant. */
export function vnHourOf(instant: Date): number {
  return Number(vietnamIso(instant).slice(11, 13));
}

export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export function isWeekend(day: string): boolean {
  const dow = new Date(`${day}T00:00:00Z`).getUTCDay();
  return dow === 0 || dow === 6;
}

export function isWorkingDay(day: string, exceptions: CalendarExceptions): boolean {
  const exception = exceptions.get(day);
  if (exception) return exception === "working";
  return !isWeekend(day);
}

/** The first working day on or after `day` (bounded: a calendar with no working day for a year is a data error). */
export function firstWorkingDayFrom(day: string, exceptions: CalendarExceptions): string {
  let d = day;
  for (let i = 0; i < 366; i++, d = addDays(d, 1)) if (isWorkingDay(d, exceptions)) return d;
  throw new Error(`no working day in the year after ${day}`);
}

/** The working day `n` working days after `day` (n = 0: `day` itself when it is a working day, else the next). */
export function addWorkingDays(day: string, n: number, exceptions: CalendarExceptions): string {
  let d = firstWorkingDayFrom(day, exceptions);
  for (let left = n; left > 0; left--) d = firstWorkingDayFrom(addDays(d, 1), exceptions);
  return d;
}

/** How many working days d there are with from < d ≤ to (0 when to ≤ from). */
export function workingDaysBetween(from: string, to: string, exceptions: CalendarExceptions): number {
  let count = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isWorkingDay(d, exceptions)) count++;
  return count;
}

export interface DeadlineRule {
  /** Working days to handle the case after the day it counts as received (0: that same day). */
  workingDays: number;
  /** A request received at or after this hour (Vietnam) counts as received on the next working day. */
  cutoffHour: number;
}

/**
 * The last day on which a case received at `receivedAt` is on time. It counts as received on the day it came when
 * that is a working day and before the cut-off hour, else on the next working day; the deadline is `workingDays`
 * working days after that. A certified copy (0 days, cut-off 15:00) is thus due the same working day, or the next
 * one when it came after 15:00 or on a day off.
 */
export function dueOnFor(receivedAt: Date, rule: DeadlineRule, exceptions: CalendarExceptions): string {
  const day = vnDayOf(receivedAt);
  const countsFrom =
    isWorkingDay(day, exceptions) && vnHourOf(receivedAt) < rule.cutoffHour
      ? day
      : firstWorkingDayFrom(addDays(day, 1), exceptions);
  return addWorkingDays(countsFrom, rule.workingDays, exceptions);
}

/**
 * The due day after a pause (waiting for the submitter) from `pausedAt` to `resumedAt`: it moves on by the working
 * days the case waited, so the officer gets back the time the submitter took.
 */
export function dueOnAfterPause(
  dueOn: string,
  pausedAt: Date,
  resumedAt: Date,
  exceptions: CalendarExceptions,
): string {
  const waited = workingDaysBetween(vnDayOf(pausedAt), vnDayOf(resumedAt), exceptions);
  return waited === 0 ? dueOn : addWorkingDays(addDays(dueOn, 1), waited - 1, exceptions);
}

/** Where a case stands against its deadline today: on time, due today, or overdue (paused cases are never late). */
export function deadlineState(
  dueOn: string | null,
  today: string,
  paused: boolean,
): "none" | "paused" | "on_time" | "due_today" | "overdue" {
  if (!dueOn) return "none";
  if (paused) return "paused";
  if (today > dueOn) return "overdue";
  return today === dueOn ? "due_today" : "on_time";
}
