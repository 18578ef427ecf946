/**
 * The signing worker pool: signBatch sends the CPU work of a batch (canonical forms, hashes, Ed25519; signChunk in
 * sign-chunk.server.ts) here in slices, so the request thread keeps serving verification while a batch signs.
 *
 * The worker is its own file in every setting:
 * - the production build: build/sign-worker.js, bundled by scripts/build.mjs next to build/index.js (this module
 *   is compiled into build/index.js, so `import.meta.url` is that file);
 * - the TypeScript sources (vitest, tsx scripts, `remix dev`): app/modules/diplomas/sign-worker.ts, bundled on first
 *   use with esbuild (a development dependency) into one self-contained file in the temporary directory, named by
 *   its content's hash. Not tsx's loader in the worker: it starts slower and its module wrappers made the worker's
 *   hashing several times slower than the production bundle's.
 *
 * Size: SIGNING_THREADS when set, else max(1, ⌊(cores − 1) / WEB_CONCURRENCY⌋): one core is left to the request
 * threads, and N cluster processes share the rest (each process has its own pool; a batch signs in one of them).
 * Idle threads end after a minute and never keep a process alive.
 */
import { createHash } from "node:crypto";
import { existsSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
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

/**
 * Where the worker is: the built file, or the TypeScript source to bundle first (exported for the tests). From the
 * bundle, build/sign-worker.js, unless it is missing or older than build/index.js while the sources are at hand:
 * `remix dev` rebuilds build/index.js but not the worker.
 */
export function signWorkerEntry(
  moduleUrl: string = import.meta.url,
  options: { cwd?: string } = {},
): { filename: string; bundleFirst: boolean } {
  const here = fileURLToPath(moduleUrl);
  if (here.endsWith(".ts")) return { filename: path.join(path.dirname(here), "sign-worker.ts"), bundleFirst: true };
  const built = path.join(path.dirname(here), "sign-worker.js");
  const source = path.join(options.cwd ?? process.cwd(), "app/modules/diplomas/sign-worker.ts");
  const builtIsCurrent = existsSync(built) && (!existsSync(here) || statSync(built).mtimeMs >= statSync(here).mtimeMs);
  if (!builtIsCurrent && existsSync(source)) return { filename: source, bundleFirst: true };
  return { filename: built, bundleFirst: false };
}

/** Bundles the worker's TypeScript source, packages included, into the temporary directory; returns the file. */
async function bundleWorker(source: string): Promise<string> {
  const esbuild = await import("esbuild");
  const root = path.resolve(path.dirname(source), "../../..");
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: [source],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    tsconfig: path.join(root, "tsconfig.json"),
    write: false,
    logLevel: "warning",
  });
  const code = result.outputFiles[0]!.contents;
  const hash = createHash("sha256").update(code).digest("hex").slice(0, 16);
  const file = path.join(tmpdir(), `vanbang-sign-worker-${hash}.mjs`);
  if (!existsSync(file)) writeFileSync(file, code);
  return file;
}

let pool: Piscina<SignChunkTask, SignedItem[]> | null = null;

let starting: Promise<Piscina<SignChunkTask, SignedItem[]>> | null = null;

function signingPool(): Promise<Piscina<SignChunkTask, SignedItem[]>> {
  if (pool) return Promise.resolve(pool);
  starting ??= (async () => {
    const entry = signWorkerEntry();
    if (!existsSync(entry.filename)) {
      throw new Error(`the signing worker ${entry.filename} is missing: run \`npm run build\``);
    }
    const filename = entry.bundleFirst ? await bundleWorker(entry.filename) : entry.filename;
    const threads = signingThreads();
    pool = new Piscina<SignChunkTask, SignedItem[]>({
      filename,
      minThreads: 0,
      maxThreads: threads,
      idleTimeout: 60_000,
      // Tasks are few and large (a slice of a batch each): no need for Atomics busy-waiting between them.
      atomics: "disabled",
    });
    logger.info("signing pool started", { threads, worker: path.relative(process.cwd(), entry.filename) });
    return pool;
  })().finally(() => {
    starting = null;
  });
  return starting;
}

/**
 * Signs a slice of a batch on a worker thread. The task's key buffer is transferred, not copied: the caller gives a
 * fresh copy per task and cannot read it afterwards. Rejects when the worker fails or dies, or when `signal` aborts.
 */
export async function runSignChunk(task: SignChunkTask, signal?: AbortSignal): Promise<SignedItem[]> {
  const running = await signingPool();
  return running.run(task, { transferList: [task.privateKey.buffer as ArrayBuffer], signal });
}

/** How many slices the pool has signed since the process started (tests check that batches go through it). */
export function signPoolCompleted(): number {
  return pool?.completed ?? 0;
}
