import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  checkChain,
  entryHash,
  GENESIS_HASH,
  inclusionProof,
  merkleRoot,
  verifyInclusion,
  type LogEntryContent,
} from "~/modules/issuance-log/hash-chain";

const sha256 = (d: Uint8Array) => new Uint8Array(createHash("sha256").update(d).digest());
const leaf = (n: number) => createHash("sha256").update(`credential ${n}`).digest("hex");

describe("Merkle tree of a batch", () => {
  it("proves every leaf's inclusion, for trees of every size up to 40", () => {
    for (let size = 1; size <= 40; size++) {
      const leaves = Array.from({ length: size }, (_, i) => leaf(i));
      const root = merkleRoot(leaves, sha256);
      leaves.forEach((l, i) => expect(verifyInclusion(l, inclusionProof(leaves, i, sha256), root, sha256)).toBe(true));
    }
  });

  it("a changed, added or removed leaf changes the root; a foreign leaf never verifies", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 60 }), fc.nat(), (size, pick) => {
        const leaves = Array.from({ length: size }, (_, i) => leaf(i));
        const root = merkleRoot(leaves, sha256);
        const i = pick % size;
        expect(merkleRoot([...leaves.slice(0, i), leaf(1000), ...leaves.slice(i + 1)], sha256)).not.toBe(root);
        expect(merkleRoot(leaves.slice(0, -1), sha256)).not.toBe(root);
        expect(merkleRoot([...leaves, leaf(999)], sha256)).not.toBe(root);
        expect(verifyInclusion(leaf(1000), inclusionProof(leaves, i, sha256), root, sha256)).toBe(false);
      }),
      { numRuns: 60 },
    );
  });
});

describe("hash chain", () => {
  function chain(n: number) {
    const entries: (LogEntryContent & { entryHash: string })[] = [];
    let prev = GENESIS_HASH;
    for (let seq = 1; seq <= n; seq++) {
      const content = {
        schoolCode: "CDCNHN",
        seq,
        kind: "batch",
        leafCount: 3,
        merkleRoot: leaf(seq),
        prevHash: prev,
        createdAt: new Date(Date.UTC(2026, 5, seq)).toISOString(),
      };
      const hash = entryHash(content, sha256);
      entries.push({ ...content, entryHash: hash });
      prev = hash;
    }
    return entries;
  }

  it("accepts an intact chain", () => {
    expect(checkChain(chain(5), sha256)).toEqual([]);
  });

  it("shows a silently removed batch", () => {
    const entries = chain(5);
    entries.splice(2, 1);
    expect(checkChain(entries, sha256).map((p) => p.problem)).toContain("prev_hash");
  });

  it("shows a back-dated entry", () => {
    const entries = chain(4);
    entries[1] = { ...entries[1]!, createdAt: "2020-01-01T00:00:00.000Z" };
    expect(checkChain(entries, sha256)).toContainEqual({ seq: 2, problem: "entry_hash" });
  });
});
