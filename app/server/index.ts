/**
 * The HTTP server, and the entry point of the production build: remix.config.js names this file as `server`, so
 * Remix compiles it together with the app into build/index.js (`node build/index.js`), one module graph with one
 * set of caches and one database handle per process. It parses the environment, then:
 * - one process (WEB_CONCURRENCY=1, the default, and always on the embedded PGlite): migrates (and in demo mode
 *   seeds) the database, serves (serve.ts) and runs the background work (background.ts);
 * - WEB_CONCURRENCY=N on PostgreSQL: the cluster's primary prepares the database and runs the background work
 *   (cluster.ts), and N workers serve on the one port (serve.ts).
 * Every serving process keeps its caches in step with the others through PostgreSQL LISTEN/NOTIFY
 * (app/lib/registry-changes.server.ts).
 */
import cluster from "node:cluster";
import { broadcastDevReady, type ServerBuild } from "@remix-run/node";
import * as remixBuild from "@remix-run/dev/server-build";
import { connectDatabase } from "~/lib/db.server";
import { EnvError, getEnv, type Env } from "~/lib/env.server";
import { logger } from "~/lib/logger.server";
import { prepareForServing, startBackgroundWork } from "./background";
import { runClusterPrimary } from "./cluster";
import { onStopSignal, serve } from "./serve";

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

if (cluster.isWorker) {
  // A cluster worker: the primary has prepared the database; serve only.
  const serving = await serve(env, build, await connectDatabase());
  await serving.listening;
  logger.info("server worker ready", { pid: process.pid });
  onStopSignal(() => serving.stop());
} else {
  if (env.WEB_CONCURRENCY > 1 && !env.DATABASE_URL) {
    logger.warn(
      "WEB_CONCURRENCY is ignored on the embedded database (PGlite runs in one process): serving from one process. " +
        "Set DATABASE_URL to a PostgreSQL server to serve from several.",
      { WEB_CONCURRENCY: env.WEB_CONCURRENCY },
    );
    env = { ...env, WEB_CONCURRENCY: 1 };
  }
  const handle = await connectDatabase();
  await prepareForServing(handle, env);
  if (env.WEB_CONCURRENCY > 1) {
    await runClusterPrimary(env, handle, bootStarted);
  } else {
    const serving = await serve(env, build, handle);
    const stopBackground = await startBackgroundWork(handle, env);
    await serving.listening;
    logger.info("server ready", {
      url: `http://${env.HOST === "0.0.0.0" ? "localhost" : env.HOST}:${env.PORT}`,
      database: handle.kind,
      demoMode: env.DEMO_MODE,
      processes: 1,
      bootMs: Math.round(performance.now() - bootStarted),
      rssMb: Math.round(process.memoryUsage().rss / 1048576),
    });
    // Under `remix dev` (which restarts this process after each rebuild): tell it this build is being served.
    if (process.env.REMIX_DEV_ORIGIN) void broadcastDevReady(build);
    onStopSignal(() => serving.stop(stopBackground));
  }
}
