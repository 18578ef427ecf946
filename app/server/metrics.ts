/**
 * Prometheus metrics: what the HTTP server measures (requests by route, in flight), the database as PostgreSQL
 * sees it, the event loop and the process (prom-client's default metrics), added to the registry modules count
 * into (app/lib/metrics.server.ts: verifications by verdict and channel, lookups). Served two ways, both off
 * until configured (docs/operations.md, "Metrics"):
 * - METRICS_PORT: a separate HTTP server on METRICS_HOST (default 127.0.0.1), any path, no token; under
 *   node:cluster the primary serves there the sum over its workers (`startMetricsPrimary`);
 * - METRICS_TOKEN: GET /metrics on the public port with `Authorization: Bearer <token>` (single process only).
 */
import cluster from "node:cluster";
import { createHash, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { monitorEventLoopDelay } from "node:perf_hooks";
import type { ServerBuild } from "@remix-run/node";
import { matchRoutes, type AgnosticRouteObject } from "@remix-run/router";
import { AggregatorRegistry, collectDefaultMetrics, Gauge, Histogram } from "prom-client";
import { sql } from "drizzle-orm";
import { connectDatabase, rowsOf, type DatabaseHandle } from "~/lib/db.server";
import type { Env } from "~/lib/env.server";
import { logger } from "~/lib/logger.server";
import { metricsRegistry } from "~/lib/metrics.server";
import { verifyApiEndpointOf } from "~/modules/verification/api-http.server";
import { VERIFY_PAGE_PATH } from "./verify-page-cache";

// ---------------------------------------------------------------------------------------------------------------
// Route labels

/** Labels of what is answered before Remix (app/server/observability.ts, verify-api.ts) and of static files. */
export const SERVER_ROUTE_LABELS = ["healthz", "readyz", "metrics", "verify_api", "vc_api", "assets", "other"];

/**
 * The route label of a request path: a Remix route id ("routes/v.$payload", "routes/school.$code.batches"), one of
 * SERVER_ROUTE_LABELS, or "other" (no route: the not-found page, a file of public/, a path that does not decode).
 * Never the path itself: /V/{payload} alone would make one series per diploma.
 */
export function createRouteLabeller(routes: ServerBuild["routes"]): (url: string) => string {
  const tree = nestedRoutes(routes, undefined);
  return (url) => {
    const q = url.indexOf("?");
    const path = q === -1 ? url : url.slice(0, q);
    if (VERIFY_PAGE_PATH.test(path)) return "routes/v.$payload"; // the QR code's URL, first: the busiest path
    const endpoint = verifyApiEndpointOf(path);
    if (endpoint) return endpoint === "verify" ? "verify_api" : "vc_api";
    if (path.startsWith("/build/")) return "assets";
    try {
      decodeURIComponent(path); // the router would warn on the console for every such path
    } catch {
      return "other";
    }
    const leaf = matchRoutes(tree, path)?.at(-1)?.route.id;
    return !leaf || leaf === "root" || leaf === "routes/$" ? "other" : leaf;
  };
}

/** The build's flat route manifest as the nested route objects the router matches (as Remix's own createRoutes). */
function nestedRoutes(routes: ServerBuild["routes"], parentId: string | undefined): AgnosticRouteObject[] {
  return Object.values(routes)
    .filter((route) => route.parentId === parentId)
    .map((route) =>
      route.index
        ? { id: route.id, index: true, path: route.path, caseSensitive: route.caseSensitive }
        : {
            id: route.id,
            path: route.path,
            caseSensitive: route.caseSensitive,
            children: nestedRoutes(routes, route.id),
          },
    );
}

// ---------------------------------------------------------------------------------------------------------------
// HTTP

const httpDuration = new Histogram({
  name: "vanbang_http_request_duration_seconds",
  help: "Time from the request's arrival to the end of its response, by route label, method and status class; _count is the request count.",
  labelNames: ["route", "method", "status"] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [metricsRegistry],
});

/** Counted in a plain number, read into the gauge at each scrape: the gauge's own inc/dec cost more per request. */
let inFlight = 0;
new Gauge({
  name: "vanbang_http_requests_in_flight",
  help: "Requests received and not yet answered.",
  registers: [metricsRegistry],
  collect() {
    this.set(inFlight);
  },
});

const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

/** The histogram's series, looked up once per label set (bounded: routes × methods × status classes). */
const durationSeries = new Map<string, ReturnType<typeof httpDuration.labels>>();
function durationOf(route: string, method: string, status: string) {
  const key = `${route} ${method} ${status}`;
  let series = durationSeries.get(key);
  if (!series) durationSeries.set(key, (series = httpDuration.labels(route, method, status)));
  return series;
}

/** Measures one request, from now until its response has been sent (or the connection is gone). */
export function measureRequest(req: IncomingMessage, res: ServerResponse, route: string): void {
  const started = performance.now();
  inFlight++;
  // "close" comes once either way: after the response is sent, or when the connection is lost before that.
  res.once("close", () => {
    inFlight--;
    const method = METHODS.has(req.method ?? "") ? (req.method as string) : "other";
    // A response not sent in full (the client left) is "aborted", not a status the server gave.
    const status = res.writableFinished ? `${Math.floor(res.statusCode / 100)}xx` : "aborted";
    durationOf(route, method, status).observe((performance.now() - started) / 1000);
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Event loop, process, database

/** Event-loop delay samples, folded into a histogram at each scrape (sampling every 10 ms). */
const LOOP_RESOLUTION_MS = 10;
let loopDelay: ReturnType<typeof monitorEventLoopDelay> | null = null;

new Histogram({
  name: "vanbang_eventloop_delay_seconds",
  help: "How late the event loop ran a timer (perf_hooks.monitorEventLoopDelay, 10 ms sampling): every request on this process waits this long.",
  buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
  registers: [metricsRegistry],
  collect() {
    if (!loopDelay || loopDelay.count === 0) return;
    // The monitor keeps an HDR histogram of the time between its timer's runs: its percentiles give the share of
    // samples at each value. Minus the 10 ms it meant to wait, that is the delay.
    let previous = 0;
    for (const [percentile, ns] of loopDelay.percentiles) {
      const samples = Math.round(((percentile - previous) / 100) * loopDelay.count);
      previous = percentile;
      const seconds = Math.max(0, ns / 1e9 - LOOP_RESOLUTION_MS / 1000);
      for (let i = 0; i < samples; i++) this.observe(seconds);
    }
    loopDelay.reset();
  },
});

/** The database as PostgreSQL reports it, read at most every DB_STATS_TTL_MS (a scrape costs one small query). */
const DB_STATS_TTL_MS = 5_000;
interface DatabaseStats {
  connections: { state: string; n: number }[];
  maxConnections: number;
  oldestTransactionSeconds: number;
}
let dbStats: { at: number; value: Promise<DatabaseStats | null> } | null = null;
/** The serving process's database (set by startProcessMetrics); none in a process that does not serve. */
let statsDatabase: (() => Promise<DatabaseHandle>) | null = null;

function readDatabaseStats(): Promise<DatabaseStats | null> {
  const database = statsDatabase;
  if (!database) return Promise.resolve(null);
  if (dbStats && Date.now() - dbStats.at < DB_STATS_TTL_MS) return dbStats.value;
  const value = (async () => {
    const handle = await database();
    if (handle.kind !== "postgres") return null; // PGlite: one in-process connection, nothing to watch
    const rows = rowsOf<{ state: string | null; n: number; oldest: number | null; max_connections: number }>(
      await handle.db.execute(sql`
        select a.state, count(*)::int as n,
               coalesce(extract(epoch from max(now() - a.xact_start)), 0)::float8 as oldest,
               current_setting('max_connections')::int as max_connections
        from pg_stat_activity a
        where a.datname = current_database() and a.backend_type = 'client backend'
        group by a.state`),
    );
    return {
      connections: rows.map((r) => ({ state: r.state ?? "unknown", n: Number(r.n) })),
      maxConnections: Number(rows[0]?.max_connections ?? 0),
      oldestTransactionSeconds: Math.max(0, ...rows.map((r) => Number(r.oldest ?? 0))),
    };
  })().catch((err: unknown) => {
    logger.warn("database metrics unavailable", { err });
    return null;
  });
  dbStats = { at: Date.now(), value };
  return value;
}

// Under node:cluster each worker reports the same database-wide numbers: the primary keeps the largest, not the sum.
new Gauge({
  name: "vanbang_db_connections",
  help: "Client connections to this database by state (pg_stat_activity; all processes and clients), read at most every 5 s.",
  labelNames: ["state"] as const,
  aggregator: "max",
  registers: [metricsRegistry],
  async collect() {
    const stats = await readDatabaseStats();
    this.reset();
    for (const { state, n } of stats?.connections ?? []) this.set({ state }, n);
  },
});

new Gauge({
  name: "vanbang_db_max_connections",
  help: "PostgreSQL's max_connections.",
  aggregator: "max",
  registers: [metricsRegistry],
  async collect() {
    const stats = await readDatabaseStats();
    if (stats) this.set(stats.maxConnections);
  },
});

new Gauge({
  name: "vanbang_db_oldest_transaction_seconds",
  help: "Age of the oldest open transaction on this database (a stuck one holds locks and bloats tables).",
  aggregator: "max",
  registers: [metricsRegistry],
  async collect() {
    const stats = await readDatabaseStats();
    if (stats) this.set(stats.oldestTransactionSeconds);
  },
});

const poolMax = new Gauge({
  name: "vanbang_db_pool_max",
  help: "Connections this process's pool may open (DATABASE_POOL_MAX; 0 on the embedded PGlite). Summed over the workers under node:cluster.",
  registers: [metricsRegistry],
});

let started = false;

/**
 * Starts the process-wide collectors (default metrics, event-loop monitor, the database's numbers from `database`,
 * the serving process's own handle) once.
 */
export function startProcessMetrics(
  env: Pick<Env, "DATABASE_URL" | "DATABASE_POOL_MAX">,
  database: () => Promise<DatabaseHandle> = connectDatabase,
): void {
  if (started) return;
  started = true;
  statsDatabase = database;
  collectDefaultMetrics({ register: metricsRegistry });
  loopDelay = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
  loopDelay.enable();
  poolMax.set(env.DATABASE_URL ? env.DATABASE_POOL_MAX : 0);
}

// ---------------------------------------------------------------------------------------------------------------
// Exposure

const TEXT_HEADERS = { "Content-Type": metricsRegistry.contentType, "Cache-Control": "no-store" };

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store", ...headers });
  res.end(JSON.stringify(body));
}

function sameToken(given: string, expected: string): boolean {
  // Hashed first: timingSafeEqual needs equal lengths, and the length of the token is not to be learnt either.
  const digest = (s: string) => createHash("sha256").update(s).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/**
 * GET /metrics on the public port: 404 without METRICS_TOKEN (as if it did not exist), 401 without the right
 * `Authorization: Bearer` token, else this process's metrics. Under node:cluster a worker's own numbers would be
 * a random one of N: it answers 404 and the primary's METRICS_PORT is the place.
 */
export function answerMetricsRequest(req: IncomingMessage, res: ServerResponse, token: string | undefined): void {
  if (!token || cluster.isWorker) {
    sendJson(res, 404, { code: "not_found", message: "Not found." });
    return;
  }
  const given = /^Bearer (.+)$/i.exec(req.headers.authorization ?? "")?.[1];
  if (!given || !sameToken(given, token)) {
    sendJson(
      res,
      401,
      { code: "unauthorized", message: "A valid bearer token is required." },
      {
        "WWW-Authenticate": 'Bearer realm="metrics"',
      },
    );
    return;
  }
  void serveRegistry(res, () => metricsRegistry.metrics());
}

function serveRegistry(res: ServerResponse, read: () => Promise<string>): Promise<void> {
  return read().then(
    (text) => {
      res.writeHead(200, TEXT_HEADERS);
      res.end(text);
    },
    (err: unknown) => {
      logger.error("metrics not collected", { err });
      sendJson(res, 500, { code: "metrics_failed", message: "Metrics could not be collected." });
    },
  );
}

function listenForMetrics(env: Pick<Env, "METRICS_PORT" | "METRICS_HOST">, read: () => Promise<string>): Server {
  const server = createServer((req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") return sendJson(res, 405, { code: "method_not_allowed" });
    void serveRegistry(res, read);
  });
  server.on("error", (err) => logger.error("metrics server failed", { err, port: env.METRICS_PORT }));
  server.listen(env.METRICS_PORT, env.METRICS_HOST, () =>
    logger.info("metrics server ready", { url: `http://${env.METRICS_HOST}:${env.METRICS_PORT}/metrics` }),
  );
  server.unref();
  return server;
}

/**
 * Single process: serves this process's metrics on METRICS_HOST:METRICS_PORT when METRICS_PORT is set; null
 * otherwise, and always in a cluster worker (the workers share the listening port: the primary serves it).
 */
export function startMetricsServer(env: Env): Server | null {
  if (!env.METRICS_PORT || cluster.isWorker) return null;
  startProcessMetrics(env);
  return listenForMetrics(env, () => metricsRegistry.metrics());
}

/**
 * For the node:cluster primary (WEB_CONCURRENCY > 1): serves on METRICS_HOST:METRICS_PORT the metrics of all its
 * workers, asked over IPC at each scrape and summed (gauges of database-wide numbers: the largest). The workers
 * answer by themselves (prom-client listens in every worker once app/lib/metrics.server.ts is loaded). Null when
 * METRICS_PORT is unset.
 */
export function startMetricsPrimary(env: Env): Server | null {
  if (!env.METRICS_PORT) return null;
  const aggregator = new AggregatorRegistry();
  return listenForMetrics(env, () => aggregator.clusterMetrics());
}
