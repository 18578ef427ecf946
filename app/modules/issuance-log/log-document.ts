/**
 * The issuance log as published at /issuers/{code}/log.json (docs/issuance-log.md): every entry of the school's
 * chain with the fields its hash covers, the key that signed its head, and the head itself. Pure.
 */
import { verificationMethodId } from "~/modules/keys/did-web";

export interface PublishedLogEntry {
  seq: number;
  kind: string;
  leafCount: number;
  merkleRoot: string;
  prevHash: string;
  entryHash: string;
  /** ISO 8601 UTC with milliseconds: exactly the text the entry hash covers. */
  createdAt: string;
  /** The school key (a fragment of its DID document) that signed this entry as the head. */
  keyRef: string | null;
  /** base64url Ed25519 signature of "VBLOGHEAD1\n{schoolCode}\n{seq}\n{entryHash}". */
  headSignature: string;
}

export interface IssuanceLogDocument {
  type: "IssuanceLog";
  id: string;
  schoolCode: string;
  issuer: string;
  entries: PublishedLogEntry[];
  /** The last entry, named by its key's full DID URL; null before the school has signed anything. */
  head: {
    seq: number;
    entryHash: string;
    createdAt: string;
    verificationMethod: string | null;
    headSignature: string;
  } | null;
}

export interface LogEntryRow {
  seq: number;
  kind: string;
  leafCount: number;
  merkleRoot: string;
  prevHash: string;
  entryHash: string;
  createdAt: Date;
  keyRef: string | null;
  headSignature: string;
}

export function buildLogDocument(options: {
  url: string;
  schoolCode: string;
  issuer: string;
  entries: readonly LogEntryRow[];
}): IssuanceLogDocument {
  const entries = options.entries.map((e): PublishedLogEntry => ({
    seq: e.seq,
    kind: e.kind,
    leafCount: e.leafCount,
    merkleRoot: e.merkleRoot,
    prevHash: e.prevHash,
    entryHash: e.entryHash,
    createdAt: e.createdAt.toISOString(),
    keyRef: e.keyRef,
    headSignature: e.headSignature,
  }));
  const last = entries.at(-1);
  return {
    type: "IssuanceLog",
    id: options.url,
    schoolCode: options.schoolCode,
    issuer: options.issuer,
    entries,
    head: last
      ? {
          seq: last.seq,
          entryHash: last.entryHash,
          createdAt: last.createdAt,
          verificationMethod: last.keyRef ? verificationMethodId(options.issuer, last.keyRef) : null,
          headSignature: last.headSignature,
        }
      : null,
  };
}
