/**
 * The match score of a (graduate, job) pair and its explanation, as documented in docs/matching.md. Pure: the SQL
 * rankings in queries.server.ts compute the same numbers (a test holds them to it), this module says why.
 */

import type { EmploymentType } from "~/modules/jobs/codes";

export const PROGRAMME_POINTS = {
  exact: 40,
  same_programme: 34,
  same_group: 24,
  same_field: 14,
  occupation: 8,
} as const;
export type ProgrammeRelation = keyof typeof PROGRAMME_POINTS;
export const PROVINCE_POINTS = { same: 20, neighbour: 10, remote: 10, other: 0 } as const;
export type ProvinceRelation = keyof typeof PROVINCE_POINTS;
export const RECENCY_MAX_POINTS = 10;
/** One recency point is lost every RECENCY_STEP_DAYS days after publication. */
export const RECENCY_STEP_DAYS = 3;
export const SKILL_POINTS = 3;
export const SKILL_MAX_POINTS = 9;
/** The job's best pay (its maximum, else its minimum) reaches the graduate's stated salary expectation. */
export const SALARY_POINTS = 3;
/** The job's employment type is one the graduate wants. */
export const JOB_TYPE_POINTS = 3;

const DAY_MS = 86_400_000;

/** One claimed, issued diploma as matching sees it. */
export interface MatchDiploma {
  programmeCode: string;
  programmeKey: string | null;
  groupCode: string | null;
  fieldCode: string | null;
  levelCode: string;
  levelRank: number;
  /** VSCO unit groups the crosswalk gives this programme's key. */
  occupationCodes: readonly string[];
}

export interface MatchGraduate {
  diplomas: readonly MatchDiploma[];
  provinceCodes: readonly string[];
  /** Folded with foldVietnamese (app/lib/fold-vietnamese.ts). */
  skills: readonly string[];
  /** VND per month; null: not stated (no salary points). */
  salaryExpectationVnd: number | null;
  /** Employment types the graduate wants (EMPLOYMENT_TYPES); empty: none stated. */
  jobTypes: readonly string[];
}

export interface MatchJobTarget {
  programmeCode: string;
  programmeKey: string | null;
  groupCode: string | null;
  fieldCode: string | null;
}

export interface MatchJob {
  targets: readonly MatchJobTarget[];
  occupationCode: string | null;
  minLevelCode: string;
  minLevelRank: number;
  provinceCodes: readonly string[];
  /** Neighbours of the job's provinces, without the provinces themselves. */
  neighbourCodes: readonly string[];
  remote: boolean;
  /** The job's match terms: its skills and its title's phrases, folded (jobMatchTerms). */
  skills: readonly string[];
  publishedAt: Date;
  /** coalesce(salary max, salary min); null when the job states no figure. */
  salaryTopVnd: number | null;
  employmentType: string;
}

/** Why a pair matches, as data: the page puts it into words (explainMatch). */
export type MatchReason =
  | { kind: "programme"; relation: ProgrammeRelation; programmeCode: string; occupationCode?: string }
  | { kind: "level"; levelCode: string; minLevelCode: string }
  | { kind: "province"; relation: Exclude<ProvinceRelation, "other">; provinceCode?: string }
  | { kind: "skills"; skills: string[] }
  | { kind: "salary" }
  | { kind: "job_type"; employmentType: EmploymentType }
  | { kind: "recent"; days: number };

export interface MatchScore {
  score: number;
  programmePoints: number;
  provincePoints: number;
  recencyPoints: number;
  skillPoints: number;
  salaryPoints: number;
  jobTypePoints: number;
  /** The graduate's diploma the match rests on. */
  diploma: MatchDiploma;
  reasons: MatchReason[];
}

export { foldSkills, jobMatchTerms } from "~/modules/jobs/match-terms";

export function programmeRelation(
  diploma: MatchDiploma,
  job: Pick<MatchJob, "targets" | "occupationCode">,
): ProgrammeRelation | null {
  const { targets } = job;
  if (targets.some((t) => t.programmeCode === diploma.programmeCode)) return "exact";
  if (diploma.programmeKey && targets.some((t) => t.programmeKey === diploma.programmeKey)) return "same_programme";
  if (diploma.groupCode && targets.some((t) => t.groupCode === diploma.groupCode)) return "same_group";
  if (diploma.fieldCode && targets.some((t) => t.fieldCode === diploma.fieldCode)) return "same_field";
  if (job.occupationCode && diploma.occupationCodes.includes(job.occupationCode)) return "occupation";
  return null;
}

export function provinceRelation(
  graduateProvinces: readonly string[],
  job: Pick<MatchJob, "provinceCodes" | "neighbourCodes" | "remote">,
): {
  relation: ProvinceRelation;
  provinceCode?: string;
} {
  const same = graduateProvinces.find((p) => job.provinceCodes.includes(p));
  if (same) return { relation: "same", provinceCode: same };
  const near = graduateProvinces.find((p) => job.neighbourCodes.includes(p));
  if (near) return { relation: "neighbour", provinceCode: near };
  if (job.remote) return { relation: "remote" };
  return { relation: "other" };
}

export function recencyPoints(publishedAt: Date, now: Date): number {
  const ageMs = Math.max(0, now.getTime() - publishedAt.getTime());
  return Math.max(0, RECENCY_MAX_POINTS - Math.floor(ageMs / (RECENCY_STEP_DAYS * DAY_MS)));
}

/** Salary points: the graduate stated an expectation and the job's best pay reaches it. */
export function salaryPoints(expectation: number | null, jobTop: number | null): number {
  return expectation !== null && jobTop !== null && jobTop >= expectation ? SALARY_POINTS : 0;
}

export function jobTypePoints(wanted: readonly string[], employmentType: string): number {
  return wanted.includes(employmentType) ? JOB_TYPE_POINTS : 0;
}

/**
 * The score of a pair, or null when the pair does not match: no diploma at or above the job's minimum level
 * (a hard filter) is related to the job's programmes or occupation.
 */
export function scoreMatch(graduate: MatchGraduate, job: MatchJob, now: Date): MatchScore | null {
  let best: { diploma: MatchDiploma; relation: ProgrammeRelation } | null = null;
  for (const diploma of graduate.diplomas) {
    if (diploma.levelRank < job.minLevelRank) continue;
    const relation = programmeRelation(diploma, job);
    if (!relation) continue;
    const better =
      !best ||
      PROGRAMME_POINTS[relation] > PROGRAMME_POINTS[best.relation] ||
      (PROGRAMME_POINTS[relation] === PROGRAMME_POINTS[best.relation] && diploma.levelRank > best.diploma.levelRank);
    if (better) best = { diploma, relation };
  }
  if (!best) return null;

  const programmePoints = PROGRAMME_POINTS[best.relation];
  const province = provinceRelation(graduate.provinceCodes, job);
  const provincePoints = PROVINCE_POINTS[province.relation];
  const recency = recencyPoints(job.publishedAt, now);
  const jobSkills = new Set(job.skills);
  const shared = [...new Set(graduate.skills)].filter((s) => jobSkills.has(s));
  const skillPoints = Math.min(SKILL_MAX_POINTS, SKILL_POINTS * shared.length);
  const salary = salaryPoints(graduate.salaryExpectationVnd, job.salaryTopVnd);
  const jobType = jobTypePoints(graduate.jobTypes, job.employmentType);

  const reasons: MatchReason[] = [
    {
      kind: "programme",
      relation: best.relation,
      programmeCode: best.diploma.programmeCode,
      ...(best.relation === "occupation" && job.occupationCode ? { occupationCode: job.occupationCode } : {}),
    },
  ];
  if (province.relation !== "other")
    reasons.push({ kind: "province", relation: province.relation, provinceCode: province.provinceCode });
  reasons.push({ kind: "level", levelCode: best.diploma.levelCode, minLevelCode: job.minLevelCode });
  if (shared.length > 0) reasons.push({ kind: "skills", skills: shared });
  if (salary > 0) reasons.push({ kind: "salary" });
  if (jobType > 0) reasons.push({ kind: "job_type", employmentType: job.employmentType as EmploymentType });
  if (recency >= RECENCY_MAX_POINTS - 2)
    reasons.push({ kind: "recent", days: Math.floor(Math.max(0, now.getTime() - job.publishedAt.getTime()) / DAY_MS) });

  return {
    score: programmePoints + provincePoints + recency + skillPoints + salary + jobType,
    programmePoints,
    provincePoints,
    recencyPoints: recency,
    skillPoints,
    salaryPoints: salary,
    jobTypePoints: jobType,
    diploma: best.diploma,
    reasons,
  };
}

/** Names the explanation needs (programmes, occupations, levels and provinces as the administrator named them). */
export interface ReasonNames {
  level: (code: string) => string;
  province: (code: string) => string;
  programme: (code: string) => string;
  occupation: (code: string) => string;
}

type ReasonTranslate = (key: ReasonKey, params?: Record<string, string | number>) => string;
export type ReasonKey =
  | "matching.reason.exact"
  | "matching.reason.same_programme"
  | "matching.reason.same_group"
  | "matching.reason.same_field"
  | "matching.reason.occupation"
  | "matching.reason.province_same"
  | "matching.reason.province_neighbour"
  | "matching.reason.province_remote"
  | "matching.reason.level"
  | "matching.reason.skills"
  | "matching.reason.recent"
  | "matching.reason.recent_today"
  | "matching.reason.recent_yesterday"
  | "matching.reason.salary"
  | "matching.reason.job_type"
  | `jobs.type.${EmploymentType}`;

/** The reasons in words, e.g. "Đúng ngành Kế toán · Cùng tỉnh Đà Nẵng · Trình độ cao đẳng ≥ trung cấp · Đăng hôm nay". */
export function explainMatch(reasons: readonly MatchReason[], t: ReasonTranslate, names: ReasonNames): string {
  return reasons
    .map((r) => {
      switch (r.kind) {
        case "programme":
          return t(`matching.reason.${r.relation}`, {
            programme: names.programme(r.programmeCode),
            occupation: r.occupationCode ? names.occupation(r.occupationCode) : "",
          });
        case "province":
          return t(`matching.reason.province_${r.relation}`, {
            province: r.provinceCode ? names.province(r.provinceCode) : "",
          });
        case "level":
          return t("matching.reason.level", {
            level: names.level(r.levelCode).toLowerCase(),
            min: names.level(r.minLevelCode).toLowerCase(),
          });
        case "skills":
          return t("matching.reason.skills", { skills: r.skills.join(", ") });
        case "salary":
          return t("matching.reason.salary");
        case "job_type":
          return t("matching.reason.job_type", { type: t(`jobs.type.${r.employmentType}`) });
        case "recent":
          return r.days === 0
            ? t("matching.reason.recent_today")
            : r.days === 1
              ? t("matching.reason.recent_yesterday")
              : t("matching.reason.recent", { days: r.days });
      }
    })
    .join(" · ");
}
