/**
 * The tamper-evident issuance log: per school, one entry per signed batch or status change, each entry's hash
 * covering the previous one; each entry's leaves (the credentials' hashes) summarised by a Merkle root
 * (RFC 6962 style: leaf = H(0x00 ‖ leaf), node = H(0x01 ‖ left ‖ right)). The head is signed by the school's key.
 * Pure: hashing is passed in (SHA-256), so verifiers in the browser can run the same code.
 */
import { bytesToHex, concatBytes, hexToBytes } from "@noble/hashes/utils.js";

export type Sha256 = (data: Uint8Array) => Uint8Array;

const encoder = new TextEncoder();
export const GENESIS_HASH = "0".repeat(64);

/** Lower-case hex only, as the log writes it (hexToBytes alone would also take upper case). */
export function fromHex(hex: string): Uint8Array {
  if (!/^([0-9a-f]{2})*$/.test(hex)) throw new Error("not lower-case hex");
  return hexToBytes(hex);
}

/** Merkle root (hex) of leaves given as hex hashes, in order. An empty tree has the hash of the empty string. */
export function merkleRoot(leavesHex: readonly string[], sha256: Sha256): string {
  if (leavesHex.length === 0) return bytesToHex(sha256(new Uint8Array()));
  let level = leavesHex.map((leaf) => sha256(concatBytes(Uint8Array.of(0), fromHex(leaf))));
  while (level.length > 1) {
    const next: Uint8Array[] = [];
    for (let i = 0; i < level.length; i += 2) {
      // An odd node is promoted unchanged (RFC 6962's split at the largest power of two gives the same root
      // only for balanced trees; this simpler rule is what the verifier in docs/issuance-log.md implements).
      next.push(i + 1 < level.length ? sha256(concatBytes(Uint8Array.of(1), level[i]!, level[i + 1]!)) : level[i]!);
    }
    level = next;
  }
  return bytesToHex(level[0]!);
}

/** An inclusion proof: the sibling hashes from the leaf up, each with its side. */
export type InclusionProof = { side: "left" | "right"; hash: string }[];

export function inclusionProof(leavesHex: readonly string[], index: number, sha256: Sha256): InclusionProof {
  let level = leavesHex.map((leaf) => sha256(concatBytes(Uint8Array.of(0), fromHex(leaf))));
  const proof: InclusionProof = [];
  let i = index;
  while (level.length > 1) {
    const sibling = i % 2 === 0 ? i + 1 : i - 1;
    if (sibling < level.length) proof.push({ side: i % 2 === 0 ? "right" : "left", hash: bytesToHex(level[sibling]!) });
    const next: Uint8Array[] = [];
    for (let j = 0; j < level.length; j += 2) {
      next.push(j + 1 < level.length ? sha256(concatBytes(Uint8Array.of(1), level[j]!, level[j + 1]!)) : level[j]!);
    }
    level = next;
    i = Math.floor(i / 2);
  }
  return proof;
}

export function verifyInclusion(leafHex: string, proof: InclusionProof, rootHex: string, sha256: Sha256): boolean {
  try {
    let node = sha256(concatBytes(Uint8Array.of(0), fromHex(leafHex)));
    for (const step of proof) {
      const sibling = fromHex(step.hash);
      node =
        step.side === "right"
          ? sha256(concatBytes(Uint8Array.of(1), node, sibling))
          : sha256(concatBytes(Uint8Array.of(1), sibling, node));
    }
    return bytesToHex(node) === rootHex;
  } catch {
    return false;
  }
}

export interface LogEntryContent {
  schoolCode: string;
  seq: number;
  kind: string;
  leafCount: number;
  merkleRoot: string;
  prevHash: string;
  createdAt: string; // ISO 8601, UTC, milliseconds
}

/** The bytes an entry's hash covers: one line per field, so a verifier can rebuild them from the JSON. */
export function entryPreimage(entry: LogEntryContent): Uint8Array {
  return encoder.encode(
    [
      "VBLOG1",
      entry.schoolCode,
      entry.seq,
      entry.kind,
      entry.leafCount,
      entry.merkleRoot,
      entry.prevHash,
      entry.createdAt,
    ].join("\n"),
  );
}

export function entryHash(entry: LogEntryContent, sha256: Sha256): string {
  return bytesToHex(sha256(entryPreimage(entry)));
}

/** What the school's key signs for the head: the entry hash, bound to the school and the sequence number. */
export function headMessage(schoolCode: string, seq: number, entryHashHex: string): Uint8Array {
  return encoder.encode(`VBLOGHEAD1\n${schoolCode}\n${seq}\n${entryHashHex}`);
}

export type ChainProblem = { seq: number; problem: "gap" | "prev_hash" | "entry_hash" };

/** Checks a whole chain as published: consecutive sequence numbers, each prevHash the hash before, each hash right. */
export function checkChain(
  entries: readonly (LogEntryContent & { entryHash: string })[],
  sha256: Sha256,
): ChainProblem[] {
  const problems: ChainProblem[] = [];
  let prev = GENESIS_HASH;
  entries.forEach((entry, i) => {
    if (entry.seq !== i + 1) problems.push({ seq: entry.seq, problem: "gap" });
    if (entry.prevHash !== prev) problems.push({ seq: entry.seq, problem: "prev_hash" });
    if (entryHash(entry, sha256) !== entry.entryHash) problems.push({ seq: entry.seq, problem: "entry_hash" });
    prev = entry.entryHash;
  });
  return problems;
}
