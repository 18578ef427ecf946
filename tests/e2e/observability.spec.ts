/**
 * Health, metrics and request ids as an operator meets them (app/server/observability.ts, health.ts, metrics.ts,
 * request-id.ts): a production build of its own, started here with METRICS_TOKEN, METRICS_PORT and info logs
 * (the suite's shared server has neither), on a fresh demo database. The shared server shows the default: no
 * /metrics at all without a token.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import jsQR from "jsqr";
import { PNG } from "pngjs";
import { request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import { PRINCIPAL, SCHOOL } from "./demo-qr";
import { expect, postSignIn, test } from "./fixtures";

const TOKEN = "e2e-metrics-token-0123456789abcdef";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

let child: ChildProcess;
let dataDir: string;
let base: string;
let metricsUrl: string;
let stdout = "";

/** The JSON log lines the server wrote so far. */
function logLines(): Record<string, unknown>[] {
  return stdout
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

async function scrape(): Promise<string> {
  const response = await fetch(metricsUrl);
  expect(response.status).toBe(200);
  return response.text();
}

/** The value of one series of a scrape (0 when absent). */
function sample(text: string, series: string): number {
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  const [port, metricsPort] = [await freePort(), await freePort()];
  base = `http://127.0.0.1:${port}`;
  metricsUrl = `http://127.0.0.1:${metricsPort}/metrics`;
  dataDir = mkdtempSync(path.join(tmpdir(), "vanbang-e2e-obs-"));
  child = spawn(process.execPath, ["build/index.js"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      DATABASE_URL: "",
      DEMO_MODE: "true",
      PUBLIC_ORIGIN: base,
      TRUST_PROXY: "true",
      LOG_LEVEL: "info",
      METRICS_PORT: String(metricsPort),
      METRICS_TOKEN: TOKEN,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.resume();
  const deadline = Date.now() + 220_000;
  for (;;) {
    const up = await fetch(`${base}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`server did not start:\n${stdout}`);
    await new Promise((r) => setTimeout(r, 500));
  }
});

test.afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await exited;
  }
  rmSync(dataDir, { recursive: true, force: true });
});

test("/healthz names the answering process and /readyz says the migrated database is ready; neither is cached nor logged at info", async () => {
  const health = await fetch(`${base}/healthz`);
  expect(health.status).toBe(200);
  expect(health.headers.get("cache-control")).toBe("no-store");
  const body = (await health.json()) as { status: string; pid: number; uptimeSeconds: number; version: string };
  expect(body.status).toBe("ok");
  expect(body.pid).toBe(child.pid);
  expect(body.uptimeSeconds).toBeGreaterThanOrEqual(0);
  expect(body.version).toMatch(/^\d+\.\d+\.\d+/);

  const ready = await fetch(`${base}/readyz`);
  expect(ready.status).toBe(200);
  expect(ready.headers.get("cache-control")).toBe("no-store");
  const readiness = (await ready.json()) as {
    status: string;
    checks: { database: { ok: boolean }; migrations: { ok: boolean } };
  };
  expect(readiness.status).toBe("ready");
  expect(readiness.checks.database.ok).toBe(true);
  expect(readiness.checks.migrations.ok).toBe(true);

  // Probes come every few seconds: many of them, and not one info line.
  for (let i = 0; i < 20; i++) expect((await fetch(`${base}/healthz`)).status).toBe(200);
  await fetch(`${base}/jobs`); // an ordinary request, logged, after them
  await expect.poll(() => logLines().some((l) => l.path === "/jobs")).toBe(true);
  expect(logLines().filter((l) => l.path === "/healthz" || l.path === "/readyz")).toEqual([]);
});

test("/metrics on the public port: 404 without a configured token, 401 with a wrong or no token, metrics with it", async ({
  request,
}) => {
  // The suite's shared server has no METRICS_TOKEN: the path does not exist there.
  const shared = await request.get("/metrics");
  expect(shared.status()).toBe(404);

  const none = await fetch(`${base}/metrics`);
  expect(none.status).toBe(401);
  expect(none.headers.get("www-authenticate")).toContain("Bearer");
  const wrong = await fetch(`${base}/metrics`, { headers: { Authorization: `Bearer ${TOKEN}x` } });
  expect(wrong.status).toBe(401);
  const right = await fetch(`${base}/metrics`, { headers: { Authorization: `Bearer ${TOKEN}` } });
  expect(right.status).toBe(200);
  expect(right.headers.get("content-type")).toContain("text/plain");
  const text = await right.text();
  expect(text).toContain("vanbang_http_request_duration_seconds_bucket");
  expect(text).toContain("nodejs_eventloop_lag_p99_seconds");
  expect(text).toContain("vanbang_eventloop_delay_seconds_bucket");
  expect(text).toContain("process_resident_memory_bytes");
});

/** The QR text of one of the demo school's diplomas in force, read from its QR image as the principal. */
async function demoQrText(): Promise<string> {
  const principal: APIRequestContext = await playwrightRequest.newContext({ baseURL: base });
  await postSignIn(principal, PRINCIPAL);
  const list = await (await principal.get(`/school/${SCHOOL}/diplomas?status=issued`)).text();
  const id = new RegExp(`/school/${SCHOOL}/diplomas/([0-9a-f-]{36})`).exec(list)?.[1];
  expect(id, "the school lists a diploma in force").toBeTruthy();
  const png = PNG.sync.read(await (await principal.get(`/credentials/${id}/qr.png`)).body());
  await principal.dispose();
  const qr = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  expect(qr, "jsQR finds the QR code").not.toBeNull();
  return qr!.data;
}

test("verify page and API visits are counted under their bounded route labels, with their verdicts by channel", async () => {
  const qrText = await demoQrText();
  const pagePath = new URL(qrText).pathname;
  const before = await scrape();
  const pageSeries = 'vanbang_http_request_duration_seconds_count{route="routes/v.$payload",method="GET",status="2xx"}';
  const apiSeries = 'vanbang_http_request_duration_seconds_count{route="verify_api",method="POST",status="2xx"}';
  const validPage = 'vanbang_verifications_total{verdict="valid",channel="page"}';
  const validApi = 'vanbang_verifications_total{verdict="valid",channel="api"}';
  const malformedPage = 'vanbang_verifications_total{verdict="malformed",channel="page"}';

  for (let i = 0; i < 3; i++) expect((await fetch(`${base}${pagePath}`)).status).toBe(200);
  expect((await fetch(`${base}/V/AAAAAAAAAAAAAAAA`)).status).toBe(200); // a broken payload: still a verdict
  const api = await fetch(`${base}/api/v1/verify`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ qr: qrText }),
  });
  expect(((await api.json()) as { verdict: string }).verdict).toBe("valid");

  const after = await scrape();
  expect(sample(after, pageSeries) - sample(before, pageSeries)).toBe(4);
  expect(sample(after, apiSeries) - sample(before, apiSeries)).toBe(1);
  expect(sample(after, validPage) - sample(before, validPage)).toBe(3);
  expect(sample(after, validApi) - sample(before, validApi)).toBe(1);
  expect(sample(after, malformedPage) - sample(before, malformedPage)).toBe(1);
  // No URL in any label: the payloads would make one series per diploma.
  expect(after).not.toContain(pagePath.slice(3));
  expect(after).not.toContain("AAAAAAAAAAAAAAAA");
});

test("every response carries an X-Request-Id, and the request's log line carries the same id and the pid", async () => {
  // Behind the trusted proxy (TRUST_PROXY=true) a well-formed incoming id is kept…
  const given = `e2e-${Date.now().toString(36)}-req`;
  const kept = await fetch(`${base}/jobs`, { headers: { "X-Request-Id": given } });
  expect(kept.headers.get("x-request-id")).toBe(given);
  // …an ill-formed one is replaced by a fresh UUID, as is a missing one.
  const replaced = await fetch(`${base}/jobs`, { headers: { "X-Request-Id": "not ok; <script>" } });
  const fresh = replaced.headers.get("x-request-id")!;
  expect(fresh).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  const api = await fetch(`${base}/api/v1/verify`, { method: "POST", body: "{}" });
  const apiId = api.headers.get("x-request-id")!;
  expect(apiId).toMatch(/^[0-9a-f-]{36}$/);
  expect(apiId).not.toBe(fresh);

  await expect.poll(() => logLines().filter((l) => l.requestId === apiId).length).toBeGreaterThan(0);
  const byId = (id: string) => logLines().filter((l) => l.requestId === id);
  expect(byId(given)).toEqual([
    expect.objectContaining({ msg: "request", path: "/jobs", status: 200, pid: child.pid }),
  ]);
  expect(byId(fresh)).toEqual([expect.objectContaining({ msg: "request", path: "/jobs", pid: child.pid })]);
  expect(byId(apiId)).toEqual([
    expect.objectContaining({ msg: "request", path: "/api/v1/verify", status: 400, pid: child.pid }),
  ]);
});
