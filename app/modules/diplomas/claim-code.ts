import { createHmac, timingSafeEqual } from "node:crypto";
import { base32crockford } from "@scure/base";

/**
 * A diploma's claim code: what the school hands the graduate so that they can add the diploma to their account.
 * Derived, never stored: the first 50 bits of HMAC-SHA-256(claim-code key, "vanbang:claim-code:v1:" ‖ diploma id),
 * written as 10 characters of Crockford base32 in two groups ("7KQ2M-XD4PA"). The code alone does not claim a
 * diploma: the graduate must also give the personal ID number and date of birth recorded on it (see
 * claim-diploma.server.ts). Pure (no I/O); the key comes from the caller.
 */

export const CLAIM_CODE_LENGTH = 10;
const DOMAIN = "vanbang:claim-code:v1:";

/** The code's 10 characters (no hyphen): the MAC's first 50 bits (its first 7 bytes give 12 characters). */
export function deriveClaimCode(key: Uint8Array, diplomaId: string): string {
  const mac = createHmac("sha256", key)
    .update(DOMAIN + diplomaId.toLowerCase())
    .digest();
  return base32crockford.encode(mac.subarray(0, 7)).slice(0, CLAIM_CODE_LENGTH);
}

/** "ABCDEFGHJK" → "ABCDE-FGHJK", as printed. */
export function formatClaimCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/**
 * What a person typed, as the code's 10 characters; null when it cannot be a code. Case, spaces and hyphens are
 * ignored, and the letters Crockford reads as digits are taken as such (O → 0, I and L → 1).
 */
export function normaliseClaimCode(input: string): string | null {
  const text = input
    .toUpperCase()
    .replace(/[\s\-–—_.]/g, "")
    .replace(/O/g, "0")
    .replace(/[IL]/g, "1");
  // Crockford's alphabet: no I, L, O, U, so a code read aloud or off paper is hard to get wrong.
  return /^[0-9A-HJKMNP-TV-Z]{10}$/.test(text) ? text : null;
}

/** Constant-time comparison of a normalised code with the diploma's own. */
export function claimCodeMatches(key: Uint8Array, diplomaId: string, normalised: string): boolean {
  const expected = Buffer.from(deriveClaimCode(key, diplomaId), "ascii");
  const given = Buffer.from(normalised.padEnd(CLAIM_CODE_LENGTH, "?").slice(0, CLAIM_CODE_LENGTH), "ascii");
  return timingSafeEqual(expected, given);
}
