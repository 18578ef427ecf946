/**
 * `npm run bench:matching -- --graduates 100000 --jobs 20000 [--samples 200] [--keep]`
 * Generates a population on the configured database (DATABASE_URL; a fresh in-memory PGlite without it): graduates
 * with issued, claimed diplomas, preferences and consents; open jobs from accredited employers. Programmes and
 * provinces are drawn unevenly (a few programmes and the two big cities dominate, as in real data). It then measures
 *   - "jobs for me": the graduate's diplomas and preferences, then the top 20 open jobs (loadMatchGraduate + rank);
 *   - "candidates for a job": the job as matching sees it, then the top 50 consenting graduates;
 *   - publish → matched: the publishing transaction, which writes the job's matching rows and saved-search alerts;
 * and the same two rankings done naively (every row of the matching tables scored) for comparison.
 * The population is bulk-loaded with the same rows the use-cases write (refreshCandidatePool, syncJobMatchTargets),
 * under a BENCH-… school and employer, and deleted at the end unless --keep.
 * The last line is JSON: {"jobsForMeP50Ms","jobsForMeP95Ms","candidatesP50Ms","candidatesP95Ms","publishToMatchedMs",…}.
 */
import { randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { closeDatabase, openPglite, openPostgres, rowsOf, useDatabase, type DatabaseHandle } from "~/lib/db.server";
import { prepareDatabase } from "~/modules/platform/prepare-database.server";
import { changeJobStatus } from "~/modules/jobs/change-job-status.server";
import { saveJob } from "~/modules/jobs/save-job.server";
import {
  loadMatchGraduate,
  loadMatchJobs,
  rankCandidatesForJob,
  rankJobsForGraduate,
} from "~/modules/matching/queries.server";
import { createOrganisation, createUser } from "../tests/support/factories";

const { values } = parseArgs({
  options: {
    graduates: { type: "string", default: "100000" },
    jobs: { type: "string", default: "20000" },
    samples: { type: "string", default: "200" },
    keep: { type: "boolean", default: false },
  },
  allowPositionals: false,
  strict: true,
});
const graduates = Number(values.graduates);
const jobCount = Number(values.jobs);
const samples = Number(values.samples);
if (
  ![graduates, jobCount, samples].every((n) => Number.isInteger(n) && n > 0) ||
  graduates > 2_000_000 ||
  jobCount > 500_000
) {
  console.error("usage: npm run bench:matching -- --graduates N --jobs M [--samples S] [--keep]");
  process.exit(2);
}
process.env.LOG_LEVEL ??= "warn";
// On PostgreSQL the environment is not demo mode, which requires PUBLIC_ORIGIN (mail links read it).
process.env.PUBLIC_ORIGIN ??= "https://vanbang.gdnn.gov.vn";

let handle: DatabaseHandle;
if (process.env.DATABASE_URL) handle = await openPostgres(process.env.DATABASE_URL, 4);
else handle = await openPglite({});
useDatabase(handle);
await prepareDatabase(handle);
const db = handle.db;
const run = randomUUID().slice(0, 8).toUpperCase();
const log = (message: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${message}`);
log(
  `database: ${handle.kind}${process.env.DATABASE_URL ? "" : " (in memory)"}; ${graduates} graduates, ${jobCount} jobs, run ${run}`,
);

// Uneven draws: programmes and provinces in a fixed order, index = floor(n · u²) favours the first ones.
const programmeRows = rowsOf<{ code: string }>(
  await db.execute(sql`select code from programmes where active and not is_legacy order by code`),
);
const programmeOrder = [...programmeRows.map((r) => r.code)].sort((a, b) => weight(b) - weight(a));
function weight(code: string): number {
  // Business, IT, engineering and hospitality first: the largest enrolments.
  const field = code.slice(1, 3);
  return ({ "34": 5, "48": 4, "52": 4, "81": 3, "51": 3, "72": 2, "22": 2 } as Record<string, number>)[field] ?? 1;
}
const provinceOrder = [
  "79",
  "01",
  "48",
  "31",
  "75",
  "92",
  "24",
  "33",
  "38",
  "40",
  "56",
  "66",
  "52",
  "68",
  "25",
  "19",
  "37",
  "82",
  "91",
  "86",
  "80",
  "44",
  "46",
  "51",
  "42",
  "22",
  "96",
  "15",
  "08",
  "20",
  "14",
  "04",
  "11",
  "12",
];
const arr = (values: readonly string[]) => sql`${`{${values.join(",")}}`}::text[]`;
const pick = (list: SQL, n: number) => sql`(${list})[1 + floor(power(random(), 2) * ${n})::int]`;
type SQL = ReturnType<typeof sql>;
const programmesSql = arr(programmeOrder);
const provincesSql = arr(provinceOrder);
const skillPool = [
  "kế toán máy",
  "excel",
  "misa",
  "thuế",
  "tiếng anh",
  "javascript",
  "sql",
  "hàn mig",
  "autocad",
  "plc",
  "lái xe",
  "giao tiếp",
  "bán hàng",
  "nấu ăn",
  "chăm sóc khách hàng",
  "tiếng nhật",
  "tiếng hàn",
  "điện dân dụng",
  "sửa chữa ô tô",
  "photoshop",
];
const skillsSql = arr(skillPool.map((s) => `"${s}"`));

// ——— Population ———
const started = performance.now();
const school = await createOrganisation(db, { kind: "school", code: `BENCH-${run}` });
const employerOrg = await createOrganisation(db, {
  kind: "employer",
  code: String(9_000_000_000 + Math.floor(Math.random() * 999_999_999)),
  name: `BENCH ${run}`,
});
const staff = await createUser(db, { roles: [{ role: "employer_member", organisationId: employerOrg.id }] });

await db.execute(
  sql`insert into users (email, full_name) select 'bench-' || lower(${run}) || '-' || g || '@bench.invalid', 'Người học ' || g from generate_series(1, ${graduates}) g`,
);
// A plain table (not temporary: the pool has several connections), dropped at the end.
const benchUsers = sql.raw(`bench_users_${run.toLowerCase()}`);
await db.execute(sql`
  create unlogged table ${benchUsers} as
  select id, row_number() over (order by email) as n from users where email like ${`bench-${run.toLowerCase()}-%`}`);
await db.execute(sql`create index on ${benchUsers} (n)`);
log("users");
// One diploma each, a second for a quarter of them.
const diplomaCount = Math.round(graduates * 1.25);
await db.execute(sql`
  insert into diplomas (organisation_id, status, full_name, date_of_birth, place_of_birth, gender, ethnicity, personal_id_ciphertext, personal_id_hash,
    programme_code, programme_name, level_code, mode_of_study, classification, graduation_date, graduation_decision_number,
    serial, register_year, register_number, issue_date, credential, claimed_by, claimed_at, created_by)
  select ${school.id}, 'issued', 'Người học ' || u.n, '2003-01-01', 'Hà Nội', 'nam', 'Kinh', 'bench', 'bench-' || s.g,
    p.code, p.name_vi, p.level_code, 'chinh_quy', 'kha', '2025-06-01', '1/QĐ', ${`BENCH-${run}-`} || s.g, 2025, s.g, '2025-06-15', '{}'::jsonb,
    u.id, now(), ${staff.id}
  from (select g, ${pick(programmesSql, programmeOrder.length)} as code from generate_series(1, ${diplomaCount}) g) s
    join ${benchUsers} u on u.n = ((s.g - 1) % ${graduates}) + 1
    join programmes p on p.code = s.code`);
log("diplomas");
await db.execute(sql`
  insert into graduate_profiles (user_id, province_codes, skills, salary_expectation_vnd, job_types)
  select u.id, array[${pick(provincesSql, provinceOrder.length)}]::varchar[],
    array(select distinct (${skillsSql})[1 + floor(random() * ${skillPool.length})::int] from generate_series(1, 1 + (u.n % 3)) s where u.n > 0),
    case when u.n % 2 = 0 then 7000000 + (u.n % 8) * 1000000 end,
    case when u.n % 3 = 0 then array['full_time'] when u.n % 3 = 1 then array['full_time', 'part_time'] else '{}'::text[] end
  from ${benchUsers} u`);
// 60% let employers see them, half of those may be contacted; 5% keep a saved search.
await db.execute(
  sql`insert into graduate_consents (user_id, purpose) select id, 'visible_to_employers' from ${benchUsers} where n % 5 < 3`,
);
await db.execute(
  sql`insert into graduate_consents (user_id, purpose) select id, 'may_be_contacted' from ${benchUsers} where n % 10 < 3`,
);
await db.execute(
  sql`insert into saved_searches (user_id, name, filters) select id, 'Tìm việc', jsonb_build_object('province', ${pick(provincesSql, 5)}) from ${benchUsers} where n % 20 = 0`,
);
// Fresh statistics before the joins below: on a database that held (and deleted) an earlier run's population, stale
// ones led the planner into nested loops over 100,000 rows (the candidate pool took over ten minutes instead of seconds).
await db.execute(sql`analyze users, diplomas, graduate_profiles, graduate_consents`);
// The candidate pool, as refreshCandidatePool writes it.
await db.execute(sql`
  insert into candidate_pool (diploma_id, user_id, programme_code, programme_key, group_code, field_code, level_rank, province_codes, skills_folded,
    salary_expectation_vnd, job_types)
  select d.id, d.claimed_by, d.programme_code, p.programme_key, p.group_code, p.field_code, l.rank, gp.province_codes,
    array(select vb_fold(s) from unnest(gp.skills) s), gp.salary_expectation_vnd, gp.job_types
  from diplomas d join ${benchUsers} u on u.id = d.claimed_by
    join programmes p on p.code = d.programme_code join training_levels l on l.code = d.level_code
    join graduate_profiles gp on gp.user_id = d.claimed_by
  where exists (select 1 from graduate_consents c where c.user_id = d.claimed_by and c.purpose = 'visible_to_employers' and c.withdrawn_at is null)`);
log("profiles, consents, candidate pool");

// Jobs: one or two programmes (or an occupation for 10%), one province (remote 5%), published over the last 60 days.
await db.execute(sql`
  insert into jobs (organisation_id, title, description, programme_codes, occupation_code, min_level_code, province_codes, remote,
    salary_min_vnd, salary_max_vnd, employment_type, openings, skills, deadline, status, published_at, created_by, search_tsv)
  select ${employerOrg.id}, 'Tuyển ' || p.name_vi, 'Mô tả công việc ' || g,
    case when g % 10 = 0 then '{}'::varchar[] when g % 3 = 0 then array[p.code, ${pick(programmesSql, programmeOrder.length)}]::varchar[] else array[p.code]::varchar[] end,
    case when g % 10 = 0 then coalesce((select o.vsco_code from programme_occupations o where o.programme_key = p.programme_key limit 1), '3313') end,
    case when g % 4 = 0 then 'cao_dang' else 'trung_cap' end,
    case when g % 20 = 0 then '{}'::varchar[] else array[${pick(provincesSql, provinceOrder.length)}]::varchar[] end,
    g % 20 = 0, 6000000 + (g % 10) * 1000000, 9000000 + (g % 10) * 1500000, case when g % 7 = 0 then 'part_time' else 'full_time' end, 1 + g % 5,
    array[(${skillsSql})[1 + floor(random() * ${skillPool.length})::int], (${skillsSql})[1 + floor(random() * ${skillPool.length})::int]],
    current_date + 30 + (g % 60), 'published', now() - (random() * interval '60 days'), ${staff.id},
    to_tsvector('simple', vb_fold('Tuyển ' || p.name_vi || ' Mô tả công việc'))
  from (select g, ${pick(programmesSql, programmeOrder.length)} as code from generate_series(1, ${jobCount}) g) s
    join programmes p on p.code = s.code`);
await db.execute(sql`analyze jobs`);
// The matching index, as syncJobMatchTargets writes it.
await db.execute(sql`
  with j as (
    select jb.id, jb.programme_codes, jb.occupation_code, l.rank as min_rank, jb.province_codes, jb.remote, jb.published_at, jb.deadline,
      coalesce(jb.salary_max_vnd, jb.salary_min_vnd) as salary_top, jb.employment_type,
      -- jobMatchTerms: the folded skills and every phrase of one to four words of the folded title
      array(select vb_fold(s) from unnest(jb.skills) s
            union
            select array_to_string(w.words[i:i + k - 1], ' ')
              from (select regexp_split_to_array(trim(regexp_replace(vb_fold(jb.title), '[^[:alnum:]]+', ' ', 'g')), ' ') as words) w,
                generate_subscripts(w.words, 1) i, generate_series(1, 4) k
              where i + k - 1 <= cardinality(w.words)) as skills,
      coalesce((select array_agg(distinct n.neighbour_code) from province_neighbours n
                where n.province_code = any(jb.province_codes) and not (n.neighbour_code = any(jb.province_codes))), '{}') as neighbours
    from jobs jb join training_levels l on l.code = jb.min_level_code where jb.organisation_id = ${employerOrg.id}
  )
  insert into job_match_targets (job_id, programme_code, programme_key, group_code, field_code, vsco_code, min_level_rank,
    province_codes, neighbour_codes, remote, skills_folded, published_at, deadline, salary_top_vnd, employment_type)
  select j.id, p.code, p.programme_key, p.group_code, p.field_code, null, j.min_rank, j.province_codes, j.neighbours, j.remote, j.skills, j.published_at, j.deadline,
      j.salary_top, j.employment_type
    from j join programmes p on p.code = any(j.programme_codes)
  union all
  select j.id, null, null, null, null, j.occupation_code, j.min_rank, j.province_codes, j.neighbours, j.remote, j.skills, j.published_at, j.deadline,
      j.salary_top, j.employment_type
    from j where j.occupation_code is not null`);
// As autovacuum would have left a live database: statistics and visibility maps up to date.
await db.execute(sql`vacuum analyze`);
log(`population ready in ${((performance.now() - started) / 1000).toFixed(1)} s`);

// ——— Measurements ———
const sampleUsers = rowsOf<{ id: string }>(
  await db.execute(sql`select id from ${benchUsers} order by random() limit ${samples}`),
).map((r) => r.id);
const sampleJobs = rowsOf<{ id: string }>(
  await db.execute(
    sql`select id from jobs where organisation_id = ${employerOrg.id} order by random() limit ${samples}`,
  ),
).map((r) => r.id);

function percentile(xs: number[], p: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}
async function timeEach<T>(items: readonly T[], fn: (item: T) => Promise<unknown>): Promise<number[]> {
  for (const item of items.slice(0, 5)) await fn(item); // warm-up
  const out: number[] = [];
  for (const item of items) {
    const t = performance.now();
    await fn(item);
    out.push(performance.now() - t);
  }
  return out;
}
const jobsForMe = (naive: boolean) => async (userId: string) => {
  const { graduate } = await loadMatchGraduate(db, userId);
  return rankJobsForGraduate(db, { graduate, limit: 20, naive });
};
const candidates = (naive: boolean) => async (jobId: string) => {
  const job = (await loadMatchJobs(db, [jobId])).get(jobId)!;
  return rankCandidatesForJob(db, { job, limit: 50, naive });
};

const jfm = await timeEach(sampleUsers, jobsForMe(false));
log(`jobs for me: p50 ${percentile(jfm, 50).toFixed(1)} ms, p95 ${percentile(jfm, 95).toFixed(1)} ms`);
const cand = await timeEach(sampleJobs, candidates(false));
log(`candidates: p50 ${percentile(cand, 50).toFixed(1)} ms, p95 ${percentile(cand, 95).toFixed(1)} ms`);
const naiveSamples = Math.min(samples, 30);
const jfmNaive = await timeEach(sampleUsers.slice(0, naiveSamples), jobsForMe(true));
log(
  `jobs for me, full scan: p50 ${percentile(jfmNaive, 50).toFixed(1)} ms, p95 ${percentile(jfmNaive, 95).toFixed(1)} ms`,
);
const candNaive = await timeEach(sampleJobs.slice(0, naiveSamples), candidates(true));
log(
  `candidates, full scan: p50 ${percentile(candNaive, 50).toFixed(1)} ms, p95 ${percentile(candNaive, 95).toFixed(1)} ms`,
);

// Publish → matched: drafts through the use-case, then the publishing transaction (matching rows + alerts).
const publishMs: number[] = [];
for (let i = 0; i < 25; i++) {
  const saved = await saveJob(db, {
    organisationId: employerOrg.id,
    input: {
      title: `Kế toán ${i}`,
      description: "Kế toán công nợ và thuế.",
      programmeCodes: [programmeOrder[i % 5]!],
      occupationCode: null,
      minLevelCode: "trung_cap",
      provinceCodes: [provinceOrder[i % 4]!],
      remote: false,
      salaryMinVnd: 8_000_000,
      salaryMaxVnd: 12_000_000,
      salaryNegotiable: false,
      employmentType: "full_time",
      openings: 1,
      skills: ["excel", "misa"],
      deadline: "2099-12-31",
    },
    actor: { userId: staff.id, ip: null },
  });
  if (!saved.ok) throw new Error(`saveJob: ${saved.code}`);
  const t = performance.now();
  const published = await changeJobStatus(db, {
    organisation: employerOrg,
    jobId: saved.value.jobId,
    transition: "publish",
    actor: { userId: staff.id, ip: null },
  });
  if (!published.ok) throw new Error(`publish: ${published.code}`);
  if (i >= 5) publishMs.push(performance.now() - t);
}
log(`publish → matched: p50 ${percentile(publishMs, 50).toFixed(1)} ms`);

if (!values.keep) {
  log("removing the population (--keep to keep it)");
  await db.execute(sql`delete from notifications where user_id in (select id from ${benchUsers})`);
  await db.execute(sql`delete from jobs where organisation_id = ${employerOrg.id}`);
  await db.execute(sql`delete from candidate_pool where user_id in (select id from ${benchUsers})`);
  await db.execute(sql`delete from graduate_consents where user_id in (select id from ${benchUsers})`);
  await db.execute(sql`delete from graduate_profiles where user_id in (select id from ${benchUsers})`);
  await db.execute(sql`delete from saved_searches where user_id in (select id from ${benchUsers})`);
  await db.execute(sql`delete from diplomas where organisation_id = ${school.id}`);
  await db.execute(sql`delete from users where id in (select id from ${benchUsers})`);
  await db.execute(sql`delete from audit_log where organisation_id = ${employerOrg.id}`);
  await db.execute(sql`delete from role_assignments where organisation_id in (${school.id}, ${employerOrg.id})`);
  await db.execute(sql`delete from organisations where id in (${school.id}, ${employerOrg.id})`);
}
await db.execute(sql`drop table if exists ${benchUsers}`);
await closeDatabase();

const round = (n: number) => Math.round(n * 10) / 10;
console.log(
  JSON.stringify({
    jobsForMeP50Ms: round(percentile(jfm, 50)),
    jobsForMeP95Ms: round(percentile(jfm, 95)),
    candidatesP50Ms: round(percentile(cand, 50)),
    candidatesP95Ms: round(percentile(cand, 95)),
    publishToMatchedMs: round(percentile(publishMs, 50)),
    naiveJobsForMeP50Ms: round(percentile(jfmNaive, 50)),
    naiveJobsForMeP95Ms: round(percentile(jfmNaive, 95)),
    naiveCandidatesP50Ms: round(percentile(candNaive, 50)),
    naiveCandidatesP95Ms: round(percentile(candNaive, 95)),
    graduates,
    jobs: jobCount,
    database: handle.kind,
  }),
);
