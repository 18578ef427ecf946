/**
 * Backups that can be proven: `npm run backup` (scripts/backup.ts) and `npm run restore` (scripts/restore.ts) call
 * these functions, and so does the restore drill (tests/integration/restore-drill.test.ts).
 *
 * PostgreSQL: a `pg_dump` in custom format plus `manifest.json` (time, server version, the latest applied
 * migration, row counts of the registry's key tables, the dump's SHA-256, the app version). A restore checks the
 * SHA-256, refuses a database that already holds tables (unless forced), runs `pg_restore`, applies the migrations
 * newer than the backup, and compares the row counts with the manifest.
 * The embedded PGlite: the same manifest around PGlite's `dumpDataDir()` archive, restored into an empty DATA_DIR
 * (the server must be stopped for both: PGlite is single-process).
 *
 * Neither holds the key-encryption key (KEY_ENCRYPTION_KEY): keep it apart from the backups. Without it a restored
 * registry's signing keys and personal ID numbers stay sealed.
 */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { createReadStream, existsSync, readdirSync } from "node:fs";
import { mkdir, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { count, sql } from "drizzle-orm";
import { diplomaBatches, diplomas, organisations } from "../../../db/schema";
import { openPglite, openPostgres, rowsOf, type Database, type DatabaseHandle, type Executor } from "~/lib/db.server";
import { prepareDatabase } from "./prepare-database.server";

export const MANIFEST_FILE = "manifest.json";
const POSTGRES_DUMP_FILE = "database.dump";
const PGLITE_DUMP_FILE = "pglite-datadir.tar.gz";

export interface BackupManifest {
  format: "vanbang-backup/1";
  kind: "postgres" | "pglite";
  createdAt: string;
  appVersion: string;
  databaseVersion: string;
  /** The latest migration applied to the database (drizzle's journal): its hash and creation time. */
  migration: { hash: string; createdAt: number } | null;
  /** Row counts of the registry's key tables at the time of the dump. */
  rowCounts: RowCounts;
  dump: { file: string; bytes: number; sha256: string };
}

export interface RowCounts {
  diplomas: number;
  diploma_batches: number;
  organisations: number;
}

export class BackupError extends Error {}

async function rowCounts(db: Executor): Promise<RowCounts> {
  const one = async (table: typeof diplomas | typeof diplomaBatches | typeof organisations) =>
    Number((await db.select({ n: count() }).from(table))[0]?.n ?? 0);
  return {
    diplomas: await one(diplomas),
    diploma_batches: await one(diplomaBatches),
    organisations: await one(organisations),
  };
}

async function databaseFacts(db: Executor) {
  const [version] = rowsOf<{ v: string }>(await db.execute(sql`select current_setting('server_version') as v`));
  let migration: BackupManifest["migration"] = null;
  try {
    const [latest] = rowsOf<{ hash: string; created_at: string | number }>(
      await db.execute(sql`select hash, created_at from drizzle.__drizzle_migrations order by created_at desc limit 1`),
    );
    if (latest) migration = { hash: latest.hash, createdAt: Number(latest.created_at) };
  } catch {
    // A database never migrated has no journal.
  }
  return { databaseVersion: version?.v ?? "unknown", migration, rowCounts: await rowCounts(db) };
}

async function appVersion(): Promise<string> {
  try {
    const pkg = JSON.parse(await readFile(path.resolve(process.cwd(), "package.json"), "utf8")) as { version?: string };
    return pkg.version ?? "unknown";
  } catch {
    return "unknown";
  }
}

function sha256File(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash("sha256");
    createReadStream(file)
      .on("data", (chunk) => hash.update(chunk))
      .on("error", reject)
      .on("end", () => resolve(hash.digest("hex")));
  });
}

/**
 * The directory of the PostgreSQL client programs: PG_BIN_DIR, else the Debian directory of the server's major
 * version (/usr/lib/postgresql/<major>/bin), else the newest one there, else the PATH.
 */
export function postgresBinDir(serverMajor?: number): string | null {
  if (process.env.PG_BIN_DIR) return process.env.PG_BIN_DIR;
  const root = "/usr/lib/postgresql";
  if (serverMajor && existsSync(path.join(root, String(serverMajor), "bin", "pg_dump")))
    return path.join(root, String(serverMajor), "bin");
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(path.join(root, v, "bin", "pg_dump")))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(root, versions[0], "bin") : null;
}

function run(program: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
    child.on("error", (error) =>
      reject(new BackupError(`${path.basename(program)} could not start: ${error.message}`)),
    );
    child.on("close", (code) =>
      code === 0
        ? resolve()
        : reject(new BackupError(`${path.basename(program)} failed (exit ${code}): ${stderr.trim()}`)),
    );
  });
}

async function serverMajor(db: Database): Promise<number> {
  const [row] = rowsOf<{ v: string }>(await db.execute(sql`select current_setting('server_version_num') as v`));
  return Math.floor(Number(row?.v ?? 0) / 10000);
}

async function withPostgres<T>(url: string, fn: (handle: DatabaseHandle) => Promise<T>): Promise<T> {
  const handle = await openPostgres(url, 1);
  try {
    return await fn(handle);
  } finally {
    await handle.close();
  }
}

async function writeManifest(
  dir: string,
  kind: BackupManifest["kind"],
  facts: Awaited<ReturnType<typeof databaseFacts>>,
  file: string,
): Promise<BackupManifest> {
  const full = path.join(dir, file);
  const manifest: BackupManifest = {
    format: "vanbang-backup/1",
    kind,
    createdAt: new Date().toISOString(),
    appVersion: await appVersion(),
    ...facts,
    dump: { file, bytes: (await stat(full)).size, sha256: await sha256File(full) },
  };
  await writeFile(path.join(dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/** Dumps a PostgreSQL database (pg_dump, custom format) into `dir`, with its manifest. */
export async function backupPostgres(options: { databaseUrl: string; dir: string }): Promise<BackupManifest> {
  await mkdir(options.dir, { recursive: true });
  if (existsSync(path.join(options.dir, MANIFEST_FILE)))
    throw new BackupError(`${options.dir} already holds a backup: choose an empty directory`);
  return withPostgres(options.databaseUrl, async ({ db }) => {
    const bin = postgresBinDir(await serverMajor(db));
    const pgDump = bin ? path.join(bin, "pg_dump") : "pg_dump";
    // The counts and the dump read the same snapshot: pg_dump joins the one this transaction exports, so the
    // manifest describes exactly what the dump holds even while the registry is in use.
    const facts = await db.transaction(
      async (tx) => {
        const [snapshot] = rowsOf<{ id: string }>(await tx.execute(sql`select pg_export_snapshot() as id`));
        const counted = await databaseFacts(tx);
        await run(pgDump, [
          "--format=custom",
          "--no-owner",
          "--no-privileges",
          `--snapshot=${snapshot!.id}`,
          `--file=${path.join(options.dir, POSTGRES_DUMP_FILE)}`,
          `--dbname=${options.databaseUrl}`,
        ]);
        return counted;
      },
      { isolationLevel: "repeatable read", accessMode: "read only" },
    );
    return writeManifest(options.dir, "postgres", facts, POSTGRES_DUMP_FILE);
  });
}

/** Archives an embedded PGlite database (its dumpDataDir(), gzipped) into `dir`, with its manifest. */
export async function backupPglite(options: { dataDir: string; dir: string }): Promise<BackupManifest> {
  if (!existsSync(options.dataDir)) throw new BackupError(`no PGlite database in ${options.dataDir}`);
  const handle = await openPglite({ dataDir: options.dataDir });
  try {
    return await backupPgliteHandle(handle, options.dir);
  } finally {
    await handle.close();
  }
}

/** The same, from a PGlite database already open in this process (the restore drill's in-memory one). */
export async function backupPgliteHandle(
  handle: Awaited<ReturnType<typeof openPglite>>,
  dir: string,
): Promise<BackupManifest> {
  await mkdir(dir, { recursive: true });
  if (existsSync(path.join(dir, MANIFEST_FILE)))
    throw new BackupError(`${dir} already holds a backup: choose an empty directory`);
  const facts = await databaseFacts(handle.db);
  const archive = await handle.client.dumpDataDir("gzip");
  await writeFile(path.join(dir, PGLITE_DUMP_FILE), new Uint8Array(await archive.arrayBuffer()));
  return writeManifest(dir, "pglite", facts, PGLITE_DUMP_FILE);
}

/** Reads a backup's manifest and checks its dump against the SHA-256 it records. */
export async function readVerifiedBackup(dir: string): Promise<BackupManifest> {
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(await readFile(path.join(dir, MANIFEST_FILE), "utf8")) as BackupManifest;
  } catch {
    throw new BackupError(`${path.join(dir, MANIFEST_FILE)} is missing or not JSON: not a backup directory`);
  }
  if (manifest.format !== "vanbang-backup/1") throw new BackupError(`unknown backup format ${String(manifest.format)}`);
  const file = path.join(dir, path.basename(manifest.dump.file));
  if (!existsSync(file)) throw new BackupError(`the dump ${file} is missing`);
  const actual = await sha256File(file);
  if (actual !== manifest.dump.sha256)
    throw new BackupError(`the dump's SHA-256 is ${actual}, the manifest says ${manifest.dump.sha256}: not restoring`);
  return manifest;
}

export interface RestoreReport {
  manifest: BackupManifest;
  rowCounts: RowCounts;
}

function compareCounts(manifest: BackupManifest, actual: RowCounts): void {
  const wrong = (Object.keys(manifest.rowCounts) as Array<keyof RowCounts>).filter(
    (table) => actual[table] !== manifest.rowCounts[table],
  );
  if (wrong.length > 0)
    throw new BackupError(
      `restored row counts differ from the manifest: ${wrong.map((t) => `${t} ${actual[t]} (expected ${manifest.rowCounts[t]})`).join(", ")}`,
    );
}

/** Tables in the database outside the system schemas: a restore target must have none (unless forced). */
async function userTables(db: Database): Promise<number> {
  const [row] = rowsOf<{ n: string | number }>(
    await db.execute(
      sql`select count(*) as n from information_schema.tables
          where table_schema not in ('pg_catalog', 'information_schema')`,
    ),
  );
  return Number(row?.n ?? 0);
}

/**
 * Restores a PostgreSQL backup into `databaseUrl`: verifies the SHA-256, refuses a database that already has tables
 * unless `force` (then pg_restore drops what it restores first), restores, migrates, and checks the row counts.
 */
export async function restorePostgres(options: {
  databaseUrl: string;
  dir: string;
  force?: boolean;
}): Promise<RestoreReport> {
  const manifest = await readVerifiedBackup(options.dir);
  if (manifest.kind !== "postgres")
    throw new BackupError(`this is a ${manifest.kind} backup; restore it without DATABASE_URL`);
  return withPostgres(options.databaseUrl, async (handle) => {
    const tables = await userTables(handle.db);
    if (tables > 0 && !options.force)
      throw new BackupError(
        `the target database already holds ${tables} tables: restore into an empty database (CREATE DATABASE …), or pass --force to replace what the backup contains`,
      );
    const bin = postgresBinDir(await serverMajor(handle.db));
    await run(bin ? path.join(bin, "pg_restore") : "pg_restore", [
      "--no-owner",
      "--no-privileges",
      "--exit-on-error",
      ...(options.force ? ["--clean", "--if-exists"] : []),
      `--dbname=${options.databaseUrl}`,
      path.join(options.dir, path.basename(manifest.dump.file)),
    ]);
    await prepareDatabase(handle);
    const counts = await rowCounts(handle.db);
    compareCounts(manifest, counts);
    return { manifest, rowCounts: counts };
  });
}

/** Restores a PGlite backup into `dataDir`, which must be empty or absent; migrates and checks the row counts. */
export async function restorePglite(options: { dataDir: string; dir: string }): Promise<RestoreReport> {
  const manifest = await readVerifiedBackup(options.dir);
  if (manifest.kind !== "pglite")
    throw new BackupError(`this is a ${manifest.kind} backup; restore it with DATABASE_URL set`);
  if (existsSync(options.dataDir) && readdirSync(options.dataDir).length > 0)
    throw new BackupError(`${options.dataDir} is not empty: restore a PGlite backup into an empty DATA_DIR`);
  const archive = await readFile(path.join(options.dir, path.basename(manifest.dump.file)));
  const handle = await openPglite({
    dataDir: options.dataDir,
    loadDataDir: new Blob([new Uint8Array(archive)], { type: "application/x-gzip" }),
  });
  try {
    await prepareDatabase(handle);
    const counts = await rowCounts(handle.db);
    compareCounts(manifest, counts);
    return { manifest, rowCounts: counts };
  } finally {
    await handle.close();
  }
}
