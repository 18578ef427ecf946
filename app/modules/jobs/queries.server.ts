import { and, asc, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import {
  employerProfiles,
  jobMatchTargets,
  jobs,
  organisations,
  programmes,
  provinces,
  trainingLevels,
  type Job,
  type JobStatus,
} from "../../../db/schema";
import { rowsOf, type Executor, withDefaultDb } from "~/lib/db.server";
import { vietnamDate } from "~/lib/format-time";
import { jobMatchTerms } from "./match-terms";
import { neighboursOfSql } from "~/modules/reference/neighbours-sql.server";
import type { JobFilters, JobInput } from "./schema";

/** The only place the jobs area touches the database. */

/** A text[] parameter that both drivers accept (drizzle would otherwise spread a JS array into a list). */
export function textArray(values: readonly string[]): SQL {
  return sql`coalesce(array(select jsonb_array_elements_text(${JSON.stringify(values)}::jsonb)), '{}')::text[]`;
}

/** Open: published and not past its deadline (a Vietnam calendar day, inclusive). */
export function isOpenSql(today: string): SQL {
  return sql`(${jobs.status} = 'published' and ${jobs.deadline} >= ${today})`;
}

/** What a job's status is now: a published job past its deadline is expired even before the sweep marks it. */
export function effectiveJobStatus(job: Pick<Job, "status" | "deadline">, now = new Date()): JobStatus {
  return job.status === "published" && job.deadline < vietnamDate(now) ? "expired" : job.status;
}

function searchTsv(input: Pick<JobInput, "title" | "skills" | "description">): SQL {
  return sql`setweight(to_tsvector('simple', vb_fold(${input.title})), 'A') || setweight(to_tsvector('simple', vb_fold(${input.skills.join(" ")})), 'B') || setweight(to_tsvector('simple', vb_fold(${input.description})), 'C')`;
}

function jobColumns(input: JobInput) {
  return {
    title: input.title,
    description: input.description,
    programmeCodes: input.programmeCodes,
    occupationCode: input.occupationCode,
    minLevelCode: input.minLevelCode,
    provinceCodes: input.provinceCodes,
    remote: input.remote,
    salaryMinVnd: input.salaryMinVnd,
    salaryMaxVnd: input.salaryMaxVnd,
    salaryNegotiable: input.salaryNegotiable,
    employmentType: input.employmentType,
    openings: input.openings,
    skills: input.skills,
    deadline: input.deadline,
    searchTsv: searchTsv(input) as unknown as string,
  };
}

export async function insertJob(
  db: Executor,
  options: { organisationId: string; input: JobInput; createdBy: string },
): Promise<string> {
  const [row] = await db
    .insert(jobs)
    .values({ organisationId: options.organisationId, createdBy: options.createdBy, ...jobColumns(options.input) })
    .returning({ id: jobs.id });
  return row!.id;
}

export async function updateJobRow(
  db: Executor,
  options: { organisationId: string; jobId: string; input: JobInput },
): Promise<boolean> {
  const rows = await db
    .update(jobs)
    .set({ ...jobColumns(options.input), updatedAt: new Date() })
    .where(and(eq(jobs.id, options.jobId), eq(jobs.organisationId, options.organisationId)))
    .returning({ id: jobs.id });
  return rows.length > 0;
}

/** A job of one employer (ownership in the query), locked when `forUpdate`. */
export const findEmployerJob = withDefaultDb(async function findEmployerJob(
  db: Executor,
  options: { organisationId: string; jobId: string; forUpdate?: boolean },
): Promise<Job | null> {
  const q = db
    .select()
    .from(jobs)
    .where(and(eq(jobs.id, options.jobId), eq(jobs.organisationId, options.organisationId)))
    .limit(1);
  const rows = options.forUpdate ? await q.for("update") : await q;
  return rows[0] ?? null;
});

export async function setJobStatus(
  db: Executor,
  options: { jobId: string; status: JobStatus; publishedAt?: Date; closedAt?: Date | null },
): Promise<void> {
  await db
    .update(jobs)
    .set({
      status: options.status,
      ...(options.publishedAt ? { publishedAt: options.publishedAt } : {}),
      ...(options.closedAt !== undefined ? { closedAt: options.closedAt } : {}),
      updatedAt: new Date(),
    })
    .where(eq(jobs.id, options.jobId));
}

export const listEmployerJobs = withDefaultDb(async function listEmployerJobs(db: Executor, organisationId: string) {
  return db
    .select({
      id: jobs.id,
      title: jobs.title,
      status: jobs.status,
      deadline: jobs.deadline,
      publishedAt: jobs.publishedAt,
      // Qualified by hand: drizzle writes a column in a select list unqualified ("id"), which inside this subquery
      // would name applications.id and count nothing.
      applications: sql<number>`(select count(*)::int from applications a where a.job_id = "jobs"."id" and a.organisation_id = ${organisationId})`,
    })
    .from(jobs)
    .where(eq(jobs.organisationId, organisationId))
    .orderBy(desc(jobs.createdAt));
});

/** Which of `codes` are not active programmes; whether the level and provinces exist. For the job form. */
export async function checkJobReferences(
  db: Executor,
  input: Pick<JobInput, "programmeCodes" | "minLevelCode" | "provinceCodes">,
) {
  const known = input.programmeCodes.length
    ? await db
        .select({ code: programmes.code })
        .from(programmes)
        .where(and(inArray(programmes.code, input.programmeCodes), eq(programmes.active, true)))
    : [];
  const level = await db
    .select({ code: trainingLevels.code })
    .from(trainingLevels)
    .where(eq(trainingLevels.code, input.minLevelCode))
    .limit(1);
  const provinceRows = input.provinceCodes.length
    ? await db.select({ code: provinces.code }).from(provinces).where(inArray(provinces.code, input.provinceCodes))
    : [];
  const knownCodes = new Set(known.map((k) => k.code));
  return {
    unknownProgrammes: input.programmeCodes.filter((c) => !knownCodes.has(c)),
    levelExists: level.length > 0,
    provincesExist: provinceRows.length === input.provinceCodes.length,
  };
}

/**
 * Rewrites a job's rows in the matching index: one per target programme (with its key, group and field) and one
 * for its occupation, when the job is open; none otherwise.
 */
export async function syncJobMatchTargets(db: Executor, options: { jobId: string; now?: Date }): Promise<void> {
  await db.delete(jobMatchTargets).where(eq(jobMatchTargets.jobId, options.jobId));
  const today = vietnamDate(options.now);
  const [job] = await db
    .select({ skills: jobs.skills, title: jobs.title })
    .from(jobs)
    .where(and(eq(jobs.id, options.jobId), isOpenSql(today)));
  if (!job) return;
  const skills = textArray(jobMatchTerms(job.skills, job.title));
  await db.execute(sql`
    with j as (
      select jb.id, jb.programme_codes, jb.occupation_code, l.rank as min_rank, jb.province_codes, jb.remote, jb.published_at, jb.deadline,
        coalesce(jb.salary_max_vnd, jb.salary_min_vnd) as salary_top, jb.employment_type,
        ${neighboursOfSql(sql`jb.province_codes`)} as neighbours
      from jobs jb join training_levels l on l.code = jb.min_level_code
      where jb.id = ${options.jobId}
    )
    insert into job_match_targets (job_id, programme_code, programme_key, group_code, field_code, vsco_code, min_level_rank,
      province_codes, neighbour_codes, remote, skills_folded, published_at, deadline, salary_top_vnd, employment_type)
    select j.id, p.code, p.programme_key, p.group_code, p.field_code, null, j.min_rank, j.province_codes, j.neighbours, j.remote, ${skills}, j.published_at, j.deadline,
        j.salary_top, j.employment_type
      from j join programmes p on p.code = any(j.programme_codes)
    union all
    select j.id, null, null, null, null, j.occupation_code, j.min_rank, j.province_codes, j.neighbours, j.remote, ${skills}, j.published_at, j.deadline,
        j.salary_top, j.employment_type
      from j where j.occupation_code is not null`);
}

/** Marks published jobs past their deadline as expired and drops them from the matching index. Returns how many. */
export async function expirePastDeadline(db: Executor, now = new Date()): Promise<number> {
  const today = vietnamDate(now);
  const rows = rowsOf<{ id: string }>(
    await db.execute(sql`update jobs set status = 'expired', closed_at = ${now.toISOString()}::timestamptz, updated_at = now()
      where status = 'published' and deadline < ${today} returning id`),
  );
  if (rows.length > 0) await db.execute(sql`delete from job_match_targets where deadline < ${today}`);
  return rows.length;
}

/** Filters shared by the public list and "Việc làm phù hợp". */
export function jobFilterConditions(filters: JobFilters): SQL[] {
  const conditions: SQL[] = [];
  if (filters.q) conditions.push(sql`${jobs.searchTsv} @@ websearch_to_tsquery('simple', vb_fold(${filters.q}))`);
  if (filters.province)
    conditions.push(sql`(${jobs.provinceCodes} @> array[${filters.province}]::varchar[] or ${jobs.remote})`);
  if (filters.minSalary !== undefined) {
    conditions.push(sql`coalesce(${jobs.salaryMaxVnd}, ${jobs.salaryMinVnd}) >= ${filters.minSalary}`);
  }
  if (filters.level) conditions.push(sql`${jobs.minLevelCode} = ${filters.level}`);
  if (filters.types?.length) conditions.push(sql`${jobs.employmentType} = any(${textArray(filters.types)})`);
  return conditions;
}

/** The public list: open jobs of accredited employers, newest first (or by text relevance when searching). */
export const listPublicJobs = withDefaultDb(async function listPublicJobs(
  db: Executor,
  options: { filters: JobFilters; now?: Date; limit: number; offset: number },
) {
  const today = vietnamDate(options.now);
  const where = and(isOpenSql(today), eq(organisations.status, "accredited"), ...jobFilterConditions(options.filters));
  const order = options.filters.q
    ? [
        sql`ts_rank(${jobs.searchTsv}, websearch_to_tsquery('simple', vb_fold(${options.filters.q}))) desc`,
        desc(jobs.publishedAt),
        asc(jobs.id),
      ]
    : [desc(jobs.publishedAt), asc(jobs.id)];
  const rows = await db
    .select({
      id: jobs.id,
      title: jobs.title,
      employerName: organisations.name,
      employerCode: organisations.code,
      provinceCodes: jobs.provinceCodes,
      remote: jobs.remote,
      salaryMinVnd: jobs.salaryMinVnd,
      salaryMaxVnd: jobs.salaryMaxVnd,
      salaryNegotiable: jobs.salaryNegotiable,
      employmentType: jobs.employmentType,
      minLevelCode: jobs.minLevelCode,
      deadline: jobs.deadline,
      publishedAt: jobs.publishedAt,
      total: sql<number>`count(*) over ()::int`,
    })
    .from(jobs)
    .innerJoin(organisations, eq(organisations.id, jobs.organisationId))
    .where(where)
    .orderBy(...order)
    .limit(options.limit)
    .offset(options.offset);
  return {
    total: rows[0]?.total ?? 0,
    jobs: rows.map(({ total: _t, publishedAt, ...r }) => ({ ...r, publishedAt: publishedAt!.toISOString() })),
  };
});

/** One job as the public sees it, with its employer: only while open (or to its own employer, via findEmployerJob). */
export const findPublicJob = withDefaultDb(async function findPublicJob(
  db: Executor,
  options: { jobId: string; now?: Date },
) {
  const today = vietnamDate(options.now);
  const rows = await db
    .select({
      job: jobs,
      employer: { name: organisations.name, code: organisations.code, provinceCode: organisations.provinceCode },
      profile: employerProfiles,
    })
    .from(jobs)
    .innerJoin(organisations, eq(organisations.id, jobs.organisationId))
    .leftJoin(employerProfiles, eq(employerProfiles.organisationId, organisations.id))
    .where(and(eq(jobs.id, options.jobId), isOpenSql(today), eq(organisations.status, "accredited")))
    .limit(1);
  return rows[0] ?? null;
});

export const findEmployerProfile = withDefaultDb(async function findEmployerProfile(
  db: Executor,
  organisationId: string,
) {
  const rows = await db
    .select()
    .from(employerProfiles)
    .where(eq(employerProfiles.organisationId, organisationId))
    .limit(1);
  return rows[0] ?? null;
});
