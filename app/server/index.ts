/**
 * The HTTP server, and the entry point of the production build: remix.config.js names this file as `server`, so
 * Remix compiles it together with the app into build/index.js (`node build/index.js`), one module graph with one
 * set of caches and one database handle. It parses the environment, migrates (and in demo mode seeds) the database,
 * then serves the verification API (verify-api.ts) and the Express application (express-app.ts), with background
 * mail delivery and housekeeping, and a graceful shutdown.
 */
import { createServer } from "node:http";
import { broadcastDevReady, type ServerBuild } from "@remix-run/node";
import * as remixBuild from "@remix-run/dev/server-build";
import { closeDatabase, connectDatabase } from "~/lib/db.server";
import { EnvError, getEnv, type Env } from "~/lib/env.server";
import { logger } from "~/lib/logger.server";
import { seedDemoData } from "~/modules/demo/demo-data.server";
import { seedDemoDiplomas } from "~/modules/demo/demo-diplomas.server";
import { seedDemoJobs } from "~/modules/demo/demo-jobs.server";
import { ensureKeysForAccreditedSchools } from "~/modules/keys/ensure-school-key.server";
import { MissingKekError } from "~/modules/keys/key-encryption.server";
import { createSmtpTransport, deliverPendingMail, requeueStuckMail } from "~/modules/mail/deliver-mail.server";
import { runHousekeeping } from "~/modules/platform/housekeeping.server";
import { prepareDatabase } from "~/modules/platform/prepare-database.server";
import { flushVerificationCounts } from "~/modules/verification/checks.server";
import { createExpressApp } from "./express-app";
import { startMetricsServer } from "./metrics";
import { withObservability } from "./observability";
import { withVerifyApi } from "./verify-api";

const bootStarted = performance.now();
const build: ServerBuild = remixBuild;

let env: Env;
try {
  env = getEnv();
} catch (error) {
  if (error instanceof EnvError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}

const handle = await connectDatabase();
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
// Jobs of the demo employer, and the demo graduate's preferences and consents.
if (env.DEMO_MODE) await seedDemoJobs(handle.db);

const server = createServer(
  withObservability(withVerifyApi(createExpressApp(env, build), env.TRUST_PROXY), env, build),
);
// Metrics on METRICS_PORT, when set (single process; under node:cluster the primary calls startMetricsPrimary).
startMetricsServer(env);
server.listen(env.PORT, env.HOST, () => {
  logger.info("server ready", {
    url: `http://${env.HOST === "0.0.0.0" ? "localhost" : env.HOST}:${env.PORT}`,
    database: handle.kind,
    demoMode: env.DEMO_MODE,
    bootMs: Math.round(performance.now() - bootStarted),
    rssMb: Math.round(process.memoryUsage().rss / 1048576),
  });
  // Under `remix dev` (which restarts this process after each rebuild): tell it this build is being served.
  if (process.env.REMIX_DEV_ORIGIN) void broadcastDevReady(build);
});

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

let shuttingDown = false;
async function shutdown(signal: string) {
  if (shuttingDown) return;
  shuttingDown = true;
  logger.info("shutting down", { signal });
  if (mailTimer) clearInterval(mailTimer);
  clearInterval(housekeepingTimer);
  const force = setTimeout(() => {
    logger.error("shutdown timed out: exiting");
    process.exit(1);
  }, 10_000);
  force.unref();
  // Stop accepting connections, let requests in flight finish, then close the database (postgres.js pool or PGlite).
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  await closed;
  await flushVerificationCounts(handle.db).catch((err) => logger.error("flushing verification counts failed", { err }));
  await closeDatabase().catch((err) => logger.error("closing the database failed", { err }));
  logger.info("stopped");
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
