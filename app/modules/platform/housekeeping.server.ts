import { lt, or } from "drizzle-orm";
import { sessions, userTokens } from "../../../db/schema";
import type { Database } from "~/lib/db.server";
import { getEnv } from "~/lib/env.server";
import { pruneRateLimits } from "~/lib/rate-limit.server";
import { escalateOverdueCases } from "~/modules/cases/escalate-overdue.server";
import { expireMailSecrets } from "~/modules/mail/queries.server";
import { sendJobAlertDigests } from "~/modules/jobs/job-alert-digest.server";
import { expirePastDeadline } from "~/modules/jobs/queries.server";

/**
 * Drops what no longer matters: ended rate-limit windows, sessions and tokens long expired, the sealed links of mail
 * never delivered before they expired; marks jobs past their
 * deadline expired; mails the day's saved-search digests (once per graduate per day, however often it runs);
 * escalates overdue cases to their organisation's head (each once).
 */
export async function runHousekeeping(db: Database, now = new Date()): Promise<void> {
  const dayAgo = new Date(now.getTime() - 86400_000);
  const monthAgo = new Date(now.getTime() - 30 * 86400_000);
  await pruneRateLimits(db, dayAgo);
  await db.delete(sessions).where(or(lt(sessions.expiresAt, monthAgo), lt(sessions.revokedAt, monthAgo)));
  await db.delete(userTokens).where(lt(userTokens.expiresAt, monthAgo));
  await expireMailSecrets(db, now);
  // Queries already hide a job past its deadline; the sweep makes its stored status say so and empties its matching rows.
  await expirePastDeadline(db, now);
  await sendJobAlertDigests(db, { now });
  await escalateOverdueCases(db, { origin: getEnv().PUBLIC_ORIGIN, now });
}
