/**
 * `npm run backup [-- DIR]`: a verifiable backup of the configured database.
 * PostgreSQL (DATABASE_URL): pg_dump in custom format; the embedded PGlite (DATA_DIR, stop the server first): its
 * data directory archive. Either way with manifest.json (time, versions, latest migration, row counts, SHA-256).
 * DIR defaults to $BACKUP_DIR/vanbang-<time>. The last line is the manifest as JSON. Restore: `npm run restore`.
 * The KEY_ENCRYPTION_KEY is not in the backup: keep it elsewhere, the restored registry needs it.
 */
import path from "node:path";
import { z } from "zod";
import { BackupError, backupPglite, backupPostgres } from "~/modules/platform/backup.server";

const Settings = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/.+/, "must start with postgres:// or postgresql://")
    .optional(),
  DATA_DIR: z.string().min(1).default("./data"),
  BACKUP_DIR: z.string().min(1).optional(),
});

const args = process.argv.slice(2).filter((a) => a !== "--");
if (args.length > 1 || args.some((a) => a.startsWith("-"))) {
  console.error("usage: npm run backup [-- DIR]   (default: $BACKUP_DIR/vanbang-<time>)");
  process.exit(2);
}
const parsed = Settings.safeParse(Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== "")));
if (!parsed.success) {
  for (const issue of parsed.error.issues) console.error(`${issue.path.join(".")}: ${issue.message}`);
  process.exit(2);
}
const env = parsed.data;
const stamp = new Date().toISOString().replace(/[:.]/g, "-");
const dir = args[0] ?? (env.BACKUP_DIR ? path.join(env.BACKUP_DIR, `vanbang-${stamp}`) : undefined);
if (!dir) {
  console.error("say where to write the backup: npm run backup -- DIR, or set BACKUP_DIR");
  process.exit(2);
}

try {
  const manifest = env.DATABASE_URL
    ? await backupPostgres({ databaseUrl: env.DATABASE_URL, dir })
    : await backupPglite({ dataDir: path.resolve(env.DATA_DIR, "pglite"), dir });
  console.log(
    `backup written to ${path.resolve(dir)}: ${manifest.rowCounts.diplomas} diplomas, ${manifest.dump.bytes} bytes, sha256 ${manifest.dump.sha256}`,
  );
  console.log(JSON.stringify(manifest));
} catch (error) {
  if (!(error instanceof BackupError)) throw error;
  console.error(`backup failed: ${error.message}`);
  process.exit(1);
}
