/**
 * Two server processes over one PostgreSQL database (two ports, as two machines behind a proxy would be): a change
 * made elsewhere — here by this test process, a third one, through the module functions a school officer's request
 * runs — shows on process B within 2 s, page and API, although B had the old answer cached. The mechanism is
 * LISTEN/NOTIFY (app/lib/registry-changes.server.ts): the trust data B caches for 5 s would otherwise hide a key
 * compromise longer than that. With a streaming replica (TEST_DATABASE_REPLICA_URL, as npm test runs it), B reads
 * through it (DATABASE_REPLICA_URLS), as a public-facing process of a national deployment would.
 */
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { diplomas, signingKeys, users } from "../../db/schema";
import { openPostgres, type DatabaseHandle } from "~/lib/db.server";
import { vi as messages } from "~/lib/i18n/messages/verification/vi";
import { changeDiplomaStatus } from "~/modules/diplomas/change-diploma-status.server";
import { markKeyCompromised } from "~/modules/keys/mark-key-compromised.server";
import {
  apiVerdict,
  createEmptyDatabase,
  eventually,
  requireClusterPrerequisites,
  startServer,
  type ServerProcess,
} from "../support/server-process";

const WITHIN_MS = 2_000; // the requirement (issue 11): a revocation on one process shows on every process within 2 s

describe("two server processes over one PostgreSQL database", () => {
  const { adminUrl, replicaUrl } = requireClusterPrerequisites();
  /** The same database on the replica's server. */
  const onReplica = (url: string) => {
    const address = new URL(url);
    address.host = new URL(replicaUrl!).host;
    return address.toString();
  };
  let database: Awaited<ReturnType<typeof createEmptyDatabase>>;
  let a: ServerProcess;
  let b: ServerProcess;
  let handle: DatabaseHandle;

  beforeAll(async () => {
    database = await createEmptyDatabase(adminUrl, "two");
    const env = { DATABASE_URL: database.url, DEMO_MODE: "true" };
    a = await startServer(env); // migrates and seeds the demo registry
    // The same origin, so the same QR codes are ours; public reads from the replica when there is one.
    b = await startServer({
      ...env,
      PUBLIC_ORIGIN: a.origin,
      ...(replicaUrl ? { DATABASE_REPLICA_URLS: onReplica(database.url) } : {}),
    });
    handle = await openPostgres(database.url, 2);
  }, 300_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await handle?.close();
    await database?.drop();
  }, 60_000);

  /** A diploma still issued (each test revokes or taints one). */
  async function issuedDiploma() {
    const [row] = await handle.db
      .select({ id: diplomas.id, organisationId: diplomas.organisationId, qr: diplomas.qrPayload })
      .from(diplomas)
      .where(eq(diplomas.status, "issued"))
      .limit(1);
    return row!;
  }

  it("a revocation made elsewhere shows on process B's verify page and API within 2 s", async () => {
    const diploma = await issuedDiploma();
    const qr = diploma.qr!;
    const pagePath = new URL(qr).pathname;
    // B answers valid, and keeps the answer: its page cache and status cache are warm.
    expect(await apiVerdict(b.origin, qr)).toBe("valid");
    const warm = await (await fetch(`${b.origin}${pagePath}`)).text();
    expect(warm).toContain(messages["verify.verdict.valid"]);

    const [officer] = await handle.db.select({ id: users.id }).from(users).limit(1);
    const revoked = await changeDiplomaStatus(handle.db, {
      organisationId: diploma.organisationId,
      diplomaId: diploma.id,
      change: "revoke",
      reason: "Cấp nhầm — issued by mistake",
      actor: { userId: officer!.id, ip: null },
    });
    expect(revoked.ok).toBe(true);

    const apiSees = eventually(async () => (await apiVerdict(b.origin, qr)) === "revoked", WITHIN_MS);
    const pageSees = eventually(
      async () => (await (await fetch(`${b.origin}${pagePath}`)).text()).includes(messages["verify.verdict.revoked"]),
      WITHIN_MS,
    );
    expect(await apiSees).toBe(true);
    expect(await pageSees).toBe(true);
    // And A, which did not make the change either, agrees.
    expect(await apiVerdict(a.origin, qr)).toBe("revoked");
  });

  it("with a streaming replica, process B's verification reads reach the replica", async (context) => {
    if (!replicaUrl) return context.skip(); // npm test runs the cluster tests with the replica
    const replica = postgres(onReplica(database.url), { max: 1, onnotice: () => {} });
    try {
      // Index and sequential scans of the registry's tables, as the replica's own statistics count them.
      const scans = async () => {
        const [row] = await replica<{ scans: string }[]>`
          select coalesce(sum(coalesce(idx_scan, 0) + coalesce(seq_scan, 0)), 0) as scans
          from pg_stat_user_tables`;
        return Number(row!.scans);
      };
      const before = await scans();
      // Diplomas B has not verified yet (a verified one is cached). Right after a registry change B holds its replica
      // back until it has replayed that change, and reads from the primary meanwhile: hence a few tries.
      const rows = await handle.db
        .select({ qr: diplomas.qrPayload })
        .from(diplomas)
        .where(eq(diplomas.status, "issued"))
        .orderBy(diplomas.serial)
        .offset(3)
        .limit(30);
      let next = 0;
      const reached = await eventually(
        async () => {
          const row = rows[next++ % rows.length]!;
          expect(await apiVerdict(b.origin, row.qr!)).toBe("valid");
          return (await scans()) > before; // statistics reach the shared counters about a second after a read
        },
        15_000,
        500,
      );
      expect(reached).toBe(true);
    } finally {
      await replica.end();
    }
  });

  it("a key reported compromised elsewhere shows on process B within 2 s, though B caches trust data for 5 s", async () => {
    const diploma = await issuedDiploma();
    const qr = diploma.qr!;
    expect(await apiVerdict(b.origin, qr)).toBe("valid");
    const [key] = await handle.db
      .select({ id: signingKeys.id })
      .from(signingKeys)
      .where(and(eq(signingKeys.organisationId, diploma.organisationId), eq(signingKeys.status, "active")));
    const [officer] = await handle.db.select({ id: users.id }).from(users).limit(1);
    const marked = await markKeyCompromised(handle.db, {
      organisationId: diploma.organisationId,
      keyId: key!.id,
      compromisedFrom: new Date("2000-01-01T00:00:00Z"),
      reason: "Lộ khóa — key leaked",
      actor: { userId: officer!.id, ip: null },
    });
    expect(marked.ok).toBe(true);
    expect(await eventually(async () => (await apiVerdict(b.origin, qr)) === "key_not_valid", WITHIN_MS)).toBe(true);
  });
});
