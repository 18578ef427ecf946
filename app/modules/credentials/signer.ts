/**
 * Who signs a credential: the verification method (the DID URL of the public key) and a function that signs bytes
 * with the matching Ed25519 private key. The server's hot path passes Node's built-in Ed25519
 * (`nodeSigner`, node-signer.server.ts); anything else, including the browser, uses @noble/ed25519.
 * Both give byte-identical signatures (Ed25519 is deterministic).
 */
import { sign } from "~/modules/signing/ed25519";

export interface CredentialSigner {
  /** The DID URL of the key, e.g. did:web:vanbang.gov.vn:issuers:CDCNHN#key-1. */
  readonly verificationMethod: string;
  sign(message: Uint8Array): Uint8Array | Promise<Uint8Array>;
  /** SHA-256 of a text's UTF-8 bytes, when the signer has a faster one than @noble/hashes (Node's, on the server). */
  readonly textSha256?: (text: string) => Uint8Array;
}

export function nobleSigner(privateKey: Uint8Array, verificationMethod: string): CredentialSigner {
  return { verificationMethod, sign: (message) => sign(message, privateKey) };
}
