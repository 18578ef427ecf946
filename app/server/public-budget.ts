/**
 * The public read endpoints' budget per client address, applied before Remix: an over-budget request gets a
 * 429 of a few bytes (`{"code":"rate_limited"}` or one line of text) with Retry-After and no-store, without
 * Remix, React or the database. A flood from one address then costs the server little more than counting it,
 * and other clients keep their latency (npm run bench:flood). The budget itself: app/lib/public-rate-limit.server.ts
 * (shared by the cluster's workers). Loaders still call `limitPublicRequest`, which does not count again what the
 * server has counted (`res.locals.publicBudgetCharged`, handed to them as `context.publicBudgetCharged`).
 */
import type express from "express";
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
  /^\/api\/openapi\.json$/i,
  /^\/\.well-known\/did\.json$/i,
  /^\/trust-registry\.json$/i,
];

export function isPublicBudgetPath(path: string): boolean {
  return PUBLIC_BUDGET_PATHS.some((pattern) => pattern.test(path));
}

function wantsJson(req: express.Request): boolean {
  return /\.json$/i.test(req.path) || "_data" in req.query || /application\/json/i.test(req.get("accept") ?? "");
}

export function publicBudget(limiter: PublicLimiter = publicReadLimiter): express.RequestHandler {
  return (req, res, next) => {
    if (!isPublicBudgetPath(req.path)) return next();
    limiter.take(req.ip ?? "unknown").then((decision) => {
      if (decision.allowed) {
        res.locals.publicBudgetCharged = true;
        return next();
      }
      const seconds = decision.retryAfterSeconds;
      const body = wantsJson(req)
        ? '{"code":"rate_limited"}'
        : `Quá nhiều yêu cầu: vui lòng thử lại sau ${seconds} giây.\nToo many requests: try again in ${seconds} s.\n`;
      res.writeHead(429, {
        ...rateLimitedHeaders(seconds),
        "Content-Type": wantsJson(req) ? "application/json; charset=utf-8" : "text/plain; charset=utf-8",
        "Content-Length": String(Buffer.byteLength(body)),
        "X-Content-Type-Options": "nosniff",
      });
      res.end(req.method === "HEAD" ? undefined : body);
    }, next);
  };
}
