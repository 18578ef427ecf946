import { getKeyRing } from "~/modules/keys/key-encryption.server";
import { claimCodeMatches, deriveClaimCode, formatClaimCode } from "./claim-code";

/** The diploma's claim code as school staff see and print it ("ABCDE-FGHJK"), from the KEK-derived key. */
export function claimCodeOf(diplomaId: string): string {
  return formatClaimCode(deriveClaimCode(getKeyRing().claimCodes, diplomaId));
}

/** Constant-time check of a normalised code (see normaliseClaimCode) against the diploma's own. */
export function isClaimCodeOf(diplomaId: string, normalisedCode: string): boolean {
  return claimCodeMatches(getKeyRing().claimCodes, diplomaId, normalisedCode);
}
