/**
 * Real server processes for the cluster tests (tests/cluster): `node build/index.js` (the production build; run
 * `npm run build` first) on a port of its own, over a PostgreSQL database of its own on TEST_DATABASE_URL's server.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { get as httpGet, type IncomingHttpHeaders } from "node:http";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { adminQuery, databaseUrl } from "./test-database-info";

const ROOT = path.resolve(import.meta.dirname, "../..");
export const BUILD = path.join(ROOT, "build/index.js");

/** The test KEK of tests/vitest.config.ts: every process of a test must seal and open keys alike. */
export const TEST_KEK = "dmFuYmFuZy1pbnRlZ3JhdGlvbi10ZXN0cy1rZWstMzI=";

export function requireClusterPrerequisites(): { adminUrl: string; replicaUrl: string | undefined } {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl)
    throw new Error('tests/cluster need TEST_DATABASE_URL (eval "$(bash scripts/pg-test-server.sh start)")');
  if (!existsSync(BUILD)) throw new Error("tests/cluster need the production build: npm run build");
  return { adminUrl, replicaUrl: process.env.TEST_DATABASE_REPLICA_URL };
}

export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  if (!address || typeof address === "string") throw new Error("no port");
  return address.port;
}

/** A fresh empty database on the test server (the first server process migrates it); dropped by the returned fn. */
export async function createEmptyDatabase(adminUrl: string, label: string) {
  const name = `vbc_${label}_${process.pid}_${Date.now().toString(36)}`;
  await adminQuery(adminUrl, `CREATE DATABASE "${name}"`);
  return {
    name,
    url: databaseUrl(adminUrl, name),
    drop: () => adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).then(() => undefined),
  };
}

export interface ServerProcess {
  origin: string;
  child: ChildProcess;
  /** Everything it wrote, stdout and stderr. */
  output(): string;
  stop(): Promise<void>;
}

/** Starts `node build/index.js` and resolves once it logged "server ready" (or fails with its output). */
export async function startServer(env: Record<string, string>, timeoutMs = 120_000): Promise<ServerProcess> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [BUILD], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      PATH: process.env.PATH ?? "",
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: String(port),
      PUBLIC_ORIGIN: origin,
      LOG_LEVEL: "info",
      KEY_ENCRYPTION_KEY: TEST_KEK,
      PUBLIC_RATE_LIMIT_PER_MINUTE: "0",
      ...env,
    },
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const kill = setTimeout(() => child.kill("SIGKILL"), 20_000);
      child.once("exit", () => {
        clearTimeout(kill);
        resolve();
      });
      child.kill("SIGTERM");
    });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`the server was not ready within ${timeoutMs / 1000} s:\n${output}`));
    }, timeoutMs);
    const check = () => {
      if (/"msg":"server ready"/.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on("data", check);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (code ${code}) before it was ready:\n${output}`));
    });
  });
  return { origin, child, output: () => output, stop };
}

/** Calls `probe` until it returns true or `deadlineMs` has passed; resolves to whether it did. */
export async function eventually(probe: () => Promise<boolean>, deadlineMs: number, everyMs = 100): Promise<boolean> {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    if (await probe()) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** The verdict the API of `origin` gives a QR text. */
export async function apiVerdict(origin: string, qr: string): Promise<string> {
  const response = await fetch(`${origin}/api/v1/verify`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ qr }),
  });
  return ((await response.json()) as { verdict: string }).verdict;
}

/** One GET on a connection of its own (so that the cluster may hand it to any worker): status, headers, body. */
export function getOnce(url: string): Promise<{ status: number; headers: IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpGet(url, { agent: false, headers: { connection: "close" } }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.setTimeout(15_000, () => req.destroy(new Error(`GET ${url}: no answer within 15 s`)));
  });
}

/** The pid of the process that answered, from `/healthz` (null when it does not answer with one). */
export async function answeringPid(origin: string): Promise<number | null> {
  const health = await getOnce(`${origin}/healthz`);
  if (health.status !== 200) return null;
  try {
    const pid = (JSON.parse(health.body) as { pid?: unknown }).pid;
    return typeof pid === "number" ? pid : null;
  } catch {
    return null;
  }
}

/** True while a process with this pid exists. */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
