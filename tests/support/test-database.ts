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
 */
import { readFile } from "node:fs/promises";
import { afterAll, afterEach, beforeAll, beforeEach, inject } from "vitest";
import { clearTtlCaches } from "~/lib/ttl-cache";
import { flushVerificationCounts } from "~/modules/verification/checks.server";
import {
  closeDatabase,
  openPglite,
  openPostgres,
  useDatabase,
  type Database,
  type DatabaseHandle,
} from "~/lib/db.server";
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
  const handle = await openPostgres(databaseUrl(info.adminUrl, name), 5);
  return {
    ...handle,
    async close() {
      await handle.close();
      await adminQuery(info.adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
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
