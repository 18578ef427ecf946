/**
 * The eddsa-jcs-2022 cryptosuite (W3C Data Integrity EdDSA Cryptosuites v1.0, §3.3): a DataIntegrityProof over
 * JSON canonicalised with JCS (RFC 8785), so that plain JSON documents (the ministry's trust registry) can be
 * signed without JSON-LD processing. Pure: no I/O, runs in the browser too.
 *
 *   hashData   = SHA-256(JCS(proofConfig)) ‖ SHA-256(JCS(document without proof))
 *   proofValue = base58btc multibase of Ed25519(hashData)
 *
 * The proof configuration carries the document's @context when it has one (spec §3.3.1 step 2), and a verifier
 * puts the proof's @context back onto the document before hashing it (§3.3.2 step 4).
 */
import canonicalize from "canonicalize";
import { sha256 } from "@noble/hashes/sha2.js";
import { sign, verify } from "~/modules/signing/ed25519";
import { decodeBase58btc, encodeBase58btc } from "~/modules/signing/multikey";

export const JCS_CRYPTOSUITE = "eddsa-jcs-2022";

type JsonObject = Record<string, unknown>;

export interface DataIntegrityProof {
  type: "DataIntegrityProof";
  cryptosuite: typeof JCS_CRYPTOSUITE;
  created?: string;
  verificationMethod: string;
  proofPurpose: string;
  "@context"?: unknown;
  proofValue?: string;
  [extra: string]: unknown;
}

export type Secured<T extends JsonObject> = T & { proof: DataIntegrityProof };

/** RFC 8785 canonical JSON. Throws for what JSON cannot carry (NaN, Infinity, a top-level undefined). */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new TypeError("cannot canonicalise undefined");
  return text;
}

const utf8 = (text: string) => new TextEncoder().encode(text);

/** SHA-256(canonical proof configuration) ‖ SHA-256(canonical document): the 64 bytes that are signed. */
export function jcsHashData(document: JsonObject, proofConfig: JsonObject): Uint8Array {
  const proofHash = sha256(utf8(canonicalJson(proofConfig)));
  const documentHash = sha256(utf8(canonicalJson(document)));
  const out = new Uint8Array(proofHash.length + documentHash.length);
  out.set(proofHash, 0);
  out.set(documentHash, proofHash.length);
  return out;
}

const XSD_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

export interface CreateJcsProofOptions {
  verificationMethod: string;
  privateKey: Uint8Array;
  /** An XML Schema dateTime, e.g. "2023-02-24T23:36:38Z". Omitted when not given. */
  created?: string;
  proofPurpose?: string;
}

/** The proof configuration (§3.3.5): the options, with the document's @context when it has one. */
export function jcsProofConfig(
  document: JsonObject,
  options: Omit<CreateJcsProofOptions, "privateKey">,
): DataIntegrityProof {
  if (options.created !== undefined && !XSD_DATE_TIME.test(options.created)) {
    throw new TypeError(`created must be an XML Schema dateTime: ${options.created}`);
  }
  const config: DataIntegrityProof = {
    type: "DataIntegrityProof",
    cryptosuite: JCS_CRYPTOSUITE,
    ...(options.created !== undefined ? { created: options.created } : {}),
    verificationMethod: options.verificationMethod,
    proofPurpose: options.proofPurpose ?? "assertionMethod",
  };
  if (document["@context"] !== undefined) config["@context"] = document["@context"];
  return config;
}

/** Signs `document` (which must not carry a proof yet) and returns it with its proof. */
export function createJcsProof<T extends JsonObject>(document: T, options: CreateJcsProofOptions): Secured<T> {
  if ("proof" in document) throw new TypeError("the document already has a proof");
  const config = jcsProofConfig(document, options);
  const signature = sign(jcsHashData(document, config), options.privateKey);
  return { ...document, proof: { ...config, proofValue: encodeBase58btc(signature) } };
}

export type JcsVerification =
  | { verified: true; verificationMethod: string; proofPurpose: string; created: string | null }
  | {
      verified: false;
      reason:
        | "no_proof"
        | "wrong_cryptosuite"
        | "context_mismatch"
        | "unknown_key"
        | "malformed_proof_value"
        | "bad_signature";
    };

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [value];
}

/**
 * Verifies a document's eddsa-jcs-2022 proof. `publicKeyFor` resolves the proof's verificationMethod to a raw
 * 32-byte Ed25519 public key (null when the verifier does not trust that key). Never throws on bad input.
 */
export function verifyJcsProof(
  securedDocument: unknown,
  publicKeyFor: (verificationMethod: string) => Uint8Array | null,
): JcsVerification {
  if (!isObject(securedDocument) || !isObject(securedDocument.proof)) return { verified: false, reason: "no_proof" };
  const { proof, ...unsecured } = securedDocument;
  const { proofValue, ...proofOptions } = proof as JsonObject;
  if (proofOptions.type !== "DataIntegrityProof" || proofOptions.cryptosuite !== JCS_CRYPTOSUITE) {
    return { verified: false, reason: "wrong_cryptosuite" };
  }
  if (typeof proofOptions.verificationMethod !== "string" || typeof proofOptions.proofPurpose !== "string") {
    return { verified: false, reason: "no_proof" };
  }
  if (proofOptions["@context"] !== undefined) {
    // The document's @context must start with the proof's, in the same order (§3.3.2 step 3).
    const proofContext = asArray(proofOptions["@context"]);
    const documentContext = unsecured["@context"] === undefined ? [] : asArray(unsecured["@context"]);
    const prefixMatches = proofContext.every(
      (entry, i) => i < documentContext.length && canonicalJson(entry) === canonicalJson(documentContext[i]),
    );
    if (!prefixMatches) return { verified: false, reason: "context_mismatch" };
    unsecured["@context"] = proofOptions["@context"];
  }
  const signature = typeof proofValue === "string" ? decodeBase58btc(proofValue) : null;
  if (!signature || signature.length !== 64) return { verified: false, reason: "malformed_proof_value" };
  const publicKey = publicKeyFor(proofOptions.verificationMethod);
  if (!publicKey) return { verified: false, reason: "unknown_key" };
  let hashData: Uint8Array;
  try {
    hashData = jcsHashData(unsecured, proofOptions);
  } catch {
    return { verified: false, reason: "bad_signature" };
  }
  if (!verify(signature, hashData, publicKey)) return { verified: false, reason: "bad_signature" };
  return {
    verified: true,
    verificationMethod: proofOptions.verificationMethod,
    proofPurpose: proofOptions.proofPurpose,
    created: typeof proofOptions.created === "string" ? proofOptions.created : null,
  };
}
