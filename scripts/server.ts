/**
 * The HTTP server: parses the environment, migrates (and in demo mode seeds) the database, then serves the
 * Remix build with security headers, structured request logs and a graceful shutdown.
 */
import { randomBytes } from "node:crypto";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import express from "express";
import { closeDatabase, connectDatabase } from "~/lib/db.server";
import { EnvError, getEnv, type Env } from "~/lib/env.server";
import { logger } from "~/lib/logger.server";
import { runHousekeeping } from "~/lib/housekeeping.server";
import { prepareDatabase } from "~/lib/prepare-database.server";
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

// Structured access log.
app.use((req, res, next) => {
  const started = performance.now();
  res.on("finish", () => {
    const isAsset = req.path.startsWith("/build/");
    const entry = { method: req.method, path: req.path, status: res.statusCode, ms: Math.round(performance.now() - started) };
    if (isAsset) logger.debug("request", entry);
    else logger.info("request", entry);
  });
  next();
});

// Defence in depth against cross-site form posts, on top of SameSite=Lax cookies.
app.use((req, res, next) => {
  if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return next();
  if (CROSS_ORIGIN_POST_PATHS.some((p) => p.test(req.path))) return next();
  const origin = req.get("origin");
  if (origin && origin !== "null") {
    let originHost: string | null = null;
    try {
      originHost = new URL(origin).host;
    } catch {
      originHost = null;
    }
    if (originHost !== req.get("host")) {
      res.status(403).json({ code: "cross_origin_request", message: "Yêu cầu từ trang web khác bị từ chối." });
      return;
    }
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
    getLoadContext: (req, res) => ({ cspNonce: res.locals.cspNonce as string, clientIp: req.ip ?? null }),
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

const server = app.listen(env.PORT, env.HOST, () => {
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
  await closeDatabase().catch((err) => logger.error("closing the database failed", { err }));
  logger.info("stopped");
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
