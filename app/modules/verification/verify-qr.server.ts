/**
 * Verifies a diploma QR text on the server, by docs/qr-payload.md section 7 with the portal's own database as the
 * trust registry: decode → accredited school and key by tag → signature → key validity at the issue date →
 * status lists. Never throws on bad input; every outcome is a VerificationResult (verdict.ts).
 */
import { type Executor, withDefaultDb } from "~/lib/db.server";
import { createTtlCache } from "~/lib/ttl-cache";
import { listKeys, type PublishedKey } from "~/modules/keys/queries.server";
import { decodeQrPayload, keyTagOf, verifyQrSignature, type QrDecoded } from "~/modules/qr/payload";
import { verifyWithNode } from "~/modules/signing/ed25519-node.server";
import { decodeEd25519PublicKey } from "~/modules/signing/multikey";
import { checkStatus, keyValidityProblem, recordVerification } from "./checks.server";
import { findProgrammeName, findSchoolByCode, type IssuerCandidate } from "./queries.server";
import { reason } from "./reasons";
import type { IssuerSummary, MinimalDiploma, VerificationResult } from "./verdict";
import { issuerDid } from "~/modules/keys/did-web";

export interface VerifyOptions {
  /** The portal's public origin (PUBLIC_ORIGIN): a QR URL naming any other origin is not ours. */
  origin: string;
  /** Count the verification for the statistics (default true). */
  count?: boolean;
}

export async function verifyQrText(db: Executor, text: unknown, options: VerifyOptions): Promise<VerificationResult> {
  return (await verifyQrTextReplayable(db, text, options)).result;
}

/**
 * verifyQrText for a page the server may replay from its micro-cache (app/lib/page-cache.server.ts): also gives
 * `countAgain`, which counts one more verification with the same school and verdict for each replay.
 */
export const verifyQrTextReplayable = withDefaultDb(async function verifyQrTextReplayable(
  db: Executor,
  text: unknown,
  options: VerifyOptions,
): Promise<{ result: VerificationResult; countAgain: () => void }> {
  const { result, organisationId } = await check(db, text, options);
  const countAgain = () => recordVerification(db, { organisationId, verdict: result.verdict });
  if (options.count !== false) countAgain();
  return { result, countAgain };
});

async function check(
  db: Executor,
  text: unknown,
  options: VerifyOptions,
): Promise<{ result: VerificationResult; organisationId: string | null }> {
  const decoded = decodeMemoised(text, options.origin);
  if (!decoded.ok) {
    return {
      organisationId: null,
      result: { verdict: "malformed", reasons: [reason(decoded.reason, decoded.message)], diploma: null, issuer: null },
    };
  }
  const { fields } = decoded;
  const { school, keys } = await trustOf(db, fields.schoolCode);
  const issuer = issuerSummary(fields.schoolCode, school, options.origin);
  const untrusted = (verdict: VerificationResult["verdict"], why: ReturnType<typeof reason>) => ({
    organisationId: school?.id ?? null,
    result: { verdict, reasons: [why], diploma: null, issuer },
  });
  if (!school) return untrusted("unknown_issuer", reason("unknown_school", `no school ${fields.schoolCode}`));
  if (school.status !== "accredited") return untrusted("unknown_issuer", reason("school_not_accredited"));

  // A tag is not an identity: every published key with that tag is tried (normally exactly one).
  const candidates = keys.filter((k) => k.tag === fields.keyTag);
  if (candidates.length === 0)
    return untrusted("unknown_issuer", reason("unknown_key", `no key with tag ${fields.keyTag}`));
  const signer = candidates.find((c) => signatureHolds(decoded, c.publicKey, c.key.id))?.key;
  if (!signer) return untrusted("invalid_signature", reason("signature_mismatch"));

  const diploma = await minimalDiploma(db, decoded);
  const keyProblem = keyValidityProblem(signer, fields.issueDate);
  if (keyProblem)
    return { organisationId: school.id, result: { verdict: "key_not_valid", reasons: [keyProblem], diploma, issuer } };

  const status = await checkStatus(db, {
    organisationId: school.id,
    diplomaId: fields.credentialId,
    positions: [
      { purpose: "revocation", ...fields.revocation },
      fields.suspension ? { purpose: "suspension", ...fields.suspension } : null,
    ],
  });
  const reasons = fields.holderNameTruncated ? [...status.reasons, reason("name_truncated")] : status.reasons;
  return { organisationId: school.id, result: { ...status, reasons, diploma, issuer } };
}

/**
 * Decoding a QR text and checking its signature under a given key are pure: their answers never change, so the
 * last few thousand decodings are remembered (the same diploma is checked over and over at a job fair, or by a
 * bot), each with its signature checks by key. What can change — the school's accreditation, the key's retirement
 * or compromise, the status lists — is looked up on every verification. Bounded: the oldest decoding is forgotten
 * first, and its signature checks with it.
 */
const MEMO_MAX = 5_000;
const decodedTexts = new Map<string, ReturnType<typeof decodeQrPayload>>();
const checkedSignatures = new WeakMap<QrDecoded, Map<string, boolean>>();

function decodeMemoised(text: unknown, origin: string): ReturnType<typeof decodeQrPayload> {
  if (typeof text !== "string" || text.length > 1_024) return decodeQrPayload(text, { expectedOrigins: [origin] });
  const key = `${origin}\n${text}`;
  let decoded = decodedTexts.get(key);
  if (!decoded) {
    decoded = decodeQrPayload(text, { expectedOrigins: [origin] });
    if (decodedTexts.size >= MEMO_MAX) decodedTexts.delete(decodedTexts.keys().next().value!);
    decodedTexts.set(key, decoded);
  }
  return decoded;
}

function signatureHolds(decoded: QrDecoded, publicKey: Uint8Array, keyId: string): boolean {
  let byKey = checkedSignatures.get(decoded);
  if (!byKey) checkedSignatures.set(decoded, (byKey = new Map()));
  let holds = byKey.get(keyId);
  if (holds === undefined) byKey.set(keyId, (holds = verifyQrSignature(decoded, publicKey, verifyWithNode)));
  return holds;
}

/**
 * The trust data of a school code (the school, its published keys decoded with their tags), kept in memory for a
 * few seconds: the verify page and the API then cost no registry query per request. A key retired or
 * compromised, or a school's accreditation withdrawn, shows within TRUST_TTL_MS (each server process has its own
 * copy). Tests that change the registry and verify at once empty the caches first (clearTtlCaches).
 */
const TRUST_TTL_MS = 5_000;
const REFERENCE_TTL_MS = 60_000;
const TRUST_CACHE_MAX = 1_000;

interface TrustEntry {
  school: IssuerCandidate | null;
  keys: { key: PublishedKey; publicKey: Uint8Array; tag: string }[];
}
const trustCache = createTtlCache<TrustEntry>({ ttlMs: TRUST_TTL_MS, maxEntries: TRUST_CACHE_MAX });
const programmeNames = createTtlCache<string | null>({ ttlMs: REFERENCE_TTL_MS, maxEntries: TRUST_CACHE_MAX });

function trustOf(db: Executor, schoolCode: string): Promise<TrustEntry> {
  return trustCache.get(schoolCode, async () => {
    const school = await findSchoolByCode(db, schoolCode);
    if (!school || school.status !== "accredited") return { school, keys: [] };
    const keys = (await listKeys(db, school.id)).flatMap((key) => {
      const publicKey = decodeEd25519PublicKey(key.publicKeyMultibase);
      return publicKey ? [{ key, publicKey, tag: keyTagOf(publicKey) }] : [];
    });
    return { school, keys };
  });
}

async function minimalDiploma(db: Executor, decoded: QrDecoded): Promise<MinimalDiploma> {
  const f = decoded.fields;
  return {
    holderName: f.holderName,
    holderNameTruncated: f.holderNameTruncated,
    programmeCode: f.programmeCode,
    programmeName: await programmeNames.get(f.programmeCode, () => findProgrammeName(db, f.programmeCode)),
    levelCode: f.levelCode,
    classification: f.classification,
    graduationYear: f.graduationYear,
    issueDate: f.issueDate,
    serial: f.serial,
    credentialId: f.credentialId,
  };
}

export function issuerSummary(code: string, school: IssuerCandidate | null, origin: string): IssuerSummary {
  const accredited = school?.status === "accredited";
  return { code, name: school?.name ?? null, did: accredited ? issuerDid(origin, code) : null, accredited };
}
