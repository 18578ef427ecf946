/**
 * Remix behind Express, in two explicit steps: `respond` asks Remix for its answer to a request (a Fetch `Response`,
 * not yet sent) and `sendResponse` sends one. The ordinary middleware does both at once; the verify page's cache
 * (verify-page-cache.ts) reads the body in between, to keep it. Adapted from @remix-run/express 2.17
 * (createRemixRequest, sendRemixResponse), which keeps those two steps to itself.
 */
import type { ServerBuild } from "@remix-run/node";
import { createReadableStreamFromReadable, createRequestHandler, writeReadableStreamToWritable } from "@remix-run/node";
import type express from "express";
import type { RequestContext } from "~/lib/request-context";
import { limitedBody } from "./body-limit";
import { wasCharged } from "./public-budget";

/** Remix's answer to a request, with the load context this server gives every loader and action. */
export type RemixResponder = (
  req: express.Request,
  res: express.Response,
  extra?: Pick<RequestContext, "pageCache">,
) => Promise<Response>;

export function createRemixResponder(build: ServerBuild, mode: string): RemixResponder {
  const handle = createRequestHandler(build, mode);
  return (req, res, extra) =>
    handle(remixRequestOf(req, res), {
      cspNonce: res.locals.cspNonce as string,
      clientIp: req.ip ?? null,
      publicBudgetCharged: wasCharged(req),
      ...extra,
    });
}

/** The ordinary Express middleware: Remix answers, the answer is streamed to the client. */
export function remixMiddleware(respond: RemixResponder): express.RequestHandler {
  return (req, res, next) => {
    respond(req, res)
      // Already answered: a body over its cap got its 413 while Remix was reading it (body-limit.ts).
      .then((response) => (res.headersSent ? response.body?.cancel() : sendResponse(res, response)))
      .catch(next);
  };
}

/** Status and headers of `response` onto `res` (set-cookie stays one header per cookie). */
export function setResponseHead(res: express.Response, response: Response): void {
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [name, value] of response.headers.entries()) res.append(name, value);
}

/** Sends `response`, its body streamed. */
export async function sendResponse(res: express.Response, response: Response): Promise<void> {
  setResponseHead(res, response);
  if (/text\/event-stream/i.test(response.headers.get("Content-Type") ?? "")) res.flushHeaders();
  if (response.body) await writeReadableStreamToWritable(response.body, res);
  else res.end();
}

/** The Fetch Request Remix reads: full URL (honouring `trust proxy`), headers, body, aborted when the client leaves. */
function remixRequestOf(req: express.Request, res: express.Response): Request {
  // req.hostname has no port: take it from X-Forwarded-Host or Host.
  const portOf = (host: string | undefined) => Number.parseInt(host?.split(":")[1] ?? "", 10);
  const forwardedPort = portOf(req.get("X-Forwarded-Host"));
  const hostPort = portOf(req.get("host"));
  const port = Number.isSafeInteger(forwardedPort) ? forwardedPort : Number.isSafeInteger(hostPort) ? hostPort : "";
  const url = new URL(`${req.protocol}://${req.hostname}${port ? `:${port}` : ""}${req.originalUrl}`);

  const headers = new Headers();
  for (const [name, values] of Object.entries(req.headers)) {
    if (!values) continue;
    if (Array.isArray(values)) for (const value of values) headers.append(name, value);
    else headers.set(name, values);
  }

  // Loaders and actions are aborted once the response can no longer be written (`close` without `finish`).
  let controller: AbortController | null = new AbortController();
  res.on("finish", () => (controller = null));
  res.on("close", () => controller?.abort());
  const init: RequestInit & { duplex?: "half" } = { method: req.method, headers, signal: controller.signal };
  if (req.method !== "GET" && req.method !== "HEAD") {
    // Capped (body-limit.ts): past the cap the client has its 413 and the loaders and actions are aborted.
    init.body = createReadableStreamFromReadable(limitedBody(req, res, () => controller?.abort()));
    init.duplex = "half";
  }
  return new Request(url.href, init);
}
