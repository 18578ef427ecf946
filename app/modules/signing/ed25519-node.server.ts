/**
 * Node's built-in Ed25519 (OpenSSL) for the server's hot paths: batch signing and verification under load.
 * Byte-identical signatures to @noble/ed25519 (Ed25519 is deterministic), and the same answer on every signature
 * the portal's keys can produce; tests/slow/ed25519.test.ts checks one against the other, including tampered and
 * malformed input. About 10× faster than the pure-JavaScript verify (measured 2.4 ms against 0.21 ms a
 * verification on a loaded 2-core machine).
 */
import { createPrivateKey, createPublicKey, sign as nodeSign, verify as nodeVerify, type KeyObject } from "node:crypto";

// PKCS#8 DER prefix for a raw 32-byte Ed25519 private key, and the SPKI prefix for a raw public key (RFC 8410).
const PKCS8_PREFIX = Buffer.from("302e020100300506032b657004220420", "hex");
const SPKI_PREFIX = Buffer.from("302a300506032b6570032100", "hex");

export function nodePrivateKey(privateKey: Uint8Array): KeyObject {
  return createPrivateKey({
    key: Buffer.concat([PKCS8_PREFIX, Buffer.from(privateKey)]),
    format: "der",
    type: "pkcs8",
  });
}

export function signWithNode(message: Uint8Array, key: KeyObject): Uint8Array {
  return new Uint8Array(nodeSign(null, message, key));
}

/** Public keys already turned into KeyObjects: a verifier sees a handful of keys over and over. */
const publicKeys = new Map<string, KeyObject | null>();
const PUBLIC_KEY_CACHE_MAX = 10_000;

function nodePublicKey(publicKey: Uint8Array): KeyObject | null {
  const id = Buffer.from(publicKey).toString("base64");
  let key = publicKeys.get(id);
  if (key === undefined) {
    try {
      key = createPublicKey({ key: Buffer.concat([SPKI_PREFIX, Buffer.from(publicKey)]), format: "der", type: "spki" });
    } catch {
      key = null; // not a point on the curve
    }
    if (publicKeys.size >= PUBLIC_KEY_CACHE_MAX) publicKeys.clear();
    publicKeys.set(id, key);
  }
  return key;
}

/** The same contract as ed25519.ts `verify`: false for a wrong signature and for malformed input, never throws. */
export function verifyWithNode(signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): boolean {
  if (signature.length !== 64 || publicKey.length !== 32) return false;
  const key = nodePublicKey(publicKey);
  if (!key) return false;
  try {
    return nodeVerify(null, message, key, signature);
  } catch {
    return false;
  }
}
