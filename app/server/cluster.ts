/**
 * WEB_CONCURRENCY > 1 on PostgreSQL: this process (the cluster's primary) prepares the database once, runs the
 * background work once (background.ts), and forks WEB_CONCURRENCY workers that only serve (serve.ts), all on one port
 * (node:cluster hands each connection to a worker). A worker that dies is replaced (after a second when it died
 * young, so that a worker failing at start does not spin). SIGTERM or SIGINT: the workers are told to stop and
 * finish their requests, then the primary stops its background work and closes its database.
 */
import cluster, { type Worker } from "node:cluster";
import type { DatabaseHandle } from "~/lib/db.server";
import { closeDatabase } from "~/lib/db.server";
import type { Env } from "~/lib/env.server";
import { logger } from "~/lib/logger.server";
import { startRateLimitPrimary } from "~/lib/public-rate-limit.server";
import { startBackgroundWork } from "./background";
import { startMetricsPrimary } from "./metrics";
import { onStopSignal } from "./serve";

/** A worker that dies sooner than this after its start is replaced only after RESTART_DELAY_MS. */
const YOUNG_MS = 10_000;
const RESTART_DELAY_MS = 1_000;

export async function runClusterPrimary(env: Env, handle: DatabaseHandle, bootStarted: number): Promise<void> {
  // The public rate limit's shared counters (rate-limiter-flexible's cluster master): every worker asks here.
  startRateLimitPrimary();
  // Metrics on METRICS_PORT: the sum over every worker (prom-client's AggregatorRegistry).
  startMetricsPrimary(env);
  const stopBackground = await startBackgroundWork(handle, env);

  let stopping = false;
  const startedAt = new Map<Worker, number>();
  const fork = () => {
    const worker = cluster.fork();
    startedAt.set(worker, Date.now());
    return worker;
  };

  let ready = 0;
  cluster.on("listening", () => {
    if (++ready !== env.WEB_CONCURRENCY) return;
    // Once, when the first generation of workers all listen (scripts/start.mjs announces it).
    logger.info("server ready", {
      url: `http://${env.HOST === "0.0.0.0" ? "localhost" : env.HOST}:${env.PORT}`,
      database: handle.kind,
      demoMode: env.DEMO_MODE,
      processes: env.WEB_CONCURRENCY,
      bootMs: Math.round(performance.now() - bootStarted),
    });
  });
  cluster.on("exit", (worker, code, signal) => {
    const age = Date.now() - (startedAt.get(worker) ?? 0);
    startedAt.delete(worker);
    if (stopping) return;
    logger.error("server worker died: starting another", { pid: worker.process.pid, code, signal, ageMs: age });
    if (age < YOUNG_MS) setTimeout(() => !stopping && fork(), RESTART_DELAY_MS);
    else fork();
  });
  for (let i = 0; i < env.WEB_CONCURRENCY; i++) fork();

  onStopSignal(async () => {
    stopping = true;
    const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined);
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve) => {
            if (worker.isDead()) return resolve();
            worker.once("exit", () => resolve());
            worker.process.kill("SIGTERM");
          }),
      ),
    );
    stopBackground();
    await closeDatabase();
  }, 15_000);
}
