/**
 * Fresh databases for integration tests, copied from the database that tests/support/global-setup.ts prepared
 * (migrations + reference data, via prepareDatabase()).
 *
 *   import { withTestDatabase } from "../support/test-database";
 *   const t = withTestDatabase();            // a fresh database for every test (or { per: "file" })
 *   it("...", async () => { await t.db.select()...; await someService(); });   // getDb() sees it too
 *
 * PGlite (default): loaded from an in-memory dump, ~0.4-0.8 s and ~0.5-0.8 GB RSS per worker.
 * PostgreSQL (TEST_DATABASE_URL set): CREATE DATABASE ... TEMPLATE, dropped when closed.
 * Through a streaming replica (TEST_DATABASE_REPLICA_URL set too, scripts/pg-test-server.sh start-replica): the
 * test's database as the server sees it with DATABASE_REPLICA_URLS: `db` sends selects to the replica while it is
 * fresh (app/lib/read-replicas.server.ts), writes and transactions to the primary. The test's sessions commit with
 * synchronous_commit=remote_apply, so what a test wrote is on the replica when it reads it back.
 */
import { readFile } from "node:fs/promises";
import { afterAll, afterEach, beforeAll, beforeEach, inject } from "vitest";
import { clearTtlCaches } from "~/lib/ttl-cache";
import { flushVerificationCounts } from "~/modules/verification/checks.server";
import {
  closeDatabase,
  openPglite,
  type Executor,
  openPostgres,
  useDatabase,
  type Database,
  type DatabaseHandle,
} from "~/lib/db.server";
import { withReadReplicas } from "~/lib/read-replicas.server";
import { adminQuery, databaseUrl } from "./test-database-info";

let dump: Promise<Blob> | undefined;
let counter = 0;

/** Which database the integration tests run on in this run. */
export function testDatabaseKind(): "pglite" | "postgres" {
  return inject("testDatabase").kind;
}

/** Opens a fresh, prepared database. Its close() also drops it (PostgreSQL). */
export async function createTestDatabase(): Promise<DatabaseHandle> {
  const info = inject("testDatabase");
  if (!info)
    throw new Error("createTestDatabase() needs the integration project's globalSetup (tests/vitest.config.ts)");
  if (info.kind === "pglite") {
    // Read once per worker. A Blob without a gzip type is read as an uncompressed tar.
    dump ??= readFile(info.dumpPath).then((bytes) => new Blob([new Uint8Array(bytes)]));
    return openPglite({ loadDataDir: await dump });
  }
  const name = `${info.prefix}_${process.pid}_${++counter}`;
  await adminQuery(info.adminUrl, `CREATE DATABASE "${name}" TEMPLATE "${info.template}"`);
  const replicaUrl = process.env.TEST_DATABASE_REPLICA_URL;
  const handle = replicaUrl
    ? await openThroughReplica(databaseUrl(info.adminUrl, name), replicaUrl, name)
    : await openPostgres(databaseUrl(info.adminUrl, name), 5);
  return {
    ...handle,
    async close() {
      await handle.close();
      await adminQuery(info.adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}

/** Waits until the replica has replayed the database's creation (the whole cluster is replicated), then opens both. */
async function openThroughReplica(primaryUrl: string, replicaAdminUrl: string, name: string): Promise<DatabaseHandle> {
  const deadline = Date.now() + 60_000;
  while ((await adminQuery(replicaAdminUrl, `SELECT 1 FROM pg_database WHERE datname = '${name}'`)).length === 0) {
    if (Date.now() > deadline) throw new Error(`database ${name} did not reach the replica within 60 s`);
    await new Promise((r) => setTimeout(r, 50));
  }
  const primary = await openPostgres(primaryUrl, 5, { synchronous_commit: "remote_apply" });
  const replica = await openPostgres(databaseUrl(replicaAdminUrl, name), 5);
  const routed = withReadReplicas(primary, [replica]);
  return { ...routed, db: routed.readDb };
}

/** True when this run's reads go through a streaming replica (TEST_DATABASE_REPLICA_URL). */
export function throughReplica(): boolean {
  return testDatabaseKind() === "postgres" && !!process.env.TEST_DATABASE_REPLICA_URL;
}

/** The primary behind a test database's `db` (the same database unless the run goes through a replica). */
export function primaryDb(db: Executor): Executor {
  return (db as { $primary?: Executor }).$primary ?? db;
}

export interface TestDatabaseContext {
  /** The current test's database (throws outside a test or hook). */
  readonly db: Database;
  readonly handle: DatabaseHandle;
}

/**
 * Registers hooks giving each test (default) or the whole file a fresh database, installed with useDatabase() so
 * that code calling getDb() uses it; closed (and dropped) afterwards.
 */
export function withTestDatabase(options: { per?: "test" | "file" } = {}): TestDatabaseContext {
  let current: DatabaseHandle | undefined;
  const open = async () => {
    current = await createTestDatabase();
    useDatabase(current);
  };
  const close = async () => {
    // Verification counts are written behind the answers: write them before the database goes away.
    if (current) await flushVerificationCounts(current.db);
    current = undefined;
    await closeDatabase();
  };
  // The verification's caches are on, as in production; each test starts with them empty (a school code reused
  // by another test's database is another school).
  beforeEach(() => clearTtlCaches());
  if (options.per === "file") {
    beforeAll(open);
    afterAll(close);
  } else {
    beforeEach(open);
    afterEach(close);
  }
  const handle = () => {
    if (!current) throw new Error("withTestDatabase(): no database outside a test or hook");
    return current;
  };
  return {
    get db() {
      return handle().db;
    },
    get handle() {
      return handle();
    },
  };
}
