/**
 * The HTTP server: parses the environment, migrates (and in demo mode seeds) the database, then serves the
 * Remix build with security headers, structured request logs and a graceful shutdown.
 */
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import express from "express";
import { closeDatabase, connectDatabase } from "~/lib/db.server";
import { clientIpOf } from "~/lib/client-ip";
import type { PageCacheSlot, PageData } from "~/lib/page-cache.server";
import { EnvError, getEnv, type Env } from "~/lib/env.server";
import { logger } from "~/lib/logger.server";
import { runHousekeeping } from "~/modules/platform/housekeeping.server";
import { isForeignOrigin } from "~/lib/http.server";
import { prepareDatabase } from "~/modules/platform/prepare-database.server";
import { ensureKeysForAccreditedSchools } from "~/modules/keys/ensure-school-key.server";
import { MissingKekError } from "~/modules/keys/key-encryption.server";
import { createSmtpTransport, deliverPendingMail, requeueStuckMail } from "~/modules/mail/deliver-mail.server";
import { seedDemoDiplomas } from "~/modules/demo/demo-diplomas.server";
import { seedDemoJobs } from "~/modules/demo/demo-jobs.server";
import { seedDemoData } from "./seed-demo-data";

const bootStarted = performance.now();

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

const BUILD_PATH = path.resolve("build/index.js");
const build = (await import(pathToFileURL(BUILD_PATH).href)) as ServerBuild;
/** What app/entry.server.tsx exports for this server besides Remix's own entry points. */
type ServerEntryExtras = typeof import("../app/entry.server");
type VerifyApiEndpoint = Parameters<ServerEntryExtras["answerVerifyApi"]>[0];
const entry = build.entry.module as unknown as ServerEntryExtras;

function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "media-src 'self' blob: mediastream:",
    "font-src 'self'",
    env.NODE_ENV === "development" ? "connect-src 'self' ws:" : "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** Public machine endpoints that other sites may call with a cross-origin POST. */
const CROSS_ORIGIN_POST_PATHS = [/^\/api\//, /^\/credentials\/verify$/];

const app = express();
app.disable("x-powered-by");
app.set("trust proxy", env.TRUST_PROXY);

// Structured access log.
app.use((req, res, next) => {
  const started = performance.now();
  res.on("finish", () => {
    const isAsset = req.path.startsWith("/build/");
    const line = { method: req.method, path: req.path, status: res.statusCode, ms: Math.round(performance.now() - started) };
    if (isAsset) logger.debug("request", line);
    else logger.info("request", line);
  });
  next();
});

// Every page: a fresh CSP nonce and the security headers.
app.use((req, res, next) => {
  const nonce = randomBytes(16).toString("base64");
  res.locals.cspNonce = nonce;
  res.setHeader("Content-Security-Policy", contentSecurityPolicy(nonce));
  res.setHeader("X-Frame-Options", "DENY");
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
  res.setHeader("Permissions-Policy", "camera=(self), microphone=(), geolocation=(), payment=()");
  res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
  if (env.COOKIE_SECURE) res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  next();
});

// The verify page a printed QR code opens, replayed to anonymous visitors from a micro-cache
// (app/lib/page-cache.server.ts): each replay has its own CSP nonce, passes the public rate limit and is counted.
// A page is fresh for a second; then one request rechecks its data (verifies again, renders nothing) and, if
// unchanged, the page serves another second. Concurrent requests for a page being rendered or rechecked wait for
// that one (single flight).
const verifyPageCache = entry.createPageCache({ ttlMs: 1_000, maxEntries: 2_000 });
const verifyPageWork = new Map<string, Promise<void>>();
app.get(/^\/v\/[a-z0-9]+$/i, (req, res, next) => {
  const key = entry.pageCacheKey(req.originalUrl, req.get("cookie"));
  if (key === null) return next();
  const work = verifyPageWork.get(key);
  if (work) void work.then(() => answerVerifyPage(key, true, req, res, next));
  else answerVerifyPage(key, false, req, res, next);
});

function answerVerifyPage(key: string, waited: boolean, req: express.Request, res: express.Response, next: express.NextFunction): void {
  const page = verifyPageCache.get(key);
  if (page) {
    // Over budget: let Remix answer (its loader refuses with the 429 page), as for any uncached visit.
    if (!entry.publicReadLimiter.take(req.ip ?? "unknown").allowed) return next();
    page.replay();
    for (const [name, value] of page.headers) res.setHeader(name, value);
    res.status(200).end(entry.htmlWithNonce(page, res.locals.cspNonce as string));
    return;
  }
  const stale = waited ? undefined : verifyPageCache.getStale(key);
  if (stale) {
    const recheck = stale
      .recheck()
      .then((data) => {
        if (data.fingerprint === stale.fingerprint) verifyPageCache.refresh(key, data.replay);
        else verifyPageCache.delete(key);
      })
      .catch((err: unknown) => {
        logger.warn("verify page recheck failed", { err });
        verifyPageCache.delete(key);
      })
      .finally(() => verifyPageWork.delete(key));
    verifyPageWork.set(key, recheck);
    void recheck.then(() => answerVerifyPage(key, true, req, res, next));
    return;
  }
  if (!waited) {
    let rendered!: () => void;
    verifyPageWork.set(key, new Promise<void>((resolve) => (rendered = resolve)));
    res.once("close", () => {
      verifyPageWork.delete(key);
      rendered();
    });
  }
  renderAndKeep(key, res);
  next();
}

/** Lets Remix render the page; if its loader allowed replays, what it sends is kept under `key`. */
function renderAndKeep(key: string, res: express.Response): void {
  let allowed: { data: PageData; recheck: () => Promise<PageData> } | null = null;
  res.locals.pageCache = { allow: (data, recheck) => (allowed = { data, recheck }) } satisfies PageCacheSlot;
  const chunks: Buffer[] = [];
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => express.Response;
  const keep = (chunk: unknown) => {
    if (typeof chunk === "string") chunks.push(Buffer.from(chunk));
    else if (chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
  };
  res.write = ((chunk: unknown, ...rest: unknown[]) => (keep(chunk), write(chunk, ...rest))) as typeof res.write;
  res.end = ((chunk?: unknown, ...rest: unknown[]) => {
    if (chunk !== undefined && typeof chunk !== "function") keep(chunk);
    const kept = allowed as { data: PageData; recheck: () => Promise<PageData> } | null;
    const headers = res.statusCode === 200 && kept ? entry.replayableHeaders(res.getHeaders()) : null;
    if (headers && kept) {
      const now = Date.now();
      verifyPageCache.set(key, {
        ...kept.data,
        recheck: kept.recheck,
        at: now,
        renderedAt: now,
        headers,
        html: Buffer.concat(chunks).toString("utf8"),
        nonce: res.locals.cspNonce as string,
      });
    }
    return end(chunk, ...rest);
  }) as typeof res.end;
}

// Defence in depth against cross-site form posts, on top of SameSite=Lax cookies.
app.use((req, res, next) => {
  if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return next();
  if (CROSS_ORIGIN_POST_PATHS.some((p) => p.test(req.path))) return next();
  if (isForeignOrigin({ origin: req.get("origin"), host: req.get("host"), forwardedHost: req.get("x-forwarded-host") })) {
    res.status(403).json({ code: "cross_origin_request", message: "Yêu cầu từ trang web khác bị từ chối." });
    return;
  }
  next();
});

app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
app.use(express.static("public", { maxAge: "1h" }));

// app.use, not app.all("*"): Express would try to decode the path as a parameter and crash on "%ZZ".
app.use(
  createRequestHandler({
    build,
    mode: env.NODE_ENV,
    getLoadContext: (req, res) => ({
      cspNonce: res.locals.cspNonce as string,
      clientIp: req.ip ?? null,
      pageCache: res.locals.pageCache as PageCacheSlot | undefined,
    }),
  }),
);

// Last resort: an error outside Remix still gets a plain Vietnamese page, never a stack trace.
app.use((error: unknown, req: express.Request, res: express.Response, _next: express.NextFunction) => {
  const status = error instanceof URIError ? 400 : Number((error as { status?: number })?.status) || 500;
  if (status >= 500) logger.error("unhandled server error", { err: error, path: req.path });
  else logger.warn("bad request", { path: req.path, error: String(error) });
  if (res.headersSent) return;
  const message = status >= 500 ? "Đã có lỗi xảy ra. Vui lòng thử lại sau." : "Yêu cầu không hợp lệ.";
  res.status(status).type("text/plain; charset=utf-8").send(message);
});

/** The request body as text, or null once it passes `limit` bytes (the rest is not read). */
function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  if (Number(req.headers["content-length"] ?? "0") > limit) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.off("data", onData);
        req.pause();
        resolve(null);
      } else chunks.push(chunk);
    };
    req.on("data", onData);
    req.once("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.once("error", reject);
  });
}

/**
 * The verification API (POST /api/v1/verify, POST /credentials/verify and their CORS preflights), answered before
 * Express and Remix by the same function their Remix routes use (app/modules/verification/api-http.server.ts):
 * under load, Express's and Remix's per-request machinery cost more than the verification (npm run bench:verify).
 * JSON only: none of the page headers (CSP and the like) but nosniff. Logged like every other request.
 */
function answerVerifyApiRequest(endpoint: VerifyApiEndpoint, req: IncomingMessage, res: ServerResponse): void {
  const started = performance.now();
  const clientIp = clientIpOf(req.socket.remoteAddress, req.headers["x-forwarded-for"], env.TRUST_PROXY);
  entry
    .answerVerifyApi(endpoint, { method: req.method ?? "GET", clientIp, readBody: (limit) => readBody(req, limit) })
    .then(
      (answer) => {
        const headers: Record<string, string> = { ...answer.headers, "X-Content-Type-Options": "nosniff" };
        if (answer.status === 400 && answer.body?.includes('"body_too_large"')) headers.Connection = "close";
        res.writeHead(answer.status, headers);
        res.end(answer.body ?? undefined);
      },
      (error: unknown) => {
        logger.error("unhandled server error", { err: error, path: req.url });
        if (!res.headersSent) res.writeHead(500, { "Content-Type": "application/json; charset=utf-8", "Access-Control-Allow-Origin": "*" });
        res.end(JSON.stringify({ code: "internal_error", message: "Đã có lỗi xảy ra. Vui lòng thử lại sau." }));
      },
    )
    .finally(() => logger.info("request", { method: req.method, path: req.url?.split("?")[0], status: res.statusCode, ms: Math.round(performance.now() - started) }));
}

const server = createServer((req, res) => {
  const endpoint = entry.verifyApiEndpointOf(req.url);
  if (endpoint) answerVerifyApiRequest(endpoint, req, res);
  else app(req, res);
});
server.listen(env.PORT, env.HOST, () => {
  logger.info("server ready", {
    url: `http://${env.HOST === "0.0.0.0" ? "localhost" : env.HOST}:${env.PORT}`,
    database: handle.kind,
    demoMode: env.DEMO_MODE,
    bootMs: Math.round(performance.now() - bootStarted),
    rssMb: Math.round(process.memoryUsage().rss / 1048576),
  });
  if (process.env.REMIX_DEV_ORIGIN) {
    void import("@remix-run/node").then(({ broadcastDevReady }) => broadcastDevReady(build));
  }
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
  await entry.flushVerificationCounts(handle.db).catch((err) => logger.error("flushing verification counts failed", { err }));
  await closeDatabase().catch((err) => logger.error("closing the database failed", { err }));
  logger.info("stopped");
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
