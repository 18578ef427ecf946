/**
 * Verifies any credential signed with eddsa-rdfc-2022 by the generic pipeline (JSON-LD with the bundled contexts,
 * RDFC-1.0): the verify page and API use it for whatever a visitor submits. It answers only "did this issuer sign
 * exactly this?"; status lists, key validity windows and the trust registry are the caller's further checks.
 */
import {
  ASSERTION_METHOD,
  verifyProof,
  type ProofVerificationFailure,
  type ProofVerificationResult,
  type PublicKeyResolver,
  type VerifyProofOptions,
} from "./eddsa-rdfc-2022";

export type CredentialVerificationFailure =
  | ProofVerificationFailure
  /** Not a VerifiableCredential, or one without an issuer. */
  | "not_a_credential"
  /** Signed with a key that the credential's issuer does not control (the key's DID is not the issuer). */
  | "issuer_mismatch";

export type CredentialVerificationResult =
  | Extract<ProofVerificationResult, { verified: true }>
  | { verified: false; reason: CredentialVerificationFailure; message: string };

function issuerIdOf(credential: Record<string, unknown>): string | null {
  const issuer = credential.issuer;
  if (typeof issuer === "string") return issuer;
  if (typeof issuer === "object" && issuer !== null && typeof (issuer as { id?: unknown }).id === "string")
    return (issuer as { id: string }).id;
  return null;
}

export async function verifyCredential(
  credential: unknown,
  resolveKey: PublicKeyResolver,
  options: Pick<VerifyProofOptions, "documentLoader"> = {},
): Promise<CredentialVerificationResult> {
  if (typeof credential !== "object" || credential === null || Array.isArray(credential)) {
    return { verified: false, reason: "malformed", message: "the credential is not a JSON object" };
  }
  const record = credential as Record<string, unknown>;
  const types = Array.isArray(record.type) ? record.type : [record.type];
  const issuerId = issuerIdOf(record);
  if (!types.includes("VerifiableCredential") || issuerId === null) {
    return { verified: false, reason: "not_a_credential", message: "not a VerifiableCredential with an issuer" };
  }
  const proof = record.proof;
  const verificationMethod =
    typeof proof === "object" && proof !== null
      ? (proof as { verificationMethod?: unknown }).verificationMethod
      : undefined;
  // A DID URL's controller is the DID before the fragment: the issuer must sign with one of its own keys.
  if (typeof verificationMethod === "string" && verificationMethod.split("#")[0] !== issuerId) {
    return {
      verified: false,
      reason: "issuer_mismatch",
      message: `signed by ${verificationMethod}, not a key of ${issuerId}`,
    };
  }
  return verifyProof(credential, resolveKey, { ...options, expectedProofPurpose: ASSERTION_METHOD });
}
