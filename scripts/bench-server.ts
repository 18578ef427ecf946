/**
 * What the HTTP benchmarks (bench-verify, bench-flood, bench-signing-under-load) share to run the built server as a
 * process of its own: building when the build is stale, a free port, a child Node script, waiting until it answers.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

const root = process.cwd();

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/**
 * scripts/build.mjs, as `npm run build` (the app and build/sign-worker.js), when either output is missing or older
 * than the sources (the rule of scripts/start.mjs, plus the build script itself).
 */
export function buildIfNeeded(): void {
  const outputs = ["build/index.js", "build/sign-worker.js"].map((f) => path.join(root, f));
  const sources = Math.max(
    ...["app", "db/schema"].map((d) => newestMtime(path.join(root, d))),
    statSync(path.join(root, "remix.config.js")).mtimeMs,
    statSync(path.join(root, "scripts/build.mjs")).mtimeMs,
  );
  if (outputs.every((f) => existsSync(f) && statSync(f).mtimeMs >= sources)) return;
  console.log("building the app…");
  const result = spawnSync(process.execPath, [path.join(root, "scripts/build.mjs")], {
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production" },
  });
  if (result.status !== 0) throw new Error(`the build failed (exit ${result.status})`);
}

export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/** Runs a Node script to its end (kept in `children` meanwhile, for the caller's cleanup); rejects on a non-zero exit. */
export function runNode(args: string[], env: NodeJS.ProcessEnv, children: Set<ChildProcess>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ["ignore", "inherit", "inherit"], env });
    children.add(child);
    child.on("error", reject);
    child.on("exit", (code) => {
      children.delete(child);
      if (code === 0) resolve();
      else reject(new Error(`${args.join(" ")} exited with ${code}`));
    });
  });
}

/** Polls `url` until it answers 2xx; throws when `server` exits first or after `timeoutMs`. */
export async function waitUntilReady(
  url: string,
  server: ChildProcess,
  options: { timeoutMs?: number; everyMs?: number } = {},
): Promise<void> {
  const { timeoutMs = 60_000, everyMs = 200 } = options;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited early (code ${server.exitCode})`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      await response.arrayBuffer();
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(`the server was not ready within ${timeoutMs / 1000} s`);
}
