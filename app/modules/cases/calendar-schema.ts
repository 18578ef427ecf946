/**
 * The working-day calendar's and the kinds' settings forms (/admin/calendar, /admin/case-settings). Pure. Zod
 * messages are i18n keys (case-public namespace).
 */
import { z } from "zod";
import { CALENDAR_DAY_KINDS, CASE_KINDS } from "../../../db/schema/cases";

export const YEAR_MIN = 2020;
export const YEAR_MAX = 2100;
export const DEADLINE_DAYS_MAX = 60;
export const FEE_VND_MAX = 10_000_000;

/** The year a page shows: ?year=, else this year (bounded). */
export function yearParam(value: string | null, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= YEAR_MIN && n <= YEAR_MAX ? n : fallback;
}

const isoDay = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "casePublic.calendar.validation.day")
  .refine((d) => {
    const date = new Date(`${d}T00:00:00Z`);
    const year = Number(d.slice(0, 4));
    return (
      !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === d && year >= YEAR_MIN && year <= YEAR_MAX
    );
  }, "casePublic.calendar.validation.day");

export const CalendarDaySchema = z.object({
  day: isoDay,
  kind: z.enum(CALENDAR_DAY_KINDS, { message: "casePublic.calendar.validation.kind" }),
  name: z
    .string()
    .trim()
    .min(2, "casePublic.calendar.validation.name")
    .max(200, "casePublic.calendar.validation.nameTooLong"),
});
export type CalendarDayInput = z.infer<typeof CalendarDaySchema>;

export const DeleteCalendarDaySchema = z.object({ day: isoDay });

export const SeedYearSchema = z.object({
  year: z.coerce
    .number({ message: "casePublic.calendar.validation.year" })
    .int("casePublic.calendar.validation.year")
    .min(YEAR_MIN, "casePublic.calendar.validation.year")
    .max(YEAR_MAX, "casePublic.calendar.validation.year"),
});

export const KindSettingSchema = z.object({
  kind: z.enum(CASE_KINDS, { message: "casePublic.settings.validation.kind" }),
  deadlineWorkingDays: z.coerce
    .number({ message: "casePublic.settings.validation.days" })
    .int("casePublic.settings.validation.days")
    .min(0, "casePublic.settings.validation.days")
    .max(DEADLINE_DAYS_MAX, "casePublic.settings.validation.days"),
  feeVnd: z.coerce
    .number({ message: "casePublic.settings.validation.fee" })
    .int("casePublic.settings.validation.fee")
    .min(0, "casePublic.settings.validation.fee")
    .max(FEE_VND_MAX, "casePublic.settings.validation.fee"),
});
export type KindSettingInput = z.infer<typeof KindSettingSchema>;
