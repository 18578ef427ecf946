/**
 * Verifies a full diploma credential (the JSON file a graduate holds): its eddsa-rdfc-2022 proof by the generic
 * pipeline, with the key taken from OUR published keys of the issuer's did:web (an accredited school of this
 * portal; nothing is fetched from the network), then the same rules as a QR code: key validity at the issue date,
 * status through the credentialStatus entries (which must point at the school's lists on this portal).
 */
import type { StatusPurpose } from "../../../db/schema";
import type { Executor } from "~/lib/db.server";
import { CLASSIFICATION_LABELS } from "~/modules/documents/labels";
import { verifyCredential, type CredentialVerificationFailure } from "~/modules/credentials/verify-credential";
import { didWebHost } from "~/modules/keys/did-web";
import { listKeys, type PublishedKey } from "~/modules/keys/queries.server";
import { decodeEd25519PublicKey } from "~/modules/signing/multikey";
import { parseStatusListSlug } from "~/modules/status/status-lists.server";
import { checkStatus, keyValidityProblem, recordVerification, type StatusPosition } from "./checks.server";
import { vietnamDate } from "~/lib/format-time";
import { findProgrammeName, findSchoolByCode } from "./queries.server";
import { reason, type Reason } from "./reasons";
import type { MinimalDiploma, Verdict, VerificationResult } from "./verdict";
import { issuerSummary, type VerifyOptions } from "./verify-qr.server";
import { isCanonicalUuid } from "~/lib/uuid";
import { isSignedDocumentCredential, verifySignedDocument } from "./verify-signed-document.server";

export async function verifyCredentialDocument(
  db: Executor,
  credential: unknown,
  options: VerifyOptions,
): Promise<VerificationResult> {
  // An organisation's signed document (a certified copy, a confirmation letter…) has its own checks.
  if (isSignedDocumentCredential(credential)) return verifySignedDocument(db, credential, options);
  const { result, organisationId } = await check(db, credential, options);
  if (options.count !== false) recordVerification(db, { organisationId, verdict: result.verdict });
  return result;
}

type Checked = { result: VerificationResult; organisationId: string | null };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The school code of one of our issuer DIDs (did:web:{host}:issuers:{code}), or null. */
function schoolCodeOf(did: unknown, origin: string): string | null {
  if (typeof did !== "string") return null;
  const prefix = `did:web:${didWebHost(origin)}:issuers:`;
  if (!did.startsWith(prefix)) return null;
  const code = did.slice(prefix.length);
  return /^[A-Z0-9][A-Z0-9-]{1,19}$/.test(code) ? code : null;
}

async function check(db: Executor, credential: unknown, options: VerifyOptions): Promise<Checked> {
  const malformed = (detail: string): Checked => ({
    organisationId: null,
    result: { verdict: "malformed", reasons: [reason("not_a_credential", detail)], diploma: null, issuer: null },
  });
  if (!isObject(credential)) return malformed("not a JSON object");
  const issuerId = isObject(credential.issuer) ? credential.issuer.id : credential.issuer;
  const code = schoolCodeOf(issuerId, options.origin);
  if (!code) {
    return {
      organisationId: null,
      result: {
        verdict: "unknown_issuer",
        reasons: [reason("unknown_school", "the issuer is not a school DID of this portal")],
        diploma: null,
        issuer: null,
      },
    };
  }
  const school = await findSchoolByCode(db, code);
  const issuer = issuerSummary(code, school, options.origin);
  const fail = (verdict: Verdict, why: Reason): Checked => ({
    organisationId: school?.id ?? null,
    result: { verdict, reasons: [why], diploma: null, issuer },
  });
  if (!school) return fail("unknown_issuer", reason("unknown_school", `no school ${code}`));
  if (school.status !== "accredited") return fail("unknown_issuer", reason("school_not_accredited"));

  const keys = await listKeys(db, school.id);
  let signer: PublishedKey | null = null;
  const verified = await verifyCredential(credential, (verificationMethod) => {
    const [did, keyRef] = verificationMethod.split("#");
    if (did !== issuerId) return null;
    const key = keys.find((k) => k.keyRef === keyRef);
    if (!key) return null;
    signer = key;
    return decodeEd25519PublicKey(key.publicKeyMultibase);
  });
  if (!verified.verified) return fail(...proofFailure(verified.reason, verified.message));
  const key = signer as PublishedKey | null;
  if (!key) return fail("unknown_issuer", reason("unknown_key"));

  const diploma = await minimalDiploma(db, credential);
  if (!diploma)
    return fail("malformed", reason("not_a_credential", "signed, but not a diploma credential of this portal"));
  const keyProblem = keyValidityProblem(key, diploma.issueDate);
  if (keyProblem)
    return { organisationId: school.id, result: { verdict: "key_not_valid", reasons: [keyProblem], diploma, issuer } };

  const status = await checkStatus(db, {
    organisationId: school.id,
    diplomaId: diploma.credentialId,
    positions: statusPositions(credential.credentialStatus, `${options.origin}/issuers/${code}/status/`),
  });
  return { organisationId: school.id, result: { ...status, diploma, issuer } };
}

function proofFailure(failure: CredentialVerificationFailure, message: string): [Verdict, Reason] {
  switch (failure) {
    case "invalid_signature":
      return ["invalid_signature", reason("signature_mismatch")];
    case "issuer_mismatch":
      return ["invalid_signature", reason("signature_mismatch", message)];
    case "unknown_key":
      return ["unknown_issuer", reason("unknown_key", message)];
    default:
      return ["malformed", reason("not_a_credential", message)];
  }
}

/** The status entries that point at this school's lists on this portal; anything else cannot be checked (null). */
function statusPositions(entries: unknown, listPrefix: string): (StatusPosition | null)[] {
  const list = Array.isArray(entries) ? entries : [entries];
  return list.map((entry): StatusPosition | null => {
    if (!isObject(entry) || typeof entry.statusListCredential !== "string" || typeof entry.statusListIndex !== "string")
      return null;
    if (!entry.statusListCredential.startsWith(listPrefix)) return null;
    const slug = parseStatusListSlug(entry.statusListCredential.slice(listPrefix.length));
    const index = /^(0|[1-9]\d{0,8})$/.test(entry.statusListIndex) ? Number(entry.statusListIndex) : NaN;
    if (!slug || slug.purpose !== (entry.statusPurpose as StatusPurpose) || Number.isNaN(index)) return null;
    return { purpose: slug.purpose, listNumber: slug.listNumber, index };
  });
}

/** The credential carries the printed label ("Khá"); a verification result carries the register's code ("kha"), as the QR code does. */
function classificationCode(label: string): string {
  const found = Object.entries(CLASSIFICATION_LABELS).find(([, printed]) => printed.vi === label);
  return found ? found[0] : label;
}

/** The minimum a verifier shows, read from the signed credential; null when it is not one of our diplomas. */
async function minimalDiploma(db: Executor, credential: Record<string, unknown>): Promise<MinimalDiploma | null> {
  const subject = credential.credentialSubject;
  if (!isObject(subject) || !isObject(subject.achievement)) return null;
  const achievement = subject.achievement;
  const id = typeof credential.id === "string" ? credential.id.replace(/^urn:uuid:/, "") : "";
  const validFrom = typeof credential.validFrom === "string" ? new Date(credential.validFrom) : null;
  const graduationDate = typeof subject.graduationDate === "string" ? subject.graduationDate : "";
  const strings = [
    subject.name,
    achievement.programmeCode,
    achievement.trainingLevel,
    subject.classification,
    credential.serialNumber,
  ];
  if (
    !isCanonicalUuid(id) ||
    !validFrom ||
    Number.isNaN(validFrom.getTime()) ||
    !/^\d{4}-/.test(graduationDate) ||
    !strings.every((s) => typeof s === "string")
  ) {
    return null;
  }
  return {
    holderName: subject.name as string,
    holderNameTruncated: false,
    programmeCode: achievement.programmeCode as string,
    programmeName: await findProgrammeName(db, achievement.programmeCode as string),
    levelCode: achievement.trainingLevel as string,
    classification: classificationCode(subject.classification as string),
    graduationYear: Number(graduationDate.slice(0, 4)),
    issueDate: vietnamDate(validFrom),
    serial: credential.serialNumber as string,
    credentialId: id,
  };
}
