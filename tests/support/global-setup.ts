/**
 * Vitest globalSetup of the `integration` project: prepares ONE migrated database per run, which every test then
 * copies (see test-database.ts).
 *   - PGlite (TEST_DATABASE_URL unset): an in-memory PGlite is prepared, then dumped (uncompressed tar, ~40 MB)
 *     to a temporary file; each test database is loaded from that dump.
 *   - PostgreSQL (TEST_DATABASE_URL=postgres://user@host:port/db): a template database is created and prepared;
 *     each test database is `CREATE DATABASE ... TEMPLATE` of it. The run's databases are dropped at teardown.
 */
import { mkdtemp, readdir, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { openPglite, openPostgres } from "~/lib/db.server";
import { prepareDatabase } from "~/modules/platform/prepare-database.server";
import { adminQuery, databaseUrl } from "./test-database-info";

const log = (msg: string) => process.stderr.write(`[test-db] ${msg}\n`);

export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL;
  return url ? setupPostgres(project, url) : setupPglite(project);
}

/** Dumps left behind by interrupted runs (teardown did not run), older than a day. */
async function removeStaleDumps() {
  const cutoff = Date.now() - 24 * 3600_000;
  for (const name of await readdir(tmpdir()).catch(() => [] as string[])) {
    if (!name.startsWith("vanbang-test-pglite-")) continue;
    const dir = path.join(tmpdir(), name);
    const info = await stat(dir).catch(() => undefined);
    if (info && info.mtimeMs < cutoff) await rm(dir, { recursive: true, force: true });
  }
}

async function setupPglite(project: TestProject) {
  const started = performance.now();
  await removeStaleDumps();
  const dir = await mkdtemp(path.join(tmpdir(), "vanbang-test-pglite-"));
  const handle = await openPglite({});
  try {
    await prepareDatabase(handle);
    const dump = await handle.client.dumpDataDir("none");
    const dumpPath = path.join(dir, "pgdata.tar");
    await writeFile(dumpPath, Buffer.from(await dump.arrayBuffer()));
    log(`PGlite template dumped in ${Math.round(performance.now() - started)} ms (${(dump.size / 1e6).toFixed(1)} MB)`);
    project.provide("testDatabase", { kind: "pglite", dumpPath });
  } finally {
    await handle.close();
  }
  return async () => {
    await rm(dir, { recursive: true, force: true });
  };
}

async function setupPostgres(project: TestProject, adminUrl: string) {
  const started = performance.now();
  // One prefix per run so that concurrent runs on one server do not collide and teardown finds everything.
  const prefix = `vbt_${Date.now().toString(36)}_${process.pid}`;
  const template = `${prefix}_tmpl`;
  await adminQuery(adminUrl, `CREATE DATABASE "${template}"`);
  const handle = await openPostgres(databaseUrl(adminUrl, template), 2);
  try {
    await prepareDatabase(handle);
  } finally {
    // No connection may remain on a template while it is being copied.
    await handle.close();
  }
  log(`PostgreSQL template ${template} prepared in ${Math.round(performance.now() - started)} ms`);
  project.provide("testDatabase", { kind: "postgres", adminUrl, template, prefix });
  return async () => {
    const rows = await adminQuery<{ datname: string }>(
      adminUrl,
      `SELECT datname FROM pg_database WHERE datname LIKE '${prefix}\\_%'`,
    );
    for (const { datname } of rows) await adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  };
}
