import { createHash } from "node:crypto";
import { desc, eq } from "drizzle-orm";
import { issuanceLog } from "../../../db/schema";
import type { Executor } from "~/lib/db.server";
import { entryHash, GENESIS_HASH, headMessage, merkleRoot } from "./hash-chain";

export const sha256 = (data: Uint8Array) => new Uint8Array(createHash("sha256").update(data).digest());

/**
 * Appends an entry to the school's chain, with its leaves' Merkle root, and signs the new head with the school's
 * key. Call inside the transaction of the change it records, after locking the school's organisation row, so
 * that entries of one school are appended one at a time.
 */
export async function appendLogEntry(
  tx: Executor,
  options: {
    organisationId: string;
    schoolCode: string;
    kind: "batch" | "revoke" | "suspend" | "reinstate" | "correct";
    batchId?: string | null;
    leaves: string[];
    signingKeyId: string;
    signHead: (message: Uint8Array) => Uint8Array;
    now?: Date;
  },
): Promise<{ seq: number; entryHash: string }> {
  const [last] = await tx
    .select({ seq: issuanceLog.seq, entryHash: issuanceLog.entryHash })
    .from(issuanceLog)
    .where(eq(issuanceLog.organisationId, options.organisationId))
    .orderBy(desc(issuanceLog.seq))
    .limit(1);
  const content = {
    schoolCode: options.schoolCode,
    seq: (last?.seq ?? 0) + 1,
    kind: options.kind,
    leafCount: options.leaves.length,
    merkleRoot: merkleRoot(options.leaves, sha256),
    prevHash: last?.entryHash ?? GENESIS_HASH,
    createdAt: (options.now ?? new Date()).toISOString(),
  };
  const hash = entryHash(content, sha256);
  const signature = options.signHead(headMessage(options.schoolCode, content.seq, hash));
  await tx.insert(issuanceLog).values({
    organisationId: options.organisationId,
    seq: content.seq,
    kind: content.kind,
    batchId: options.batchId ?? null,
    leafCount: content.leafCount,
    merkleRoot: content.merkleRoot,
    prevHash: content.prevHash,
    entryHash: hash,
    signingKeyId: options.signingKeyId,
    headSignature: Buffer.from(signature).toString("base64url"),
    createdAt: new Date(content.createdAt),
  });
  return { seq: content.seq, entryHash: hash };
}
