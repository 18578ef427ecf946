/**
 * The officers' queue's pure parts (app/modules/cases/queue.ts) and the case pages' form schemas
 * (app/modules/cases/handle-forms.ts): which section a case falls in, filters read leniently from a URL, and the
 * notes an action requires.
 */
import { describe, expect, it } from "vitest";
import { parseForm } from "~/lib/forms";
import { StaffIntentSchema, SubmitterIntentSchema } from "~/modules/cases/handle-forms";
import { parseQueueFilters, queueSection } from "~/modules/cases/queue";

const form = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  return f;
};

describe("queue sections", () => {
  it("overdue before today, due today, else open; a paused case is never late", () => {
    expect(queueSection("2026-03-02", false, "2026-03-03")).toBe("overdue");
    expect(queueSection("2026-03-03", false, "2026-03-03")).toBe("due_today");
    expect(queueSection("2026-03-04", false, "2026-03-03")).toBe("open");
    expect(queueSection("2026-03-02", true, "2026-03-03")).toBe("open");
    expect(queueSection(null, false, "2026-03-03")).toBe("open");
  });
});

describe("queue filters", () => {
  it("keeps known values and drops the rest without an error", () => {
    const ok = parseQueueFilters(
      new URLSearchParams("kind=question&status=received&handler=ministry&school=cdcnhn&page=3"),
    );
    expect(ok).toEqual({ kind: "question", status: "received", handler: "ministry", school: "CDCNHN", page: 3 });
    const junk = parseQueueFilters(
      new URLSearchParams("kind=drop+table&status=resolved&handler=x&school=%3Cb%3E&page=-1"),
    );
    expect(junk).toEqual({ kind: undefined, status: undefined, handler: undefined, school: undefined, page: 1 });
  });
});

describe("case forms", () => {
  it("asking for more and refusing need a note; resolving needs a known outcome", () => {
    expect(parseForm(StaffIntentSchema, form({ intent: "request_info", note: " " }))).toMatchObject({
      ok: false,
      fieldErrors: { note: "cases.error.note_required" },
    });
    expect(parseForm(StaffIntentSchema, form({ intent: "refuse", note: "Không đúng thẩm quyền." })).ok).toBe(true);
    expect(parseForm(StaffIntentSchema, form({ intent: "resolve", note: "Đã trả lời.", outcome: "maybe" })).ok).toBe(
      false,
    );
    expect(parseForm(StaffIntentSchema, form({ intent: "forward", to: "not-a-school" })).ok).toBe(false);
    expect(parseForm(StaffIntentSchema, form({ intent: "delete_everything" })).ok).toBe(false);
  });

  it("a rating is a whole number of stars from 1 to 5", () => {
    for (const rating of ["0", "6", "3.5", "", "năm"])
      expect(parseForm(SubmitterIntentSchema, form({ intent: "rate", rating })).ok).toBe(false);
    expect(parseForm(SubmitterIntentSchema, form({ intent: "rate", rating: "5" }))).toMatchObject({
      ok: true,
      data: { rating: 5, comment: "" },
    });
  });
});
