/**
 * The Express application: access log, security headers with a per-request CSP nonce, the verify page's cache,
 * the cross-origin form check, static files, Remix, and a last-resort error page. (The verification API is
 * answered before it: verify-api.ts.)
 */
import { randomBytes } from "node:crypto";
import type { ServerBuild } from "@remix-run/node";
import express from "express";
import type { Env } from "~/lib/env.server";
import { isForeignOrigin } from "~/lib/http.server";
import { logger } from "~/lib/logger.server";
import { bodyLimit } from "./body-limit";
import { publicBudget } from "./public-budget";
import { createRemixResponder, remixMiddleware } from "./remix-handler";
import { VERIFY_PAGE_PATH, verifyPageCache } from "./verify-page-cache";

function contentSecurityPolicy(nonce: string, development: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "media-src 'self' blob: mediastream:",
    "font-src 'self'",
    development ? "connect-src 'self' ws:" : "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** Public machine endpoints that other sites may call with a cross-origin POST. */
const CROSS_ORIGIN_POST_PATHS = [/^\/api\//, /^\/credentials\/verify$/];

export function createExpressApp(env: Env, build: ServerBuild): express.Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", env.TRUST_PROXY);

  // Structured access log.
  app.use((req, res, next) => {
    const started = performance.now();
    res.on("finish", () => {
      const isAsset = req.path.startsWith("/build/");
      const line = {
        method: req.method,
        path: req.path,
        status: res.statusCode,
        ms: Math.round(performance.now() - started),
      };
      if (isAsset) logger.debug("request", line);
      else logger.info("request", line);
    });
    next();
  });

  // Over the public endpoints' budget: a tiny 429 before anything else is spent on the request (public-budget.ts).
  app.use(publicBudget());

  // Every page: a fresh CSP nonce and the security headers.
  app.use((req, res, next) => {
    const nonce = randomBytes(16).toString("base64");
    res.locals.cspNonce = nonce;
    res.setHeader("Content-Security-Policy", contentSecurityPolicy(nonce, env.NODE_ENV === "development"));
    res.setHeader("X-Frame-Options", "DENY");
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
    res.setHeader("Permissions-Policy", "camera=(self), microphone=(), geolocation=(), payment=()");
    res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    if (env.COOKIE_SECURE) res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    next();
  });

  // Every request body capped before anything reads it (413 over the cap): body-limit.ts.
  app.use(bodyLimit());

  const respond = createRemixResponder(build, env.NODE_ENV);

  // Anonymous visits of the verify page, from the micro-cache or rendered into it (GET and HEAD).
  app.get(VERIFY_PAGE_PATH, verifyPageCache(respond));

  // Defence in depth against cross-site form posts, on top of SameSite=Lax cookies.
  app.use((req, res, next) => {
    if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return next();
    if (CROSS_ORIGIN_POST_PATHS.some((p) => p.test(req.path))) return next();
    if (
      isForeignOrigin({ origin: req.get("origin"), host: req.get("host"), forwardedHost: req.get("x-forwarded-host") })
    ) {
      res.status(403).json({ code: "cross_origin_request", message: "Yêu cầu từ trang web khác bị từ chối." });
      return;
    }
    next();
  });

  app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
  app.use(express.static("public", { maxAge: "1h" }));

  // app.use, not app.all("*"): Express would try to decode the path as a parameter and crash on "%ZZ".
  app.use(remixMiddleware(respond));

  // Last resort: an error outside Remix still gets a plain Vietnamese page, never a stack trace.
  app.use((error: unknown, req: express.Request, res: express.Response, _next: express.NextFunction) => {
    const status = error instanceof URIError ? 400 : Number((error as { status?: number })?.status) || 500;
    if (status >= 500) logger.error("unhandled server error", { err: error, path: req.path });
    else logger.warn("bad request", { path: req.path, error: String(error) });
    if (res.headersSent) return;
    const message = status >= 500 ? "Đã có lỗi xảy ra. Vui lòng thử lại sau." : "Yêu cầu không hợp lệ.";
    res.status(status).type("text/plain; charset=utf-8").send(message);
  });

  return app;
}
