import { type Executor, withDefaultDb } from "~/lib/db.server";
import { fail, ok, type Result } from "~/lib/result";
import { issuerDid } from "~/modules/keys/did-web";
import { credentialUrn } from "./credential-id";
import { findPublishedDiploma } from "./queries.server";
import { sha256 } from "~/modules/issuance-log/append-log-entry.server";
import { logUrl } from "~/modules/issuance-log/get-log-document.server";
import { inclusionProof, merkleRoot, type InclusionProof } from "~/modules/issuance-log/hash-chain";
import { findBatchLogEntry, listBatchLeaves, listSingleLeafEntries } from "~/modules/issuance-log/queries.server";

/** `GET /credentials/{id}/log-proof.json`: where a credential sits in its school's log (docs/issuance-log.md). */
export interface LogProof {
  credential: string;
  issuer: string;
  /** The log to check the entry against. */
  log: string;
  /** The batch entry that recorded the signing. */
  seq: number;
  kind: "batch";
  entryHash: string;
  createdAt: string;
  merkleRoot: string;
  leafCount: number;
  /** The credential's hash (the leaf) and its position among the batch's leaves (register-number order). */
  leaf: string;
  leafIndex: number;
  /** Sibling hashes from the leaf up to the root. */
  proof: InclusionProof;
  /** Later entries about this credential alone (revoke, suspend, reinstate): their root is the leaf's node hash. */
  statusChanges: { seq: number; kind: string; entryHash: string; createdAt: string }[];
}

export type GetLogProofError = "not_found" | "not_in_log";

export const getLogProof = withDefaultDb(async function getLogProof(
  db: Executor,
  options: { id: string; origin: string },
): Promise<Result<LogProof, GetLogProofError>> {
  const diploma = await findPublishedDiploma(db, options.id);
  if (!diploma || !diploma.credentialHash) return fail("not_found");
  // Diplomas written outside signBatch (none in this portal's own flows) have no batch entry to prove.
  if (!diploma.batchId) return fail("not_in_log");
  const scope = { organisationId: diploma.organisationId, batchId: diploma.batchId };
  const [entry, leaves] = await Promise.all([findBatchLogEntry(db, scope), listBatchLeaves(db, scope)]);
  const leafIndex = leaves.findIndex((l) => l.diplomaId === diploma.id);
  if (!entry || leafIndex < 0) return fail("not_in_log");
  const hashes = leaves.map((l) => l.leaf);
  const changes = await listSingleLeafEntries(db, {
    organisationId: diploma.organisationId,
    merkleRoot: merkleRoot([diploma.credentialHash], sha256),
  });
  return ok({
    credential: credentialUrn(diploma.id),
    issuer: issuerDid(options.origin, diploma.schoolCode),
    log: logUrl(options.origin, diploma.schoolCode),
    seq: entry.seq,
    kind: "batch",
    entryHash: entry.entryHash,
    createdAt: entry.createdAt.toISOString(),
    merkleRoot: entry.merkleRoot,
    leafCount: entry.leafCount,
    leaf: diploma.credentialHash,
    leafIndex,
    proof: inclusionProof(hashes, leafIndex, sha256),
    statusChanges: changes.map((c) => ({
      seq: c.seq,
      kind: c.kind,
      entryHash: c.entryHash,
      createdAt: c.createdAt.toISOString(),
    })),
  });
});
