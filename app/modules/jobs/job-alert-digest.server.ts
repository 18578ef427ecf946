import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { jobAlertDigests, notifications } from "../../../db/schema";
import { rowsOf, type Database } from "~/lib/db.server";
import { getEnv } from "~/lib/env.server";
import { vietnamDate, vietnamIso } from "~/lib/format-time";
import { enqueueMail } from "~/modules/mail/enqueue-mail.server";

/** Digests go out from this hour of the Vietnam day on (the hourly housekeeping run), so a day's alerts are bundled. */
export const DIGEST_HOUR_VIETNAM = 7;
/** Alerts older than this are never mailed (a graduate who turned the mail back on gets no old backlog). */
const ALERT_MAX_AGE_DAYS = 7;

/**
 * The saved-search alerts' daily digest (category `job_alerts`): each graduate with job alerts not yet mailed gets
 * one mail naming each still-open job, its company and the saved search it matched, at most once per Vietnam day.
 * Idempotent: alerts are marked mailed and the day is recorded (job_alert_digests) in the transaction that queues
 * the mail, so a rerun — or a second server process — sends nothing twice. Returns how many digests were queued.
 */
export async function sendJobAlertDigests(
  db: Database,
  options: { now?: Date; publicOrigin?: string } = {},
): Promise<number> {
  const now = options.now ?? new Date();
  if (Number(vietnamIso(now).slice(11, 13)) < DIGEST_HOUR_VIETNAM) return 0;
  const today = vietnamDate(now);
  const origin = options.publicOrigin ?? getEnv().PUBLIC_ORIGIN;
  const since = new Date(now.getTime() - ALERT_MAX_AGE_DAYS * 86_400_000).toISOString();
  const recipients = rowsOf<{ userId: string }>(
    await db.execute(sql`
      select distinct n.user_id as "userId" from notifications n
      where n.kind = 'job_alert' and n.mailed_at is null and n.created_at > ${since}::timestamptz
        and not exists (select 1 from job_alert_digests d where d.user_id = n.user_id and d.day = ${today})`),
  );
  let sent = 0;
  for (const { userId } of recipients) {
    const queued = await db.transaction(async (tx) => {
      const claimed = await tx
        .insert(jobAlertDigests)
        .values({ userId, day: today, jobs: 0 })
        .onConflictDoNothing()
        .returning({ userId: jobAlertDigests.userId });
      if (claimed.length === 0) return false;
      const alerts = rowsOf<{
        id: number;
        jobId: string;
        title: string;
        company: string;
        search: string;
        open: boolean;
        email: string;
        fullName: string;
        locale: string;
      }>(
        await tx.execute(sql`
          select n.id, j.id as "jobId", j.title, o.name as company, coalesce(n.details->>'name', '') as search,
            (j.status = 'published' and j.deadline >= ${today}) as open, u.email, u.full_name as "fullName", u.locale
          from notifications n join jobs j on j.id = n.job_id join organisations o on o.id = j.organisation_id join users u on u.id = n.user_id
          where n.user_id = ${userId} and n.kind = 'job_alert' and n.mailed_at is null and n.created_at > ${since}::timestamptz
          order by n.id
          for update of n`),
      );
      const open = alerts.filter((a) => a.open);
      await tx
        .update(notifications)
        .set({ mailedAt: now })
        .where(
          and(
            inArray(
              notifications.id,
              alerts.map((a) => Number(a.id)),
            ),
            isNull(notifications.mailedAt),
          ),
        );
      const person = alerts[0];
      if (!person || open.length === 0) {
        // Nothing still open to tell: the day is not used up.
        await tx.delete(jobAlertDigests).where(and(eq(jobAlertDigests.userId, userId), eq(jobAlertDigests.day, today)));
        return false;
      }
      await tx
        .update(jobAlertDigests)
        .set({ jobs: open.length })
        .where(and(eq(jobAlertDigests.userId, userId), eq(jobAlertDigests.day, today)));
      return enqueueMail(tx, {
        to: person.email,
        locale: person.locale === "en" ? "en" : "vi",
        recipientUserId: userId,
        template: {
          name: "job_alert_digest",
          params: {
            fullName: person.fullName,
            date: today,
            jobs: open.map((a) => ({
              search: a.search,
              job: a.title,
              company: a.company,
              link: `${origin}/jobs/${a.jobId}`,
            })),
            link: `${origin}/graduate/jobs`,
          },
        },
      });
    });
    if (queued) sent++;
  }
  return sent;
}
