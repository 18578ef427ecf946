/**
 * What runs once per deployment rather than once per serving process: preparing the database (migrations, the demo
 * data, signing keys) and the background work (mail delivery, housekeeping). With WEB_CONCURRENCY > 1 the cluster's
 * primary runs both (cluster.ts) and its workers only serve; with one process, that process does everything.
 * One mail dispatcher: requeueStuckMail at its start puts back mail left "sending", which would resend mail that
 * another live dispatcher is sending (the per-row claim alone is safe; the requeue is not).
 */
import type { DatabaseHandle } from "~/lib/db.server";
import type { Env } from "~/lib/env.server";
import { logger } from "~/lib/logger.server";
import { seedDemoCasePublic } from "~/modules/demo/demo-case-public.server";
import { seedDemoData } from "~/modules/demo/demo-data.server";
import { seedDemoDiplomas } from "~/modules/demo/demo-diplomas.server";
import { seedDemoJobs } from "~/modules/demo/demo-jobs.server";
import { seedDemoCaseStats } from "~/modules/demo/demo-case-stats.server";
import { seedDemoServices } from "~/modules/demo/demo-services.server";
import { ensureKeysForAccreditedSchools } from "~/modules/keys/ensure-school-key.server";
import { MissingKekError } from "~/modules/keys/key-encryption.server";
import { createSmtpTransport, deliverPendingMail, requeueStuckMail } from "~/modules/mail/deliver-mail.server";
import { runHousekeeping } from "~/modules/platform/housekeeping.server";
import { prepareDatabase } from "~/modules/platform/prepare-database.server";

/** Migrates (and in demo mode seeds) the database, and gives every accredited school a key. */
export async function prepareForServing(handle: DatabaseHandle, env: Env): Promise<void> {
  await prepareDatabase(handle);
  if (env.DEMO_MODE) await seedDemoData(handle.db);
  // The ministry's key and one for every accredited school. Without a KEK (production misconfigured) the portal
  // still serves its pages; signing and the trust registry answer that the key is unavailable.
  try {
    await ensureKeysForAccreditedSchools(handle.db);
  } catch (error) {
    if (!(error instanceof MissingKekError)) throw error;
    logger.error("signing keys unavailable", { reason: error.message });
  }
  if (env.DEMO_MODE) await seedDemoDiplomas(handle.db, env.PUBLIC_ORIGIN);
  // A delivered certified copy and a waiting confirmation request of the demo graduate (needs the diplomas).
  if (env.DEMO_MODE) await seedDemoServices(handle.db, env.PUBLIC_ORIGIN);
  // Jobs of the demo employer, and the demo graduate's preferences and consents.
  if (env.DEMO_MODE) await seedDemoJobs(handle.db);
  // A few answered, rated, refused, late and escalated cases for the statistics report.
  if (env.DEMO_MODE) await seedDemoCaseStats(handle.db, env.PUBLIC_ORIGIN);
  // Cases to look up by code, an old fake report's tracking code, an overdue case escalated to the principal.
  if (env.DEMO_MODE) await seedDemoCasePublic(handle.db, env.PUBLIC_ORIGIN);
}

/** Starts mail delivery (MAIL_TRANSPORT=smtp) and the hourly housekeeping; resolves to their stop. */
export async function startBackgroundWork(handle: DatabaseHandle, env: Env): Promise<() => void> {
  // Mail leaves the outbox after the transaction that wrote it has committed.
  let mailTimer: NodeJS.Timeout | undefined;
  if (env.MAIL_TRANSPORT === "smtp" && env.SMTP_URL) {
    const transport = await createSmtpTransport(env.SMTP_URL);
    await requeueStuckMail(handle.db);
    let busy = false;
    mailTimer = setInterval(() => {
      if (busy) return;
      busy = true;
      deliverPendingMail(handle.db, transport, env.MAIL_FROM)
        .catch((err) => logger.error("mail dispatcher failed", { err }))
        .finally(() => (busy = false));
    }, 5_000);
    mailTimer.unref();
  }
  const housekeepingTimer = setInterval(() => {
    runHousekeeping(handle.db).catch((err) => logger.error("housekeeping failed", { err }));
  }, 3600_000);
  housekeepingTimer.unref();
  return () => {
    if (mailTimer) clearInterval(mailTimer);
    clearInterval(housekeepingTimer);
  };
}
