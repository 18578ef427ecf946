/**
 * A registry change announced in its transaction (NOTIFY at commit) empties this process's verification caches at
 * once, on PGlite and PostgreSQL alike; and the public reads' database (getReadDb): the primary without replicas, a
 * replica when the run goes through one (TEST_DATABASE_REPLICA_URL), with its writes (the counts) on the primary.
 * The two-process and replica-lag cases, with real server processes, are in tests/cluster.
 */
import { afterEach, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { diplomas, signingKeys, verificationCounts } from "../../db/schema";
import { getDb, getReadDb } from "~/lib/db.server";
import { watchRegistryChanges } from "~/lib/registry-changes.server";
import { markKeyCompromised } from "~/modules/keys/mark-key-compromised.server";
import { flushVerificationCounts } from "~/modules/verification/checks.server";
import { verifyQrText } from "~/modules/verification/verify-qr.server";
import { schoolWithSignedDiplomas } from "../support/issued";
import { primaryDb, throughReplica, withTestDatabase } from "../support/test-database";

const ORIGIN = "http://localhost:3000";

async function eventually(probe: () => Promise<boolean>, deadlineMs: number): Promise<boolean> {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    if (await probe()) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("registry change announcements", () => {
  const t = withTestDatabase();
  let unlisten: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await unlisten?.();
    unlisten = undefined;
  });

  it("a key compromise empties the trust data this process caches for 5 s: the next verification sees it", async () => {
    unlisten = await watchRegistryChanges(t.handle);
    const school = await schoolWithSignedDiplomas(t.db, { count: 1, publicOrigin: ORIGIN });
    const [row] = await t.db
      .select({ qr: diplomas.qrPayload })
      .from(diplomas)
      .where(eq(diplomas.id, school.diplomaIds[0]!));
    const qr = row!.qr!;
    expect((await verifyQrText(t.db, qr, { origin: ORIGIN, count: false })).verdict).toBe("valid");

    const [key] = await t.db
      .select({ id: signingKeys.id })
      .from(signingKeys)
      .where(eq(signingKeys.organisationId, school.org.id));
    const marked = await markKeyCompromised(t.db, {
      organisationId: school.org.id,
      keyId: key!.id,
      compromisedFrom: new Date("2026-01-01T00:00:00Z"),
      reason: "Lộ khóa — key leaked",
      actor: { userId: school.principal.id, ip: null },
    });
    expect(marked.ok).toBe(true);
    // No clearTtlCaches() here: the announcement does it (well within the trust data's 5 s).
    const seen = await eventually(
      async () => (await verifyQrText(t.db, qr, { origin: ORIGIN, count: false })).verdict === "key_not_valid",
      2_000,
    );
    expect(seen).toBe(true);
  });
});

describe("getReadDb (public reads)", () => {
  const t = withTestDatabase();

  it("is the primary without replicas; through a replica, selects reach it and the counts reach the primary", async () => {
    const readDb = await getReadDb();
    if (!throughReplica()) {
      expect(readDb).toBe(await getDb());
      return;
    }
    const fromReplica = () =>
      readDb
        .select({ r: sql<boolean>`pg_is_in_recovery()` })
        .from(sql`(select 1) as one`)
        .then((rows) => rows[0]?.r === true);
    expect(await eventually(fromReplica, 10_000)).toBe(true);
    // A verification read from the replica still counts, on the primary (a replica refuses writes).
    const school = await schoolWithSignedDiplomas(t.db, { count: 1, publicOrigin: ORIGIN });
    const [row] = await t.db
      .select({ qr: diplomas.qrPayload })
      .from(diplomas)
      .where(eq(diplomas.id, school.diplomaIds[0]!));
    expect((await verifyQrText(readDb, row!.qr!, { origin: ORIGIN })).verdict).toBe("valid");
    await flushVerificationCounts(readDb);
    const counts = await primaryDb(t.db)
      .select({ count: verificationCounts.count })
      .from(verificationCounts)
      .where(eq(verificationCounts.organisationId, school.org.id));
    expect(counts.map((c) => c.count)).toEqual([1]);
  });
});
