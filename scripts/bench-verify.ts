/**
 * `npm run bench:verify [-- --duration 10 --connections 50] [--workers N]`
 * Builds the app when needed, seeds a fresh temporary data directory with the demo data, takes the QR payloads of
 * the issued demo diplomas (up to 50: valid, revoked, suspended, superseded), starts the production server on it
 * (rate limit off) and a bare Node http server that serves a static page of the same size as the verify page,
 * then drives, with autocannon on loopback: the bare server, GET /V/{payload} and POST /api/v1/verify, each
 * connection cycling through the payloads. `--cpu-prof DIR` writes a CPU profile of the server. The last line is JSON:
 * {"pageRps","pageP99Ms","apiRps","apiP99Ms","bareRps","bareP99Ms","pageShareOfBare","apiShareOfBare"}.
 * Goal (issue 4, "Speed"): page ≥ 10% and API ≥ 25% of the bare server's requests a second, p99 ≤ 50 ms.
 * The bare server runs as a process of its own (node -e), as the server does, not inside this (autocannon's) process.
 *
 * `--workers N` (N ≥ 1): on PostgreSQL instead (DATABASE_URL names a server where this script may create and drop a
 * database `vb_bench_<pid>`), the same page and API measured with WEB_CONCURRENCY=1 and, when N > 1, WEB_CONCURRENCY=N,
 * each against the same bare server. Its last line is JSON:
 * {"database":"postgres","bareRps","bareP99Ms","runs":[{"processes","pageRps","pageP99Ms","apiRps","apiP99Ms",
 * "pageShareOfBare","apiShareOfBare"}, …]}.
 * Every process it starts is stopped, even on failure.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { type Server } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { buildIfNeeded, freePort, runNode, waitUntilReady } from "./bench-server";

const { values } = parseArgs({
  options: {
    duration: { type: "string", default: "10" },
    connections: { type: "string", default: "50" },
    // Writes a V8 CPU profile of the server (node --cpu-prof) into this directory: for finding where time goes.
    "cpu-prof": { type: "string" },
    workers: { type: "string" },
  },
  allowPositionals: false,
  strict: true,
});
const duration = Number(values.duration);
const connections = Number(values.connections);
if (!(duration >= 1 && duration <= 120) || !Number.isInteger(connections) || connections < 1 || connections > 1000) {
  console.error("usage: npm run bench:verify -- [--duration 1..120 seconds] [--connections 1..1000]");
  process.exit(2);
}

const workers = values.workers === undefined ? null : Number(values.workers);
if (workers !== null && !(Number.isInteger(workers) && workers >= 1 && workers <= 64)) {
  console.error("usage: --workers 1..64 (on PostgreSQL: set DATABASE_URL)");
  process.exit(2);
}
const adminUrl = process.env.DATABASE_URL;
if (workers !== null && !adminUrl?.startsWith("postgres")) {
  console.error(
    "--workers N measures on PostgreSQL: set DATABASE_URL to a server where a bench database may be created",
  );
  process.exit(2);
}
const benchDatabase = `vb_bench_${process.pid}`;

const root = process.cwd();
const dataDir = mkdtempSync(path.join(tmpdir(), "vanbang-bench-verify-"));
const children = new Set<ChildProcess>();
let bare: Server | undefined;

/** Stops what this script started: the server (SIGTERM, then SIGKILL), the bare server, the temp directory. */
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
  if (bare) await new Promise<void>((resolve) => bare!.close(() => resolve()));
  bare = undefined;
  rmSync(dataDir, { recursive: true, force: true });
  if (workers !== null && adminUrl) {
    await adminSql(adminUrl, `DROP DATABASE IF EXISTS "${benchDatabase}" WITH (FORCE)`).catch(() => undefined);
  }
}

async function adminSql(url: string, statement: string): Promise<Record<string, unknown>[]> {
  const { default: postgres } = await import("postgres");
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    return (await client.unsafe(statement)) as unknown as Record<string, unknown>[];
  } finally {
    await client.end({ timeout: 5 });
  }
}

function databaseUrlOf(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** The bare baseline as a process of its own: a static page of `size` bytes on `port`. */
async function startBare(size: number, port: number): Promise<ChildProcess> {
  const script = `
    const page = Buffer.alloc(${size}, "a");
    require("node:http").createServer((req, res) => {
      res.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Content-Length": page.length });
      res.end(page);
    }).listen(${port}, "127.0.0.1", () => console.log("bare ready"));`;
  const child = spawn(process.execPath, ["-e", script], { stdio: ["ignore", "pipe", "inherit"] });
  children.add(child);
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => chunk.toString().includes("bare ready") && resolve());
    child.once("exit", (code) => reject(new Error(`the bare server exited (${code})`)));
  });
  return child;
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    const kill = setTimeout(() => child.kill("SIGKILL"), 15_000);
    child.once("exit", () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill("SIGTERM");
  });
  children.delete(child);
}
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void cleanup().finally(() => process.exit(130));
  });
}

interface Figures {
  rps: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  total: number;
}

async function drive(title: string, options: autocannon.Options): Promise<Figures> {
  // A short warm-up (JIT, caches, connection setup) that is not counted.
  await autocannon({ ...options, connections, duration: 1 });
  const result = await autocannon({ ...options, connections, duration });
  const figures = {
    rps: Math.round(result.requests.average),
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    total: result.requests.total,
  };
  console.log(
    `${title.padEnd(28)} ${String(figures.rps).padStart(8)} ${String(figures.p99Ms).padStart(9)} ${String(result.latency.p50).padStart(9)} ${String(figures.total).padStart(9)} ${String(figures.non2xx + figures.errors + figures.timeouts).padStart(7)}`,
  );
  return figures;
}

async function main(): Promise<void> {
  buildIfNeeded();
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const databaseUrl = workers !== null && adminUrl ? databaseUrlOf(adminUrl, benchDatabase) : "";
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    DEMO_MODE: "true",
    DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl,
    DATABASE_REPLICA_URLS: "",
    PORT: String(port),
    HOST: "127.0.0.1",
    PUBLIC_ORIGIN: origin,
    LOG_LEVEL: "warn",
    MAIL_TRANSPORT: "outbox",
    PUBLIC_RATE_LIMIT_PER_MINUTE: "0",
  };

  // Seed a fresh data directory (or bench database), then read the issued diplomas' QR payloads from it.
  let qrs: string[] = [];
  // Every issued demo diploma (valid, revoked, suspended, superseded alike), the first one valid: requests
  // cycle through them, as an employer's phones would, rather than hammering one URL.
  const qrQuery =
    "select qr_payload from diplomas where status <> 'draft' and qr_payload is not null order by (status = 'issued') desc, serial limit 50";
  if (workers !== null) {
    await adminSql(adminUrl!, `CREATE DATABASE "${benchDatabase}"`);
    console.log(`seeding the demo data in database ${benchDatabase}…`);
    await runNode(["--import", "tsx", path.join(root, "scripts/seed.ts")], env, children);
    qrs = (await adminSql(databaseUrl, qrQuery)).map((r) => String(r.qr_payload));
  } else {
    console.log(`seeding the demo data in ${dataDir}…`);
    await runNode(["--import", "tsx", path.join(root, "scripts/seed.ts")], env, children);
    const { PGlite } = await import("@electric-sql/pglite");
    const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
    const { unaccent } = await import("@electric-sql/pglite/contrib/unaccent");
    const pg = await PGlite.create({ dataDir: path.join(dataDir, "pglite"), extensions: { pg_trgm, unaccent } });
    try {
      qrs = (await pg.query<{ qr_payload: string }>(qrQuery)).rows.map((r) => r.qr_payload);
    } finally {
      await pg.close();
    }
  }
  const qr = qrs[0];
  if (!qr) throw new Error("no issued demo diploma with a QR payload");
  const pagePath = new URL(qr).pathname;

  const profileFlags = values["cpu-prof"] ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(values["cpu-prof"])}`] : [];
  const startApp = async (processes: number) => {
    const server = spawn(process.execPath, [...profileFlags, path.join(root, "build/index.js")], {
      stdio: ["ignore", "inherit", "inherit"],
      env: { ...env, WEB_CONCURRENCY: String(processes) },
    });
    children.add(server);
    await waitUntilReady(`${origin}${pagePath}`, server, { timeoutMs: 120_000 });
    if (processes > 1) await new Promise((r) => setTimeout(r, 3_000)); // every worker listening, not just the first
    return server;
  };

  /** Sanity (the page and the API both answer "valid"), then the page and the API under load. */
  const measure = async (processes: number, bareRps: number) => {
    const server = await startApp(processes);
    const page = await fetch(`${origin}${pagePath}`);
    await page.arrayBuffer();
    const api = await fetch(`${origin}/api/v1/verify`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ qr }),
    });
    const apiBody = (await api.json()) as { verdict?: string };
    if (page.status !== 200 || api.status !== 200 || apiBody.verdict !== "valid") {
      throw new Error(`unexpected answers: page ${page.status}, api ${api.status} ${JSON.stringify(apiBody)}`);
    }
    const suffix = processes > 1 || workers !== null ? `, ${processes} proc` : "";
    const pageFig = await drive(`GET /V/{payload} (${qrs.length}${suffix})`, {
      url: origin,
      requests: qrs.map((q) => ({ method: "GET", path: new URL(q).pathname })),
    });
    const apiFig = await drive(`POST /api/v1/verify (${qrs.length}${suffix})`, {
      url: `${origin}/api/v1/verify`,
      requests: qrs.map((q) => ({
        method: "POST",
        path: "/api/v1/verify",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ qr: q }),
      })),
    });
    await stopChild(server);
    for (const [name, f] of [
      ["page", pageFig],
      ["api", apiFig],
    ] as const) {
      if (f.non2xx + f.errors + f.timeouts > 0)
        console.warn(`warning: ${name}: ${f.non2xx} non-2xx, ${f.errors} errors, ${f.timeouts} timeouts`);
    }
    const share = (x: number) => Math.round((x / Math.max(1, bareRps)) * 1000) / 1000;
    return {
      processes,
      pageRps: pageFig.rps,
      pageP99Ms: pageFig.p99Ms,
      apiRps: apiFig.rps,
      apiP99Ms: apiFig.p99Ms,
      pageShareOfBare: share(pageFig.rps),
      apiShareOfBare: share(apiFig.rps),
    };
  };

  // The baseline: a bare Node http server, its own process, serving a static page of the verify page's size.
  const probe = await startApp(1);
  const pageBytes = Buffer.from(await (await fetch(`${origin}${pagePath}`)).arrayBuffer());
  await stopChild(probe);
  const barePort = await freePort();
  const bareProcess = await startBare(pageBytes.length, barePort);

  console.log(
    `\n${connections} connections, ${duration} s each (after a 1 s warm-up); verify page ${pageBytes.length} bytes\n`,
  );
  console.log(
    `${"target".padEnd(28)} ${"req/s".padStart(8)} ${"p99 ms".padStart(9)} ${"p50 ms".padStart(9)} ${"requests".padStart(9)} ${"failed".padStart(7)}`,
  );
  const bareFig = await drive("bare node http (own process)", { url: `http://127.0.0.1:${barePort}/` });
  if (bareFig.non2xx + bareFig.errors + bareFig.timeouts > 0) console.warn("warning: the bare server failed requests");
  await stopChild(bareProcess);

  if (workers === null) {
    const run1 = await measure(1, bareFig.rps);
    const { processes: _processes, ...figures } = run1;
    const summary = { ...figures, bareRps: bareFig.rps, bareP99Ms: bareFig.p99Ms };
    const verdict = (ok: boolean) => (ok ? "met" : "missed");
    console.log(
      `\ngoal: page ≥ 10% of bare: ${verdict(summary.pageShareOfBare >= 0.1)} (${(summary.pageShareOfBare * 100).toFixed(1)}%); ` +
        `API ≥ 25%: ${verdict(summary.apiShareOfBare >= 0.25)} (${(summary.apiShareOfBare * 100).toFixed(1)}%); ` +
        `p99 ≤ 50 ms: ${verdict(summary.pageP99Ms <= 50 && summary.apiP99Ms <= 50)}`,
    );
    await cleanup();
    console.log(
      JSON.stringify({
        pageRps: summary.pageRps,
        pageP99Ms: summary.pageP99Ms,
        apiRps: summary.apiRps,
        apiP99Ms: summary.apiP99Ms,
        bareRps: summary.bareRps,
        bareP99Ms: summary.bareP99Ms,
        pageShareOfBare: summary.pageShareOfBare,
        apiShareOfBare: summary.apiShareOfBare,
      }),
    );
    return;
  }

  const runs = [await measure(1, bareFig.rps)];
  if (workers > 1) runs.push(await measure(workers, bareFig.rps));
  await cleanup();
  console.log(JSON.stringify({ database: "postgres", bareRps: bareFig.rps, bareP99Ms: bareFig.p99Ms, runs }));
}

try {
  await main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await cleanup();
  process.exit(1);
}
