import { base32nopad } from "@scure/base";

/**
 * RFC 4648 §6 base32 (alphabet A–Z 2–7), upper case, without padding, and strict: the decoder accepts only the
 * one canonical text of each byte string, so a changed character can never decode to the same bytes. The codec
 * is @scure/base's `base32nopad` (strict: it refuses other characters, impossible lengths and non-zero unused
 * bits); this file only turns its exceptions into null. Pure code (Node and browser).
 */

/** Characters needed for `byteLength` bytes: ceil(8n / 5). */
export function base32Length(byteLength: number): number {
  return Math.ceil((byteLength * 8) / 5);
}

export function encodeBase32(bytes: Uint8Array): string {
  return base32nopad.encode(bytes);
}

/**
 * Decodes canonical unpadded base32; null when the text is not one: a character outside A–Z 2–7 (lower case
 * included: callers upper-case first), a length that no byte string encodes (1, 3 or 6 mod 8), or non-zero
 * unused bits in the last character.
 */
export function decodeBase32(text: string): Uint8Array | null {
  try {
    return base32nopad.decode(text);
  } catch {
    return null;
  }
}
