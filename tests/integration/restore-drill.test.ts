/**
 * The restore drill: issue, revoke, back up, restore into a fresh empty database, open it, and check that every
 * diploma still gets its verdict and that the school's next batch continues its numbering. On PostgreSQL (as in
 * CI's step 5) through pg_dump/pg_restore into a database created on the same server; on PGlite through its data
 * directory archive, restored into an empty directory.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { describe, expect, inject, it } from "vitest";
import { diplomas, type Diploma } from "~db/schema";
import { openPglite, openPostgres, rowsOf, useDatabase, type DatabaseHandle } from "~/lib/db.server";
import { getEnv } from "~/lib/env.server";
import { clearTtlCaches } from "~/lib/ttl-cache";
import { changeDiplomaStatus } from "~/modules/diplomas/change-diploma-status.server";
import { signBatch } from "~/modules/diplomas/sign-batch.server";
import {
  BackupError,
  backupPgliteHandle,
  backupPostgres,
  readVerifiedBackup,
  restorePglite,
  restorePostgres,
} from "~/modules/platform/backup.server";
import { prepareDatabase } from "~/modules/platform/prepare-database.server";
import { flushVerificationCounts } from "~/modules/verification/checks.server";
import { verifyQrText } from "~/modules/verification/verify-qr.server";
import { createSubmittedBatch } from "../support/diplomas";
import { schoolWithSignedDiplomas } from "../support/issued";
import { adminQuery, databaseUrl } from "../support/test-database-info";
import { testDatabaseKind, withTestDatabase } from "../support/test-database";

describe(`the restore drill (${testDatabaseKind()})`, () => {
  const t = withTestDatabase();

  /** Backs the test's database up into `dir`, restores it into a fresh empty database, and opens that. */
  async function backUpAndRestore(dir: string): Promise<{ restored: DatabaseHandle; drop: () => Promise<void> }> {
    const info = inject("testDatabase");
    if (info.kind === "postgres") {
      const [current] = rowsOf<{ name: string }>(await t.db.execute(sql`select current_database() as name`));
      const sourceUrl = databaseUrl(info.adminUrl, current!.name);
      const manifest = await backupPostgres({ databaseUrl: sourceUrl, dir });
      expect(manifest).toMatchObject({ kind: "postgres", dump: { file: "database.dump" } });
      expect(manifest.migration?.hash).toMatch(/^[0-9a-f]{64}$/);

      // A database that already holds the registry is refused, and left as it was.
      await expect(restorePostgres({ databaseUrl: sourceUrl, dir })).rejects.toThrow(/already holds/);

      const target = `${current!.name}_restored`;
      await adminQuery(info.adminUrl, `CREATE DATABASE "${target}" TEMPLATE template0`);
      const targetUrl = databaseUrl(info.adminUrl, target);
      const report = await restorePostgres({ databaseUrl: targetUrl, dir });
      expect(report.rowCounts).toEqual(manifest.rowCounts);
      const restored = await openPostgres(targetUrl, 2);
      return {
        restored,
        drop: async () => {
          await restored.close();
          await adminQuery(info.adminUrl, `DROP DATABASE IF EXISTS "${target}" WITH (FORCE)`);
        },
      };
    }
    const manifest = await backupPgliteHandle(t.handle as Awaited<ReturnType<typeof openPglite>>, dir);
    expect(manifest.kind).toBe("pglite");
    const dataDir = path.join(dir, "restored-pglite");
    const report = await restorePglite({ dataDir, dir });
    expect(report.rowCounts).toEqual(manifest.rowCounts);
    await expect(restorePglite({ dataDir, dir })).rejects.toThrow(/not empty/);
    const restored = await openPglite({ dataDir });
    return { restored, drop: () => restored.close() };
  }

  it("restores a registry in which every diploma keeps its verdict and numbering continues", async () => {
    const origin = getEnv().PUBLIC_ORIGIN;
    const { org, registrar, principal, diplomaIds } = await schoolWithSignedDiplomas(t.db, {
      code: "CDDRILL",
      count: 4,
      publicOrigin: origin,
    });
    const revokedId = diplomaIds[2]!;
    const revoked = await changeDiplomaStatus(t.db, {
      organisationId: org.id,
      diplomaId: revokedId,
      change: "revoke",
      reason: "Cấp nhầm người",
      actor: { userId: principal.id, ip: null },
    });
    expect(revoked.ok).toBe(true);
    const before = await t.db.select().from(diplomas).where(eq(diplomas.organisationId, org.id));

    const dir = await mkdtemp(path.join(tmpdir(), "vanbang-drill-"));
    const { restored, drop } = await backUpAndRestore(dir);
    try {
      // Open it as the server does at start-up, and let every lookup go to it, with cold caches.
      await prepareDatabase(restored);
      useDatabase(restored);
      clearTtlCaches();

      const after = await restored.db.select().from(diplomas).where(eq(diplomas.organisationId, org.id));
      expect(after.map((d) => d.serial).sort()).toEqual(before.map((d) => d.serial).sort());
      for (const diploma of after) {
        const result = await verifyQrText(restored.db, diploma.qrPayload, { origin });
        expect([diploma.serial, result.verdict]).toEqual([
          diploma.serial,
          diploma.id === revokedId ? "revoked" : "valid",
        ]);
      }

      // The next batch continues the school's serials (số hiệu) and register numbers (số vào sổ).
      const { batch } = await createSubmittedBatch(restored.db, {
        organisationId: org.id,
        createdBy: registrar.id,
        count: 2,
      });
      const signed = await signBatch(restored.db, {
        organisationId: org.id,
        batchId: batch.id,
        signer: { userId: principal.id, name: "Lê Minh Tuấn", title: "Hiệu trưởng" },
        issuePlace: "Hà Nội",
        issueDate: "2026-06-15",
        publicOrigin: origin,
        actor: { userId: principal.id, ip: null },
      });
      expect(signed.ok).toBe(true);
      const fresh = await restored.db.select().from(diplomas).where(eq(diplomas.batchId, batch.id));
      const maxOf = (rows: Diploma[], f: (d: Diploma) => number) => Math.max(...rows.map(f));
      const serialNumber = (d: Diploma) => Number(d.serial!.split("-").at(-1));
      expect(fresh.map(serialNumber).sort()).toEqual([
        maxOf(before, serialNumber) + 1,
        maxOf(before, serialNumber) + 2,
      ]);
      expect(fresh.map((d) => d.registerNumber!).sort()).toEqual([
        maxOf(before, (d) => d.registerNumber!) + 1,
        maxOf(before, (d) => d.registerNumber!) + 2,
      ]);
      for (const diploma of fresh)
        expect((await verifyQrText(restored.db, diploma.qrPayload, { origin })).verdict).toBe("valid");
      await flushVerificationCounts(restored.db);
    } finally {
      useDatabase(t.handle);
      await drop();
    }

    // A dump that changed after the backup is refused before anything is restored.
    const manifest = await readVerifiedBackup(dir);
    const { appendFile } = await import("node:fs/promises");
    await appendFile(path.join(dir, manifest.dump.file), "x");
    await expect(readVerifiedBackup(dir)).rejects.toThrow(BackupError);
    await rm(dir, { recursive: true, force: true });
  }, 120_000);
});
