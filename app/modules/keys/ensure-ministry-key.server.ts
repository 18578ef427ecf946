import { sql } from "drizzle-orm";
import type { Executor } from "~/lib/db.server";
import type { AuditActor } from "~/modules/audit/record-audit.server";
import { createSigningKey } from "./create-signing-key.server";
import { getKeyRing, type KeyRing } from "./key-encryption.server";
import { findActiveKey, type PublishedKey } from "./queries.server";

export interface EnsureMinistryKeyOptions {
  /** Who asked; the system (boot, seed) when omitted. */
  actor?: AuditActor;
  /** The key ring to seal a new key with; the environment's by default. */
  ring?: KeyRing;
}

const SYSTEM: AuditActor = { userId: null, ip: null };

/**
 * Makes sure the ministry has an active key (organisation null): it signs the trust registry and is published at
 * /.well-known/did.json. Idempotent; concurrent callers (two server processes booting) are serialised by an
 * advisory lock, as there is no organisation row to lock.
 */
export async function ensureMinistryKey(
  db: Executor,
  options: EnsureMinistryKeyOptions = {},
): Promise<{ key: PublishedKey; created: boolean }> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('vanbang:ministry-signing-key'))`);
    const active = await findActiveKey(tx, null);
    if (active) return { key: active, created: false };
    const key = await createSigningKey(tx, {
      organisationId: null,
      reason: "ministry",
      actor: options.actor ?? SYSTEM,
      ring: options.ring ?? getKeyRing(),
    });
    return { key, created: true };
  });
}
