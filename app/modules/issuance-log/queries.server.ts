import { and, asc, eq, isNotNull, ne } from "drizzle-orm";
import { diplomas, issuanceLog, signingKeys } from "../../../db/schema";
import type { Executor } from "~/lib/db.server";
import type { LogEntryRow } from "./log-document";

/** Reads of the published log. (Appending lives in append-log-entry.server.ts, inside the changes it records.) */

/** A school's whole chain, oldest first, with the key reference of each entry's head signature. */
export async function listPublishedLogEntries(db: Executor, organisationId: string): Promise<LogEntryRow[]> {
  return db
    .select({
      seq: issuanceLog.seq,
      kind: issuanceLog.kind,
      leafCount: issuanceLog.leafCount,
      merkleRoot: issuanceLog.merkleRoot,
      prevHash: issuanceLog.prevHash,
      entryHash: issuanceLog.entryHash,
      createdAt: issuanceLog.createdAt,
      keyRef: signingKeys.keyRef,
      headSignature: issuanceLog.headSignature,
    })
    .from(issuanceLog)
    .leftJoin(signingKeys, eq(signingKeys.id, issuanceLog.signingKeyId))
    .where(eq(issuanceLog.organisationId, organisationId))
    .orderBy(asc(issuanceLog.seq));
}

/** The entry that recorded the signing of a batch. */
export async function findBatchLogEntry(db: Executor, options: { organisationId: string; batchId: string }) {
  const [row] = await db
    .select({
      seq: issuanceLog.seq,
      kind: issuanceLog.kind,
      leafCount: issuanceLog.leafCount,
      merkleRoot: issuanceLog.merkleRoot,
      entryHash: issuanceLog.entryHash,
      createdAt: issuanceLog.createdAt,
    })
    .from(issuanceLog)
    .where(
      and(
        eq(issuanceLog.organisationId, options.organisationId),
        eq(issuanceLog.batchId, options.batchId),
        eq(issuanceLog.kind, "batch"),
      ),
    )
    .orderBy(asc(issuanceLog.seq))
    .limit(1);
  return row ?? null;
}

/** A batch entry's leaves: its credentials' hashes in the order of their register numbers (as signBatch appends them). */
export async function listBatchLeaves(
  db: Executor,
  options: { organisationId: string; batchId: string },
): Promise<{ diplomaId: string; leaf: string }[]> {
  const rows = await db
    .select({ diplomaId: diplomas.id, leaf: diplomas.credentialHash })
    .from(diplomas)
    .where(
      and(
        eq(diplomas.organisationId, options.organisationId),
        eq(diplomas.batchId, options.batchId),
        isNotNull(diplomas.credentialHash),
      ),
    )
    .orderBy(asc(diplomas.registerYear), asc(diplomas.registerNumber));
  return rows.map((r) => ({ diplomaId: r.diplomaId, leaf: r.leaf! }));
}

/** The status changes recorded for one credential: entries other than batches whose single leaf has root `merkleRoot`. */
export async function listSingleLeafEntries(db: Executor, options: { organisationId: string; merkleRoot: string }) {
  return db
    .select({
      seq: issuanceLog.seq,
      kind: issuanceLog.kind,
      merkleRoot: issuanceLog.merkleRoot,
      entryHash: issuanceLog.entryHash,
      createdAt: issuanceLog.createdAt,
    })
    .from(issuanceLog)
    .where(
      and(
        eq(issuanceLog.organisationId, options.organisationId),
        ne(issuanceLog.kind, "batch"),
        eq(issuanceLog.leafCount, 1),
        eq(issuanceLog.merkleRoot, options.merkleRoot),
      ),
    )
    .orderBy(asc(issuanceLog.seq));
}
