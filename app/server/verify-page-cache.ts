/**
 * The verify page a printed QR code opens (`/V/{payload}`), replayed to anonymous visitors from a micro-cache
 * (app/lib/page-cache.server.ts): each replay has its own CSP nonce and is counted (the public rate limit is applied
 * before, app/server/public-budget.ts).
 * A page is fresh for a second; then one request rechecks its data (verifies again, renders nothing) and, if
 * unchanged, the page serves another second. Concurrent requests for a page being rendered or rechecked wait for
 * that one (single flight).
 *
 * The cache is filled where the page is produced: this middleware asks Remix for the page (`respond`), and when the
 * loader allowed replays and the answer is a 200 without a cookie, reads the whole body, keeps it and sends it.
 * Any other answer is streamed as usual.
 */
import type express from "express";
import { logger } from "~/lib/logger.server";
import {
  createPageCache,
  htmlWithNonce,
  pageCacheKey,
  replayableHeaders,
  type PageData,
} from "~/lib/page-cache.server";
import { sendResponse, setResponseHead, type RemixResponder } from "./remix-handler";

/** The paths of the verify page (any case: route matching ignores it). */
export const VERIFY_PAGE_PATH = /^\/v\/[a-z0-9]+$/i;

export function verifyPageCache(respond: RemixResponder): express.RequestHandler {
  const cache = createPageCache({ ttlMs: 1_000, maxEntries: 2_000 });
  /** The render or recheck under way for a key, which other requests for it wait for. */
  const work = new Map<string, Promise<void>>();

  function answer(
    key: string,
    waited: boolean,
    req: express.Request,
    res: express.Response,
    next: express.NextFunction,
  ): void {
    const page = cache.get(key);
    if (page) {
      page.replay();
      for (const [name, value] of page.headers) res.setHeader(name, value);
      res.status(200).end(htmlWithNonce(page, res.locals.cspNonce as string));
      return;
    }
    const stale = waited ? undefined : cache.getStale(key);
    if (stale) {
      const recheck = stale
        .recheck()
        .then((data) => {
          if (data.fingerprint === stale.fingerprint) cache.refresh(key, data.replay);
          else cache.delete(key);
        })
        .catch((err: unknown) => {
          logger.warn("verify page recheck failed", { err });
          cache.delete(key);
        })
        .finally(() => work.delete(key));
      work.set(key, recheck);
      void recheck.then(() => answer(key, true, req, res, next));
      return;
    }
    const rendered = renderAndKeep(key, req, res).catch(next);
    if (!waited) {
      const done = rendered.finally(() => work.delete(key));
      work.set(key, done);
    }
  }

  /** Lets Remix render the page; if its loader allowed replays, the page is kept under `key` as it is sent. */
  async function renderAndKeep(key: string, req: express.Request, res: express.Response): Promise<void> {
    let allowed: { data: PageData; recheck: () => Promise<PageData> } | null = null;
    const generation = cache.generation(); // a registry change during the render: send the page, do not keep it
    const response = await respond(req, res, {
      pageCache: { allow: (data, recheck) => (allowed = { data, recheck }) },
    });
    const kept = allowed as { data: PageData; recheck: () => Promise<PageData> } | null;
    if (!kept || response.status !== 200 || !response.body) return sendResponse(res, response);
    const body = Buffer.from(await response.arrayBuffer());
    setResponseHead(res, response);
    const headers = replayableHeaders(res.getHeaders()); // null when the page sets a cookie
    if (headers && cache.generation() === generation) {
      const now = Date.now();
      cache.set(key, {
        ...kept.data,
        recheck: kept.recheck,
        at: now,
        renderedAt: now,
        headers,
        html: body.toString("utf8"),
        nonce: res.locals.cspNonce as string,
      });
    }
    res.end(body);
  }

  return (req, res, next) => {
    const key = pageCacheKey(req.originalUrl, req.get("cookie"));
    if (key === null) return next();
    const pending = work.get(key);
    if (pending) void pending.then(() => answer(key, true, req, res, next));
    else answer(key, false, req, res, next);
  };
}
