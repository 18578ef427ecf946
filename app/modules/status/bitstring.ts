/**
 * W3C Bitstring Status List: a bitstring of at least 131,072 entries; index 0 is the left-most (most significant)
 * bit of the first byte. Published GZIP-compressed and base64url-encoded with the multibase prefix "u".
 * Pure: compression is passed in so the same code runs in Node and in the browser.
 */
import { base64urlnopad } from "@scure/base";

export const MIN_STATUS_LIST_SIZE = 131_072;

export function emptyBitstring(size = MIN_STATUS_LIST_SIZE): Uint8Array {
  if (size % 8 !== 0 || size < MIN_STATUS_LIST_SIZE)
    throw new Error(`a status list has at least ${MIN_STATUS_LIST_SIZE} entries, a multiple of 8`);
  return new Uint8Array(size / 8);
}

export function getBit(bits: Uint8Array, index: number): boolean {
  if (!Number.isInteger(index) || index < 0 || index >= bits.length * 8)
    throw new RangeError(`status index ${index} out of range`);
  return (bits[index >> 3]! & (0x80 >> (index & 7))) !== 0;
}

/** Returns a new bitstring with the bit at `index` set to `value`. */
export function withBit(bits: Uint8Array, index: number, value: boolean): Uint8Array {
  getBit(bits, index); // range check
  const out = bits.slice();
  if (value) out[index >> 3]! |= 0x80 >> (index & 7);
  else out[index >> 3]! &= ~(0x80 >> (index & 7)) & 0xff;
  return out;
}

/** base64url without padding; null when the text is not the canonical unpadded form of some bytes. */
function fromBase64Url(text: string): Uint8Array | null {
  try {
    return base64urlnopad.decode(text);
  } catch {
    return null;
  }
}

export function encodeStatusList(bits: Uint8Array, gzip: (b: Uint8Array) => Uint8Array): string {
  return "u" + base64urlnopad.encode(gzip(bits));
}

/** Decodes an encodedList; null when it is not a base64url multibase of a GZIP stream of a long enough list. */
export function decodeStatusList(encoded: string, gunzip: (b: Uint8Array) => Uint8Array): Uint8Array | null {
  const compressed = compressedListOf(encoded);
  if (!compressed) return null;
  try {
    return longEnough(gunzip(compressed));
  } catch {
    return null;
  }
}

/** decodeStatusList with an asynchronous GZIP (the browser's DecompressionStream, see app/lib/gunzip.ts). */
export async function decodeStatusListAsync(
  encoded: string,
  gunzip: (b: Uint8Array) => Promise<Uint8Array>,
): Promise<Uint8Array | null> {
  const compressed = compressedListOf(encoded);
  if (!compressed) return null;
  try {
    return longEnough(await gunzip(compressed));
  } catch {
    return null;
  }
}

function compressedListOf(encoded: string): Uint8Array | null {
  return encoded.startsWith("u") ? fromBase64Url(encoded.slice(1)) : null;
}

function longEnough(bits: Uint8Array): Uint8Array | null {
  return bits.length * 8 >= MIN_STATUS_LIST_SIZE ? bits : null;
}

/**
 * Draws `count` distinct free indexes uniformly at random (so that neighbouring diplomas do not sit on
 * neighbouring bits, which would tell a watcher of the list which diplomas belong together).
 */
export function drawFreeIndexes(
  size: number,
  taken: ReadonlySet<number>,
  count: number,
  randomInt: (max: number) => number,
): number[] | null {
  if (size - taken.size < count) return null;
  const chosen = new Set<number>();
  while (chosen.size < count) {
    const index = randomInt(size);
    if (!taken.has(index)) chosen.add(index);
  }
  return [...chosen];
}
