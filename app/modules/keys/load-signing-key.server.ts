import type { Executor } from "~/lib/db.server";
import { logger } from "~/lib/logger.server";
import { publicKeyOf } from "~/modules/signing/ed25519";
import { encodeEd25519PublicKey } from "~/modules/signing/multikey";
import { getKeyRing, MissingKekError, open, type KeyRing } from "./key-encryption.server";
import { findActiveSealedKey } from "./queries.server";

export interface LoadedSigningKey {
  id: string;
  /** The DID URL fragment: the verification method is `{issuer DID}#{keyRef}`. */
  keyRef: string;
  /** 32 bytes. Keep it inside the signing use-case; do not log, store or return it. */
  privateKey: Uint8Array;
  publicKeyMultibase: string;
}

export type LoadSigningKeyError = "no_active_key" | "key_unreadable";

export type LoadSigningKeyResult =
  | { ok: true; key: LoadedSigningKey }
  | {
      ok: false;
      code: LoadSigningKeyError;
      /** For logs and operators (English); users get keys.error.{code}. */ message: string;
    };

export interface LoadSigningKeyOptions {
  /** The school; null for the ministry's key. */
  organisationId: string | null;
  /** The environment's key ring by default. */
  ring?: KeyRing;
}

/**
 * The only function that decrypts a private key: the owner's active key, opened with the KEK. A key sealed under
 * another KEK, a damaged ciphertext, or one that does not match its published public key is "key_unreadable"
 * with a message saying which, never an exception. Runs in the caller's transaction when given one.
 */
export async function loadSigningKey(db: Executor, options: LoadSigningKeyOptions): Promise<LoadSigningKeyResult> {
  const row = await findActiveSealedKey(db, options.organisationId);
  const owner = options.organisationId ?? "ministry";
  if (!row) return { ok: false, code: "no_active_key", message: `no active signing key for ${owner}` };

  const unreadable = (message: string): LoadSigningKeyResult => {
    logger.error("signing key unreadable", { keyId: row.id, owner, message });
    return { ok: false, code: "key_unreadable", message: `signing key ${row.keyRef} of ${owner}: ${message}` };
  };

  let ring: KeyRing;
  try {
    ring = options.ring ?? getKeyRing();
  } catch (error) {
    if (error instanceof MissingKekError) return unreadable(error.message);
    throw error;
  }
  if (row.kekId !== ring.kekId) {
    return unreadable(
      `sealed under key-encryption key ${row.kekId}, but the server has ${ring.kekId}: set KEY_ENCRYPTION_KEY to the key it was sealed with`,
    );
  }
  const opened = open(ring.signingKeys, row.privateKeyCiphertext, row.id);
  if (!opened || opened.length !== 32)
    return unreadable("the ciphertext does not open (damaged, or moved to another row)");
  const privateKey = new Uint8Array(opened);
  opened.fill(0);
  if (encodeEd25519PublicKey(publicKeyOf(privateKey)) !== row.publicKeyMultibase) {
    privateKey.fill(0);
    return unreadable("the private key does not match the published public key");
  }
  return { ok: true, key: { id: row.id, keyRef: row.keyRef, privateKey, publicKeyMultibase: row.publicKeyMultibase } };
}
