/**
 * `npm run restore -- DIR [--force]`: restores a backup written by `npm run backup` into the configured database.
 * Checks the dump's SHA-256 against its manifest, refuses a database that already holds tables (PostgreSQL:
 * create an empty one first; --force replaces what the backup contains) or a non-empty DATA_DIR (PGlite), restores,
 * applies the migrations newer than the backup, and checks the row counts against the manifest. The server needs
 * the same KEY_ENCRYPTION_KEY as the one that wrote the data. The last line is JSON.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { BackupError, restorePglite, restorePostgres } from "~/modules/platform/backup.server";

const Settings = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/.+/, "must start with postgres:// or postgresql://")
    .optional(),
  DATA_DIR: z.string().min(1).default("./data"),
});

let dir: string | undefined;
let force = false;
try {
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2).filter((a) => a !== "--"),
    options: { force: { type: "boolean", default: false } },
    allowPositionals: true,
    strict: true,
  });
  dir = positionals.length === 1 ? positionals[0] : undefined;
  force = values.force ?? false;
} catch {
  dir = undefined;
}
if (!dir) {
  console.error("usage: npm run restore -- DIR [--force]");
  process.exit(2);
}
const parsed = Settings.safeParse(Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== "")));
if (!parsed.success) {
  for (const issue of parsed.error.issues) console.error(`${issue.path.join(".")}: ${issue.message}`);
  process.exit(2);
}
const env = parsed.data;
process.env.LOG_LEVEL ??= "warn";

try {
  const report = env.DATABASE_URL
    ? await restorePostgres({ databaseUrl: env.DATABASE_URL, dir, force })
    : await restorePglite({ dataDir: path.resolve(env.DATA_DIR, "pglite"), dir });
  console.log(
    `restored ${path.resolve(dir)} (${report.manifest.createdAt}): ${report.rowCounts.diplomas} diplomas, ${report.rowCounts.diploma_batches} batches, ${report.rowCounts.organisations} organisations, as the manifest says`,
  );
  console.log(JSON.stringify({ restored: path.resolve(dir), rowCounts: report.rowCounts }));
} catch (error) {
  if (!(error instanceof BackupError)) throw error;
  console.error(`restore failed: ${error.message}`);
  process.exit(1);
}
