import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { getEnv } from "~/lib/env.server";
import { logger } from "~/lib/logger.server";

/**
 * The key-encryption key (KEK) from the environment, and the keys derived from it (HKDF-SHA-256):
 *  - "signing-keys": AES-256-GCM for school and ministry private keys;
 *  - "personal-id-encryption": AES-256-GCM for personal ID numbers;
 *  - "personal-id-lookup": HMAC-SHA-256 key for the lookup hash of personal ID numbers;
 *  - "claim-codes": HMAC-SHA-256 key from which each diploma's claim code is derived (never stored);
 *  - "mail-secrets": AES-256-GCM for the one-time links and claim codes of mail waiting in the outbox.
 * Demo mode, and only demo mode, may generate a KEK into DATA_DIR (with a warning).
 */
export interface KeyRing {
  /** A fingerprint of the KEK, stored beside each sealed key so a wrong KEK is reported as such. */
  kekId: string;
  signingKeys: Buffer;
  personalIdEncryption: Buffer;
  personalIdLookup: Buffer;
  claimCodes: Buffer;
  mailSecrets: Buffer;
}

export class MissingKekError extends Error {
  constructor() {
    super("KEY_ENCRYPTION_KEY is not set: generate one with `openssl rand -base64 32` and keep it secret");
  }
}

function derive(kek: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync("sha256", kek, Buffer.alloc(0), `vanbang:${purpose}`, 32));
}

export function keyRingFrom(kek: Buffer): KeyRing {
  return {
    kekId: createHash("sha256").update(kek).digest("hex").slice(0, 16),
    signingKeys: derive(kek, "signing-keys"),
    personalIdEncryption: derive(kek, "personal-id-encryption"),
    personalIdLookup: derive(kek, "personal-id-lookup"),
    claimCodes: derive(kek, "claim-codes"),
    mailSecrets: derive(kek, "mail-secrets"),
  };
}

let cached: KeyRing | undefined;

export function getKeyRing(): KeyRing {
  if (cached) return cached;
  const env = getEnv();
  if (env.KEY_ENCRYPTION_KEY) {
    cached = keyRingFrom(Buffer.from(env.KEY_ENCRYPTION_KEY, "base64"));
    return cached;
  }
  if (!env.DEMO_MODE) throw new MissingKekError();
  const file = path.resolve(env.DATA_DIR, "demo-kek.key");
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64"), { mode: 0o600 });
    // info, not warn: demo mode only (without demo mode a missing key stops the server), expected on a first start.
    logger.info("demo mode: generated a key-encryption key in DATA_DIR; set KEY_ENCRYPTION_KEY in production", {
      file,
    });
  }
  cached = keyRingFrom(Buffer.from(readFileSync(file, "utf8").trim(), "base64"));
  return cached;
}

/** Lets tests install a key ring of their own. */
export function useKeyRing(ring: KeyRing): void {
  cached = ring;
}

/** AES-256-GCM: base64url(iv ‖ ciphertext ‖ tag). `aad` binds the ciphertext to its row (e.g. the key id). */
export function seal(key: Buffer, plaintext: Uint8Array, aad: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(aad));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([iv, body, cipher.getAuthTag()]).toString("base64url");
}

/** Opens what seal() produced; null when the key, the AAD or the bytes are wrong. */
export function open(key: Buffer, sealed: string, aad: string): Buffer | null {
  try {
    const bytes = Buffer.from(sealed, "base64url");
    if (bytes.length < 12 + 16) return null;
    const decipher = createDecipheriv("aes-256-gcm", key, bytes.subarray(0, 12));
    decipher.setAAD(Buffer.from(aad));
    decipher.setAuthTag(bytes.subarray(bytes.length - 16));
    return Buffer.concat([decipher.update(bytes.subarray(12, bytes.length - 16)), decipher.final()]);
  } catch {
    return null;
  }
}

/** The lookup hash of a personal ID number: keyed, so the table alone cannot be brute-forced over 10¹² numbers. */
export function personalIdHash(ring: KeyRing, personalId: string): string {
  return createHmac("sha256", ring.personalIdLookup).update(personalId).digest("hex");
}
