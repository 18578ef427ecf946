/**
 * The jsonld-free half of eddsa-rdfc-2022: the proof's constants, hashing, and writing canonical N-Quads directly
 * for documents of a fixed shape (diplomas: diploma-canonical.ts; status lists: status/status-list-canonical.ts).
 * Pure and small, so the browser can check a status list's proof without bundling jsonld.js (eddsa-rdfc-2022.ts,
 * the generic pipeline, imports jsonld and is for the server).
 */
import { sha256 } from "@noble/hashes/sha2.js";
import { utf8ToBytes } from "@noble/hashes/utils.js";
import { encodeBase58btc } from "~/modules/signing/multikey";
import type { CredentialSigner } from "./signer";

export const DATA_INTEGRITY_PROOF = "DataIntegrityProof";
export const EDDSA_RDFC_2022 = "eddsa-rdfc-2022";
export const ASSERTION_METHOD = "assertionMethod";

/** The proof's options: everything in a proof but its value. */
export type ProofOptions = {
  type: typeof DATA_INTEGRITY_PROOF;
  cryptosuite: typeof EDDSA_RDFC_2022;
  created: string;
  verificationMethod: string;
  proofPurpose: string;
};

export type DataIntegrityProof = ProofOptions & { proofValue: string };

/** xsd:dateTimeStamp: a date-time with a time zone, as Data Integrity requires for `created`. */
const DATE_TIME_STAMP =
  /^-?\d{4,}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?(Z|[+-]((0\d|1[0-3]):[0-5]\d|14:00))$/;

export function isDateTimeStamp(value: string): boolean {
  return DATE_TIME_STAMP.test(value);
}

/** SHA-256 of a text's UTF-8 bytes. */
export type TextSha256 = (text: string) => Uint8Array;
const nobleTextSha256: TextSha256 = (text) => sha256(utf8ToBytes(text));

/**
 * SHA-256(canonical proof config) ‖ SHA-256(canonical document): the 64 bytes that are signed. `textSha256`: @noble's
 * by default (it runs in the browser); the server's signing threads pass Node's (OpenSSL), several times faster.
 */
export function hashData(
  canonicalProofConfig: string,
  canonicalDocument: string,
  textSha256: TextSha256 = nobleTextSha256,
): Uint8Array {
  const out = new Uint8Array(64);
  out.set(textSha256(canonicalProofConfig), 0);
  out.set(textSha256(canonicalDocument), 32);
  return out;
}

/**
 * Signs the canonical forms and returns the proofValue (base58btc multibase of the 64-byte signature), hashing with
 * the signer's SHA-256 when it has one. Here, not in eddsa-rdfc-2022.ts, so that the fast path (and the signing
 * worker) does not load jsonld.js.
 */
export async function proofValueFor(
  canonicalProofConfig: string,
  canonicalDocument: string,
  signer: CredentialSigner,
): Promise<string> {
  return encodeBase58btc(await signer.sign(hashData(canonicalProofConfig, canonicalDocument, signer.textSha256)));
}

export const RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
export const XSD = "http://www.w3.org/2001/XMLSchema#";
export const CRED = "https://www.w3.org/2018/credentials#";
export const STATUS = "https://www.w3.org/ns/credentials/status#";
export const SEC = "https://w3id.org/security#";

const LITERAL_ESCAPES: Record<string, string> = {
  "\b": "\\b",
  "\t": "\\t",
  "\n": "\\n",
  "\f": "\\f",
  "\r": "\\r",
  '"': '\\"',
  "\\": "\\\\",
};
// eslint-disable-next-line no-control-regex -- N-Quads escapes exactly these control characters.
const NEEDS_ESCAPE = /[\u0000-\u001F\u007F"\\]/g;

/** A string literal's lexical form in canonical N-Quads. */
export function escapeNQuadsLiteral(value: string): string {
  return value.replace(
    NEEDS_ESCAPE,
    (c) => LITERAL_ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`,
  );
}

export const iri = (value: string) => `<${value}>`;
export const text = (value: string) => `"${escapeNQuadsLiteral(value)}"`;
export const typed = (value: string, datatype: string) => `"${escapeNQuadsLiteral(value)}"^^<${datatype}>`;

/** Sorted canonical N-Quads, one per line, each ending in a newline. */
export function nquads(
  statements: ReadonlyArray<readonly [subject: string, predicate: string, object: string]>,
): string {
  const lines = statements.map(([s, p, o]) => `${s} <${p}> ${o} .\n`);
  lines.sort();
  return lines.join("");
}

/** An absolute IRI (or DID URL) that needs no escaping in N-Quads and that JSON-LD keeps as is. */
export const SAFE_IRI = /^[A-Za-z][A-Za-z0-9+.-]*:[!#-;=?-[\]_a-z~]+$/;

/**
 * The canonical N-Quads of an issuer's eddsa-rdfc-2022 proof configuration under the credentials v2 context (its
 * DataIntegrityProof terms are protected, so they expand the same under every context list that starts with it).
 */
export function canonicalProofConfigNQuads(options: ProofOptions): string {
  if (options.type !== DATA_INTEGRITY_PROOF || options.cryptosuite !== EDDSA_RDFC_2022)
    throw new Error("not an eddsa-rdfc-2022 proof");
  if (!isDateTimeStamp(options.created)) throw new Error(`created is not an xsd:dateTimeStamp: ${options.created}`);
  if (!SAFE_IRI.test(options.verificationMethod))
    throw new Error(`not an acceptable verification method: ${options.verificationMethod}`);
  // An issuer's signature: the one proof purpose this path writes.
  if (options.proofPurpose !== ASSERTION_METHOD) throw new Error(`unsupported proof purpose: ${options.proofPurpose}`);
  const proof = "_:c14n0";
  return nquads([
    [proof, RDF_TYPE, iri(`${SEC}DataIntegrityProof`)],
    [proof, "http://purl.org/dc/terms/created", typed(options.created, `${XSD}dateTime`)],
    [proof, `${SEC}cryptosuite`, typed(EDDSA_RDFC_2022, `${SEC}cryptosuiteString`)],
    [proof, `${SEC}proofPurpose`, iri(`${SEC}assertionMethod`)],
    [proof, `${SEC}verificationMethod`, iri(options.verificationMethod)],
  ]);
}
