/** Deadlines in working days on the administrator's calendar (app/modules/cases/working-days.ts). */
import { describe, expect, it } from "vitest";
import {
  addWorkingDays,
  deadlineState,
  dueOnAfterPause,
  dueOnFor,
  isWorkingDay,
  vnDayOf,
  workingDaysBetween,
} from "~/modules/cases/working-days";

// 2027: Tết break Fri 5 Feb – Wed 10 Feb (illustrative), make-up working Saturday 30 Jan.
const calendar = new Map<string, "holiday" | "working">([
  ["2027-02-05", "holiday"],
  ["2027-02-08", "holiday"],
  ["2027-02-09", "holiday"],
  ["2027-02-10", "holiday"],
  ["2027-01-30", "working"],
]);
/** An instant at a Vietnam wall-clock time (UTC+7). */
const vn = (day: string, hour: number) => new Date(`${day}T${String(hour).padStart(2, "0")}:00:00+07:00`);

describe("working days", () => {
  it("weekends are off, holidays are off, a make-up Saturday is on", () => {
    expect(isWorkingDay("2027-01-29", calendar)).toBe(true); // Friday
    expect(isWorkingDay("2027-01-30", calendar)).toBe(true); // make-up Saturday
    expect(isWorkingDay("2027-01-31", calendar)).toBe(false); // Sunday
    expect(isWorkingDay("2027-02-08", calendar)).toBe(false); // Tết
  });

  it("the Vietnam day of an instant is UTC+7", () => {
    expect(vnDayOf(new Date("2027-02-03T17:30:00Z"))).toBe("2027-02-04");
    expect(vnDayOf(new Date("2027-02-03T16:59:00Z"))).toBe("2027-02-03");
  });

  it("adding working days skips the Tết break", () => {
    // Thu 4 Feb + 1 working day: Fri 5 is Tết, Mon 8–Wed 10 too → Thu 11 Feb.
    expect(addWorkingDays("2027-02-04", 1, calendar)).toBe("2027-02-11");
    expect(workingDaysBetween("2027-02-04", "2027-02-11", calendar)).toBe(1);
  });

  it("a certified copy is due the same working day before 15:00, the next one after", () => {
    const rule = { workingDays: 0, cutoffHour: 15 };
    expect(dueOnFor(vn("2027-01-27", 10), rule, calendar)).toBe("2027-01-27");
    expect(dueOnFor(vn("2027-01-27", 15), rule, calendar)).toBe("2027-01-28");
    // Friday afternoon → the make-up Saturday.
    expect(dueOnFor(vn("2027-01-29", 16), rule, calendar)).toBe("2027-01-30");
    // Sent on Sunday → Monday.
    expect(dueOnFor(vn("2027-01-31", 9), rule, calendar)).toBe("2027-02-01");
  });

  it("ten working days across Tết", () => {
    // Received Mon 1 Feb 09:00: counts from 1 Feb; +10 working days, skipping 5, 8, 9, 10 Feb and weekends.
    expect(dueOnFor(vn("2027-02-01", 9), { workingDays: 10, cutoffHour: 17 }, calendar)).toBe("2027-02-19");
  });

  it("a pause moves the due day on by the working days it lasted", () => {
    // Paused Mon 1 Feb, resumed Thu 4 Feb: 3 working days (2, 3, 4) → due 19 Feb becomes 24 Feb.
    expect(dueOnAfterPause("2027-02-19", vn("2027-02-01", 9), vn("2027-02-04", 9), calendar)).toBe("2027-02-24");
    // Paused and resumed the same day: unchanged.
    expect(dueOnAfterPause("2027-02-19", vn("2027-02-01", 9), vn("2027-02-01", 16), calendar)).toBe("2027-02-19");
  });

  it("the deadline's state for the officer's queue", () => {
    expect(deadlineState("2027-02-19", "2027-02-19", false)).toBe("due_today");
    expect(deadlineState("2027-02-19", "2027-02-22", false)).toBe("overdue");
    expect(deadlineState("2027-02-19", "2027-02-22", true)).toBe("paused");
    expect(deadlineState("2027-02-19", "2027-02-18", false)).toBe("on_time");
  });
});
