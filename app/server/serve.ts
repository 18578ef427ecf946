/**
 * One serving process: the verification API (verify-api.ts) and the Express application (express-app.ts) on the
 * configured port, with its caches kept in step with every other process (registry-changes.server.ts), and a
 * graceful stop: no new connections, requests in flight finish, counts are written, the database is closed.
 * With WEB_CONCURRENCY > 1 each cluster worker runs this (node:cluster shares the port); otherwise the one process.
 */
import { createServer, type Server } from "node:http";
import type { ServerBuild } from "@remix-run/node";
import { closeDatabase, type DatabaseHandle } from "~/lib/db.server";
import type { Env } from "~/lib/env.server";
import { logger } from "~/lib/logger.server";
import { watchRegistryChanges } from "~/lib/registry-changes.server";
import { flushVerificationCounts } from "~/modules/verification/checks.server";
import { createExpressApp } from "./express-app";
import { startMetricsServer } from "./metrics";
import { withObservability } from "./observability";
import { withVerifyApi } from "./verify-api";

export interface Serving {
  server: Server;
  /** Resolves once the server listens. */
  listening: Promise<void>;
  /** Stops serving and closes the database; `beforeClose` runs between the two (background work, in one process). */
  stop(beforeClose?: () => void): Promise<void>;
}

export async function serve(env: Env, build: ServerBuild, handle: DatabaseHandle): Promise<Serving> {
  const unlisten = await watchRegistryChanges(handle);
  // Probes, metrics and the request id first (observability.ts), then the verification API, then Express.
  const server = createServer(
    withObservability(withVerifyApi(createExpressApp(env, build), env.TRUST_PROXY), env, build),
  );
  // Metrics on METRICS_PORT, when set: this process's own registry (a cluster worker does nothing here; the primary
  // serves the sum over its workers: startMetricsPrimary in cluster.ts).
  startMetricsServer(env);
  const listening = new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(env.PORT, env.HOST, () => resolve());
  });
  return {
    server,
    listening,
    async stop(beforeClose) {
      // Stop accepting connections, let requests in flight finish, then close the database (postgres.js or PGlite).
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await closed;
      beforeClose?.();
      await flushVerificationCounts(handle.db).catch((err) =>
        logger.error("flushing verification counts failed", { err }),
      );
      await unlisten().catch((err) => logger.warn("stopping the registry listener failed", { err }));
      await closeDatabase().catch((err) => logger.error("closing the database failed", { err }));
    },
  };
}

/** Runs `stop` once on SIGTERM or SIGINT, then exits (code 1 when it takes longer than `timeoutMs`). */
export function onStopSignal(stop: (signal: string) => Promise<void>, timeoutMs = 10_000): void {
  let stopping = false;
  const handle = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info("shutting down", { signal });
    const force = setTimeout(() => {
      logger.error("shutdown timed out: exiting");
      process.exit(1);
    }, timeoutMs);
    force.unref();
    stop(signal)
      .then(() => {
        logger.info("stopped");
        process.exit(0);
      })
      .catch((err) => {
        logger.error("shutdown failed", { err });
        process.exit(1);
      });
  };
  process.on("SIGTERM", () => handle("SIGTERM"));
  process.on("SIGINT", () => handle("SIGINT"));
}
