/**
 * Multikey encodings (W3C Controlled Identifiers / Data Integrity EdDSA): base58btc multibase ("z…") of a
 * multicodec-prefixed key. Ed25519 public key: 0xed 0x01 ‖ 32 bytes → "z6Mk…"; private key: 0x80 0x26 ‖ 32 bytes.
 */
import { base58 } from "@scure/base";

const ED25519_PUB = [0xed, 0x01] as const;
const ED25519_PRIV = [0x80, 0x26] as const;

export function encodeBase58btc(bytes: Uint8Array): string {
  return "z" + base58.encode(bytes);
}

/** Decodes "z…" base58btc multibase; null when it is not one. */
export function decodeBase58btc(text: string): Uint8Array | null {
  if (!text.startsWith("z") || text.length < 2) return null;
  try {
    return base58.decode(text.slice(1));
  } catch {
    return null;
  }
}

function withPrefix(prefix: readonly number[], key: Uint8Array): Uint8Array {
  const out = new Uint8Array(prefix.length + key.length);
  out.set(prefix, 0);
  out.set(key, prefix.length);
  return out;
}

function withoutPrefix(prefix: readonly number[], bytes: Uint8Array | null): Uint8Array | null {
  if (!bytes || bytes.length !== prefix.length + 32) return null;
  if (prefix.some((b, i) => bytes[i] !== b)) return null;
  return bytes.slice(prefix.length);
}

export const encodeEd25519PublicKey = (key: Uint8Array) => encodeBase58btc(withPrefix(ED25519_PUB, key));
export const encodeEd25519PrivateKey = (key: Uint8Array) => encodeBase58btc(withPrefix(ED25519_PRIV, key));
export const decodeEd25519PublicKey = (multibase: string) => withoutPrefix(ED25519_PUB, decodeBase58btc(multibase));
export const decodeEd25519PrivateKey = (multibase: string) => withoutPrefix(ED25519_PRIV, decodeBase58btc(multibase));
