/**
 * The signing worker pool: signBatch sends the CPU work of a batch (canonical forms, hashes, Ed25519; signChunk in
 * sign-chunk.server.ts) here in slices, so the request thread keeps serving verification while a batch signs.
 *
 * The worker is its own file in every setting:
 * - the production build: build/sign-worker.js, bundled by scripts/build.mjs next to build/index.js (this module
 *   is compiled into build/index.js, so `import.meta.url` is that file);
 * - the TypeScript sources (vitest, tsx scripts, `remix dev`): app/modules/diplomas/sign-worker.ts, loaded through
 *   tsx's loader (`--import tsx`).
 *
 * Size: SIGNING_THREADS when set, else max(1, ⌊(cores − 1) / WEB_CONCURRENCY⌋): one core is left to the request
 * threads, and N cluster processes share the rest (each process has its own pool; a batch signs in one of them).
 * Idle threads end after a minute and never keep a process alive.
 */
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Piscina } from "piscina";
import { logger } from "~/lib/logger.server";
import type { SignChunkTask, SignedItem } from "./sign-chunk.server";

function positiveInteger(value: string | undefined): number | null {
  if (value === undefined || value.trim() === "") return null;
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 ? n : null;
}

/** The number of signing threads per process (see the module comment). */
export function signingThreads(
  env: Record<string, string | undefined> = process.env,
  cores = availableParallelism(),
): number {
  const configured = positiveInteger(env.SIGNING_THREADS);
  if (configured !== null) return Math.min(configured, 64);
  const processes = positiveInteger(env.WEB_CONCURRENCY) ?? 1;
  return Math.max(1, Math.floor((cores - 1) / processes));
}

/** Where the worker is, and how to start it (exported for the tests). */
export function signWorkerEntry(
  moduleUrl: string = import.meta.url,
  options: { cwd?: string; nodeEnv?: string } = {},
): { filename: string; execArgv: string[] } {
  const here = fileURLToPath(moduleUrl);
  const withTsx = (filename: string) => ({
    filename,
    execArgv: process.execArgv.some((arg) => arg.includes("tsx")) ? [...process.execArgv] : ["--import", "tsx"],
  });
  if (here.endsWith(".ts")) return withTsx(path.join(path.dirname(here), "sign-worker.ts"));
  const built = path.join(path.dirname(here), "sign-worker.js");
  // `remix dev` rebuilds build/index.js but not the worker: outside production, the sources are the truth.
  const nodeEnv = options.nodeEnv ?? process.env.NODE_ENV;
  const source = path.join(options.cwd ?? process.cwd(), "app/modules/diplomas/sign-worker.ts");
  if (nodeEnv !== "production" && existsSync(source)) return withTsx(source);
  return { filename: built, execArgv: [] };
}

let pool: Piscina<SignChunkTask, SignedItem[]> | null = null;

function signingPool(): Piscina<SignChunkTask, SignedItem[]> {
  if (pool) return pool;
  const entry = signWorkerEntry();
  if (!existsSync(entry.filename)) {
    throw new Error(`the signing worker ${entry.filename} is missing: run \`npm run build\``);
  }
  const threads = signingThreads();
  pool = new Piscina<SignChunkTask, SignedItem[]>({
    filename: entry.filename,
    execArgv: entry.execArgv,
    minThreads: 0,
    maxThreads: threads,
    idleTimeout: 60_000,
    // Tasks are few and large (a slice of a batch each): no need for Atomics busy-waiting between them.
    atomics: "disabled",
  });
  logger.info("signing pool started", { threads, worker: path.relative(process.cwd(), entry.filename) });
  return pool;
}

/**
 * Signs a slice of a batch on a worker thread. The task's key buffer is transferred, not copied: the caller gives a
 * fresh copy per task and cannot read it afterwards. Rejects when the worker fails or dies, or when `signal` aborts.
 */
export function runSignChunk(task: SignChunkTask, signal?: AbortSignal): Promise<SignedItem[]> {
  let running: Piscina<SignChunkTask, SignedItem[]>;
  try {
    running = signingPool();
  } catch (error) {
    return Promise.reject(error);
  }
  return running.run(task, { transferList: [task.privateKey.buffer as ArrayBuffer], signal });
}

/** How many slices the pool has signed since the process started (tests check that batches go through it). */
export function signPoolCompleted(): number {
  return pool?.completed ?? 0;
}
