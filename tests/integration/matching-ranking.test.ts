/**
 * Ranking quality (docs/matching.md): a fixture of scenarios with the expected order, and the SQL rankings held to the
 * pure score function (same scores, same order) on the fixture and on random graduates.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  listMatchDiplomas,
  loadMatchGraduate,
  loadMatchJobs,
  rankCandidatesForJob,
  rankJobsForGraduate,
} from "~/modules/matching/queries.server";
import { foldSkills, scoreMatch, type MatchDiploma, type MatchGraduate } from "~/modules/matching/score";
import { employerWithMember, graduateHolding, postJob, signedDiplomas } from "../support/jobs";
import { testDatabaseKind, withTestDatabase } from "../support/test-database";

const DAY = 86_400_000;
const t0 = new Date("2026-09-01T02:00:00Z");
const now = new Date(t0.getTime() + 10 * DAY);

/** A diploma as matching sees it, from the reference programmes (crosswalk as in db/reference). */
function diploma(code: string): MatchDiploma {
  const crosswalk: Record<string, string[]> = {
    "340302": ["3313", "4311"],
    "340301": ["3313", "4311"],
    "480201": ["3511", "3512"],
    "520123": ["7212"],
  };
  const trungCap = code.startsWith("5");
  return {
    programmeCode: code,
    programmeKey: code.slice(1),
    groupCode: code.slice(1, 5),
    fieldCode: code.slice(1, 3),
    levelCode: trungCap ? "trung_cap" : "cao_dang",
    levelRank: trungCap ? 3 : 4,
    occupationCodes: crosswalk[code.slice(1)] ?? [],
  };
}

/** A graduate as matching sees them; no salary expectation nor wanted job types unless given. */
function grad(
  diplomas: MatchDiploma[],
  provinceCodes: string[],
  skills: string[],
  prefs: Partial<Pick<MatchGraduate, "salaryExpectationVnd" | "jobTypes">> = {},
): MatchGraduate {
  return {
    diplomas,
    provinceCodes,
    skills: foldSkills(skills),
    salaryExpectationVnd: prefs.salaryExpectationVnd ?? null,
    jobTypes: prefs.jobTypes ?? [],
  };
}

describe(`matching ranking (${testDatabaseKind()})`, () => {
  const t = withTestDatabase({ per: "file" });
  const jobIds: Record<string, string> = {};

  it("posts the fixture's jobs", async () => {
    const e = await employerWithMember(t.db);
    const at = (days: number) => ({ now: new Date(t0.getTime() + days * DAY) });
    jobIds.exactDaNang = await postJob(
      t.db,
      e,
      { title: "Kế toán Đà Nẵng", programmeCodes: ["6340302"], provinceCodes: ["48"] },
      at(0),
    );
    jobIds.groupHanoi = await postJob(
      t.db,
      e,
      {
        title: "Kế toán tổng hợp Hà Nội",
        programmeCodes: ["6340301"],
        provinceCodes: ["01"],
        skills: ["Excel", "MISA", "Thuế"],
        salaryMinVnd: 15_000_000,
        salaryMaxVnd: 20_000_000,
      },
      at(9),
    );
    jobIds.fieldHue = await postJob(
      t.db,
      e,
      {
        title: "Quản trị kinh doanh Huế",
        programmeCodes: ["6340404"],
        provinceCodes: ["46"],
        employmentType: "part_time",
      },
      at(5),
    );
    jobIds.remoteCaoDang = await postJob(
      t.db,
      e,
      {
        title: "Kế toán từ xa",
        programmeCodes: ["6340302"],
        provinceCodes: [],
        remote: true,
        minLevelCode: "cao_dang",
        salaryMinVnd: null,
        salaryMaxVnd: null,
        salaryNegotiable: true,
      },
      at(3),
    );
    jobIds.occupationOnly = await postJob(
      t.db,
      e,
      { title: "Kế toán viên (VSCO)", programmeCodes: [], occupationCode: "3313", provinceCodes: ["48"] },
      at(1),
    );
    jobIds.otherField = await postJob(
      t.db,
      e,
      { title: "Lập trình viên", programmeCodes: ["6480201"], provinceCodes: ["48"] },
      at(8),
    );
    jobIds.exactOtherLevel = await postJob(
      t.db,
      e,
      { title: "Kế toán trung cấp", programmeCodes: ["5340302"], provinceCodes: ["79"] },
      at(2),
    );
    expect(Object.keys(jobIds)).toHaveLength(7);
  });

  const name = (id: string) => Object.entries(jobIds).find(([, v]) => v === id)?.[0];

  /** The SQL ranking, checked against scoreMatch job by job and in order. */
  async function rankBoth(graduate: MatchGraduate) {
    const sqlRanked = (await rankJobsForGraduate(t.db, { graduate, now, limit: 50 })).jobs;
    const jobs = await loadMatchJobs(t.db, Object.values(jobIds));
    const pure = [...jobs]
      .flatMap(([id, job]) => {
        const s = scoreMatch(graduate, job, now);
        return s ? [{ jobId: id, score: s.score, publishedAt: job.publishedAt.getTime() }] : [];
      })
      .sort((a, b) => b.score - a.score || b.publishedAt - a.publishedAt || (a.jobId < b.jobId ? -1 : 1))
      .map(({ jobId, score }) => ({ jobId, score }));
    expect(sqlRanked).toEqual(pure);
    // A short list exercises the staged search's early stop (it must give the same top).
    for (const limit of [1, 2, 3])
      expect((await rankJobsForGraduate(t.db, { graduate, now, limit })).jobs).toEqual(pure.slice(0, limit));
    return sqlRanked.map((r) => name(r.jobId));
  }

  it("a trung cấp accountant in Đà Nẵng: exact programme here first; never a job above their level; nothing outside the field", async () => {
    const order = await rankBoth(grad([diploma("5340302")], ["48"], ["Excel"]));
    // 34+20+7+3 = 64 · 40+0+8+3 = 51 · 8+20+7+3 = 38 · 24+0+10+3 = 37 · 14+10+9+3 = 36 (docs/matching.md)
    expect(order).toEqual(["exactDaNang", "exactOtherLevel", "occupationOnly", "groupHanoi", "fieldHue"]);
    expect(order.indexOf("exactDaNang")).toBeLessThan(order.indexOf("groupHanoi"));
    expect(order).not.toContain("remoteCaoDang");
    expect(order).not.toContain("otherField");
  });

  it("exact programme in the same province ranks above same group elsewhere, even with the skills and the newest posting", async () => {
    const order = await rankBoth(grad([diploma("6340302")], ["48"], ["excel", "misa", "thuế"]));
    expect(order[0]).toBe("exactDaNang");
    expect(order.indexOf("exactDaNang")).toBeLessThan(order.indexOf("groupHanoi"));
    // Same programme at another level beats a same-group job in the same circumstances.
    expect(order).toContain("remoteCaoDang");
  });

  it("a skill found in a job's title counts, in SQL as in the pure score (text relevance of titles)", async () => {
    const graduate = (skills: string[]) => grad([diploma("6340302")], ["79"], skills);
    const scoreOf = async (skills: string[], job: string) =>
      (await rankJobsForGraduate(t.db, { graduate: graduate(skills), now, limit: 50 })).jobs.find(
        (j) => j.jobId === jobIds[job],
      )?.score;
    // "Kế toán tổng hợp Hà Nội" lists no such skill: its title carries it. 24 + 0 + 10 (+ 3).
    expect(await scoreOf([], "groupHanoi")).toBe(34);
    expect(await scoreOf(["Tổng hợp"], "groupHanoi")).toBe(37);
    expect(await scoreOf(["Tổng hợp"], "exactDaNang")).toBe(47); // "Kế toán Đà Nẵng": no such phrase
    await rankBoth(graduate(["tổng hợp", "kế toán", "từ xa"]));
  });

  it("a neighbouring province beats a far one; remote counts as near", async () => {
    const order = await rankBoth(grad([diploma("6340404")], ["48"], []));
    // Field-level matches only: Huế borders Đà Nẵng.
    expect(order[0]).toBe("fieldHue");
  });

  it("the salary expectation and wanted job types count, in SQL as in the pure score", async () => {
    const scoreOf = async (graduate: MatchGraduate, job: string) =>
      (await rankJobsForGraduate(t.db, { graduate, now, limit: 50 })).jobs.find((j) => j.jobId === jobIds[job])?.score;
    const plain = grad([diploma("6340302")], ["79"], []);
    const wants = grad([diploma("6340302")], ["79"], [], { salaryExpectationVnd: 14_000_000, jobTypes: ["part_time"] });
    // "Kế toán tổng hợp Hà Nội" pays up to 20,000,000 ≥ 14,000,000: +3; "Kế toán Đà Nẵng" pays 12,000,000: +0.
    expect((await scoreOf(wants, "groupHanoi"))! - (await scoreOf(plain, "groupHanoi"))!).toBe(3);
    expect(await scoreOf(wants, "exactDaNang")).toBe(await scoreOf(plain, "exactDaNang"));
    // "Quản trị kinh doanh Huế" is part time: +3; a negotiable salary without a figure never meets an expectation.
    expect((await scoreOf(wants, "fieldHue"))! - (await scoreOf(plain, "fieldHue"))!).toBe(3);
    expect(await scoreOf(wants, "remoteCaoDang")).toBe(await scoreOf(plain, "remoteCaoDang"));
    // Same programme at another level in the graduate's own province (Hồ Chí Minh) still leads.
    expect((await rankBoth(wants))[0]).toBe("exactOtherLevel");
  });

  it("SQL and the pure function agree on random graduates", async () => {
    const codes = ["5340302", "6340302", "6340301", "6340404", "6480201", "5480202", "5520123", "6720301"];
    const provinces = ["01", "46", "48", "51", "79", "92"];
    const skills = ["excel", "misa", "thuế", "kế toán máy", "javascript", "kế toán", "tổng hợp"]; // the last two are in titles
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.constantFrom(...codes), { minLength: 1, maxLength: 3 }),
        fc.uniqueArray(fc.constantFrom(...provinces), { maxLength: 2 }),
        fc.uniqueArray(fc.constantFrom(...skills), { maxLength: 3 }),
        fc.constantFrom(null, 8_000_000, 12_000_000, 14_000_000),
        fc.uniqueArray(fc.constantFrom("full_time", "part_time", "internship"), { maxLength: 2 }),
        async (d, p, s, salaryExpectationVnd, jobTypes) => {
          await rankBoth(grad(d.map(diploma), p, s, { salaryExpectationVnd, jobTypes }));
        },
      ),
      { numRuns: 25 },
    );
  });

  it("candidates for a job: same order as the pure function, and nobody without the visibility consent", async () => {
    const { diplomaIds } = await signedDiplomas(t.db, [
      "6340302",
      "6340301",
      "5340302",
      "6340404",
      "6480201",
      "6340302",
    ]);
    const g = {
      exactHere: await graduateHolding(t.db, [diplomaIds[0]!], {
        provinceCodes: ["48"],
        consents: ["visible_to_employers"],
      }),
      groupFar: await graduateHolding(t.db, [diplomaIds[1]!], {
        provinceCodes: ["01"],
        skills: ["Kế toán máy", "Excel"],
        salaryExpectationVnd: 10_000_000,
        jobTypes: ["full_time"],
        consents: ["visible_to_employers"],
      }),
      lowLevel: await graduateHolding(t.db, [diplomaIds[2]!], {
        provinceCodes: ["48"],
        consents: ["visible_to_employers"],
      }),
      fieldNear: await graduateHolding(t.db, [diplomaIds[3]!], {
        provinceCodes: ["46"],
        salaryExpectationVnd: 13_000_000,
        jobTypes: ["part_time"],
        consents: ["visible_to_employers"],
      }),
      otherField: await graduateHolding(t.db, [diplomaIds[4]!], {
        provinceCodes: ["48"],
        consents: ["visible_to_employers"],
      }),
      noConsent: await graduateHolding(t.db, [diplomaIds[5]!], {
        provinceCodes: ["48"],
        consents: ["may_be_contacted", "share_diplomas"],
      }),
    };
    const e = await employerWithMember(t.db);
    const jobId = await postJob(
      t.db,
      e,
      { programmeCodes: ["6340302"], provinceCodes: ["48"], minLevelCode: "cao_dang" },
      { now: t0 },
    );
    const job = (await loadMatchJobs(t.db, [jobId])).get(jobId)!;
    const ranked = await rankCandidatesForJob(t.db, { job, now, limit: 50 });
    const who = (id: string) => Object.entries(g).find(([, v]) => v.id === id)?.[0];
    expect(ranked.map((r) => who(r.userId))).toEqual(["exactHere", "groupFar", "fieldNear"]);

    const pure = [];
    for (const [key, person] of Object.entries(g)) {
      if (key === "noConsent") continue;
      const { graduate } = await loadMatchGraduate(t.db, person.id);
      const s = scoreMatch(graduate, job, now);
      if (s) pure.push({ userId: person.id, score: s.score });
    }
    pure.sort((a, b) => b.score - a.score || (a.userId < b.userId ? -1 : 1));
    expect(ranked).toEqual(pure);
    // groupFar's expectation (10,000,000 ≤ 12,000,000) and wanted type (full time) count: 24 + 6 (skills) + 3 + 3 + recency.
    expect(
      ranked.find((r) => r.userId === g.groupFar.id)!.score - ranked.find((r) => r.userId === g.fieldNear.id)!.score,
    ).toBe(24 + 6 + 6 - (14 + 10));
    for (const limit of [1, 2])
      expect(await rankCandidatesForJob(t.db, { job, now, limit })).toEqual(pure.slice(0, limit));
    expect(await listMatchDiplomas(t.db, g.noConsent.id)).toHaveLength(1);
  });
});
