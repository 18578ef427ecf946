import { describe, expect, it } from "vitest";
import { ORGANISATION_STATUSES } from "~db/schema/accounts";
import {
  STATUS_CHANGES,
  availableStatusChanges,
  planStatusChange,
  type StatusChange,
} from "~/modules/organisations/organisation-status";
import { parseOrganisationFilters } from "~/modules/organisations/schema";

describe("organisation status transitions", () => {
  // The whole table, written out: a change here must be a decision, not an accident.
  const allowed: Record<string, Partial<Record<StatusChange, string>>> = {
    pending: { accredit: "accredited", reject: "rejected" },
    accredited: { suspend: "suspended" },
    rejected: { accredit: "accredited" },
    suspended: { reinstate: "accredited" },
  };

  for (const from of ORGANISATION_STATUSES) {
    for (const change of STATUS_CHANGES) {
      const to = allowed[from]?.[change];
      it(`${from} --${change}--> ${to ?? "refused"}`, () => {
        const result = planStatusChange(from, change, "một lý do");
        if (to) {
          expect(result).toEqual({ ok: true, value: { from, to, reason: "một lý do" } });
        } else {
          expect(result).toMatchObject({ ok: false, code: "invalid_transition" });
        }
      });
    }
  }

  it("offers exactly the allowed changes for each status", () => {
    for (const from of ORGANISATION_STATUSES) {
      expect(availableStatusChanges(from).sort()).toEqual(Object.keys(allowed[from] ?? {}).sort());
    }
  });

  it("requires a reason to reject or suspend, and a blank one does not count", () => {
    for (const [from, change] of [
      ["pending", "reject"],
      ["accredited", "suspend"],
    ] as const) {
      for (const reason of [undefined, null, "", "   \n "]) {
        expect(planStatusChange(from, change, reason)).toMatchObject({
          ok: false,
          code: "reason_required",
          fieldErrors: { reason: "organisations.error.reason_required" },
        });
      }
    }
  });

  it("does not require a reason to accredit or reinstate, and trims the one given", () => {
    expect(planStatusChange("pending", "accredit", undefined)).toEqual({
      ok: true,
      value: { from: "pending", to: "accredited", reason: null },
    });
    expect(planStatusChange("suspended", "reinstate", "  hồ sơ đã bổ sung  ")).toEqual({
      ok: true,
      value: { from: "suspended", to: "accredited", reason: "hồ sơ đã bổ sung" },
    });
  });

  it("checks the transition before the reason", () => {
    expect(planStatusChange("rejected", "reject", "")).toMatchObject({ ok: false, code: "invalid_transition" });
  });
});

describe("organisation list filters", () => {
  it("keeps valid filters", () => {
    expect(
      parseOrganisationFilters(new URLSearchParams("kind=school&status=pending&q=%20cao%20dang%20&page=3")),
    ).toEqual({
      kind: "school",
      status: "pending",
      q: "cao dang",
      page: 3,
    });
  });

  it("drops garbage instead of failing", () => {
    expect(parseOrganisationFilters(new URLSearchParams("kind=bank&status=x&page=-2&q="))).toEqual({
      kind: undefined,
      status: undefined,
      q: undefined,
      page: 1,
    });
  });
});
