/**
 * Case attachments behind one storage interface: in PostgreSQL (bytea, the default: one thing to back up) or on disk
 * under ATTACHMENTS_DIR (a shared volume). Files are checked (attachment-rules.ts) before anything is written;
 * reading goes through the case's scope, so someone else's file answers like a missing one.
 */
import { createHash, randomUUID } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { and, count, eq } from "drizzle-orm";
import { caseAttachments, cases } from "../../../db/schema";
import type { Executor } from "~/lib/db.server";
import { getEnv } from "~/lib/env.server";
import { fail, ok, type Result } from "~/lib/result";
import {
  checkAttachments,
  type AttachmentProblem,
  type AttachmentPurpose,
  type AttachmentStorage,
} from "./attachment-rules";
import { scopeWhere, type CaseScope } from "./queries.server";

/** Where bytes go. `put` returns the storage key kept in the row (null when the bytes stay in the row). */
export interface AttachmentStore {
  readonly kind: AttachmentStorage;
  put(id: string, bytes: Uint8Array): Promise<{ storageKey: string | null; content: Uint8Array | null }>;
  get(row: { storageKey: string | null; content: Uint8Array | null }): Promise<Uint8Array | null>;
}

export const databaseStore: AttachmentStore = {
  kind: "database",
  put: async (_id, bytes) => ({ storageKey: null, content: bytes }),
  get: async (row) => row.content,
};

export function diskStore(directory: string): AttachmentStore {
  return {
    kind: "disk",
    async put(id, bytes) {
      // Two levels of fan-out keep directories small; the key is ours (a UUID), never a user's file name.
      const storageKey = path.posix.join(id.slice(0, 2), id.slice(2, 4), id);
      const file = path.join(directory, storageKey);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, bytes, { flag: "wx" });
      return { storageKey, content: null };
    },
    async get(row) {
      if (!row.storageKey || !/^[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f-]{36}$/.test(row.storageKey)) return null;
      try {
        return new Uint8Array(await readFile(path.join(directory, row.storageKey)));
      } catch {
        return null;
      }
    },
  };
}

/** The configured store: ATTACHMENTS_DIR set → disk, else the database. */
export function configuredStore(): AttachmentStore {
  const dir = getEnv().ATTACHMENTS_DIR;
  return dir ? diskStore(dir) : databaseStore;
}

export interface SaveAttachmentsOptions {
  caseId: string;
  eventId?: number | null;
  purpose: AttachmentPurpose;
  files: readonly { name: string; bytes: Uint8Array }[];
  uploadedBy: string | null;
  store?: AttachmentStore;
}

/**
 * Checks and saves an upload's files on a case, in the caller's transaction (a failed check writes nothing). On disk,
 * a file written for a transaction that then rolls back stays as an orphan with no row: harmless, never served.
 */
export async function saveAttachments(
  tx: Executor,
  options: SaveAttachmentsOptions,
): Promise<Result<{ ids: string[] }, AttachmentProblem> & { fileName?: string }> {
  if (options.files.length === 0) return ok({ ids: [] });
  const [{ n } = { n: 0 }] = await tx
    .select({ n: count() })
    .from(caseAttachments)
    .where(eq(caseAttachments.caseId, options.caseId));
  const checked = checkAttachments(options.files, Number(n));
  if (!checked.ok) return { ...fail(checked.code), fileName: checked.fileName };
  const store = options.store ?? configuredStore();
  const ids: string[] = [];
  for (const file of checked.value) {
    const id = randomUUID();
    const placed = await store.put(id, file.bytes);
    await tx.insert(caseAttachments).values({
      id,
      caseId: options.caseId,
      eventId: options.eventId ?? null,
      purpose: options.purpose,
      fileName: file.fileName,
      mediaType: file.mediaType,
      sizeBytes: file.bytes.length,
      sha256: createHash("sha256").update(file.bytes).digest("hex"),
      storage: store.kind,
      content: placed.content,
      storageKey: placed.storageKey,
      uploadedBy: options.uploadedBy,
    });
    ids.push(id);
  }
  return ok({ ids });
}

/** A case's attachments (without their bytes), within `scope`. */
export async function listAttachments(db: Executor, caseId: string, scope: CaseScope) {
  return db
    .select({
      id: caseAttachments.id,
      purpose: caseAttachments.purpose,
      fileName: caseAttachments.fileName,
      mediaType: caseAttachments.mediaType,
      sizeBytes: caseAttachments.sizeBytes,
      createdAt: caseAttachments.createdAt,
    })
    .from(caseAttachments)
    .innerJoin(cases, eq(cases.id, caseAttachments.caseId))
    .where(and(eq(caseAttachments.caseId, caseId), scopeWhere(scope)))
    .orderBy(caseAttachments.createdAt);
}

/** One attachment's bytes, when its case is within `scope`; else null (a 404 either way). */
export async function readAttachment(
  db: Executor,
  attachmentId: string,
  scope: CaseScope,
  store?: AttachmentStore,
): Promise<{ fileName: string; mediaType: string; bytes: Uint8Array } | null> {
  const [row] = await db
    .select({
      fileName: caseAttachments.fileName,
      mediaType: caseAttachments.mediaType,
      storage: caseAttachments.storage,
      storageKey: caseAttachments.storageKey,
      content: caseAttachments.content,
    })
    .from(caseAttachments)
    .innerJoin(cases, eq(cases.id, caseAttachments.caseId))
    .where(and(eq(caseAttachments.id, attachmentId), scopeWhere(scope)))
    .limit(1);
  if (!row) return null;
  const source = store ?? (row.storage === "disk" ? configuredStore() : databaseStore);
  const bytes = await source.get(row);
  return bytes ? { fileName: row.fileName, mediaType: row.mediaType, bytes } : null;
}
