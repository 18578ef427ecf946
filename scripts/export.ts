/**
 * `npm run export -- --out DIR [--origin URL]`: writes every signed diploma's credential and QR image, each
 * accredited school's DID document, signed status lists, issuance log and register CSV, the ministry's DID document
 * and signed trust registry, and manifest.json with each file's SHA-256 (app/modules/publication/export-public-data.server.ts).
 * Runs on the configured database (DATABASE_URL, or PGlite under DATA_DIR: stop the server first, PGlite is single-process).
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { closeDatabase, connectDatabase } from "~/lib/db.server";
import { getEnv } from "~/lib/env.server";
import { exportPublicData } from "~/modules/publication/export-public-data.server";

const USAGE = `usage: npm run export -- --out DIR [--origin URL]
  --out DIR      where to write the files (created if missing; existing files of the same name are replaced)
  --origin URL   the portal's public origin the identifiers are built from (default: PUBLIC_ORIGIN)`;

function usage(message?: string): never {
  if (message) console.error(`export: ${message}`);
  console.error(USAGE);
  process.exit(2);
}

let values: { out?: string; origin?: string; help?: boolean };
try {
  ({ values } = parseArgs({
    options: { out: { type: "string" }, origin: { type: "string" }, help: { type: "boolean", short: "h" } },
    strict: true,
  }));
} catch (error) {
  usage(error instanceof Error ? error.message : String(error));
}
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
if (!values.out?.trim()) usage("--out DIR is required");
let origin = getEnv().PUBLIC_ORIGIN;
if (values.origin !== undefined) {
  try {
    const url = new URL(values.origin);
    if (url.protocol !== "https:" && url.protocol !== "http:") throw new Error();
    origin = url.origin;
  } catch {
    usage(`--origin must be an http(s) URL such as https://vanbang.example.vn, not ${JSON.stringify(values.origin)}`);
  }
}

const outDir = path.resolve(values.out);
const started = performance.now();
const handle = await connectDatabase();
try {
  const result = await exportPublicData(handle.db, { outDir, origin, progress: (line) => console.log(line) });
  if (!result.ok) {
    console.error(
      result.code === "registry_unavailable"
        ? "export: the trust registry cannot be signed (the ministry's key is missing or cannot be decrypted: check KEY_ENCRYPTION_KEY)"
        : "export: a status list cannot be signed (a school's key is missing or cannot be decrypted: check KEY_ENCRYPTION_KEY)",
    );
    process.exitCode = 1;
  } else {
    const { counts, files } = result.value;
    console.log(
      `exported ${counts.credentials} credentials, ${counts.qrImages} QR images, ${counts.issuers} issuers, ${counts.statusLists} status lists` +
        `, ${counts.contexts} JSON-LD contexts (${files.length + 1} files) to ${outDir} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    // What an offline verifier pins instead of trusting the copy's own did.json (docs/publication.md): publish it
    // through another channel than the export itself.
    const ministry = JSON.parse(await readFile(path.join(outDir, ".well-known", "did.json"), "utf8")) as {
      verificationMethod: { id: string; publicKeyMultibase: string }[];
    };
    for (const key of ministry.verificationMethod) console.log(`ministry key ${key.id} ${key.publicKeyMultibase}`);
  }
} finally {
  await closeDatabase();
}
