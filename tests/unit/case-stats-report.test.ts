/** The statistics report's pure core: figures from sums, the roll-up of fine groups, the median; the Q&A query text. */
import { describe, expect, it } from "vitest";
import { emptySums, figuresOf, median, rollUp, type StatsSums } from "~/modules/case-stats/report";
import { caseStatsTable } from "~/modules/case-stats/report-table";
import { parseCaseStatsQuery } from "~/modules/case-stats/schema";
import { translator } from "~/lib/i18n";

function sums(patch: Partial<StatsSums>): StatsSums {
  return { ...emptySums(), ...patch };
}

describe("case statistics, pure", () => {
  it("turns sums into rates and averages, and leaves them empty when nothing was answered or rated", () => {
    const f = figuresOf(
      sums({ total: 4, answered: 3, answeredOnTime: 2, rated: 3, ratingSum: 11, medianAnswerSeconds: 129_600 }),
    );
    expect(f.onTimeRate).toBe(0.6667);
    expect(f.averageRating).toBe(3.67);
    expect(f.medianAnswerDays).toBe(1.5);
    const empty = figuresOf(sums({ total: 2 }));
    expect([empty.onTimeRate, empty.averageRating, empty.medianAnswerDays]).toEqual([null, null, null]);
  });

  it("adds the fine groups up per kind, topic and handler", () => {
    const a = sums({ total: 2, answered: 1, ratingCounts: [0, 0, 0, 1, 0] });
    const b = sums({ total: 3, answered: 2, ratingCounts: [1, 0, 0, 0, 0] });
    const rolled = rollUp([
      { kind: "question", topic: "hoc-phi", organisationId: null, sums: a },
      { kind: "question", topic: null, organisationId: "s1", sums: b },
      { kind: "feedback", topic: "hoc-phi", organisationId: "s1", sums: a },
    ]);
    expect(rolled.totals.total).toBe(7);
    expect(rolled.byKind.get("question")!.total).toBe(5);
    expect(rolled.byTopic.get("hoc-phi")!.answered).toBe(2);
    expect(rolled.byOrganisation.get("s1")!.ratingCounts).toEqual([1, 0, 0, 1, 0]);
  });

  it("takes the median of an odd and an even count as percentile_cont does", () => {
    expect(median([10, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });

  it("defaults the period to this year and puts a period turned round right; drops a bad filter", () => {
    expect(parseCaseStatsQuery(new URLSearchParams(""), "2026-05-04")).toEqual({
      from: "2026-01-01",
      to: "2026-12-31",
    });
    expect(
      parseCaseStatsQuery(new URLSearchParams("from=2026-03-31&to=2026-03-01&kind=nope&topic=<x>"), "2026-05-04"),
    ).toEqual({ from: "2026-03-01", to: "2026-03-31" });
    expect(parseCaseStatsQuery(new URLSearchParams("from=2026-02-30"), "2026-05-04").from).toBe("2026-01-01");
  });

  it("writes one header and a total row first, in the reader's language", () => {
    const report = {
      period: { from: "2026-01-01", to: "2026-12-31" },
      today: "2026-05-04",
      totals: figuresOf(sums({ total: 1 })),
      byKind: [],
      byTopic: [],
      byOrganisation: [],
    };
    const en = caseStatsTable(report, translator("en"), { withOrganisations: true });
    expect(en[0]!.slice(0, 3)).toEqual(["Group", "Item", "Cases received"]);
    expect(en[1]!.slice(0, 3)).toEqual(["Total", "", 1]);
  });
});
