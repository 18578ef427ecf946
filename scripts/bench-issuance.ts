/**
 * `npm run bench:issuance -- --count N [--generic M] [--pglite]`
 * Issues N diplomas end to end (credential, QR payload, register rows, status lists, log, audit) with signBatch,
 * the portal's own path (the CPU work of signing on the signing worker pool, SIGNING_THREADS threads), then M
 * diplomas (default min(N, 500)) through the same code with the generic JSON-LD signing pipeline (jsonld.js's
 * RDFC-1.0 canonicalisation, as Digital Bazaar's vc.issue with eddsa-rdfc-2022 does it; in this thread), side by side.
 * Database: PostgreSQL, at TEST_DATABASE_URL or DATABASE_URL when given (a fresh school in it), else a throwaway
 * server started for the run (scripts/pg-test-server.sh) and stopped after it; `--pglite`: an in-memory PGlite.
 * The last line is JSON: {"count","seconds","msPerDiploma","genericCount","genericMsPerDiploma","speedup",...}.
 */
import { randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import { closeDatabase, openPglite, openPostgres, useDatabase, type DatabaseHandle } from "~/lib/db.server";
import { prepareDatabase } from "~/modules/platform/prepare-database.server";
import { signGenericWithCanonicalForm } from "~/modules/credentials/benchmark-signing";
import { signBatch } from "~/modules/diplomas/sign-batch.server";
import { ensureSchoolKey } from "~/modules/keys/ensure-school-key.server";
import { useKeyRing, keyRingFrom } from "~/modules/keys/key-encryption.server";
import { createSubmittedBatch } from "../tests/support/diplomas";
import { createOrganisation, createUser } from "../tests/support/factories";
import { signingThreads } from "~/modules/diplomas/sign-pool.server";
import { startThrowawayPostgres, type ThrowawayPostgres } from "./throwaway-postgres";

const { values } = parseArgs({
  options: {
    count: { type: "string", default: "1000" },
    generic: { type: "string" },
    pglite: { type: "boolean", default: false },
  },
  allowPositionals: false,
  strict: true,
});
const count = Number(values.count);
const genericCount = values.generic !== undefined ? Number(values.generic) : Math.min(count, 500);
if (!Number.isInteger(count) || count < 1 || count > 131_072 || !Number.isInteger(genericCount) || genericCount < 0) {
  console.error("usage: npm run bench:issuance -- --count N [--generic M] [--pglite]   (1 ≤ N ≤ 131072)");
  process.exit(2);
}

process.env.LOG_LEVEL ??= "warn";
// On PostgreSQL the environment is not demo mode, which requires PUBLIC_ORIGIN (mail links read it).
process.env.PUBLIC_ORIGIN ??= "https://vanbang.gdnn.gov.vn";
// The benchmark's own key ring: it never touches the deployment's key material.
useKeyRing(keyRingFrom(Buffer.alloc(32, 7)));

let handle: DatabaseHandle;
let throwaway: ThrowawayPostgres | undefined;
const givenUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
if (values.pglite) {
  handle = await openPglite({});
} else {
  const url = givenUrl ?? (throwaway = startThrowawayPostgres()).url;
  handle = await openPostgres(url, 4);
}
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    throwaway?.stop();
    process.exit(130);
  });
}
useDatabase(handle);
await prepareDatabase(handle);
const db = handle.db;

const school = await createOrganisation(db, {
  kind: "school",
  code: `BENCH-${randomUUID().slice(0, 8).toUpperCase()}`,
});
const registrar = await createUser(db, { roles: [{ role: "school_registrar", organisationId: school.id }] });
const principal = await createUser(db, { roles: [{ role: "school_principal", organisationId: school.id }] });
const ensured = await ensureSchoolKey(db, { organisationId: school.id, actor: { userId: null, ip: null } });
if (!ensured.ok) throw new Error(`no key: ${ensured.code}`);

async function issue(n: number, pipeline: "fast" | "generic") {
  const { batch } = await createSubmittedBatch(db, { organisationId: school.id, createdBy: registrar.id, count: n });
  const started = performance.now();
  const result = await signBatch(
    db,
    {
      organisationId: school.id,
      batchId: batch.id,
      signer: { userId: principal.id, name: "Lê Minh Tuấn", title: "Hiệu trưởng" },
      issuePlace: "Hà Nội",
      publicOrigin: "https://vanbang.gdnn.gov.vn",
      actor: { userId: principal.id, ip: null },
    },
    pipeline === "generic" ? { signCredential: signGenericWithCanonicalForm } : {},
  );
  const ms = performance.now() - started;
  if (!result.ok) throw new Error(`signing failed: ${result.code}`);
  return ms;
}

// Warm up (JIT, prepared statements, caches) on a small batch of each kind.
await issue(20, "fast");
await issue(5, "generic");

const fastMs = await issue(count, "fast");
const genericMs = genericCount > 0 ? await issue(genericCount, "generic") : NaN;
await closeDatabase();
throwaway?.stop();

const msPerDiploma = fastMs / count;
const genericMsPerDiploma = genericMs / genericCount;
console.log(
  `database: ${handle.kind}${values.pglite ? " (in memory)" : throwaway ? " (throwaway server)" : ""}; signing threads: ${signingThreads()}`,
);
console.log(
  `fast path:    ${count} diplomas in ${(fastMs / 1000).toFixed(2)} s — ${msPerDiploma.toFixed(3)} ms per diploma`,
);
if (genericCount > 0) {
  console.log(
    `generic JSON-LD pipeline: ${genericCount} diplomas in ${(genericMs / 1000).toFixed(2)} s — ${genericMsPerDiploma.toFixed(3)} ms per diploma`,
  );
  console.log(`speed-up: ${(genericMsPerDiploma / msPerDiploma).toFixed(1)}×`);
}
console.log(
  JSON.stringify({
    count,
    seconds: Number((fastMs / 1000).toFixed(3)),
    msPerDiploma: Number(msPerDiploma.toFixed(3)),
    database: handle.kind,
    signingThreads: signingThreads(),
    genericCount,
    genericMsPerDiploma: Number.isFinite(genericMsPerDiploma) ? Number(genericMsPerDiploma.toFixed(3)) : null,
    speedup: Number.isFinite(genericMsPerDiploma) ? Number((genericMsPerDiploma / msPerDiploma).toFixed(1)) : null,
  }),
);
