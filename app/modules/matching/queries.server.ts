import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { candidatePool, graduateConsents, graduateProfiles, jobs, type ConsentPurpose } from "../../../db/schema";
import { rowsOf, type Executor, withDefaultDb } from "~/lib/db.server";
import { vietnamDate } from "~/lib/format-time";
import { jobFilterConditions, textArray } from "~/modules/jobs/queries.server";
import { neighboursOfSql } from "~/modules/reference/neighbours-sql.server";
import type { JobFilters } from "~/modules/jobs/schema";
import {
  JOB_TYPE_POINTS,
  PROGRAMME_POINTS as P,
  PROVINCE_POINTS,
  SALARY_POINTS,
  RECENCY_MAX_POINTS,
  RECENCY_STEP_DAYS,
  SKILL_MAX_POINTS,
  SKILL_POINTS,
  foldSkills,
  jobMatchTerms,
  recencyPoints,
  type MatchDiploma,
  type MatchGraduate,
  type MatchJob,
} from "./score";

/**
 * The matching area's database access: the graduate's diplomas and preferences as matching sees them, the
 * candidate pool, and the two rankings. The SQL scores are score.ts's formula (docs/matching.md), term by term.
 */

export interface GraduateDiplomaRow extends MatchDiploma {
  id: string;
  programmeName: string;
  classification: string;
  graduationDate: string;
  schoolName: string;
  schoolCode: string;
  serial: string | null;
  qrPayload: string | null;
}

/** The graduate's claimed diplomas that still stand (issued), with what matching needs. Ownership in the query. */
export const listMatchDiplomas = withDefaultDb(async function listMatchDiplomas(
  db: Executor,
  userId: string,
): Promise<GraduateDiplomaRow[]> {
  return listMatchDiplomasOf(db, [userId]).then((m) => m.get(userId) ?? []);
});

export async function listMatchDiplomasOf(
  db: Executor,
  userIds: readonly string[],
): Promise<Map<string, GraduateDiplomaRow[]>> {
  const out = new Map<string, GraduateDiplomaRow[]>();
  if (userIds.length === 0) return out;
  const rows = rowsOf<GraduateDiplomaRow & { userId: string }>(
    await db.execute(sql`
      select d.id, d.claimed_by as "userId", d.programme_code as "programmeCode", p.programme_key as "programmeKey", p.group_code as "groupCode",
        p.field_code as "fieldCode", d.level_code as "levelCode", l.rank as "levelRank",
        coalesce((select array_agg(o.vsco_code order by o.vsco_code) from programme_occupations o where o.programme_key = p.programme_key), '{}') as "occupationCodes",
        d.programme_name as "programmeName", d.classification, d.graduation_date::text as "graduationDate", org.name as "schoolName", org.code as "schoolCode",
        d.serial, d.qr_payload as "qrPayload"
      from diplomas d
        join programmes p on p.code = d.programme_code
        join training_levels l on l.code = d.level_code
        join organisations org on org.id = d.organisation_id
      where d.claimed_by in (select jsonb_array_elements_text(${JSON.stringify(userIds)}::jsonb)::uuid) and d.status = 'issued'
      order by l.rank desc, d.graduation_date desc`),
  );
  for (const r of rows) {
    const { userId, ...d } = r;
    const list = out.get(userId) ?? [];
    list.push({ ...d, levelRank: Number(d.levelRank) });
    out.set(userId, list);
  }
  return out;
}

export const findGraduateProfile = withDefaultDb(async function findGraduateProfile(db: Executor, userId: string) {
  const rows = await db.select().from(graduateProfiles).where(eq(graduateProfiles.userId, userId)).limit(1);
  return (
    rows[0] ?? { userId, provinceCodes: [], salaryExpectationVnd: null, jobTypes: [], skills: [], updatedAt: null }
  );
});

export const loadMatchGraduate = withDefaultDb(async function loadMatchGraduate(
  db: Executor,
  userId: string,
): Promise<{ graduate: MatchGraduate; diplomas: GraduateDiplomaRow[] }> {
  const [diplomas, profile] = await Promise.all([listMatchDiplomas(db, userId), findGraduateProfile(db, userId)]);
  return { diplomas, graduate: { diplomas, ...matchPreferences(profile) } };
});

/** A graduate's stored preferences as matching reads them. */
export function matchPreferences(profile: {
  provinceCodes: string[];
  skills: string[];
  salaryExpectationVnd: number | null;
  jobTypes: string[];
}): Omit<MatchGraduate, "diplomas"> {
  return {
    provinceCodes: profile.provinceCodes,
    skills: foldSkills(profile.skills),
    salaryExpectationVnd: profile.salaryExpectationVnd,
    jobTypes: profile.jobTypes,
  };
}

/** The purposes the graduate consents to now. */
export const currentConsents = withDefaultDb(async function currentConsents(
  db: Executor,
  userId: string,
): Promise<Set<ConsentPurpose>> {
  const rows = await db
    .select({ purpose: graduateConsents.purpose })
    .from(graduateConsents)
    .where(and(eq(graduateConsents.userId, userId), isNull(graduateConsents.withdrawnAt)));
  return new Set(rows.map((r) => r.purpose));
});

export const listConsentHistory = withDefaultDb(async function listConsentHistory(db: Executor, userId: string) {
  return db
    .select()
    .from(graduateConsents)
    .where(eq(graduateConsents.userId, userId))
    .orderBy(graduateConsents.grantedAt);
});

/**
 * Rewrites the graduate's rows in the candidate pool: one per issued, claimed diploma while they consent to be
 * visible to employers, none otherwise. Call it in the transaction of the change.
 */
export async function refreshCandidatePool(db: Executor, userId: string): Promise<void> {
  await db.delete(candidatePool).where(eq(candidatePool.userId, userId));
  const profile = await findGraduateProfile(db, userId);
  await db.execute(sql`
    insert into candidate_pool (diploma_id, user_id, programme_code, programme_key, group_code, field_code, level_rank, province_codes, skills_folded,
      salary_expectation_vnd, job_types)
    select d.id, d.claimed_by, d.programme_code, p.programme_key, p.group_code, p.field_code, l.rank,
      ${textArray(profile.provinceCodes)}::varchar[], ${textArray(foldSkills(profile.skills))},
      ${profile.salaryExpectationVnd}::bigint, ${textArray(profile.jobTypes)}
    from diplomas d join programmes p on p.code = d.programme_code join training_levels l on l.code = d.level_code
    where d.claimed_by = ${userId} and d.status = 'issued'
      and exists (select 1 from graduate_consents c where c.user_id = ${userId} and c.purpose = 'visible_to_employers' and c.withdrawn_at is null)`);
}

const provincePointsSql = (codes: SQL, neighbours: SQL, remote: SQL, mine: SQL) =>
  sql`(case when ${codes} && ${mine} then ${PROVINCE_POINTS.same} when ${neighbours} && ${mine} then ${PROVINCE_POINTS.neighbour} when ${remote} then ${PROVINCE_POINTS.remote} else 0 end)`;
const skillPointsSql = (a: SQL, b: SQL) =>
  sql`(case when ${a} && ${b} then least(${SKILL_MAX_POINTS}, ${SKILL_POINTS} * cardinality(array(select unnest(${a}) intersect select unnest(${b})))) else 0 end)`;
const recencySql = (publishedAt: SQL, now: Date) =>
  sql`greatest(0, ${RECENCY_MAX_POINTS} - floor(greatest(0, extract(epoch from (${now.toISOString()}::timestamptz - ${publishedAt}))) / ${RECENCY_STEP_DAYS * 86400})::int)`;
type SQL = ReturnType<typeof sql>;
/** Salary and job-type points (score.ts salaryPoints, jobTypePoints). */
const salaryPointsSql = (expectation: SQL, jobTop: SQL) =>
  sql`(case when ${expectation} is not null and ${jobTop} is not null and ${jobTop} >= ${expectation} then ${SALARY_POINTS} else 0 end)`;
const jobTypePointsSql = (employmentType: SQL, wanted: SQL) =>
  sql`(case when ${employmentType} = any(${wanted}) then ${JOB_TYPE_POINTS} else 0 end)`;
/** The most the salary and job type can add to any pair. */
const PREFERENCE_MAX_POINTS = SALARY_POINTS + JOB_TYPE_POINTS;

export interface RankedJob {
  jobId: string;
  score: number;
}

/**
 * Staged top-N (docs/matching.md, "Speed"). A row's score is its band — programme relation (K: exact or same
 * programme, G: group, F: field, O: occupation) plus province relation (S: same, N: near or remote, X: other) — plus
 * at most `rest` (recency and skills). Each stage selects some bands through the indexes and returns its own top N.
 * Once the N-th best score found is strictly above the best band not yet selected (+ rest), no unseen row can enter
 * the top N nor tie with it, so the answer is exactly the full ranking's. The last stage selects everything.
 */
type Tier = "K" | "G" | "F" | "O";
type Place = "S" | "N" | "X";
const TIER_POINTS: Record<Tier, number> = { K: P.exact, G: P.same_group, F: P.same_field, O: P.occupation };
const PLACE_POINTS: Record<Place, number> = {
  S: PROVINCE_POINTS.same,
  N: Math.max(PROVINCE_POINTS.neighbour, PROVINCE_POINTS.remote),
  X: PROVINCE_POINTS.other,
};
type Band = `${Tier}${Place}`;
/**
 * Candidates: one band per stage (the top band alone usually fills the list, since the rest is only skills).
 * Jobs for me: recency adds up to 10 more, so a lone top band rarely decides; pairs save round trips.
 */
const CANDIDATE_STAGES: readonly (readonly Band[])[] = [
  ["KS"],
  ["KN"],
  ["GS"],
  ["KX"],
  ["GN"],
  ["FS"],
  ["OS"],
  ["GX"],
  ["FN"],
];
const JOB_STAGES: readonly (readonly Band[])[] = [
  ["KS", "KN"],
  ["GS", "KX"],
  ["GN", "FS", "OS"],
  ["GX", "FN"],
];

interface BandSql {
  tier: Record<Tier, SQL | null>;
  place: Record<Exclude<Place, "X">, SQL | null>;
  all: SQL;
}

function stagesFor(bands: BandSql, rest: number, order: readonly (readonly Band[])[]): { where: SQL; bound: number }[] {
  const possible = (band: string) =>
    bands.tier[band[0] as Tier] !== null && (band[1] === "X" || bands.place[band[1] as "S" | "N"] !== null);
  const covered = new Set<string>();
  const allBands = (["K", "G", "F", "O"] as const).flatMap((t) => (["S", "N", "X"] as const).map((p) => `${t}${p}`));
  const bound = () =>
    Math.max(
      -1,
      ...allBands
        .filter((b) => possible(b) && !covered.has(b))
        .map((b) => TIER_POINTS[b[0] as Tier] + PLACE_POINTS[b[1] as Place] + rest),
    );
  const stages: { where: SQL; bound: number }[] = [];
  for (const group of order) {
    const live = group.filter(possible);
    if (live.length === 0) continue;
    const where = sql.join(
      live.map((b) => {
        const tier = bands.tier[b[0] as Tier]!;
        // "X" stages take the whole tier: its S and N rows were selected before.
        return b[1] === "X" ? tier : sql`(${tier} and ${bands.place[b[1] as "S" | "N"]!})`;
      }),
      sql` or `,
    );
    for (const b of live) covered.add(b);
    stages.push({ where: sql`(${where})`, bound: bound() });
  }
  stages.push({ where: bands.all, bound: -1 });
  return stages;
}

function mergeTop<T extends { id: string; score: number }>(seen: Map<string, T>, rows: T[]) {
  for (const r of rows) {
    const had = seen.get(r.id);
    if (!had || had.score < r.score) seen.set(r.id, r);
  }
}

async function stagedTopN<T extends { id: string; score: number }>(
  stages: readonly { where: SQL; bound: number }[],
  n: number,
  run: (where: SQL) => Promise<T[]>,
  order: (a: T, b: T) => number,
): Promise<T[]> {
  const seen = new Map<string, T>();
  let top: T[] = [];
  for (const stage of stages) {
    mergeTop(seen, await run(stage.where));
    top = [...seen.values()].sort(order).slice(0, n);
    // bound < 0: every possible band has been selected.
    if (stage.bound < 0 || (top.length === n && top[n - 1]!.score > stage.bound)) return top;
  }
  return top;
}

/**
 * "Jobs for me": open jobs ranked for one graduate (score desc, newer first, then id) from the matching index, in
 * stages (stagedTopN). `naive` scores every open job's rows in one pass instead (the benchmark's comparison).
 */
export async function rankJobsForGraduate(
  db: Executor,
  options: {
    graduate: MatchGraduate;
    filters?: JobFilters;
    now?: Date;
    limit: number;
    offset?: number;
    naive?: boolean;
  },
): Promise<{ jobs: RankedJob[] }> {
  const now = options.now ?? new Date();
  const { graduate } = options;
  if (graduate.diplomas.length === 0) return { jobs: [] };
  const n = options.limit + (options.offset ?? 0);
  const diplomaJson = JSON.stringify(
    graduate.diplomas.map((d) => ({
      code: d.programmeCode,
      key: d.programmeKey,
      grp: d.groupCode,
      field: d.fieldCode,
      rank: d.levelRank,
      occ: d.occupationCodes,
    })),
  );
  const list = (f: (d: MatchDiploma) => string | null | readonly string[]) =>
    textArray([
      ...new Set(
        graduate.diplomas.flatMap((d) => {
          const v = f(d);
          return v === null ? [] : typeof v === "string" ? [v] : [...v];
        }),
      ),
    ]);
  const codes = list((d) => d.programmeCode);
  const keys = list((d) => d.programmeKey);
  const groups = list((d) => d.groupCode);
  const fields = list((d) => d.fieldCode);
  const occs = list((d) => d.occupationCodes);
  const mine = sql`${textArray(graduate.provinceCodes)}::varchar[]`;
  const skills = textArray(graduate.skills);
  const relation = sql`(case when t.programme_code = d.code then ${P.exact} when t.programme_key = d.key then ${P.same_programme}
      when t.group_code = d.grp then ${P.same_group} when t.field_code = d.field then ${P.same_field}
      when t.vsco_code = any(d.occ) then ${P.occupation} else 0 end)`;
  const filters = jobFilterConditions(options.filters ?? {});
  const filterSql = filters.length ? sql`and ${sql.join(filters, sql` and `)}` : sql``;
  const joinJobs = filters.length ? sql`join jobs on jobs.id = t.job_id` : sql``;
  const today = vietnamDate(now);

  const run = async (where: SQL) =>
    rowsOf<{ id: string; score: number; publishedAt: number }>(
      await db.execute(sql`
        with d as (select * from jsonb_to_recordset(${diplomaJson}::jsonb) as d(code text, key text, grp text, field text, rank int, occ text[]))
        select t.job_id as id, max(r.programme_points + ${provincePointsSql(sql`t.province_codes`, sql`t.neighbour_codes`, sql`t.remote`, mine)}
            + ${recencySql(sql`t.published_at`, now)} + ${skillPointsSql(sql`t.skills_folded`, skills)}
            + ${salaryPointsSql(sql`${graduate.salaryExpectationVnd}::bigint`, sql`t.salary_top_vnd`)}
            + ${jobTypePointsSql(sql`t.employment_type`, textArray(graduate.jobTypes))})::int as score,
          (extract(epoch from max(t.published_at)) * 1000)::float8 as "publishedAt"
        from job_match_targets t
          cross join lateral (select coalesce(max(case when d.rank >= t.min_level_rank then ${relation} else 0 end), 0) as programme_points from d) r
          ${joinJobs}
        where t.deadline >= ${today} and r.programme_points > 0 and ${where} ${filterSql}
        group by t.job_id
        order by score desc, "publishedAt" desc, t.job_id
        limit ${n}`),
    ).map((r) => ({ id: r.id, score: Number(r.score), publishedAt: Number(r.publishedAt) }));

  const hasOccupations = graduate.diplomas.some((d) => d.occupationCodes.length > 0);
  const stages = options.naive
    ? [{ where: sql`true`, bound: -1 }]
    : stagesFor(
        {
          tier: {
            K: sql`(t.programme_key = any(${keys}) or t.programme_code = any(${codes}))`,
            G: sql`t.group_code = any(${groups})`,
            F: sql`t.field_code = any(${fields})`,
            O: hasOccupations ? sql`t.vsco_code = any(${occs})` : null,
          },
          place: {
            S: graduate.provinceCodes.length ? sql`t.province_codes && ${mine}` : null,
            N: graduate.provinceCodes.length ? sql`(t.neighbour_codes && ${mine} or t.remote)` : sql`t.remote`,
          },
          all: sql`(t.field_code = any(${fields}) or t.vsco_code = any(${occs}) or t.programme_code = any(${codes}))`,
        },
        RECENCY_MAX_POINTS + SKILL_MAX_POINTS + PREFERENCE_MAX_POINTS,
        JOB_STAGES,
      );
  const top = await stagedTopN(
    stages,
    n,
    run,
    (a, b) => b.score - a.score || b.publishedAt - a.publishedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  return { jobs: top.slice(options.offset ?? 0).map((r) => ({ jobId: r.id, score: r.score })) };
}

/** How many open jobs match the graduate under the filters (for the pager): counted, not scored. */
export async function countJobsForGraduate(
  db: Executor,
  options: { graduate: MatchGraduate; filters?: JobFilters; now?: Date },
): Promise<number> {
  const { graduate } = options;
  if (graduate.diplomas.length === 0) return 0;
  const diplomaJson = JSON.stringify(
    graduate.diplomas.map((d) => ({
      code: d.programmeCode,
      field: d.fieldCode,
      rank: d.levelRank,
      occ: d.occupationCodes,
    })),
  );
  const filters = jobFilterConditions(options.filters ?? {});
  const filterSql = filters.length ? sql`and ${sql.join(filters, sql` and `)}` : sql``;
  const rows = rowsOf<{ count: number }>(
    await db.execute(sql`
      with d as (select * from jsonb_to_recordset(${diplomaJson}::jsonb) as d(code text, field text, rank int, occ text[]))
      select count(distinct t.job_id)::int as count
      from job_match_targets t join d on d.rank >= t.min_level_rank and (t.field_code = d.field or t.vsco_code = any(d.occ) or t.programme_code = d.code)
        ${filters.length ? sql`join jobs on jobs.id = t.job_id` : sql``}
      where t.deadline >= ${vietnamDate(options.now)} ${filterSql}`),
  );
  return Number(rows[0]?.count ?? 0);
}

/** A job as matching sees it (any state), from the job row, its programmes, level and neighbouring provinces. */
export const loadMatchJobs = withDefaultDb(async function loadMatchJobs(
  db: Executor,
  jobIds: readonly string[],
): Promise<Map<string, MatchJob>> {
  const out = new Map<string, MatchJob>();
  if (jobIds.length === 0) return out;
  const rows = rowsOf<{
    id: string;
    targets: MatchJob["targets"];
    occupationCode: string | null;
    minLevelCode: string;
    minLevelRank: number;
    provinceCodes: string[];
    neighbourCodes: string[];
    remote: boolean;
    skills: string[];
    title: string;
    publishedAt: string | Date | null;
    salaryTopVnd: string | number | null;
    employmentType: string;
  }>(
    await db.execute(sql`
      select j.id, j.occupation_code as "occupationCode", j.min_level_code as "minLevelCode", l.rank as "minLevelRank",
        j.province_codes as "provinceCodes", j.remote, j.skills, j.title, j.published_at as "publishedAt",
        coalesce(j.salary_max_vnd, j.salary_min_vnd) as "salaryTopVnd", j.employment_type as "employmentType",
        coalesce((select jsonb_agg(jsonb_build_object('programmeCode', p.code, 'programmeKey', p.programme_key, 'groupCode', p.group_code, 'fieldCode', p.field_code))
                  from programmes p where p.code = any(j.programme_codes)), '[]'::jsonb) as targets,
        ${neighboursOfSql(sql`j.province_codes`)} as "neighbourCodes"
      from jobs j join training_levels l on l.code = j.min_level_code
      where j.id in (select jsonb_array_elements_text(${JSON.stringify(jobIds)}::jsonb)::uuid)`),
  );
  for (const r of rows) {
    out.set(r.id, {
      targets: typeof r.targets === "string" ? JSON.parse(r.targets) : r.targets,
      occupationCode: r.occupationCode,
      minLevelCode: r.minLevelCode,
      minLevelRank: Number(r.minLevelRank),
      provinceCodes: r.provinceCodes,
      neighbourCodes: r.neighbourCodes,
      remote: r.remote,
      skills: jobMatchTerms(r.skills, r.title),
      publishedAt: r.publishedAt ? new Date(r.publishedAt) : new Date(0),
      salaryTopVnd: r.salaryTopVnd === null ? null : Number(r.salaryTopVnd),
      employmentType: r.employmentType,
    });
  }
  return out;
});

/** Programme keys whose crosswalk names `vscoCode`. */
async function keysOfOccupation(db: Executor, vscoCode: string | null): Promise<string[]> {
  if (!vscoCode) return [];
  const rows = rowsOf<{ key: string }>(
    await db.execute(sql`select programme_key as key from programme_occupations where vsco_code = ${vscoCode}`),
  );
  return rows.map((r) => r.key);
}

export interface RankedCandidate {
  userId: string;
  score: number;
}

/**
 * "Candidates for a job": consenting graduates ranked for one job (score desc, then account id), in stages
 * (stagedTopN). Reads only the candidate pool, which holds nobody without the visibility consent. `naive` scores the
 * whole pool in one pass.
 */
export async function rankCandidatesForJob(
  db: Executor,
  options: { job: MatchJob; now?: Date; limit: number; offset?: number; naive?: boolean },
): Promise<RankedCandidate[]> {
  const now = options.now ?? new Date();
  const { job } = options;
  const n = options.limit + (options.offset ?? 0);
  const codes = textArray(job.targets.map((t) => t.programmeCode));
  const keys = textArray(job.targets.flatMap((t) => (t.programmeKey ? [t.programmeKey] : [])));
  const groups = textArray(job.targets.flatMap((t) => (t.groupCode ? [t.groupCode] : [])));
  const fields = textArray([...new Set(job.targets.flatMap((t) => (t.fieldCode ? [t.fieldCode] : [])))]);
  const occKeys = textArray(await keysOfOccupation(db, job.occupationCode));
  const relation = sql`(case when p.programme_code = any(${codes}) then ${P.exact} when p.programme_key = any(${keys}) then ${P.same_programme}
      when p.group_code = any(${groups}) then ${P.same_group} when p.field_code = any(${fields}) then ${P.same_field}
      when p.programme_key = any(${occKeys}) then ${P.occupation} else 0 end)`;
  const jobProvinces = sql`${textArray(job.provinceCodes)}::varchar[]`;
  const jobNeighbours = sql`${textArray(job.neighbourCodes)}::varchar[]`;
  const province = provincePointsSql(jobProvinces, jobNeighbours, sql`${job.remote}::boolean`, sql`p.province_codes`);
  const skillPoints = job.skills.length ? skillPointsSql(sql`p.skills_folded`, textArray(job.skills)) : sql`0`;
  const preferencePoints = sql`${salaryPointsSql(sql`p.salary_expectation_vnd`, sql`${job.salaryTopVnd}::bigint`)} + ${jobTypePointsSql(sql`${job.employmentType}::text`, sql`p.job_types`)}`;
  const recency = recencyPoints(job.publishedAt, now);

  const run = async (where: SQL) =>
    rowsOf<{ id: string; score: number }>(
      await db.execute(sql`
        select s.id, s.score from (
          select p.user_id as id, max(${relation}) as programme_points, (max(${province} + ${skillPoints} + ${preferencePoints}) + ${recency})::int as rest
          from candidate_pool p
          where p.level_rank >= ${job.minLevelRank} and ${where}
          group by p.user_id
        ) s0 cross join lateral (select s0.id, (s0.programme_points + s0.rest)::int as score) s
        where s0.programme_points > 0
        order by s.score desc, s.id
        limit ${n}`),
    ).map((r) => ({ id: r.id, score: Number(r.score) }));

  const hasProgrammes = job.targets.length > 0;
  const stages = options.naive
    ? [{ where: sql`true`, bound: -1 }]
    : stagesFor(
        {
          tier: {
            K: hasProgrammes ? sql`(p.programme_key = any(${keys}) or p.programme_code = any(${codes}))` : null,
            G: hasProgrammes ? sql`p.group_code = any(${groups})` : null,
            F: hasProgrammes ? sql`p.field_code = any(${fields})` : null,
            O: job.occupationCode ? sql`p.programme_key = any(${occKeys})` : null,
          },
          place: {
            S: job.provinceCodes.length ? sql`p.province_codes && ${jobProvinces}` : null,
            N: job.remote ? sql`true` : job.neighbourCodes.length ? sql`p.province_codes && ${jobNeighbours}` : null,
          },
          all: sql`(p.field_code = any(${fields}) or p.programme_code = any(${codes}) or p.programme_key = any(${occKeys}))`,
        },
        recency + SKILL_MAX_POINTS + PREFERENCE_MAX_POINTS,
        CANDIDATE_STAGES,
      );
  const top = await stagedTopN(stages, n, run, (a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return top.slice(options.offset ?? 0).map((r) => ({ userId: r.id, score: r.score }));
}

/** Whether the graduate is in the pool now (visible and holding an issued diploma). */
export async function isInCandidatePool(db: Executor, userId: string): Promise<boolean> {
  const rows = await db
    .select({ id: candidatePool.diplomaId })
    .from(candidatePool)
    .where(eq(candidatePool.userId, userId))
    .limit(1);
  return rows.length > 0;
}

export async function findJobTitles(db: Executor, jobIds: readonly string[]) {
  if (jobIds.length === 0) return [];
  return db
    .select({ id: jobs.id, title: jobs.title })
    .from(jobs)
    .where(inArray(jobs.id, [...jobIds]));
}

/**
 * Fills the salary and employment-type columns of matching rows written before those counted in the score (the
 * migration adds them empty): from the job, and from the graduate's profile. Idempotent and cheap once done; runs
 * at boot (prepareDatabase), so the SQL rankings and the pure score agree on an upgraded database.
 */
export async function backfillMatchingPreferences(db: Executor): Promise<void> {
  await db.execute(sql`
    update job_match_targets t set salary_top_vnd = coalesce(j.salary_max_vnd, j.salary_min_vnd), employment_type = j.employment_type
    from jobs j where j.id = t.job_id and t.employment_type is null`);
  await db.execute(sql`
    update candidate_pool p set salary_expectation_vnd = g.salary_expectation_vnd, job_types = g.job_types
    from graduate_profiles g
    where g.user_id = p.user_id and p.salary_expectation_vnd is null and p.job_types = '{}'
      and (g.salary_expectation_vnd is not null or g.job_types <> '{}')`);
}
