import path from "node:path";
import { mkdir } from "node:fs/promises";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import * as schema from "../../db/schema";
import { getEnv } from "./env.server";
import { logger } from "./logger.server";
import { withReadReplicas } from "./read-replicas.server";

type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Transaction = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** What query functions accept: the database, or a caller's transaction to join. */
export type Executor = Database | Transaction;

export interface DatabaseHandle {
  db: Database;
  /**
   * Where public reads go (getReadDb): the streaming replicas of DATABASE_REPLICA_URLS while they are fresh enough
   * (read-replicas.server.ts), writes and stale moments on the primary; `db` itself when there are no replicas.
   */
  readDb: Database;
  kind: "pglite" | "postgres";
  close(): Promise<void>;
  /**
   * LISTEN on `channel` (postgres.js: its own dedicated connection, re-established after a loss). `onListen` runs each
   * time the listener is (re)connected: notifications sent while it was away are lost. Resolves to the unlisten.
   */
  listen(channel: string, onNotify: (payload: string) => void, onListen: () => void): Promise<() => Promise<void>>;
}

export const MIGRATIONS_FOLDER = path.resolve(process.cwd(), "db/migrations");

/** Opens a real PostgreSQL server through postgres.js. */
/**
 * Opens a real PostgreSQL server through postgres.js. `settings` are session settings sent at connection (the tests
 * through a replica ask for synchronous_commit=remote_apply).
 */
export async function openPostgres(
  url: string,
  poolMax = 10,
  settings?: Record<string, string>,
): Promise<DatabaseHandle> {
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const client = postgres(url, { max: poolMax, onnotice: () => {}, ...(settings ? { connection: settings } : {}) });
  const db = drizzle(client, { schema }) as unknown as Database;
  return {
    db,
    readDb: db,
    kind: "postgres",
    close: () => client.end({ timeout: 5 }),
    async listen(channel, onNotify, onListen) {
      const { unlisten } = await client.listen(channel, onNotify, onListen);
      return unlisten;
    },
  };
}

/**
 * Opens an embedded PGlite database, on disk at `dataDir`, or in memory from a `dumpDataDir()` archive
 * (tests start every database from one migrated dump). PGlite is imported lazily so that it is never loaded,
 * nor bundled, when a real server is configured.
 */
export async function openPglite(options: {
  dataDir?: string;
  loadDataDir?: Blob | File;
}): Promise<DatabaseHandle & { client: import("@electric-sql/pglite").PGlite }> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  const { unaccent } = await import("@electric-sql/pglite/contrib/unaccent");
  const { drizzle } = await import("drizzle-orm/pglite");
  if (options.dataDir) await mkdir(options.dataDir, { recursive: true });
  const client = await PGlite.create({
    dataDir: options.dataDir,
    loadDataDir: options.loadDataDir,
    extensions: { pg_trgm, unaccent },
  });
  const db = drizzle(client, { schema }) as unknown as Database;
  return {
    db,
    readDb: db,
    client,
    kind: "pglite",
    close: () => client.close(),
    async listen(channel, onNotify, onListen) {
      const unlisten = await client.listen(channel, onNotify);
      onListen();
      return unlisten;
    },
  };
}

/** Applies the committed migrations with drizzle-orm's migrator (drizzle-kit cannot load PGlite's extensions). */
export async function migrateDatabase(handle: DatabaseHandle): Promise<void> {
  if (handle.kind === "postgres") {
    const { migrate } = await import("drizzle-orm/postgres-js/migrator");
    await migrate(handle.db as never, { migrationsFolder: MIGRATIONS_FOLDER });
  } else {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    await migrate(handle.db as never, { migrationsFolder: MIGRATIONS_FOLDER });
  }
}

/** Rows of a raw `db.execute()` result: PGlite answers `{ rows }`, postgres.js an array. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

// One handle per process. The server (app/server/index.ts) is compiled into the Remix build with the app, so every caller
// shares this module; `remix dev` restarts the server process on each rebuild rather than re-evaluating modules in it.
let current: Promise<DatabaseHandle> | undefined;

/** Opens the configured database once per process. */
export function connectDatabase(): Promise<DatabaseHandle> {
  current ??= (async () => {
    const env = getEnv();
    if (env.DATABASE_URL) {
      logger.info("database: postgres", {
        host: new URL(env.DATABASE_URL).host,
        replicas: env.DATABASE_REPLICA_URLS.map((url) => new URL(url).host),
      });
      const primary = await openPostgres(env.DATABASE_URL, env.DATABASE_POOL_MAX);
      if (env.DATABASE_REPLICA_URLS.length === 0) return primary;
      const replicas = await Promise.all(
        env.DATABASE_REPLICA_URLS.map((url) => openPostgres(url, env.DATABASE_POOL_MAX)),
      );
      return withReadReplicas(primary, replicas);
    }
    const dataDir = path.resolve(env.DATA_DIR, "pglite");
    logger.info("database: embedded pglite", { dataDir });
    return openPglite({ dataDir });
  })();
  return current;
}

/** Lets tests and scripts install a handle they opened themselves. */
export function useDatabase(handle: DatabaseHandle): void {
  current = Promise.resolve(handle);
}

/** The primary: every write, and every read that must see the latest write (all but the public reads below). */
export async function getDb(): Promise<Database> {
  return (await connectDatabase()).db;
}

/**
 * For public reads that tolerate the status cache's staleness (verification, the public job list, statistics): a
 * streaming replica while it is fresh enough, else the primary (read-replicas.server.ts). Writes made through it
 * (the verification counts) go to the primary. Without replicas, the primary.
 */
export async function getReadDb(): Promise<Database> {
  return (await connectDatabase()).readDb;
}

/** True for a database or a transaction (what query functions take first), false for their other arguments. */
function isExecutor(value: unknown): value is Executor {
  const candidate = value as { select?: unknown; execute?: unknown } | null;
  return (
    typeof candidate === "object" &&
    candidate !== null &&
    typeof candidate.select === "function" &&
    typeof candidate.execute === "function"
  );
}

/** A function of the database that may be called without it (see withDefaultDb). */
export interface WithDefaultDb<D extends Executor, A extends unknown[], R> {
  /** Runs on the process's database (getDb). */
  (...args: A): Promise<R>;
  /** Runs on the given database, or joins the caller's transaction (last, so `Parameters<typeof f>` names it). */
  (db: D, ...args: A): Promise<R>;
}

/**
 * Makes the executor argument optional: `listBatches({ organisationId })` runs on the process's database, so routes
 * need not import getDb just to pass it on; `listBatches(tx, { organisationId })` still joins a transaction, and
 * tests still hand in their own database.
 */
export function withDefaultDb<D extends Executor, A extends unknown[], R>(
  fn: (db: D, ...args: A) => Promise<R>,
): WithDefaultDb<D, A, R> {
  return ((...args: unknown[]) =>
    isExecutor(args[0])
      ? fn(...(args as [D, ...A]))
      : getDb().then((db) => fn(db as D, ...(args as A)))) as WithDefaultDb<D, A, R>;
}

export async function closeDatabase(): Promise<void> {
  const pending = current;
  current = undefined;
  if (pending) await (await pending).close();
}

/** True for a unique-constraint violation (SQLSTATE 23505), however the driver or Drizzle wraps it. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const candidate = e as { code?: string; constraint?: string; constraint_name?: string };
    if (candidate.code === "23505") {
      return !constraint || candidate.constraint === constraint || candidate.constraint_name === constraint;
    }
  }
  return false;
}
