import { and, inArray, desc, eq, isNull, sql } from "drizzle-orm";
import { notifications, savedSearches } from "../../../db/schema";
import { type Database, type Executor, withDefaultDb } from "~/lib/db.server";
import { recordAudit, type AuditActor } from "~/modules/audit/record-audit.server";
import { jobFiltersRecord, type JobFilters } from "./schema";

/**
 * In-app alerts: when a job is published, each graduate with a saved search that the job satisfies (its filters)
 * and whose issued, claimed diplomas match the job (level at least the minimum; same programme, field or
 * crosswalked occupation) gets one notification. Runs inside the publishing transaction.
 */
export async function alertSavedSearches(tx: Executor, options: { jobId: string; now: Date }): Promise<void> {
  await tx.execute(sql`
    insert into notifications (user_id, kind, job_id, details, created_at)
    select distinct on (s.user_id) s.user_id, 'job_alert', j.id, jsonb_build_object('savedSearchId', s.id, 'name', s.name, 'title', j.title, 'company', o.name), ${options.now.toISOString()}::timestamptz
    from saved_searches s join jobs j on j.id = ${options.jobId} join organisations o on o.id = j.organisation_id
    where exists (
        select 1 from diplomas d
          join programmes p on p.code = d.programme_code
          join training_levels l on l.code = d.level_code
          join job_match_targets t on t.job_id = j.id
        where d.claimed_by = s.user_id and d.status = 'issued' and l.rank >= t.min_level_rank
          and (t.programme_code = d.programme_code or t.field_code = p.field_code
               or t.vsco_code in (select o.vsco_code from programme_occupations o where o.programme_key = p.programme_key)))
      and (coalesce(s.filters->>'q', '') = '' or j.search_tsv @@ websearch_to_tsquery('simple', vb_fold(s.filters->>'q')))
      and (coalesce(s.filters->>'province', '') = '' or j.province_codes @> array[s.filters->>'province']::varchar[] or j.remote)
      and (coalesce(s.filters->>'minSalary', '') = '' or coalesce(j.salary_max_vnd, j.salary_min_vnd) >= (s.filters->>'minSalary')::bigint)
      and (coalesce(s.filters->>'level', '') = '' or j.min_level_code = s.filters->>'level')
      and (coalesce(s.filters->>'type', '') = '' or j.employment_type = any(string_to_array(s.filters->>'type', ',')))
    order by s.user_id, s.created_at`);
}

export const saveSearch = withDefaultDb(async function saveSearch(
  db: Database,
  options: { userId: string; name: string; filters: JobFilters; actor: AuditActor },
) {
  const filters = jobFiltersRecord(options.filters);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(savedSearches)
      .values({ userId: options.userId, name: options.name, filters })
      .returning({ id: savedSearches.id });
    await recordAudit(tx, options.actor, {
      action: "saved-search.create",
      entityType: "saved_search",
      entityId: row!.id,
      details: { filters },
    });
    return row!.id;
  });
});

export const deleteSavedSearch = withDefaultDb(async function deleteSavedSearch(
  db: Database,
  options: { userId: string; id: string; actor: AuditActor },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .delete(savedSearches)
      .where(and(eq(savedSearches.id, options.id), eq(savedSearches.userId, options.userId)))
      .returning({ id: savedSearches.id });
    if (rows.length > 0)
      await recordAudit(tx, options.actor, {
        action: "saved-search.delete",
        entityType: "saved_search",
        entityId: options.id,
      });
    return rows.length > 0;
  });
});

export function listSavedSearches(db: Executor, userId: string) {
  return db.select().from(savedSearches).where(eq(savedSearches.userId, userId)).orderBy(desc(savedSearches.createdAt));
}

/** The kinds of notice the jobs write (the graduate's applications page lists these; /notifications lists all). */
export const JOB_NOTIFICATION_KINDS = ["job_alert", "invitation", "application_status"] as const;

/** A person's notices, newest first: all of them, or only `kinds`. */
export const listNotifications = withDefaultDb(async function listNotifications(
  db: Executor,
  userId: string,
  limit: number = 30,
  kinds?: readonly string[],
) {
  return db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), kinds ? inArray(notifications.kind, [...kinds]) : undefined))
    .orderBy(desc(notifications.id))
    .limit(limit);
});

/** Marks a person's notices read: all of them, or only `kinds` (a page marks read what it showed). */
export const markNotificationsRead = withDefaultDb(async function markNotificationsRead(
  db: Executor,
  userId: string,
  kinds?: readonly string[],
): Promise<void> {
  await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(
      and(
        eq(notifications.userId, userId),
        isNull(notifications.readAt),
        kinds ? inArray(notifications.kind, [...kinds]) : undefined,
      ),
    );
});

export async function notify(
  db: Executor,
  options: { userId: string; kind: string; jobId?: string | null; details?: Record<string, unknown> },
) {
  await db.insert(notifications).values({
    userId: options.userId,
    kind: options.kind,
    jobId: options.jobId ?? null,
    details: options.details ?? null,
  });
}
