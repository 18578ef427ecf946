/**
 * The two ways to sign a diploma, side by side, for the issuance benchmark: the generic pipeline (build the JSON,
 * JSON-LD expansion and RDFC-1.0 canonicalisation by jsonld.js, sign) and the fast path (canonical N-Quads written
 * directly, sign). Both return the same signed credential, byte for byte.
 */
import { canonicalDiplomaNQuads, signDiplomaCredential, type SignedDiplomaCredential } from "./diploma-canonical";
import { buildDiplomaCredential, type DiplomaCredentialInput } from "./diploma-credential";
import { createProof } from "./eddsa-rdfc-2022";
import { nobleSigner, type CredentialSigner } from "./signer";

/** A raw key (signed with @noble/ed25519) or any signer, e.g. nodeSigner on the server. */
export type BenchmarkKey = CredentialSigner | { privateKey: Uint8Array; verificationMethod: string };

const signerOf = (key: BenchmarkKey): CredentialSigner =>
  "sign" in key ? key : nobleSigner(key.privateKey, key.verificationMethod);

/** Now, to the second, as an xsd:dateTimeStamp. */
const now = () => `${new Date().toISOString().slice(0, 19)}Z`;

export async function signGeneric(
  input: DiplomaCredentialInput,
  key: BenchmarkKey,
  created: string = now(),
): Promise<SignedDiplomaCredential> {
  return createProof(buildDiplomaCredential(input), { signer: signerOf(key), created });
}

export async function signFast(
  input: DiplomaCredentialInput,
  key: BenchmarkKey,
  created: string = now(),
): Promise<SignedDiplomaCredential> {
  return signDiplomaCredential(input, signerOf(key), { created });
}

/**
 * The generic pipeline with the canonical N-Quads the issuance log hashes: the issuance benchmark's baseline, passed
 * to signBatch as its signCredential hook.
 */
export async function signGenericWithCanonicalForm(
  input: DiplomaCredentialInput,
  signer: CredentialSigner,
  options: { created: string },
): Promise<{ credential: SignedDiplomaCredential; canonicalDocument: string }> {
  return {
    credential: await signGeneric(input, signer, options.created),
    canonicalDocument: canonicalDiplomaNQuads(input),
  };
}
