/** The case state machine (app/modules/cases/case-transitions.ts) and case codes (case-kinds.ts). */
import { describe, expect, it } from "vitest";
import { normaliseCaseCode } from "~/modules/cases/case-kinds";
import { availableActions, decideTransition } from "~/modules/cases/case-transitions";

describe("case transitions", () => {
  const base = { kind: "question" as const, rated: false, note: "" };

  it("an officer accepts, asks for more (the clock pauses), the submitter supplies, the officer resolves", () => {
    expect(decideTransition({ ...base, status: "received", action: "accept", actor: "officer" })).toMatchObject({
      ok: true,
      value: { toStatus: "in_progress" },
    });
    expect(
      decideTransition({
        ...base,
        status: "in_progress",
        action: "request_info",
        actor: "officer",
        note: "Thiếu CCCD",
      }),
    ).toMatchObject({ ok: true, value: { toStatus: "awaiting_submitter", clock: "pause" } });
    expect(
      decideTransition({ ...base, status: "awaiting_submitter", action: "supply_info", actor: "submitter" }),
    ).toMatchObject({ ok: true, value: { toStatus: "in_progress", clock: "resume" } });
    expect(
      decideTransition({ ...base, status: "in_progress", action: "resolve", actor: "officer", note: "Trả lời" }),
    ).toMatchObject({ ok: true, value: { toStatus: "resolved", closes: true } });
  });

  it("refuses moves out of order, by the wrong party, or without a reason", () => {
    expect(decideTransition({ ...base, status: "resolved", action: "accept", actor: "officer" })).toEqual(
      expect.objectContaining({ ok: false, code: "not_allowed_now" }),
    );
    expect(decideTransition({ ...base, status: "in_progress", action: "resolve", actor: "submitter" })).toEqual(
      expect.objectContaining({ ok: false, code: "not_your_part" }),
    );
    expect(decideTransition({ ...base, status: "in_progress", action: "refuse", actor: "officer" })).toEqual(
      expect.objectContaining({ ok: false, code: "note_required" }),
    );
    expect(
      decideTransition({ ...base, kind: "certified_copy", status: "received", action: "merge", actor: "ministry" }),
    ).toEqual(expect.objectContaining({ ok: false, code: "not_allowed_for_kind" }));
    expect(decideTransition({ ...base, status: "resolved", rated: true, action: "rate", actor: "submitter" })).toEqual(
      expect.objectContaining({ ok: false, code: "already_rated" }),
    );
  });

  it("lists only the steps that work", () => {
    expect(availableActions({ kind: "question", status: "resolved", rated: false }, "submitter")).toEqual(["rate"]);
    expect(availableActions({ kind: "certified_copy", status: "received", rated: false }, "officer")).toEqual(
      expect.arrayContaining(["accept", "request_info", "resolve", "refuse"]),
    );
    expect(availableActions({ kind: "certified_copy", status: "received", rated: false }, "officer")).not.toContain(
      "merge",
    );
  });
});

describe("case codes", () => {
  it("normalises typed codes, new and legacy", () => {
    expect(normaliseCaseCode("dv 2026 123")).toBe("DV-2026-000123");
    expect(normaliseCaseCode("DV-2026-000123")).toBe("DV-2026-000123");
    expect(normaliseCaseCode("vb-abcde-fghjk")).toBe("VB-ABCDE-FGHJK");
    expect(normaliseCaseCode("XX-2026-1")).toBeNull();
    expect(normaliseCaseCode("x".repeat(50))).toBeNull();
  });
});
