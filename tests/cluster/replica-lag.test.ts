/**
 * Public reads through a real streaming replica (DATABASE_REPLICA_URLS), and replica lag never hiding a revocation:
 * with the replica's replay paused, a revocation committed on the primary shows in the verdict read through getReadDb
 * within the status cache's allowance, because the announcement (NOTIFY) holds the replica back and reads go to the
 * primary until the replica has replayed it; without the announcement (listener down), the lag check does the same.
 * Needs TEST_DATABASE_URL and TEST_DATABASE_REPLICA_URL (scripts/pg-test-server.sh start-replica).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { diplomas } from "../../db/schema";
import { openPostgres, useDatabase, closeDatabase, type Database, type DatabaseHandle } from "~/lib/db.server";
import { withReadReplicas } from "~/lib/read-replicas.server";
import { watchRegistryChanges } from "~/lib/registry-changes.server";
import { changeDiplomaStatus } from "~/modules/diplomas/change-diploma-status.server";
import { prepareDatabase } from "~/modules/platform/prepare-database.server";
import { verifyQrText } from "~/modules/verification/verify-qr.server";
import { schoolWithSignedDiplomas } from "../support/issued";
import { adminQuery, databaseUrl } from "../support/test-database-info";
import { createEmptyDatabase, eventually, requireClusterPrerequisites } from "../support/server-process";

const ORIGIN = "http://localhost:3000";
const ALLOWED_MS = 2_000; // status bits are cached for 1 s; a generous margin on a busy machine

describe("read replicas", () => {
  const { adminUrl, replicaUrl } = requireClusterPrerequisites();
  if (!replicaUrl)
    throw new Error("this test needs TEST_DATABASE_REPLICA_URL: bash scripts/pg-test-server.sh start-replica");
  let database: Awaited<ReturnType<typeof createEmptyDatabase>>;
  let handle: DatabaseHandle;
  let replicaOnly: DatabaseHandle;
  let unlisten: (() => Promise<void>) | undefined;
  let school: Awaited<ReturnType<typeof schoolWithSignedDiplomas>>;

  const resume = () => adminQuery(replicaUrl, "SELECT pg_wal_replay_resume()");
  /** Whether a select through getReadDb's database is answered by a replica. */
  const readsFromReplica = async (db: Database) =>
    (await db.select({ r: sql<boolean>`pg_is_in_recovery()` }).from(sql`(select 1) as one`))[0]?.r === true;

  beforeAll(async () => {
    database = await createEmptyDatabase(adminUrl, "replica");
    const setup = await openPostgres(database.url, 2);
    await prepareDatabase(setup);
    school = await schoolWithSignedDiplomas(setup.db, { count: 3, publicOrigin: ORIGIN });
    await setup.close();
    const name = database.name;
    const arrived = await eventually(
      async () => (await adminQuery(replicaUrl, `SELECT 1 FROM pg_database WHERE datname = '${name}'`)).length > 0,
      60_000,
    );
    if (!arrived) throw new Error("the test database did not reach the replica");
    replicaOnly = await openPostgres(databaseUrl(replicaUrl, name), 1);
    handle = withReadReplicas(await openPostgres(database.url, 4), [
      await openPostgres(databaseUrl(replicaUrl, name), 4),
    ]);
    useDatabase(handle);
  }, 300_000);

  afterAll(async () => {
    await resume().catch(() => undefined);
    await unlisten?.();
    await replicaOnly?.close();
    await closeDatabase();
    await database?.drop();
  }, 60_000);

  async function qrOf(diplomaId: string) {
    const [row] = await handle.db.select({ qr: diplomas.qrPayload }).from(diplomas).where(eq(diplomas.id, diplomaId));
    return row!.qr!;
  }

  async function revoke(diplomaId: string) {
    const revoked = await changeDiplomaStatus(handle.db, {
      organisationId: school.org.id,
      diplomaId,
      change: "revoke",
      reason: "Cấp nhầm — issued by mistake",
      actor: { userId: school.principal.id, ip: null },
    });
    expect(revoked.ok).toBe(true);
  }

  async function replicaStatusOf(diplomaId: string) {
    const [row] = await replicaOnly.db
      .select({ status: diplomas.status })
      .from(diplomas)
      .where(eq(diplomas.id, diplomaId));
    return row?.status;
  }

  it("serves public reads from the replica while it keeps up, and a revocation it has not replayed is still seen (NOTIFY)", async () => {
    unlisten = await watchRegistryChanges(handle);
    const diplomaId = school.diplomaIds[0]!;
    const qr = await qrOf(diplomaId);
    expect(await eventually(() => readsFromReplica(handle.readDb), 10_000)).toBe(true);
    expect((await verifyQrText(handle.readDb, qr, { origin: ORIGIN })).verdict).toBe("valid");

    await adminQuery(replicaUrl, "SELECT pg_wal_replay_pause()");
    try {
      await revoke(diplomaId);
      const seen = await eventually(
        async () => (await verifyQrText(handle.readDb, qr, { origin: ORIGIN })).verdict === "revoked",
        ALLOWED_MS,
      );
      expect(seen).toBe(true);
      // The replica really has not replayed it: the verdict came from the primary.
      expect(await replicaStatusOf(diplomaId)).toBe("issued");
      expect(await readsFromReplica(handle.readDb)).toBe(false);
    } finally {
      await resume();
    }
    // Once it has replayed the change, the replica serves again.
    expect(await eventually(() => readsFromReplica(handle.readDb), 10_000)).toBe(true);
    expect(await replicaStatusOf(diplomaId)).toBe("revoked");
  });

  it("without the announcement (listener down), the lag check alone keeps a revocation from hiding", async () => {
    await unlisten?.();
    unlisten = undefined;
    const diplomaId = school.diplomaIds[1]!;
    const qr = await qrOf(diplomaId);
    expect(await eventually(() => readsFromReplica(handle.readDb), 10_000)).toBe(true);
    expect((await verifyQrText(handle.readDb, qr, { origin: ORIGIN })).verdict).toBe("valid");

    await adminQuery(replicaUrl, "SELECT pg_wal_replay_pause()");
    try {
      await revoke(diplomaId);
      const seen = await eventually(
        async () => (await verifyQrText(handle.readDb, qr, { origin: ORIGIN })).verdict === "revoked",
        ALLOWED_MS,
      );
      expect(seen).toBe(true);
      expect(await replicaStatusOf(diplomaId)).toBe("issued");
    } finally {
      await resume();
    }
  });
});
