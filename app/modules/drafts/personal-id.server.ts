import { getKeyRing, open, personalIdHash, seal } from "~/modules/keys/key-encryption.server";

/**
 * The personal ID number at rest: sealed (AES-256-GCM) with the diploma's id as associated data, so a ciphertext
 * copied onto another row does not open, and a keyed hash (HMAC) to find a graduate's diplomas. Never stored in
 * clear, never logged, never written to the audit trail.
 */
export function protectPersonalId(
  diplomaId: string,
  personalId: string,
): { personalIdCiphertext: string; personalIdHash: string } {
  const ring = getKeyRing();
  return {
    personalIdCiphertext: seal(ring.personalIdEncryption, Buffer.from(personalId, "utf8"), diplomaId),
    personalIdHash: personalIdHash(ring, personalId),
  };
}

export function hashPersonalId(personalId: string): string {
  return personalIdHash(getKeyRing(), personalId);
}

/** The number in clear (for the registrar's edit form and masking); null when it does not open. */
export function revealPersonalId(diplomaId: string, ciphertext: string): string | null {
  return open(getKeyRing().personalIdEncryption, ciphertext, diplomaId)?.toString("utf8") ?? null;
}
