/**
 * Ed25519 with @noble/ed25519 (pure JavaScript: the same code signs on the server and verifies in the browser).
 * The server's hot path may use Node's built-in Ed25519 (ed25519-node.server.ts): it gives byte-identical
 * signatures, which a test checks.
 */
import * as ed from "@noble/ed25519";
import { sha512 } from "@noble/hashes/sha2.js";

ed.hashes.sha512 = sha512;

export function generatePrivateKey(): Uint8Array {
  return ed.utils.randomSecretKey();
}

export function publicKeyOf(privateKey: Uint8Array): Uint8Array {
  return ed.getPublicKey(privateKey);
}

export function sign(message: Uint8Array, privateKey: Uint8Array): Uint8Array {
  return ed.sign(message, privateKey);
}

/** False for a wrong signature and for malformed input (wrong lengths, a point not on the curve). */
export function verify(signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): boolean {
  try {
    return signature.length === 64 && publicKey.length === 32 && ed.verify(signature, message, publicKey);
  } catch {
    return false;
  }
}
