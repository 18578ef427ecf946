/**
 * Node's built-in Ed25519 for the server's hot path (batch signing). Byte-identical to @noble/ed25519's
 * signatures (Ed25519 is deterministic); tests/unit/ed25519.test.ts checks one against the other.
 */
import { createPrivateKey, sign as nodeSign, type KeyObject } from "node:crypto";

// PKCS#8 DER prefix for a raw 32-byte Ed25519 private key (RFC 8410).
const PKCS8_PREFIX = Buffer.from("302e020100300506032b657004220420", "hex");

export function nodePrivateKey(privateKey: Uint8Array): KeyObject {
  return createPrivateKey({ key: Buffer.concat([PKCS8_PREFIX, Buffer.from(privateKey)]), format: "der", type: "pkcs8" });
}

export function signWithNode(message: Uint8Array, key: KeyObject): Uint8Array {
  return new Uint8Array(nodeSign(null, message, key));
}
