import { sql } from "drizzle-orm";
import { rowsOf, type Executor, withDefaultDb } from "~/lib/db.server";
import { vietnamDate } from "~/lib/format-time";

/**
 * What a school sees of the jobs connection: open jobs that fit the programmes it has issued (same programme at
 * any level, or an occupation its programmes' crosswalk names), and the placement of its graduates as counts only
 * (claimed diplomas, graduates visible to employers, applications by stage). No graduate is named.
 */
export const loadSchoolJobs = withDefaultDb(async function loadSchoolJobs(
  db: Executor,
  options: { organisationId: string; now?: Date; limit?: number },
) {
  const today = vietnamDate(options.now);
  const jobs = rowsOf<{
    id: string;
    title: string;
    employerName: string;
    programmeCode: string | null;
    vscoCode: string | null;
    deadline: string;
  }>(
    await db.execute(sql`
      with mine as (
        select distinct p.programme_key from diplomas d join programmes p on p.code = d.programme_code
        where d.organisation_id = ${options.organisationId} and d.status <> 'draft' and p.programme_key is not null
      )
      select distinct on (t.job_id) t.job_id as id, j.title, o.name as "employerName", t.programme_code as "programmeCode", t.vsco_code as "vscoCode", j.deadline::text as deadline
      from job_match_targets t join jobs j on j.id = t.job_id join organisations o on o.id = j.organisation_id
      where t.deadline >= ${today}
        and (t.programme_key in (select programme_key from mine)
             or t.vsco_code in (select o2.vsco_code from programme_occupations o2 where o2.programme_key in (select programme_key from mine)))
      order by t.job_id, t.programme_code nulls last
      limit ${options.limit ?? 100}`),
  );
  const [placement] = rowsOf<Record<string, number>>(
    await db.execute(sql`
      with g as (select distinct claimed_by as user_id from diplomas where organisation_id = ${options.organisationId} and claimed_by is not null and status = 'issued')
      select
        (select count(*) from g)::int as graduates,
        (select count(distinct c.user_id) from candidate_pool c where c.user_id in (select user_id from g))::int as visible,
        (select count(*) from applications a where a.user_id in (select user_id from g))::int as applications,
        (select count(*) from applications a where a.user_id in (select user_id from g) and a.status in ('interview', 'offer', 'hired'))::int as interviews,
        (select count(*) from applications a where a.user_id in (select user_id from g) and a.status = 'hired')::int as hired`),
  );
  return { jobs, placement: placement ?? { graduates: 0, visible: 0, applications: 0, interviews: 0, hired: 0 } };
});
