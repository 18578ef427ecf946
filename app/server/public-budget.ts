/**
 * The public read endpoints' budget per client address, applied before Remix, and before Express too when the
 * server's request listener calls `gatePublicBudget` (verify-api.ts does, ahead of Express, like the verification
 * API): an over-budget request gets a 429 of a few bytes (`{"code":"rate_limited"}` or one line of text) with
 * Retry-After and no-store, without Express, Remix, React or the database. A flood from one address then costs the
 * server little more than counting it, and other clients keep their latency (npm run bench:flood). The budget
 * itself: app/lib/public-rate-limit.server.ts (shared by the cluster's workers). Loaders still call
 * `limitPublicRequest`, which does not count again a request counted here (`context.publicBudgetCharged`).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type express from "express";
import { logger } from "~/lib/logger.server";
import { publicReadLimiter, rateLimitedHeaders, type PublicLimiter } from "~/lib/public-rate-limit.server";

/**
 * The paths of the public endpoints whose loaders call `limitPublicRequest`, any case (route matching ignores it).
 * Not the verification API (`/api/v1/verify`, `/credentials/verify`), answered ahead of Express with the same budget.
 */
export const PUBLIC_BUDGET_PATHS: readonly RegExp[] = [
  /^\/v\/[^/]+(\/[^/]+)?$/i, // the verify page and its receipts (.pdf, .json)
  /^\/issuers\/[^/]+(\/.*)?$/i, // issuer pages, DID documents, status lists, issuance logs
  /^\/credentials\/(?!verify\/?$)[^/]+(\/[^/]+)?$/i, // credential pages, QR images, VC JSON, PDFs, log proofs
  /^\/contexts\//i,
  /^\/s\/[^/]+$/i, // share links
  /^\/documents\/[^/]+$/i, // organisations' signed documents (.json, .pdf)
  /^\/api\/openapi\.json$/i,
  /^\/api\/v1\/questions\/?$/i, // the Q&A library's search API
  /^\/questions(\/[^/]+)?\/?$/i, // the Q&A library's pages
  /^\/\.well-known\/did\.json$/i,
  /^\/trust-registry\.json$/i,
  /^\/cases\/[^/]+$/i, // a case's public status page (not /cases/{code}/handle)
  /^\/api\/v1\/cases\/[^/]+$/i, // the same as JSON
];

export function isPublicBudgetPath(path: string): boolean {
  return PUBLIC_BUDGET_PATHS.some((pattern) => pattern.test(path));
}

/** Requests already counted against the public budget. */
const charged = new WeakSet<IncomingMessage>();

/** Whether the server has counted this request against the public budget (handed to loaders). */
export function wasCharged(req: IncomingMessage): boolean {
  return charged.has(req);
}

function pathOf(url: string | undefined): string {
  const q = (url ?? "/").indexOf("?");
  return q === -1 ? (url ?? "/") : url!.slice(0, q);
}

function refuse(req: IncomingMessage, res: ServerResponse, path: string, seconds: number): void {
  const json =
    /\.json$/i.test(path) || (req.url ?? "").includes("_data=") || /application\/json/i.test(req.headers.accept ?? "");
  const body = json
    ? '{"code":"rate_limited"}'
    : `Quá nhiều yêu cầu: vui lòng thử lại sau ${seconds} giây.\nToo many requests: try again in ${seconds} s.\n`;
  res.writeHead(429, {
    ...rateLimitedHeaders(seconds),
    "Content-Type": json ? "application/json; charset=utf-8" : "text/plain; charset=utf-8",
    "Content-Length": String(Buffer.byteLength(body)),
    "X-Content-Type-Options": "nosniff",
  });
  res.end(req.method === "HEAD" ? undefined : body);
  // Not at info: a flood would fill the log with them.
  logger.debug("request", { method: req.method, path, status: 429 });
}

/**
 * For the server's request listener: a request to a public endpoint is counted against `clientIp`'s budget, then
 * refused at once when it is spent, else handed on (`next`). Other requests are handed on untouched.
 */
export function gatePublicBudget(
  req: IncomingMessage,
  res: ServerResponse,
  clientIp: string | null,
  next: () => void,
  limiter: PublicLimiter = publicReadLimiter,
): void {
  const path = pathOf(req.url);
  if (charged.has(req) || !isPublicBudgetPath(path)) return next();
  limiter.take(clientIp ?? "unknown").then(
    (decision) => {
      if (!decision.allowed) return refuse(req, res, path, decision.retryAfterSeconds);
      charged.add(req);
      next();
    },
    (error: unknown) => {
      logger.error("public rate limit failed", { err: error });
      next();
    },
  );
}

/** The same gate as Express middleware, for an app served without the listener's gate; never counts twice. */
export function publicBudget(limiter: PublicLimiter = publicReadLimiter): express.RequestHandler {
  return (req, res, next) => gatePublicBudget(req, res, req.ip ?? null, () => next(), limiter);
}
