/**
 * RFC 4648 §6 base32 (alphabet A–Z 2–7), upper case, without padding, and strict: the decoder accepts only the
 * one canonical text of each byte string, so a changed character can never decode to the same bytes.
 * Pure code (Node and browser).
 */
const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
const VALUES = new Map([...ALPHABET].map((c, i) => [c, i]));

/** Characters needed for `byteLength` bytes: ceil(8n / 5). */
export function base32Length(byteLength: number): number {
  return Math.ceil((byteLength * 8) / 5);
}

export function encodeBase32(bytes: Uint8Array): string {
  let out = "";
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = ((buffer << 8) | byte) & 0xfff; // at most 12 live bits
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += ALPHABET[(buffer >> bits) & 31];
    }
  }
  if (bits > 0) out += ALPHABET[(buffer << (5 - bits)) & 31];
  return out;
}

/**
 * Decodes canonical unpadded base32; null when the text is not one: a character outside A–Z 2–7 (lower case
 * included: callers upper-case first), a length that no byte string encodes (1, 3 or 6 mod 8), or non-zero
 * unused bits in the last character.
 */
export function decodeBase32(text: string): Uint8Array | null {
  const byteLength = Math.floor((text.length * 5) / 8);
  if (base32Length(byteLength) !== text.length) return null;
  const out = new Uint8Array(byteLength);
  let buffer = 0;
  let bits = 0;
  let at = 0;
  for (const char of text) {
    const value = VALUES.get(char);
    if (value === undefined) return null;
    buffer = ((buffer << 5) | value) & 0xfff; // at most 12 live bits
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out[at++] = (buffer >> bits) & 0xff;
    }
  }
  if ((buffer & ((1 << bits) - 1)) !== 0) return null;
  return out;
}
