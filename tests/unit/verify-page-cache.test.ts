/**
 * How app/server/verify-page-cache.ts fills the verify page's micro-cache from Remix's answer (a stand-in for Remix
 * here): what is kept and replayed with a fresh nonce, what is only sent, and one render for concurrent requests.
 * The cache's own rules are in page-cache.test.ts; the production server's behaviour in e2e/verify-server.spec.ts.
 */
import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RemixResponder } from "~/server/remix-handler";
import { VERIFY_PAGE_PATH, verifyPageCache } from "~/server/verify-page-cache";

/** What the stand-in for Remix answers for a path, and whether its "loader" allows replays. */
interface Scenario {
  status?: number;
  allow?: boolean;
  headers?: Record<string, string>;
  delayMs?: number;
}

let scenario: Scenario = {};
let renders = 0;
let replays = 0;

const respond: RemixResponder = async (req, res, extra) => {
  renders++;
  if (scenario.delayMs) await new Promise((r) => setTimeout(r, scenario.delayMs));
  if (scenario.allow)
    extra?.pageCache?.allow({ fingerprint: "same", replay: () => replays++ }, async () => ({
      fingerprint: "same",
      replay: () => replays++,
    }));
  const nonce = res.locals.cspNonce as string;
  return new Response(`<html><script nonce="${nonce}"></script>${req.path} render ${renders}</html>`, {
    status: scenario.status ?? 200,
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "private, no-store", ...scenario.headers },
  });
};

let server: Server;
let origin = "";

beforeAll(async () => {
  const app = express();
  app.use((_req, res, next) => {
    res.locals.cspNonce = randomBytes(16).toString("base64");
    res.setHeader("Content-Security-Policy", `script-src 'nonce-${res.locals.cspNonce as string}'`);
    next();
  });
  app.get(VERIFY_PAGE_PATH, verifyPageCache(respond));
  app.use((_req, res) => void res.status(299).send("not the cache"));
  server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

beforeEach(() => {
  scenario = {};
  renders = 0;
  replays = 0;
});

let unique = 0;
/** A verify path no other test has used (the cache lives as long as the server). */
const freshPath = () => `/V/TEST${++unique}`;
/** The nonce a response's CSP names. */
const nonceOf = (response: Response) =>
  /'nonce-([^']+)'/.exec(response.headers.get("content-security-policy") ?? "")?.[1] ?? "none";

describe("the verify page's cache", () => {
  it("keeps an allowed page as it sends it, then replays it with each response's own nonce and headers", async () => {
    scenario = { allow: true };
    const path = freshPath();
    const first = await fetch(origin + path);
    const firstHtml = await first.text();
    const second = await fetch(origin + path);
    const secondHtml = await second.text();

    expect(renders).toBe(1);
    expect(replays).toBe(1);
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(firstHtml).toContain(`nonce="${nonceOf(first)}"`);
    expect(secondHtml).toContain(`nonce="${nonceOf(second)}"`);
    expect(nonceOf(second)).not.toBe(nonceOf(first));
    expect(secondHtml.replace(nonceOf(second), "N")).toBe(firstHtml.replace(nonceOf(first), "N"));
    expect(second.headers.get("cache-control")).toBe("private, no-store");
    expect(second.headers.get("content-type")).toBe("text/html; charset=utf-8");
  });

  it("sends, but never keeps, a page its loader did not allow, a page that is not a 200, or one that sets a cookie", async () => {
    for (const s of [
      { allow: false },
      { allow: true, status: 404 },
      { allow: true, headers: { "Set-Cookie": "a=b; Path=/" } },
    ]) {
      scenario = s;
      renders = 0;
      const path = freshPath();
      const first = await fetch(origin + path);
      expect(first.status).toBe(s.status ?? 200);
      expect(await first.text()).toContain("render 1");
      expect(await (await fetch(origin + path)).text()).toContain("render 2");
      expect(renders).toBe(2);
    }
  });

  it("leaves a visitor with a session cookie to the rest of the server", async () => {
    scenario = { allow: true };
    const response = await fetch(origin + freshPath(), { headers: { cookie: "vb_session=abc" } });
    expect(response.status).toBe(299);
    expect(renders).toBe(0);
  });

  it("renders a page once for concurrent requests, which all get it", async () => {
    scenario = { allow: true, delayMs: 100 };
    const path = freshPath();
    const pages = await Promise.all(Array.from({ length: 5 }, () => fetch(origin + path).then((r) => r.text())));
    expect(renders).toBe(1);
    expect(replays).toBe(4);
    for (const html of pages) expect(html).toContain("render 1");
  });
});
