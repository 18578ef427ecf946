/**
 * Checks a school's published status list (a BitstringStatusListCredential signed with eddsa-rdfc-2022) without
 * jsonld.js, so that the verify page can do it in the visitor's browser. Pure.
 *
 * Only the exact shape the portal publishes (status-list-credential.ts) is accepted; for it the canonical
 * N-Quads are written directly, as the diploma fast path does (rdfc-nquads.ts):
 * - every node has an IRI (the credential and its subject `…#list`), so there are no blank nodes to label;
 * - each term expands through the credentials v2 context to the IRIs below; `encodedList` is typed
 *   sec:multibase, `ttl` xsd:integer, `validFrom` xsd:dateTime, `statusPurpose` a plain string;
 * - the values checked below need no escaping, and the lines are sorted.
 * tests/unit/check-status-list.test.ts keeps it byte-equal to the generic pipeline. Anything else (another
 * context, an extra property, a proof set) is refused as "unsupported": the caller says status_unknown.
 */
import {
  ASSERTION_METHOD,
  CRED,
  DATA_INTEGRITY_PROOF,
  EDDSA_RDFC_2022,
  RDF_TYPE,
  SAFE_IRI,
  SEC,
  STATUS,
  XSD,
  canonicalProofConfigNQuads,
  hashData,
  iri,
  isDateTimeStamp,
  nquads,
  text,
  typed,
  type ProofOptions,
} from "~/modules/credentials/rdfc-nquads";
import { verify } from "~/modules/signing/ed25519";
import { decodeBase58btc } from "~/modules/signing/multikey";
import type { StatusListCredential } from "./status-list-credential";

/** Not imported from document-loader.ts, which would bring every bundled context into the browser. */
const CREDENTIALS_V2_CONTEXT_URL = "https://www.w3.org/ns/credentials/v2";

export type StatusPurposeName = "revocation" | "suspension";

/** The canonical N-Quads of a status list credential of the portal's shape (checked by the caller). */
export function canonicalStatusListNQuads(list: StatusListCredential): string {
  const credential = iri(list.id);
  const subject = iri(list.credentialSubject.id);
  return nquads([
    [credential, RDF_TYPE, iri(`${CRED}VerifiableCredential`)],
    [credential, RDF_TYPE, iri(`${STATUS}BitstringStatusListCredential`)],
    [credential, `${CRED}issuer`, iri(list.issuer)],
    [credential, `${CRED}validFrom`, typed(list.validFrom, `${XSD}dateTime`)],
    [credential, `${CRED}credentialSubject`, subject],
    [subject, RDF_TYPE, iri(`${STATUS}BitstringStatusList`)],
    [subject, `${STATUS}statusPurpose`, text(list.credentialSubject.statusPurpose)],
    [subject, `${STATUS}encodedList`, typed(list.credentialSubject.encodedList, `${SEC}multibase`)],
    [subject, `${STATUS}ttl`, typed(String(list.credentialSubject.ttl), `${XSD}integer`)],
  ]);
}

/** A key of the school as the (verified) trust registry lists it. */
export interface ListedKey {
  id: string;
  publicKey: Uint8Array;
  retiredAt: string | null;
  compromisedFrom: string | null;
}

export interface ExpectedStatusList {
  /** The list's URL, which must be the credential's id: {origin}/issuers/{code}/status/{purpose}-{n}. */
  url: string;
  purpose: StatusPurposeName;
  /** The school's DID, which must be the issuer, and its keys from the trust registry. */
  issuer: string;
  keys: readonly ListedKey[];
}

export type StatusListCheck =
  | { ok: true; encodedList: string; validFrom: string; created: string }
  /** unsupported: not the shape we publish; wrong_list: another list, issuer or purpose; unknown_key: not a
   * key of the school, or one retired or compromised when the list was signed; bad_signature: tampered. */
  | { ok: false; reason: "unsupported" | "wrong_list" | "unknown_key" | "bad_signature" };

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const hasExactly = (o: Json, keys: readonly string[]) =>
  Object.keys(o).length === keys.length && keys.every((k) => k in o);
const sameArray = (v: unknown, expected: readonly string[]) =>
  Array.isArray(v) && v.length === expected.length && v.every((x, i) => x === expected[i]);

const LIST_KEYS = ["@context", "id", "type", "issuer", "validFrom", "credentialSubject", "proof"] as const;
const SUBJECT_KEYS = ["id", "type", "statusPurpose", "encodedList", "ttl"] as const;
const PROOF_KEYS = ["type", "cryptosuite", "created", "verificationMethod", "proofPurpose", "proofValue"] as const;
const XSD_DATE_TIME_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const ENCODED_LIST = /^u[A-Za-z0-9_-]+$/;

/** Verifies a fetched status list credential against what the diploma's QR code and the registry expect. */
export function checkStatusListCredential(document: unknown, expected: ExpectedStatusList): StatusListCheck {
  if (!isObject(document) || !hasExactly(document, LIST_KEYS)) return { ok: false, reason: "unsupported" };
  const { credentialSubject: subject, proof } = document;
  if (!isObject(subject) || !hasExactly(subject, SUBJECT_KEYS) || !isObject(proof) || !hasExactly(proof, PROOF_KEYS)) {
    return { ok: false, reason: "unsupported" };
  }
  if (
    !sameArray(document["@context"], [CREDENTIALS_V2_CONTEXT_URL]) ||
    !sameArray(document.type, ["VerifiableCredential", "BitstringStatusListCredential"]) ||
    subject.type !== "BitstringStatusList" ||
    typeof document.id !== "string" ||
    typeof document.issuer !== "string" ||
    typeof document.validFrom !== "string" ||
    !XSD_DATE_TIME_UTC.test(document.validFrom) ||
    typeof subject.encodedList !== "string" ||
    !ENCODED_LIST.test(subject.encodedList) ||
    typeof subject.ttl !== "number" ||
    !Number.isSafeInteger(subject.ttl) ||
    subject.ttl < 0
  ) {
    return { ok: false, reason: "unsupported" };
  }
  if (
    document.id !== expected.url ||
    subject.id !== `${expected.url}#list` ||
    document.issuer !== expected.issuer ||
    subject.statusPurpose !== expected.purpose
  ) {
    return { ok: false, reason: "wrong_list" };
  }
  if (!SAFE_IRI.test(expected.url) || !SAFE_IRI.test(expected.issuer)) return { ok: false, reason: "unsupported" };

  const { proofValue, ...options } = proof;
  if (
    options.type !== DATA_INTEGRITY_PROOF ||
    options.cryptosuite !== EDDSA_RDFC_2022 ||
    options.proofPurpose !== ASSERTION_METHOD ||
    typeof options.created !== "string" ||
    !isDateTimeStamp(options.created) ||
    typeof options.verificationMethod !== "string" ||
    !SAFE_IRI.test(options.verificationMethod) ||
    typeof proofValue !== "string"
  ) {
    return { ok: false, reason: "unsupported" };
  }
  const signature = decodeBase58btc(proofValue);
  if (!signature || signature.length !== 64) return { ok: false, reason: "unsupported" };

  // A list is signed with the school's key in use at the time (the active one): never a compromised key, nor one
  // already retired when the list was signed.
  const created = Date.parse(options.created);
  const key = expected.keys.find((k) => k.id === options.verificationMethod);
  if (!key || key.compromisedFrom !== null || (key.retiredAt !== null && Date.parse(key.retiredAt) <= created)) {
    return { ok: false, reason: "unknown_key" };
  }

  const list = document as unknown as StatusListCredential;
  const message = hashData(canonicalProofConfigNQuads(options as ProofOptions), canonicalStatusListNQuads(list));
  if (!verify(signature, message, key.publicKey)) return { ok: false, reason: "bad_signature" };
  return {
    ok: true,
    encodedList: list.credentialSubject.encodedList,
    validFrom: list.validFrom,
    created: options.created,
  };
}
