import { randomUUID } from "node:crypto";
import type { Executor } from "~/lib/db.server";
import { recordAudit, type AuditActor } from "~/modules/audit/record-audit.server";
import { generatePrivateKey, publicKeyOf } from "~/modules/signing/ed25519";
import { encodeEd25519PublicKey } from "~/modules/signing/multikey";
import { seal, type KeyRing } from "./key-encryption.server";
import { insertSigningKey, listKeyRefs, type PublishedKey } from "./queries.server";

export type KeyCreationReason = "accreditation" | "backfill" | "rotation" | "compromise" | "ministry";

export interface CreateSigningKeyOptions {
  /** null: the ministry's key. */
  organisationId: string | null;
  reason: KeyCreationReason;
  actor: AuditActor;
  ring: KeyRing;
  at?: Date;
}

/** "key-1", "key-2", …: one more than the highest number used so far by this owner (refs are never reused). */
export function nextKeyRef(existing: readonly string[]): string {
  const highest = existing.reduce((max, ref) => {
    const match = /^key-(\d+)$/.exec(ref);
    return match ? Math.max(max, Number(match[1])) : max;
  }, 0);
  return `key-${highest + 1}`;
}

/**
 * Generates an Ed25519 key, seals its private half under the KEK (AES-256-GCM, the AAD binding it to its row id,
 * which is therefore chosen here rather than by the database) and stores it as the owner's active key, with its
 * audit row. For the use-cases of this folder: the caller holds the transaction (and the school's row lock) and
 * has made sure no other key of the owner is active.
 */
export async function createSigningKey(tx: Executor, options: CreateSigningKeyOptions): Promise<PublishedKey> {
  const id = randomUUID();
  const privateKey = generatePrivateKey();
  const publicKeyMultibase = encodeEd25519PublicKey(publicKeyOf(privateKey));
  const privateKeyCiphertext = seal(options.ring.signingKeys, privateKey, id);
  privateKey.fill(0);
  const key = await insertSigningKey(tx, {
    id,
    organisationId: options.organisationId,
    keyRef: nextKeyRef(await listKeyRefs(tx, options.organisationId)),
    publicKeyMultibase,
    privateKeyCiphertext,
    kekId: options.ring.kekId,
    activatedAt: options.at ?? new Date(),
    createdBy: options.actor.userId,
  });
  await recordAudit(tx, options.actor, {
    action: "signing-key.create",
    entityType: "signing_key",
    entityId: key.id,
    organisationId: options.organisationId,
    details: { keyRef: key.keyRef, publicKeyMultibase, reason: options.reason, kekId: options.ring.kekId },
  });
  return key;
}
