/**
 * The probes a reverse proxy or an orchestrator polls, answered before Express and Remix (observability.ts),
 * never rate-limited, logged only at debug level, never cached (`Cache-Control: no-store`):
 * - GET /healthz: the process is alive and its event loop turns. No database: a database outage must not get
 *   every process restarted. `{ status: "ok", pid, uptimeSeconds, version }`.
 * - GET /readyz: this process can serve: the database answers `select 1` within READY_TIMEOUT_MS, and its applied
 *   migrations are the ones this build ships (db/migrations/meta/_journal.json against drizzle's
 *   __drizzle_migrations). 200 `{ status: "ready", … }`, or 503 `{ status: "not_ready", failing: [...], … }`.
 */
import { readFileSync } from "node:fs";
import type { ServerResponse } from "node:http";
import path from "node:path";
import { sql } from "drizzle-orm";
import { MIGRATIONS_FOLDER, rowsOf, type DatabaseHandle } from "~/lib/db.server";

const READY_TIMEOUT_MS = 2_000;
/** Probes come every few seconds from every proxy; one check a second at most reaches the database. */
const READY_CACHE_MS = 1_000;

const VERSION = (() => {
  try {
    return String(JSON.parse(readFileSync(path.resolve(process.cwd(), "package.json"), "utf8")).version ?? "unknown");
  } catch {
    return "unknown";
  }
})();

const NO_STORE_JSON = { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" };

export function answerHealthz(res: ServerResponse): void {
  res.writeHead(200, NO_STORE_JSON);
  res.end(
    JSON.stringify({ status: "ok", pid: process.pid, uptimeSeconds: Math.round(process.uptime()), version: VERSION }),
  );
}

/** The newest migration a build ships: the last entry of the journal (drizzle records its `when`). */
export interface ShippedMigration {
  tag: string;
  when: number;
}

export function latestShippedMigration(folder = MIGRATIONS_FOLDER): ShippedMigration {
  const journal = JSON.parse(readFileSync(path.join(folder, "meta/_journal.json"), "utf8")) as {
    entries: ShippedMigration[];
  };
  const last = journal.entries.reduce((a, b) => (b.when > a.when ? b : a));
  return { tag: last.tag, when: last.when };
}

export interface Readiness {
  ready: boolean;
  checks: {
    database: { ok: boolean; error?: string };
    migrations: { ok: boolean; expected: string; appliedAt: number | null; error?: string };
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Checks that `handle`'s database answers and carries the migrations of `expected`. A database whose newest
 * migration is newer than the build's (a newer release migrated it first, during a rolling deploy) counts as
 * current: migrations add, and the older build keeps working until it is replaced.
 */
export async function checkReadiness(
  handle: Pick<DatabaseHandle, "db">,
  expected: ShippedMigration = latestShippedMigration(),
  timeoutMs = READY_TIMEOUT_MS,
): Promise<Readiness> {
  const migrations: Readiness["checks"]["migrations"] = { ok: false, expected: expected.tag, appliedAt: null };
  try {
    await withTimeout(handle.db.execute(sql`select 1`), timeoutMs);
  } catch (error) {
    migrations.error = "database unreachable";
    return { ready: false, checks: { database: { ok: false, error: messageOf(error) }, migrations } };
  }
  try {
    const rows = rowsOf<{ created_at: string | number | null }>(
      await withTimeout(
        handle.db.execute(sql`select max(created_at) as created_at from drizzle.__drizzle_migrations`),
        timeoutMs,
      ),
    );
    const applied = rows[0]?.created_at;
    migrations.appliedAt = applied === null || applied === undefined ? null : Number(applied);
    migrations.ok = migrations.appliedAt !== null && migrations.appliedAt >= expected.when;
    if (!migrations.ok) migrations.error = "the database lacks migrations of this release: run npm run db:migrate";
  } catch (error) {
    migrations.error = messageOf(error);
  }
  return { ready: migrations.ok, checks: { database: { ok: true }, migrations } };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message.slice(0, 200) : String(error).slice(0, 200);
}

/** GET /readyz for `connect` (the process's database), checked at most once per READY_CACHE_MS (single flight). */
export function createReadyz(connect: () => Promise<Pick<DatabaseHandle, "db">>) {
  let last: { at: number; readiness: Promise<Readiness> } | null = null;
  let expected: ShippedMigration | null = null;
  return (res: ServerResponse): void => {
    if (!last || performance.now() - last.at >= READY_CACHE_MS) {
      const readiness = (async () => {
        expected ??= latestShippedMigration();
        return checkReadiness(await connect(), expected);
      })().catch((error: unknown): Readiness => ({
        ready: false,
        checks: {
          database: { ok: false, error: messageOf(error) },
          migrations: { ok: false, expected: expected?.tag ?? "unknown", appliedAt: null },
        },
      }));
      last = { at: performance.now(), readiness };
    }
    void last.readiness.then((readiness) => {
      const failing = Object.entries(readiness.checks)
        .filter(([, check]) => !check.ok)
        .map(([name]) => name);
      res.writeHead(readiness.ready ? 200 : 503, NO_STORE_JSON);
      res.end(
        JSON.stringify({
          status: readiness.ready ? "ready" : "not_ready",
          pid: process.pid,
          ...(failing.length ? { failing } : {}),
          checks: readiness.checks,
        }),
      );
    });
  };
}
