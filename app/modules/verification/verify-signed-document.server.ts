/**
 * Verifies an organisation's signed document (a certified copy, a confirmation letter, a case's reply or result:
 * app/modules/cases/sign-document.server.ts) with the same rules as a diploma: the eddsa-jcs-2022 proof under one of
 * OUR published keys of the issuer's did:web (a school of this portal, or the ministry; nothing is fetched), the key's
 * validity when the document was signed (a key compromised or retired before that time taints it), and the
 * document's own status in signed_documents (revoked → not valid; unknown to the portal → not confirmed).
 */
import type { Executor } from "~/lib/db.server";
import { isCanonicalUuid } from "~/lib/uuid";
import { SIGNED_DOCUMENT_TYPES } from "~/modules/cases/sign-document.server";
import { verifyJcsProof } from "~/modules/credentials/eddsa-jcs-2022";
import { didWebHost, ministryDid } from "~/modules/keys/did-web";
import { listKeys, type PublishedKey } from "~/modules/keys/queries.server";
import { decodeEd25519PublicKey } from "~/modules/signing/multikey";
import { recordVerification } from "./checks.server";
import { findSchoolByCode, findSignedDocumentRow } from "./queries.server";
import { reason, type Reason } from "./reasons";
import type { IssuerSummary, SignedDocumentFacts, Verdict, VerificationResult } from "./verdict";

const DOCUMENT_TYPES: readonly string[] = Object.values(SIGNED_DOCUMENT_TYPES);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Whether a credential says it is one of the organisations' signed documents (not a diploma). */
export function isSignedDocumentCredential(credential: unknown): boolean {
  if (!isObject(credential)) return false;
  const types = Array.isArray(credential.type) ? credential.type : [credential.type];
  return types.some((t) => typeof t === "string" && DOCUMENT_TYPES.includes(t));
}

/** The id of a document from its credential id (`{origin}/documents/{uuid}`), or null. */
export function documentIdOf(credentialId: unknown, origin: string): string | null {
  if (typeof credentialId !== "string") return null;
  const prefix = `${origin}/documents/`;
  if (!credentialId.startsWith(prefix)) return null;
  const id = credentialId.slice(prefix.length);
  return isCanonicalUuid(id) ? id : null;
}

interface Issuer {
  organisationId: string | null;
  summary: IssuerSummary;
  name: string;
}

/** The issuer named by a DID of this portal: an accredited school, or the ministry; else a reason why not. */
async function resolveIssuer(
  db: Executor,
  did: unknown,
  credentialIssuerName: unknown,
  origin: string,
): Promise<Issuer | Reason> {
  if (typeof did !== "string") return reason("unknown_school", "no issuer");
  if (did === ministryDid(origin)) {
    const name = typeof credentialIssuerName === "string" ? credentialIssuerName : "Bộ Giáo dục và Đào tạo";
    return { organisationId: null, name, summary: { code: "BO", name, did, accredited: true } };
  }
  const prefix = `did:web:${didWebHost(origin)}:issuers:`;
  const code = did.startsWith(prefix) ? did.slice(prefix.length) : "";
  if (!/^[A-Z0-9][A-Z0-9-]{1,19}$/.test(code))
    return reason("unknown_school", "the issuer is not a DID of this portal");
  const school = await findSchoolByCode(db, code);
  if (!school) return reason("unknown_school", `no school ${code}`);
  if (school.status !== "accredited") return reason("school_not_accredited");
  return {
    organisationId: school.id,
    name: school.name,
    summary: { code, name: school.name, did, accredited: true },
  };
}

export interface VerifyDocumentOptions {
  origin: string;
  /** Count the verification in the statistics (default true). */
  count?: boolean;
}

/** Checks a signed document; always answers with a verdict (never throws on bad input). */
export async function verifySignedDocument(
  db: Executor,
  credential: unknown,
  options: VerifyDocumentOptions,
): Promise<VerificationResult> {
  const { result, organisationId } = await check(db, credential, options.origin);
  if (options.count !== false) recordVerification(db, { organisationId, verdict: result.verdict });
  return result;
}

async function check(
  db: Executor,
  credential: unknown,
  origin: string,
): Promise<{ result: VerificationResult; organisationId: string | null }> {
  const answer = (
    verdict: Verdict,
    why: Reason,
    issuer: Issuer | null,
    document: SignedDocumentFacts,
  ): { result: VerificationResult; organisationId: string | null } => ({
    organisationId: issuer?.organisationId ?? null,
    result: {
      verdict,
      reasons: [why],
      diploma: null,
      issuer: issuer?.summary ?? null,
      document,
    },
  });
  if (!isObject(credential) || !isSignedDocumentCredential(credential)) {
    const none: SignedDocumentFacts = { type: "", name: "", issuerName: "", signedAt: null, url: null };
    return answer("malformed", reason("not_a_credential", "not a signed document of this portal"), null, none);
  }
  const issuerField = credential.issuer;
  const did = isObject(issuerField) ? issuerField.id : issuerField;
  const types = (Array.isArray(credential.type) ? credential.type : [credential.type]).filter(
    (t): t is string => typeof t === "string" && DOCUMENT_TYPES.includes(t),
  );
  const documentId = documentIdOf(credential.id, origin);
  const proofCreated = isObject(credential.proof) ? credential.proof.created : null;
  // What the file says of itself: shown with any verdict (the issuer's name is replaced by the register's once known).
  const facts: SignedDocumentFacts = {
    type: types[0] ?? "",
    name: typeof credential.name === "string" ? credential.name.slice(0, 300) : "",
    issuerName: isObject(issuerField) && typeof issuerField.name === "string" ? issuerField.name.slice(0, 200) : "",
    signedAt: typeof proofCreated === "string" ? proofCreated.slice(0, 40) : null,
    url: documentId ? `${origin}/documents/${documentId}` : null,
  };
  const issuer = await resolveIssuer(db, did, isObject(issuerField) ? issuerField.name : null, origin);
  if (!("summary" in issuer)) return answer("unknown_issuer", issuer, null, facts);
  facts.issuerName = issuer.name;

  const keys = await listKeys(db, issuer.organisationId);
  let signer: PublishedKey | null = null;
  const verified = verifyJcsProof(credential, (verificationMethod) => {
    const [methodDid, keyRef] = verificationMethod.split("#");
    if (methodDid !== did) return null;
    const key = keys.find((k) => k.keyRef === keyRef);
    if (!key) return null;
    signer = key;
    return decodeEd25519PublicKey(key.publicKeyMultibase);
  });
  if (!verified.verified) {
    if (verified.reason === "unknown_key") return answer("unknown_issuer", reason("unknown_key"), issuer, facts);
    if (verified.reason === "bad_signature")
      return answer("invalid_signature", reason("signature_mismatch"), issuer, facts);
    return answer("malformed", reason("not_a_credential", verified.reason), issuer, facts);
  }
  const key = signer as PublishedKey | null;
  const claimed = verified.created ? new Date(verified.created) : null;
  if (!key || !claimed || Number.isNaN(claimed.getTime()))
    return answer("malformed", reason("not_a_credential", "the proof has no time"), issuer, facts);
  // The portal's record of the signing, when there is one, is the time that counts: a thief holding a compromised
  // key could date a proof before the compromise, not a row of signed_documents.
  const row = documentId ? await findSignedDocumentRow(db, documentId) : null;
  const recorded = row && row.organisationId === issuer.organisationId && row.keyId === key.id ? row : null;
  const signedAt = recorded ? recorded.signedAt : claimed;
  if (key.compromisedFrom && key.compromisedFrom.getTime() <= signedAt.getTime())
    return answer("key_not_valid", reason("document_key_compromised"), issuer, facts);
  if (key.retiredAt && key.retiredAt.getTime() < signedAt.getTime())
    return answer("key_not_valid", reason("document_key_retired"), issuer, facts);
  if (!recorded) return answer("status_unknown", reason("document_unknown"), issuer, facts);
  if (recorded.revokedAt) return answer("revoked", reason("document_revoked"), issuer, facts);
  return answer("valid", reason("document_genuine"), issuer, facts);
}
