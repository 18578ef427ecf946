/**
 * The outermost request listener: the probes (/healthz, /readyz) and the protected /metrics are answered here,
 * before anything else (rate limits included); every other request gets a request id (X-Request-Id, and in every
 * log line written while it is handled: app/lib/request-scope.server.ts) and is measured under its bounded route
 * label (metrics.ts), then handed to `next` (the verification API, then Express).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { ServerBuild } from "@remix-run/node";
import { connectDatabase } from "~/lib/db.server";
import type { Env } from "~/lib/env.server";
import { logger } from "~/lib/logger.server";
import { runInRequestScope } from "~/lib/request-scope.server";
import { answerHealthz, createReadyz } from "./health";
import { answerMetricsRequest, createRouteLabeller, measureRequest, startProcessMetrics } from "./metrics";
import { requestIdOf } from "./request-id";

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

export function withObservability(
  next: Listener,
  env: Pick<Env, "TRUST_PROXY" | "METRICS_TOKEN" | "DATABASE_URL" | "DATABASE_POOL_MAX">,
  build: Pick<ServerBuild, "routes">,
): Listener {
  startProcessMetrics(env);
  const routeOf = createRouteLabeller(build.routes);
  const readyz = createReadyz(connectDatabase);

  return (req, res) => {
    const route = probeOf(req.url) ?? routeOf(req.url ?? "/");
    const requestId = requestIdOf(req.headers, env.TRUST_PROXY);
    res.setHeader("X-Request-Id", requestId);
    measureRequest(req, res, route);
    runInRequestScope({ requestId, route }, () => {
      if (route === "healthz" || route === "readyz" || route === "metrics") {
        // Polled every few seconds: at debug level only, never in the info access log.
        res.once("finish", () =>
          logger.debug("request", { method: req.method, path: `/${route}`, status: res.statusCode }),
        );
        if (req.method !== "GET" && req.method !== "HEAD") {
          res.writeHead(405, { Allow: "GET, HEAD", "Cache-Control": "no-store" });
          res.end();
        } else if (route === "healthz") answerHealthz(res);
        else if (route === "readyz") readyz(res);
        else answerMetricsRequest(req, res, env.METRICS_TOKEN);
        return;
      }
      next(req, res);
    });
  };
}

/** /healthz, /readyz, /metrics (exact paths, any query), or null. */
function probeOf(url: string | undefined): "healthz" | "readyz" | "metrics" | null {
  if (!url) return null;
  const q = url.indexOf("?");
  const path = q === -1 ? url : url.slice(0, q);
  return path === "/healthz" ? "healthz" : path === "/readyz" ? "readyz" : path === "/metrics" ? "metrics" : null;
}
