/**
 * `npm run bench:signing-under-load [-- --count 5000 --rate 50 --idle 8]`
 * Does verification wait for signing? Starts the production server (built when stale, with its signing worker) as its
 * own process on PostgreSQL (TEST_DATABASE_URL or DATABASE_URL when given, else a throwaway server started for the
 * run), with a school, a signed-in principal, 50 signed diplomas to verify and a submitted batch of `--count`
 * diplomas. Then, with autocannon at a modest rate (`--rate` requests a second on each endpoint, 10 connections
 * each), it loads the cached verify page GET /V/{payload} and POST /api/v1/verify:
 *   1. idle, for `--idle` seconds;
 *   2. while the principal signs the batch through the real sign action (POST /school/{code}/batches/{id}/sign),
 *      from the moment the form is sent until its redirect comes back.
 * It checks that the batch was signed, and reports verify p50/p99/max idle and during signing. Goal (issue 11,
 * item 5): p99 ≤ 100 ms while a 5,000-diploma batch signs. Every process it starts is stopped, even on failure.
 * The last line is JSON.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { eq } from "drizzle-orm";
import { diplomaBatches, diplomas } from "../db/schema";
import { vietnamDate } from "~/lib/format-time";
import { closeDatabase, openPostgres, useDatabase } from "~/lib/db.server";
import { createSession } from "~/lib/session.server";
import { signBatch } from "~/modules/diplomas/sign-batch.server";
import { ensureSchoolKey } from "~/modules/keys/ensure-school-key.server";
import { keyRingFrom, useKeyRing } from "~/modules/keys/key-encryption.server";
import { prepareDatabase } from "~/modules/platform/prepare-database.server";
import { createSubmittedBatch } from "../tests/support/diplomas";
import { createOrganisation, createUser } from "../tests/support/factories";
import { startThrowawayPostgres, type ThrowawayPostgres } from "./throwaway-postgres";
import { buildIfNeeded, freePort, waitUntilReady } from "./bench-server";

const { values } = parseArgs({
  options: {
    count: { type: "string", default: "5000" },
    rate: { type: "string", default: "50" },
    idle: { type: "string", default: "8" },
  },
  allowPositionals: false,
  strict: true,
});
const count = Number(values.count);
const rate = Number(values.rate);
const idleSeconds = Number(values.idle);
if (!Number.isInteger(count) || count < 1 || count > 50_000 || !(rate >= 1 && rate <= 2000) || !(idleSeconds >= 1)) {
  console.error("usage: npm run bench:signing-under-load -- [--count 1..50000] [--rate 1..2000 per s] [--idle s]");
  process.exit(2);
}

const root = process.cwd();
const children = new Set<ChildProcess>();
let throwaway: ThrowawayPostgres | undefined;

async function cleanup(): Promise<void> {
  await Promise.all(
    [...children].map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          const kill = setTimeout(() => child.kill("SIGKILL"), 5_000);
          child.once("exit", () => {
            clearTimeout(kill);
            resolve();
          });
          child.kill("SIGTERM");
        }),
    ),
  );
  children.clear();
  throwaway?.stop();
}
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void cleanup().finally(() => process.exit(130));
  });
}

interface Latency {
  requests: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  non2xx: number;
  errors: number;
}

const figures = (result: autocannon.Result): Latency => ({
  requests: result.requests.total,
  p50Ms: result.latency.p50,
  p99Ms: result.latency.p99,
  maxMs: result.latency.max,
  non2xx: result.non2xx,
  errors: result.errors + result.timeouts,
});

/** Both endpoints at `rate` requests a second each, until `until` settles (or for `seconds`). */
async function load(origin: string, qrs: string[], options: { seconds?: number; until?: Promise<unknown> }) {
  const common = { connections: 10, overallRate: rate, duration: options.seconds ?? 3600, timeout: 30 };
  const page = autocannon({
    ...common,
    url: origin,
    requests: qrs.map((q) => ({ method: "GET" as const, path: new URL(q).pathname })),
  });
  const api = autocannon({
    ...common,
    url: `${origin}/api/v1/verify`,
    requests: qrs.map((q) => ({
      method: "POST" as const,
      path: "/api/v1/verify",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ qr: q }),
    })),
  });
  if (options.until) {
    void options.until.finally(() => {
      // autocannon's promise is also its running instance, which can be stopped.
      for (const run of [page, api]) (run as unknown as { stop(): void }).stop();
    });
  }
  const [pageResult, apiResult] = await Promise.all([page, api]);
  return { page: figures(pageResult), api: figures(apiResult) };
}

try {
  buildIfNeeded();
  const givenUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  const databaseUrl = givenUrl ?? (throwaway = startThrowawayPostgres(root)).url;
  process.env.LOG_LEVEL ??= "warn";
  const kek = Buffer.alloc(32, 11);
  // Parsed by getEnv() when the session is created here: the same settings as the server's.
  process.env.KEY_ENCRYPTION_KEY = kek.toString("base64");
  process.env.PUBLIC_ORIGIN ??= "http://vanbang-bench.example.vn";
  useKeyRing(keyRingFrom(kek));
  const handle = await openPostgres(databaseUrl, 4);
  useDatabase(handle);
  await prepareDatabase(handle);
  const db = handle.db;

  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  // Not a loopback origin: a server outside demo mode refuses to sign for one (issue 11, item 4).
  const publicOrigin = process.env.PUBLIC_ORIGIN;

  const code = `LOAD${randomUUID().slice(0, 6).toUpperCase()}`;
  const school = await createOrganisation(db, { kind: "school", code });
  const registrar = await createUser(db, { roles: [{ role: "school_registrar", organisationId: school.id }] });
  const principal = await createUser(db, { roles: [{ role: "school_principal", organisationId: school.id }] });
  const ensured = await ensureSchoolKey(db, { organisationId: school.id, actor: { userId: null, ip: null } });
  if (!ensured.ok) throw new Error(`no key: ${ensured.code}`);

  // 50 signed diplomas to verify, then the big batch, submitted and waiting for the principal.
  const small = await createSubmittedBatch(db, { organisationId: school.id, createdBy: registrar.id, count: 50 });
  const signedSmall = await signBatch(db, {
    organisationId: school.id,
    batchId: small.batch.id,
    signer: { userId: principal.id, name: "Lê Minh Tuấn", title: "Hiệu trưởng" },
    issuePlace: "Hà Nội",
    publicOrigin,
    actor: { userId: principal.id, ip: null },
  });
  if (!signedSmall.ok) throw new Error(`signing the diplomas to verify failed: ${signedSmall.code}`);
  const qrs = (await db.select({ qr: diplomas.qrPayload }).from(diplomas).where(eq(diplomas.batchId, small.batch.id)))
    .map((r) => r.qr!)
    .filter(Boolean);
  const { batch } = await createSubmittedBatch(db, { organisationId: school.id, createdBy: registrar.id, count });
  const { setCookie } = await createSession(db, { userId: principal.id, ip: null, userAgent: "bench" });
  const cookie = setCookie.split(";")[0]!;
  await closeDatabase();

  const server = spawn(process.execPath, [path.join(root, "build/index.js")], {
    stdio: ["ignore", "inherit", "inherit"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_URL: databaseUrl,
      DEMO_MODE: "false",
      PUBLIC_ORIGIN: publicOrigin,
      KEY_ENCRYPTION_KEY: kek.toString("base64"),
      PUBLIC_RATE_LIMIT_PER_MINUTE: "0",
      LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
    },
  });
  children.add(server);
  await waitUntilReady(`${origin}${new URL(qrs[0]!).pathname}`, server, { timeoutMs: 90_000, everyMs: 250 });

  // A short warm-up (JIT, caches, connections), not counted.
  await load(origin, qrs, { seconds: 2 });
  console.log(`idle: ${idleSeconds} s at ${rate} requests/s on each endpoint…`);
  const idle = await load(origin, qrs, { seconds: idleSeconds });

  console.log(`signing ${count} diplomas through the sign action while verifying…`);
  const signPath = `/school/${code}/batches/${batch.id}/sign`;
  const started = performance.now();
  const signing = fetch(`${origin}${signPath}`, {
    method: "POST",
    redirect: "manual",
    headers: { cookie, origin, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      issueDate: vietnamDate(),
      issuePlace: "Hà Nội",
      signerTitle: "Hiệu trưởng",
      confirm: "on",
    }),
  }).then(async (response) => {
    const seconds = (performance.now() - started) / 1000;
    const location = response.headers.get("location") ?? "";
    await response.arrayBuffer();
    return { status: response.status, location, seconds };
  });
  // Give the sign request a head start of nothing: load starts at once and stops when the redirect comes back.
  const during = await load(origin, qrs, { until: signing });
  const sign = await signing;
  if (sign.status !== 302 && sign.status !== 303) throw new Error(`the sign action answered ${sign.status}`);

  const check = await openPostgres(databaseUrl, 1);
  const [after] = await check.db.select().from(diplomaBatches).where(eq(diplomaBatches.id, batch.id));
  await check.close();
  if (after?.status !== "signed") throw new Error(`the batch is ${after?.status}, not signed`);

  const round = (n: number) => Number(n.toFixed(2));
  const worst = (a: Latency, b: Latency) => Math.max(a.p99Ms, b.p99Ms);
  console.log(
    `signed ${count} diplomas in ${sign.seconds.toFixed(1)} s (${((sign.seconds * 1000) / count).toFixed(2)} ms each)`,
  );
  for (const [title, f] of [
    ["idle     GET /V/…", idle.page],
    ["idle     POST /api/v1/verify", idle.api],
    ["signing  GET /V/…", during.page],
    ["signing  POST /api/v1/verify", during.api],
  ] as const) {
    console.log(
      `${title.padEnd(30)} ${String(f.requests).padStart(6)} requests  p50 ${f.p50Ms} ms  p99 ${f.p99Ms} ms  max ${f.maxMs} ms` +
        (f.non2xx || f.errors ? `  (non-2xx ${f.non2xx}, errors ${f.errors})` : ""),
    );
  }
  const duringP99 = worst(during.page, during.api);
  console.log(`verify p99 while signing: ${duringP99} ms (goal ≤ 100 ms), idle: ${worst(idle.page, idle.api)} ms`);
  console.log(
    JSON.stringify({
      count,
      ratePerEndpoint: rate,
      signSeconds: round(sign.seconds),
      msPerDiploma: round((sign.seconds * 1000) / count),
      idle: { page: idle.page, api: idle.api },
      signing: { page: during.page, api: during.api },
      idleP99Ms: worst(idle.page, idle.api),
      signingP99Ms: duringP99,
      goalMet: duringP99 <= 100,
    }),
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await cleanup();
}
