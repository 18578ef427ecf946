/**
 * Data Integrity proofs with the eddsa-rdfc-2022 cryptosuite (W3C Data Integrity EdDSA Cryptosuites v1.0, §3.3):
 *   transformation  RDFC-1.0 canonical N-Quads of the document (JSON-LD → RDF with the bundled contexts, safe mode)
 *   proof config    the proof's options plus the document's @context, canonicalised the same way
 *   hashing         SHA-256(canonical proof config) ‖ SHA-256(canonical document), 64 bytes
 *   signature       Ed25519 over those 64 bytes; proofValue = base58btc multibase ("z…") of the signature
 * This is the generic pipeline: it works for any JSON-LD document whose contexts are bundled. Diplomas are signed
 * by a faster path (diploma-canonical.ts) that produces the same bytes.
 */
import jsonld from "jsonld";
import { verify } from "~/modules/signing/ed25519";
import { decodeBase58btc } from "~/modules/signing/multikey";
import { documentLoader as bundledDocumentLoader, UnknownContextError, type DocumentLoader } from "./document-loader";
import { nobleSigner, type CredentialSigner } from "./signer";
import {
  ASSERTION_METHOD,
  DATA_INTEGRITY_PROOF,
  EDDSA_RDFC_2022,
  hashData,
  isDateTimeStamp,
  proofValueFor,
  type DataIntegrityProof,
  type ProofOptions,
} from "./rdfc-nquads";

export {
  ASSERTION_METHOD,
  DATA_INTEGRITY_PROOF,
  EDDSA_RDFC_2022,
  hashData,
  isDateTimeStamp,
  proofValueFor,
  type DataIntegrityProof,
  type ProofOptions,
} from "./rdfc-nquads";

export type JsonObject = { [key: string]: unknown };

export type SignedDocument<T extends object> = T & { proof: DataIntegrityProof };

/** RDFC-1.0 canonical N-Quads of a JSON-LD document; throws on an unbundled context or what safe mode refuses. */
export async function canonicalizeJsonLd(
  document: object,
  documentLoader: DocumentLoader = bundledDocumentLoader,
): Promise<string> {
  // jsonld's bundled types predate `safe` and typed loaders: the options are those of jsonld.canonize in jsonld@9.
  const options = {
    algorithm: "RDFC-1.0",
    format: "application/n-quads",
    documentLoader,
    safe: true,
  } as unknown as Parameters<typeof jsonld.canonize>[1];
  return jsonld.canonize(document as Parameters<typeof jsonld.canonize>[0], options);
}

/** The proof configuration that is canonicalised and hashed: the proof's options with the document's @context. */
export function proofConfigFor(document: object, options: ProofOptions): ProofOptions & { "@context": unknown } {
  return { ...options, "@context": (document as JsonObject)["@context"] };
}

export interface CreateProofCommon {
  /** When the proof was made, an xsd:dateTimeStamp such as "2025-06-30T09:15:00Z". */
  created: string;
  /** Defaults to assertionMethod, the purpose of an issuer's signature. */
  proofPurpose?: string;
  documentLoader?: DocumentLoader;
}

export type CreateProofOptions = CreateProofCommon &
  ({ privateKey: Uint8Array; verificationMethod: string } | { signer: CredentialSigner });

/**
 * Adds an eddsa-rdfc-2022 proof to a document. Throws (a bug in the caller) when the document already has a proof,
 * `created` is not a date-time with a time zone, or the document does not canonicalise.
 */
export async function createProof<T extends object>(
  unsignedDocument: T,
  options: CreateProofOptions,
): Promise<SignedDocument<T>> {
  if ("proof" in unsignedDocument)
    throw new Error("createProof: the document already has a proof (proof sets are not supported)");
  if (!isDateTimeStamp(options.created))
    throw new Error(`createProof: created is not an xsd:dateTimeStamp: ${options.created}`);
  const signer = "signer" in options ? options.signer : nobleSigner(options.privateKey, options.verificationMethod);
  const proofOptions: ProofOptions = {
    type: DATA_INTEGRITY_PROOF,
    cryptosuite: EDDSA_RDFC_2022,
    created: options.created,
    verificationMethod: signer.verificationMethod,
    proofPurpose: options.proofPurpose ?? ASSERTION_METHOD,
  };
  const loader = options.documentLoader ?? bundledDocumentLoader;
  const [canonicalDocument, canonicalProofConfig] = await Promise.all([
    canonicalizeJsonLd(unsignedDocument, loader),
    canonicalizeJsonLd(proofConfigFor(unsignedDocument, proofOptions), loader),
  ]);
  const proofValue = await proofValueFor(canonicalProofConfig, canonicalDocument, signer);
  return { ...unsignedDocument, proof: { ...proofOptions, proofValue } };
}

export type ProofVerificationFailure =
  /** Not a JSON object; no proof, several proofs, or a proof field missing or of the wrong kind. */
  | "malformed"
  /** A proof of another type or cryptosuite. */
  | "unsupported_cryptosuite"
  /** A proof made for another purpose than the one expected (assertionMethod for credentials). */
  | "wrong_proof_purpose"
  /** The resolver does not know the verification method (or does not trust it for this purpose). */
  | "unknown_key"
  /** The document or the proof names a JSON-LD context that is not bundled. */
  | "unknown_context"
  /** JSON-LD that safe mode refuses: a term that no context defines, a relative IRI, a poisoned graph… */
  | "invalid_jsonld"
  /** Everything is well-formed, and the signature does not match. */
  | "invalid_signature";

export type ProofVerificationResult =
  | { verified: true; verificationMethod: string; proofPurpose: string; created: string | null }
  | { verified: false; reason: ProofVerificationFailure; message: string };

/**
 * Returns the Ed25519 public key (32 bytes) of a verification method, or null when it is unknown or not to be used.
 * It is the resolver's job to check that the key's controller authorises it for the proof's purpose.
 */
export type PublicKeyResolver = (verificationMethod: string) => Uint8Array | null | Promise<Uint8Array | null>;

export interface VerifyProofOptions {
  /** The only proof purpose accepted; assertionMethod by default. */
  expectedProofPurpose?: string;
  documentLoader?: DocumentLoader;
}

function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function failure(reason: ProofVerificationFailure, message: string): ProofVerificationResult {
  return { verified: false, reason, message };
}

/** jsonld.js wraps a loader's error as `details.cause` and reports safe-mode refusals as `details.event.code`. */
function jsonLdFailure(error: unknown, what: string): ProofVerificationResult {
  const details = isJsonObject(error) && isJsonObject(error.details) ? error.details : {};
  const unknownContext =
    error instanceof UnknownContextError ? error : details.cause instanceof UnknownContextError ? details.cause : null;
  if (unknownContext) return failure("unknown_context", `${what}: ${unknownContext.message}`);
  const event = isJsonObject(details.event) ? details.event : {};
  const code = typeof event.code === "string" ? ` (${event.code})` : "";
  return failure("invalid_jsonld", `${what}: ${error instanceof Error ? error.message : String(error)}${code}`);
}

function startsWith(whole: unknown, prefix: unknown): boolean {
  const w = Array.isArray(whole) ? whole : [whole];
  const p = Array.isArray(prefix) ? prefix : [prefix];
  return p.length <= w.length && p.every((item, i) => JSON.stringify(item) === JSON.stringify(w[i]));
}

/**
 * Verifies a document's eddsa-rdfc-2022 proof (§3.3.2). Never throws on bad input: every way a document can fail
 * is a typed result. (An exception from the resolver, such as a database error, is not bad input and propagates.)
 */
export async function verifyProof(
  signedDocument: unknown,
  resolvePublicKey: PublicKeyResolver,
  options: VerifyProofOptions = {},
): Promise<ProofVerificationResult> {
  if (!isJsonObject(signedDocument)) return failure("malformed", "the document is not a JSON object");
  const { proof, ...unsecuredDocument } = signedDocument;
  if (Array.isArray(proof)) return failure("malformed", "several proofs (proof sets) are not supported");
  if (!isJsonObject(proof)) return failure("malformed", "the document has no proof");
  const { proofValue, ...proofOptions } = proof;
  if (typeof proof.type !== "string" || typeof proof.cryptosuite !== "string")
    return failure("malformed", "the proof has no type or cryptosuite");
  if (proof.type !== DATA_INTEGRITY_PROOF || proof.cryptosuite !== EDDSA_RDFC_2022) {
    return failure("unsupported_cryptosuite", `unsupported proof ${proof.type}/${proof.cryptosuite}`);
  }
  const { verificationMethod, proofPurpose, created } = proof;
  if (typeof verificationMethod !== "string" || verificationMethod === "")
    return failure("malformed", "the proof has no verificationMethod");
  if (typeof proofPurpose !== "string") return failure("malformed", "the proof has no proofPurpose");
  if (created !== undefined && (typeof created !== "string" || !isDateTimeStamp(created))) {
    return failure("malformed", "the proof's created is not an xsd:dateTimeStamp");
  }
  if (typeof proofValue !== "string") return failure("malformed", "the proof has no proofValue");
  const signature = decodeBase58btc(proofValue);
  if (!signature || signature.length !== 64)
    return failure("malformed", "the proofValue is not a base58btc-encoded 64-byte signature");
  const expectedProofPurpose = options.expectedProofPurpose ?? ASSERTION_METHOD;
  if (proofPurpose !== expectedProofPurpose)
    return failure("wrong_proof_purpose", `proof purpose ${proofPurpose}, expected ${expectedProofPurpose}`);

  // §3.3.2 step 4: a proof that carries its own @context must carry a prefix of the document's, and is checked
  // against the document under that context.
  if ("@context" in proofOptions) {
    if (!startsWith(unsecuredDocument["@context"], proofOptions["@context"])) {
      return failure("malformed", "the proof's @context is not a prefix of the document's");
    }
    unsecuredDocument["@context"] = proofOptions["@context"];
  }

  const publicKey = await resolvePublicKey(verificationMethod);
  if (!publicKey) return failure("unknown_key", `unknown verification method ${verificationMethod}`);

  const loader = options.documentLoader ?? bundledDocumentLoader;
  let canonicalDocument: string;
  let canonicalProofConfig: string;
  try {
    canonicalDocument = await canonicalizeJsonLd(unsecuredDocument, loader);
  } catch (error) {
    return jsonLdFailure(error, "the document does not canonicalise");
  }
  try {
    canonicalProofConfig = await canonicalizeJsonLd(
      { ...proofOptions, "@context": unsecuredDocument["@context"] },
      loader,
    );
  } catch (error) {
    return jsonLdFailure(error, "the proof does not canonicalise");
  }

  if (!verify(signature, hashData(canonicalProofConfig, canonicalDocument), publicKey)) {
    return failure("invalid_signature", "the signature does not match the document");
  }
  return { verified: true, verificationMethod, proofPurpose, created: created ?? null };
}
