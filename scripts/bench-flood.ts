/**
 * `npm run bench:flood [-- --duration 10 --connections 50]`
 * One address floods the verify page while other clients visit it: does the flood slow the others down?
 * Builds the app when needed, seeds a fresh temporary data directory with the demo data, starts the production server
 * on it as its own process (TRUST_PROXY=true, so X-Forwarded-For names the client; PUBLIC_RATE_LIMIT_PER_MINUTE=120, the default),
 * then with autocannon on loopback, against a valid demo diploma's /V/{payload}:
 *  1. pages: `connections` connections, each request from another address (all within budget): served pages a second;
 *  2. alone: the other clients (20 requests a second on 2 connections, from 100 addresses, within their budgets):
 *     their latency;
 *  3. flood: one address on `connections` connections (over budget after its first 60 in each 30 s), by autocannon
 *     in a process of its own, and at the same time the other clients as in 2: refusals a second, the others' latency.
 * The last line is JSON: {"pageRps","refusalRps","refusalVsPageThroughput","aloneP99Ms","underFloodP50Ms",
 * "underFloodP99Ms","underFloodMaxMs","otherNon2xx","floodStatus429Share"}.
 * Goal (issue 11): under the flood the other clients' p99 ≤ 50 ms. Every process it starts is stopped.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { buildIfNeeded, freePort, runNode, waitUntilReady } from "./bench-server";

const { values } = parseArgs({
  options: {
    duration: { type: "string", default: "10" },
    connections: { type: "string", default: "50" },
  },
  allowPositionals: false,
  strict: true,
});
const duration = Number(values.duration);
const connections = Number(values.connections);
if (!(duration >= 1 && duration <= 120) || !Number.isInteger(connections) || connections < 1 || connections > 1000) {
  console.error("usage: npm run bench:flood -- [--duration 1..120 seconds] [--connections 1..1000]");
  process.exit(2);
}

const root = process.cwd();
const dataDir = mkdtempSync(path.join(tmpdir(), "vanbang-bench-flood-"));
const children = new Set<ChildProcess>();

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
  rmSync(dataDir, { recursive: true, force: true });
}
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void cleanup().finally(() => process.exit(130));
  });
}

const ms = (x: number) => Math.round(x * 10) / 10;

interface FloodResult {
  requests: { average: number; total: number };
  statusCodeStats?: Record<string, { count: number }>;
}

/** `connections` connections from one address for `duration` seconds, by the autocannon command in its own process. */
function floodFrom(address: string, url: string): Promise<FloodResult> {
  return new Promise((resolve, reject) => {
    const args = ["-c", String(connections), "-d", String(duration), "-j", "-H", `x-forwarded-for=${address}`, url];
    const child = spawn(path.join(root, "node_modules/.bin/autocannon"), args, {
      stdio: ["ignore", "pipe", "inherit"],
    });
    children.add(child);
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.on("error", reject);
    child.on("exit", (code) => {
      children.delete(child);
      if (code !== 0) return reject(new Error(`autocannon exited with ${code}`));
      resolve(JSON.parse(out.trim().split("\n").at(-1)!) as FloodResult);
    });
  });
}

async function main(): Promise<void> {
  buildIfNeeded();
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    DEMO_MODE: "true",
    DATA_DIR: dataDir,
    DATABASE_URL: "",
    PORT: String(port),
    HOST: "127.0.0.1",
    PUBLIC_ORIGIN: origin,
    LOG_LEVEL: "warn",
    MAIL_TRANSPORT: "outbox",
    TRUST_PROXY: "true",
    PUBLIC_RATE_LIMIT_PER_MINUTE: "120", // the default
  };

  console.log(`seeding the demo data in ${dataDir}…`);
  await runNode(["--import", "tsx", path.join(root, "scripts/seed.ts")], env, children);
  const { PGlite } = await import("@electric-sql/pglite");
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  const { unaccent } = await import("@electric-sql/pglite/contrib/unaccent");
  const pg = await PGlite.create({ dataDir: path.join(dataDir, "pglite"), extensions: { pg_trgm, unaccent } });
  let qr: string | undefined;
  try {
    const rows = await pg.query<{ qr_payload: string }>(
      "select qr_payload from diplomas where status = 'issued' and qr_payload is not null order by serial limit 1",
    );
    qr = rows.rows[0]?.qr_payload;
  } finally {
    await pg.close();
  }
  if (!qr) throw new Error("no issued demo diploma with a QR payload");
  const pagePath = new URL(qr).pathname;

  const server = spawn(process.execPath, [path.join(root, "build/index.js")], {
    stdio: ["ignore", "inherit", "inherit"],
    env,
  });
  children.add(server);
  await waitUntilReady(`${origin}${pagePath}`, server);

  // 1. Served pages a second: every request from an address of its own, so none is over budget.
  const pages = await autocannon({
    url: origin,
    connections,
    duration,
    requests: Array.from({ length: 5000 }, (_, i) => ({
      method: "GET" as const,
      path: pagePath,
      headers: { "x-forwarded-for": `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` },
    })),
  });

  // The other clients: 20 requests a second on 2 connections, each request from one of 100 addresses (within their
  // budgets: 60 per 30 s each).
  const other = (network: number) =>
    autocannon({
      url: origin,
      connections: 2,
      overallRate: 20,
      duration,
      requests: Array.from({ length: 100 }, (_, i) => ({
        method: "GET" as const,
        path: pagePath,
        headers: { "x-forwarded-for": `198.51.${network}.${i + 1}` },
      })),
    });

  // 2. The other clients alone.
  const alone = await other(100);

  // 3. One address floods (autocannon in a process of its own, so that its work does not delay the other client's
  // measurement) while the other clients visit.
  const [flood, underFlood] = await Promise.all([floodFrom("203.0.113.66", `${origin}${pagePath}`), other(101)]);

  const floodTotal = flood.requests.total;
  const refused = flood.statusCodeStats?.["429"]?.count ?? 0;
  const summary = {
    pageRps: Math.round(pages.requests.average),
    refusalRps: Math.round(flood.requests.average),
    /** How much cheaper a refusal is than a served page, measured as throughput at the same concurrency. */
    refusalVsPageThroughput: ms(flood.requests.average / Math.max(1, pages.requests.average)),
    aloneP99Ms: alone.latency.p99,
    underFloodP50Ms: underFlood.latency.p50,
    underFloodP99Ms: underFlood.latency.p99,
    underFloodMaxMs: underFlood.latency.max,
    otherNon2xx: underFlood.non2xx,
    floodStatus429Share: ms((refused / Math.max(1, floodTotal)) * 100) / 100,
  };
  console.log(
    `\nserved pages: ${summary.pageRps}/s; flood (one address, ${connections} connections): ${summary.refusalRps}/s, ` +
      `${Math.round(summary.floodStatus429Share * 100)}% refused\n` +
      `other clients' p99: ${summary.aloneP99Ms} ms alone, ${summary.underFloodP99Ms} ms under the flood ` +
      `(goal ≤ 50 ms: ${summary.underFloodP99Ms <= 50 ? "met" : "missed"})`,
  );
  await cleanup();
  console.log(JSON.stringify(summary));
}

try {
  await main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await cleanup();
  process.exit(1);
}
