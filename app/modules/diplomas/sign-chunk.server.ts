/**
 * The CPU work of signing a batch, for a slice of its diplomas: the credential's canonical N-Quads, its
 * eddsa-rdfc-2022 proof (two SHA-256 and an Ed25519 signature), the credential JSON, the issuance log's leaf
 * (SHA-256 of the canonical N-Quads) and the signed QR payload. No I/O and no shared state: it runs in a signing
 * worker thread (sign-worker.ts, through sign-pool.server.ts) so that the request thread keeps answering while a
 * batch signs, and in this thread where a caller passes its own credential pipeline (the issuance benchmark's
 * generic baseline). Both give the same bytes (Ed25519 is deterministic; tests/integration/sign-pool.test.ts).
 */
import { createHash } from "node:crypto";
import {
  signDiplomaCredentialWithCanonicalForm,
  type SignedDiplomaCredential,
} from "~/modules/credentials/diploma-canonical";
import type { DiplomaCredentialInput } from "~/modules/credentials/diploma-credential";
import type { CredentialSigner } from "~/modules/credentials/signer";
import { encodeQrPayload, type QrPayloadInput } from "~/modules/qr/payload";
import { nodePrivateKey, signWithNode } from "~/modules/signing/ed25519-node.server";

/** Signs one diploma credential and gives its canonical N-Quads (the issuance log's leaf is their hash). */
export type SignCredential = (
  input: DiplomaCredentialInput,
  signer: CredentialSigner,
  options: { created: string },
) => Promise<{ credential: SignedDiplomaCredential; canonicalDocument: string }>;

/** One diploma to sign: its credential and its QR payload, both fully decided by the batch (numbers, positions). */
export interface ChunkItem {
  credential: DiplomaCredentialInput;
  qr: QrPayloadInput;
}

export interface SignChunkTask {
  /**
   * The school's raw 32-byte Ed25519 private key, a copy made for this task. The pool transfers its buffer to the
   * worker (it is not copied again, and no longer readable by the sender); signChunk zeroes it once the key is
   * imported. Never log a task.
   */
  privateKey: Uint8Array;
  verificationMethod: string;
  /** The proofs' `created`, one for the whole batch. */
  created: string;
  /** The portal's public origin: the QR payload's URL. */
  baseUrl: string;
  items: ChunkItem[];
}

export interface SignedItem {
  /** The signed credential as JSON text (what the diplomas.credential jsonb column receives). */
  credentialJson: string;
  /** Hex SHA-256 of the credential's canonical N-Quads: the issuance log's leaf. */
  credentialHash: string;
  qrPayload: string;
}

const textSha256 = (text: string) => new Uint8Array(createHash("sha256").update(text, "utf8").digest());

/** Signs every item of the task, in order. The key buffer is zeroed before this returns, whatever happens. */
export async function signChunk(
  task: SignChunkTask,
  signCredential: SignCredential = signDiplomaCredentialWithCanonicalForm,
): Promise<SignedItem[]> {
  let key;
  try {
    key = nodePrivateKey(task.privateKey);
  } finally {
    task.privateKey.fill(0);
  }
  const sign = (message: Uint8Array) => signWithNode(message, key);
  const signer: CredentialSigner = { verificationMethod: task.verificationMethod, sign, textSha256 };
  const out: SignedItem[] = [];
  for (const item of task.items) {
    const { credential, canonicalDocument } = await signCredential(item.credential, signer, { created: task.created });
    out.push({
      credentialJson: JSON.stringify(credential),
      credentialHash: createHash("sha256").update(canonicalDocument, "utf8").digest("hex"),
      qrPayload: encodeQrPayload(item.qr, sign, { baseUrl: task.baseUrl }),
    });
  }
  return out;
}
