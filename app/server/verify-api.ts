/**
 * The verification API (POST /api/v1/verify, POST /credentials/verify and their CORS preflights), answered before
 * Express and Remix by the same function their Remix routes use (app/modules/verification/api-http.server.ts):
 * under load, Express's and Remix's per-request machinery cost more than the verification (npm run bench:verify).
 * JSON only: none of the page headers (CSP and the like) but nosniff. Logged like every other request.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { clientIpOf } from "~/lib/client-ip";
import { logger } from "~/lib/logger.server";
import { gatePublicBudget } from "./public-budget";
import { answerVerifyApi, verifyApiEndpointOf, type VerifyApiEndpoint } from "~/modules/verification/api-http.server";

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

function answerVerifyApiRequest(
  endpoint: VerifyApiEndpoint,
  req: IncomingMessage,
  res: ServerResponse,
  trustProxy: boolean,
): void {
  const started = performance.now();
  const clientIp = clientIpOf(req.socket.remoteAddress, req.headers["x-forwarded-for"], trustProxy);
  answerVerifyApi(endpoint, { method: req.method ?? "GET", clientIp, readBody: (limit) => readBody(req, limit) })
    .then(
      (answer) => {
        const headers: Record<string, string> = { ...answer.headers, "X-Content-Type-Options": "nosniff" };
        // Over the cap: the rest of the body is never read, so the connection cannot be reused.
        if (answer.status === 413) headers.Connection = "close";
        res.writeHead(answer.status, headers);
        res.end(answer.body ?? undefined);
      },
      (error: unknown) => {
        logger.error("unhandled server error", { err: error, path: req.url });
        if (!res.headersSent)
          res.writeHead(500, { "Content-Type": "application/json; charset=utf-8", "Access-Control-Allow-Origin": "*" });
        res.end(JSON.stringify({ code: "internal_error", message: "Đã có lỗi xảy ra. Vui lòng thử lại sau." }));
      },
    )
    .finally(() =>
      logger.info("request", {
        method: req.method,
        path: req.url?.split("?")[0],
        status: res.statusCode,
        ms: Math.round(performance.now() - started),
      }),
    );
}

/**
 * The server's request listener: the verification API here, everything else to `app` (Express), after the public
 * endpoints' budget (public-budget.ts: over it, a tiny 429 without Express).
 * `trustProxy`: the client address is read as Express reads it under the same setting.
 */
export function withVerifyApi(app: (req: IncomingMessage, res: ServerResponse) => void, trustProxy: boolean) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const endpoint = verifyApiEndpointOf(req.url);
    if (endpoint) return answerVerifyApiRequest(endpoint, req, res, trustProxy);
    const clientIp = clientIpOf(req.socket.remoteAddress, req.headers["x-forwarded-for"], trustProxy);
    gatePublicBudget(req, res, clientIp, () => app(req, res));
  };
}
