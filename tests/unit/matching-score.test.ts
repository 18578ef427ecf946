import { describe, expect, it } from "vitest";
import { normaliseTaxCode } from "~/modules/employers/tax-code";
import { translator } from "~/lib/i18n";
import {
  explainMatch,
  foldSkills,
  jobMatchTerms,
  scoreMatch,
  type MatchDiploma,
  type MatchJob,
} from "~/modules/matching/score";

const now = new Date("2026-11-20T00:00:00Z");
const diploma = (code: string, levelRank = 4, occupationCodes: string[] = []): MatchDiploma => ({
  programmeCode: code,
  programmeKey: code.slice(1),
  groupCode: code.slice(1, 5),
  fieldCode: code.slice(1, 3),
  levelCode: levelRank === 4 ? "cao_dang" : "trung_cap",
  levelRank,
  occupationCodes,
});
const job = (over: Partial<MatchJob> = {}): MatchJob => ({
  targets: [{ programmeCode: "6340302", programmeKey: "340302", groupCode: "3403", fieldCode: "34" }],
  occupationCode: null,
  minLevelCode: "trung_cap",
  minLevelRank: 3,
  provinceCodes: ["48"],
  neighbourCodes: ["46", "51"],
  remote: false,
  skills: [],
  publishedAt: now,
  salaryTopVnd: 12_000_000,
  employmentType: "full_time",
  ...over,
});
const graduate = (
  d: MatchDiploma[],
  provinceCodes: string[] = ["48"],
  skills: string[] = [],
  prefs: { salaryExpectationVnd?: number | null; jobTypes?: string[] } = {},
) => ({
  diplomas: d,
  provinceCodes,
  skills: foldSkills(skills),
  salaryExpectationVnd: prefs.salaryExpectationVnd ?? null,
  jobTypes: prefs.jobTypes ?? [],
});

describe("scoreMatch", () => {
  it("orders programme relations: exact > same programme other level > same group > same field > occupation", () => {
    const scores = ["6340302", "5340302", "6340301", "6340404"].map(
      (c) => scoreMatch(graduate([diploma(c)]), job(), now)!.programmePoints,
    );
    const viaOccupation = scoreMatch(
      graduate([diploma("6480201", 4, ["2411"])]),
      job({ occupationCode: "2411" }),
      now,
    )!;
    expect([...scores, viaOccupation.programmePoints]).toEqual([40, 34, 24, 14, 8]);
  });

  it("never matches below the minimum level, nor without any programme or occupation link", () => {
    expect(
      scoreMatch(graduate([diploma("5340302", 3)]), job({ minLevelCode: "cao_dang", minLevelRank: 4 }), now),
    ).toBeNull();
    expect(scoreMatch(graduate([diploma("6480201")]), job(), now)).toBeNull();
  });

  it("uses the best diploma at or above the level", () => {
    const s = scoreMatch(
      graduate([diploma("5340302", 3), diploma("6340302", 4)]),
      job({ minLevelRank: 4, minLevelCode: "cao_dang" }),
      now,
    )!;
    expect(s.diploma.programmeCode).toBe("6340302");
  });

  it("province: same 20, neighbour or remote 10, else 0", () => {
    const p = (prov: string[], over: Partial<MatchJob> = {}) =>
      scoreMatch(graduate([diploma("6340302")], prov), job(over), now)!.provincePoints;
    expect([p(["48"]), p(["46"]), p(["01"], { remote: true }), p(["01"])]).toEqual([20, 10, 10, 0]);
  });

  it("exact programme in the same province ranks above same group elsewhere", () => {
    const a = scoreMatch(graduate([diploma("6340302")], ["48"]), job(), now)!.score;
    const b = scoreMatch(
      graduate([diploma("6340301")], ["01"], ["excel", "misa"]),
      job({ skills: ["excel", "misa"] }),
      now,
    )!.score;
    expect(a).toBeGreaterThan(b);
  });

  it("recency loses a point every three days; skills 3 points each, folded, capped at 9", () => {
    const old = scoreMatch(
      graduate([diploma("6340302")]),
      job({ publishedAt: new Date(now.getTime() - 7 * 86400_000) }),
      now,
    )!;
    expect(old.recencyPoints).toBe(8);
    const s = scoreMatch(
      graduate([diploma("6340302")], [], ["Kế toán máy", "Excel", "MISA", "Thuế"]),
      job({ skills: foldSkills(["ke toan  may", "excel", "misa", "thue"]) }),
      now,
    )!;
    expect(s.skillPoints).toBe(9);
  });

  it("a graduate's skill counts when it is a phrase of the job's title (text relevance of titles), diacritics ignored", () => {
    expect(jobMatchTerms(["MISA"], "Kế toán tổng hợp (Đà Nẵng)")).toEqual(
      expect.arrayContaining(["misa", "ke toan", "ke toan tong hop", "tong hop", "da nang", "ke"]),
    );
    expect(jobMatchTerms([], "Kế toán tổng hợp")).not.toContain("toan tong hop da"); // no phrase across the end
    const byTitle = scoreMatch(
      graduate([diploma("6340302")], [], ["kế toán"]),
      job({ skills: jobMatchTerms([], "Nhân viên Kế toán") }),
      now,
    )!;
    expect(byTitle.skillPoints).toBe(3);
    expect(byTitle.reasons).toContainEqual({ kind: "skills", skills: ["ke toan"] });
    const unrelated = scoreMatch(
      graduate([diploma("6340302")], [], ["kế toán"]),
      job({ skills: jobMatchTerms([], "Nhân viên bán hàng") }),
      now,
    )!;
    expect(unrelated.skillPoints).toBe(0);
    // A phrase must be whole words: "toan" alone is not "ke toan".
    expect(
      scoreMatch(graduate([diploma("6340302")], [], ["toan may"]), job({ skills: jobMatchTerms([], "Kế toán") }), now)!
        .skillPoints,
    ).toBe(0);
  });

  it("counts a met salary expectation and a wanted employment type, and says so", () => {
    const base = scoreMatch(graduate([diploma("6340302")]), job(), now)!;
    const met = scoreMatch(
      graduate([diploma("6340302")], ["48"], [], {
        salaryExpectationVnd: 12_000_000,
        jobTypes: ["full_time", "part_time"],
      }),
      job(),
      now,
    )!;
    expect(met.score - base.score).toBe(6);
    expect(met.reasons).toContainEqual({ kind: "salary" });
    expect(met.reasons).toContainEqual({ kind: "job_type", employmentType: "full_time" });
    const unmet = scoreMatch(
      graduate([diploma("6340302")], ["48"], [], { salaryExpectationVnd: 12_000_001, jobTypes: ["internship"] }),
      job(),
      now,
    )!;
    expect(unmet.score).toBe(base.score);
    expect(
      scoreMatch(
        graduate([diploma("6340302")], ["48"], [], { salaryExpectationVnd: 5_000_000 }),
        job({ salaryTopVnd: null }),
        now,
      )!.salaryPoints,
    ).toBe(0);
    expect(
      explainMatch(met.reasons, translator("vi"), {
        level: (c) => c,
        province: (c) => c,
        programme: (c) => c,
        occupation: (c) => c,
      }),
    ).toContain("Lương đạt mức mong muốn · Đúng loại hình mong muốn: Toàn thời gian");
  });

  it("explains in words, naming the programme and the occupation, in the page's language", () => {
    const names = {
      level: (c: string) => (c === "cao_dang" ? "Cao đẳng" : "Trung cấp"),
      province: () => "Đà Nẵng",
      programme: (c: string) => ({ "6340302": "Kế toán doanh nghiệp", "6480201": "Công nghệ thông tin" })[c] ?? c,
      occupation: (c: string) => (c === "2411" ? "Kế toán viên" : c),
    };
    const s = scoreMatch(graduate([diploma("6340302")]), job(), now)!;
    expect(explainMatch(s.reasons, translator("vi"), names)).toBe(
      "Đúng ngành Kế toán doanh nghiệp · Cùng tỉnh Đà Nẵng · Trình độ cao đẳng ≥ trung cấp · Đăng hôm nay",
    );
    const viaOccupation = scoreMatch(
      graduate([diploma("6480201", 4, ["2411"])]),
      job({ occupationCode: "2411", targets: [], publishedAt: new Date(now.getTime() - 30 * 3600_000) }),
      now,
    )!;
    expect(explainMatch(viaOccupation.reasons, translator("vi"), names)).toContain("phù hợp nghề Kế toán viên");
    expect(explainMatch(viaOccupation.reasons, translator("en"), names)).toContain("Posted yesterday");
    expect(explainMatch(viaOccupation.reasons, translator("vi"), names)).not.toMatch(/\d{4}/);
  });
});

describe("normaliseTaxCode", () => {
  it("accepts 10 digits and 13 with a branch suffix, tolerating spaces and a missing hyphen", () => {
    expect(normaliseTaxCode("0101234567")).toEqual({ ok: true, value: "0101234567" });
    expect(normaliseTaxCode(" 0101234567 001")).toEqual({ ok: true, value: "0101234567-001" });
    expect(normaliseTaxCode("0101234567001")).toEqual({ ok: true, value: "0101234567-001" });
  });
  it("refuses other shapes", () => {
    expect(normaliseTaxCode("")).toEqual({ ok: false, problem: "empty" });
    expect(normaliseTaxCode("12345")).toEqual({ ok: false, problem: "format" });
    expect(normaliseTaxCode("01012345678")).toEqual({ ok: false, problem: "format" });
    expect(normaliseTaxCode("010123456A")).toEqual({ ok: false, problem: "format" });
    expect(normaliseTaxCode("0101234567-000")).toEqual({ ok: false, problem: "branch_suffix" });
    expect(normaliseTaxCode("0000000000")).toEqual({ ok: false, problem: "all_zero" });
  });
});
