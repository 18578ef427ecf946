/**
 * The working-day calendar the ministry administrator keeps (calendar_days) and the kinds' deadlines and fees
 * (case_kind_settings): list a year, add or change a day, delete it, seed a year's public holidays from the
 * date-holidays package, change a kind's settings. Each change is one transaction with its audit row.
 */
import Holidays from "date-holidays";
import { and, asc, eq, gte, lte } from "drizzle-orm";
import { calendarDays, caseKindSettings, type CaseKind } from "../../../db/schema";
import type { Database, Executor } from "~/lib/db.server";
import { fail, ok, type Result } from "~/lib/result";
import { recordAudit, type AuditActor } from "~/modules/audit/record-audit.server";
import { CASE_KINDS, KIND_RULES } from "./case-kinds";
import type { CalendarDayInput, KindSettingInput } from "./calendar-schema";
import { addDays, vnDayOf } from "./working-days";

export async function listCalendarYear(db: Executor, year: number) {
  return db
    .select({
      day: calendarDays.day,
      kind: calendarDays.kind,
      name: calendarDays.name,
      updatedAt: calendarDays.updatedAt,
    })
    .from(calendarDays)
    .where(and(gte(calendarDays.day, `${year}-01-01`), lte(calendarDays.day, `${year}-12-31`)))
    .orderBy(asc(calendarDays.day));
}

/** Adds a day, or changes the one already entered for that date. */
export async function saveCalendarDay(
  db: Database,
  options: { input: CalendarDayInput; actor: AuditActor },
): Promise<Result<{ created: boolean }, never>> {
  const { input } = options;
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(calendarDays).where(eq(calendarDays.day, input.day)).for("update");
    await tx
      .insert(calendarDays)
      .values({ ...input, updatedBy: options.actor.userId, updatedAt: new Date() })
      .onConflictDoUpdate({
        target: calendarDays.day,
        set: { kind: input.kind, name: input.name, updatedBy: options.actor.userId, updatedAt: new Date() },
      });
    await recordAudit(tx, options.actor, {
      action: "calendar.save-day",
      entityType: "calendar_day",
      entityId: input.day,
      details: {
        day: input.day,
        kind: input.kind,
        name: input.name,
        created: !before,
        before: before ? { kind: before.kind, name: before.name } : null,
      },
    });
    return ok({ created: !before });
  });
}

export async function deleteCalendarDay(
  db: Database,
  options: { day: string; actor: AuditActor },
): Promise<Result<null, "not_found">> {
  return db.transaction(async (tx) => {
    const [gone] = await tx.delete(calendarDays).where(eq(calendarDays.day, options.day)).returning();
    if (!gone) return fail("not_found");
    await recordAudit(tx, options.actor, {
      action: "calendar.delete-day",
      entityType: "calendar_day",
      entityId: options.day,
      details: { day: gone.day, kind: gone.kind, name: gone.name },
    });
    return ok(null);
  });
}

/**
 * The public holidays date-holidays knows for Vietnam in `year` (type "public" only: 1 January, the lunar new
 * year's days it lists, Giỗ Tổ Hùng Vương, 30 April, 1 May, 2 September), one entry per calendar day of each. The
 * government's yearly notice (the Tết break's extra days, days off in lieu, make-up Saturdays) is entered by hand.
 */
export function publicHolidaysOf(year: number): { day: string; name: string }[] {
  const days = new Map<string, string>();
  for (const h of new Holidays("VN").getHolidays(year)) {
    if (h.type !== "public") continue;
    const first = h.date.slice(0, 10);
    const end = vnDayOf(h.end); // exclusive: the day after the last
    for (let d = first; d < end || d === first; d = addDays(d, 1)) if (!days.has(d)) days.set(d, h.name);
  }
  return [...days].map(([day, name]) => ({ day, name })).filter((h) => h.day.startsWith(String(year)));
}

/** Seeds a year's public holidays (weekdays and weekends alike), leaving the days already entered as they are. */
export async function seedPublicHolidays(
  db: Database,
  options: { year: number; actor: AuditActor },
): Promise<Result<{ created: number; skipped: number }, never>> {
  const holidays = publicHolidaysOf(options.year);
  return db.transaction(async (tx) => {
    const inserted =
      holidays.length === 0
        ? []
        : await tx
            .insert(calendarDays)
            .values(
              holidays.map((h) => ({
                day: h.day,
                kind: "holiday" as const,
                name: h.name,
                updatedBy: options.actor.userId,
              })),
            )
            .onConflictDoNothing()
            .returning({ day: calendarDays.day });
    await recordAudit(tx, options.actor, {
      action: "calendar.seed-year",
      entityType: "calendar_year",
      entityId: String(options.year),
      details: {
        year: options.year,
        created: inserted.length,
        skipped: holidays.length - inserted.length,
        source: "date-holidays",
      },
    });
    return ok({ created: inserted.length, skipped: holidays.length - inserted.length });
  });
}

/** Each kind's deadline (working days) and fee: the administrator's, else the default of case-kinds.ts. */
export async function listKindSettings(db: Executor) {
  const rows = await db.select().from(caseKindSettings);
  const byKind = new Map(rows.map((r) => [r.kind, r]));
  return CASE_KINDS.map((kind) => {
    const row = byKind.get(kind);
    return {
      kind,
      deadlineWorkingDays: row?.deadlineWorkingDays ?? KIND_RULES[kind].defaultWorkingDays,
      feeVnd: row?.feeVnd ?? KIND_RULES[kind].defaultFeeVnd,
      defaultWorkingDays: KIND_RULES[kind].defaultWorkingDays,
      defaultFeeVnd: KIND_RULES[kind].defaultFeeVnd,
      changed: Boolean(row),
      updatedAt: row?.updatedAt.toISOString() ?? null,
    };
  });
}

export async function saveKindSetting(
  db: Database,
  options: { input: KindSettingInput; actor: AuditActor },
): Promise<Result<{ changed: boolean }, never>> {
  const { input } = options;
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(caseKindSettings)
      .where(eq(caseKindSettings.kind, input.kind as CaseKind))
      .for("update");
    const prior = {
      deadlineWorkingDays: before?.deadlineWorkingDays ?? KIND_RULES[input.kind].defaultWorkingDays,
      feeVnd: before?.feeVnd ?? KIND_RULES[input.kind].defaultFeeVnd,
    };
    const changed = prior.deadlineWorkingDays !== input.deadlineWorkingDays || prior.feeVnd !== input.feeVnd;
    if (!changed) return ok({ changed: false });
    const values = {
      deadlineWorkingDays: input.deadlineWorkingDays,
      feeVnd: input.feeVnd,
      updatedBy: options.actor.userId,
      updatedAt: new Date(),
    };
    await tx
      .insert(caseKindSettings)
      .values({ kind: input.kind, ...values })
      .onConflictDoUpdate({ target: caseKindSettings.kind, set: values });
    await recordAudit(tx, options.actor, {
      action: "case-settings.update",
      entityType: "case_kind",
      entityId: input.kind,
      details: {
        kind: input.kind,
        before: prior,
        after: { deadlineWorkingDays: input.deadlineWorkingDays, feeVnd: input.feeVnd },
      },
    });
    return ok({ changed: true });
  });
}
