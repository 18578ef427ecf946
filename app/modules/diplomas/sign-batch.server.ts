import { randomUUID } from "node:crypto";
import { setMaxListeners } from "node:events";
import { and, eq, inArray, sql } from "drizzle-orm";
import {
  auditLog,
  diplomaBatches,
  diplomas,
  fields,
  organisations,
  programmes,
  registerEntries,
  trainingLevels,
  type Diploma,
} from "../../../db/schema";
import type { Database, Transaction } from "~/lib/db.server";
import { fail, ok, type Result } from "~/lib/result";
import { recordAudit, type AuditActor } from "~/modules/audit/record-audit.server";
import { refreshCandidatePool } from "~/modules/matching/queries.server";
import type { DiplomaCredentialInput } from "~/modules/credentials/diploma-credential";
import { LEVEL_TITLES } from "~/modules/documents/labels";
import { appendLogEntry } from "~/modules/issuance-log/append-log-entry.server";
import { issuerDid, verificationMethodId } from "~/modules/keys/did-web";
import { loadSigningKey } from "~/modules/keys/load-signing-key.server";
import { keyTagOf, type QrTrainingLevel } from "~/modules/qr/payload";
import { publicKeyOf } from "~/modules/signing/ed25519";
import { nodePrivateKey, signWithNode } from "~/modules/signing/ed25519-node.server";
import { allocateStatusIndexes, setStatusBit, statusListSlug } from "~/modules/status/status-lists.server";
import { mailSubmitter } from "~/modules/drafts/batch-mail.server";
import { mailClaimCodes } from "./claim-mail.server";
import { sortBatchRows } from "~/modules/drafts/batch-order";
import { reserveNumbers } from "./numbering.server";
import { registerSnapshot } from "./register-snapshot";
import { vietnamDate } from "~/lib/format-time";
import {
  signChunk,
  type ChunkItem,
  type SignChunkTask,
  type SignCredential,
  type SignedItem,
} from "./sign-chunk.server";
import { runSignChunk } from "./sign-pool.server";

export type { SignCredential } from "./sign-chunk.server";

export type SignBatchError =
  | "not_found"
  | "not_submitted"
  | "same_person"
  | "empty"
  | "school_not_accredited"
  | "no_active_key"
  | "key_unreadable";

export interface SignBatchOptions {
  organisationId: string;
  batchId: string;
  /** The principal who signs; must not be the person who prepared or submitted the batch (two-person rule). */
  signer: { userId: string; name: string; title: string };
  issuePlace: string;
  /** YYYY-MM-DD; today in Vietnam by default. */
  issueDate?: string;
  publicOrigin: string;
  actor: AuditActor;
}

/** Seams for the issuance benchmark and the tests; the portal passes none. */
export interface SignBatchHooks {
  /**
   * How each credential is signed: the fast path (signDiplomaCredentialWithCanonicalForm) by default. The issuance
   * benchmark passes the generic JSON-LD pipeline (signGenericWithCanonicalForm) as its baseline: same bytes.
   */
  signCredential?: SignCredential;
  /**
   * How a slice of the batch is signed: on the signing worker pool (runSignChunk) by default; with signCredential,
   * in this thread. The tests pass one that fails halfway, as a worker dying would.
   */
  runChunk?: (task: SignChunkTask, signal: AbortSignal) => Promise<SignedItem[]>;
  /** Diplomas per slice sent to a signing thread (SIGN_CHUNK by default); the tests make it small. */
  chunkSize?: number;
  /**
   * Called inside the transaction before the i-th diploma (from 0) is signed. What it throws rolls the whole batch
   * back: the tests simulate a crash halfway with it.
   */
  beforeSign?: (index: number) => void;
}

/**
 * Diplomas per slice sent to a signing thread: about 25–50 ms of work, so that both the slices and the request
 * thread's turns between them are short. The database writes go by slices of DB_CHUNK rows: a multi-row statement
 * of thousands of parameters takes the request thread long to build and to send.
 */
const SIGN_CHUNK = 200;
const DB_CHUNK = 250;
function chunks<T>(items: T[], size = DB_CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

interface SignedRow {
  draft: Diploma;
  serial: string;
  registerNumber: number;
  revocationIndex: number;
  suspensionIndex: number;
  credentialJson: string;
  credentialHash: string;
  qrPayload: string;
}

/**
 * Signs a submitted batch: numbers every diploma (số hiệu, số vào sổ), draws its status-list positions, signs
 * its Verifiable Credential and its QR payload, writes the register entries, appends the issuance log and
 * audits it — all in one transaction, so the register never holds half a batch.
 */
export async function signBatch(
  db: Database,
  options: SignBatchOptions,
  hooks: SignBatchHooks = {},
): Promise<Result<{ signed: number; serials: [string, string] }, SignBatchError>> {
  const key = await loadSigningKey(db, { organisationId: options.organisationId });
  if (!key.ok) return fail(key.code);
  const nodeKey = nodePrivateKey(key.key.privateKey);
  const keyTag = keyTagOf(publicKeyOf(key.key.privateKey));
  const issueDate = options.issueDate ?? vietnamDate();
  const year = Number(issueDate.slice(0, 4));

  return db.transaction(async (tx) => {
    const [school] = await tx
      .select()
      .from(organisations)
      .where(eq(organisations.id, options.organisationId))
      .for("update");
    if (!school || school.kind !== "school") return fail("not_found");
    if (school.status !== "accredited") return fail("school_not_accredited");
    const [batch] = await tx
      .select()
      .from(diplomaBatches)
      .where(and(eq(diplomaBatches.id, options.batchId), eq(diplomaBatches.organisationId, options.organisationId)))
      .for("update");
    if (!batch) return fail("not_found");
    if (batch.status !== "submitted") return fail("not_submitted");
    if (batch.createdBy === options.signer.userId || batch.submittedBy === options.signer.userId)
      return fail("same_person");

    // The order of the list the registrar reviewed and the principal sees: row 1 gets the first numbers.
    const drafts = sortBatchRows(
      await tx
        .select()
        .from(diplomas)
        .where(
          and(
            eq(diplomas.batchId, batch.id),
            eq(diplomas.organisationId, options.organisationId),
            eq(diplomas.status, "draft"),
          ),
        ),
      batch.rowOrder,
    );
    if (drafts.length === 0) return fail("empty");

    const context = await loadProgrammeContext(tx, drafts);
    const numbers = await reserveNumbers(tx, {
      organisationId: school.id,
      schoolCode: school.code,
      year,
      count: drafts.length,
    });
    const revocation = await allocateStatusIndexes(tx, {
      organisationId: school.id,
      purpose: "revocation",
      count: drafts.length,
    });
    const suspension = await allocateStatusIndexes(tx, {
      organisationId: school.id,
      purpose: "suspension",
      count: drafts.length,
    });

    const did = issuerDid(options.publicOrigin, school.code);
    const statusUrl = (purpose: "revocation" | "suspension", listNumber: number) =>
      `${options.publicOrigin}/issuers/${school.code}/status/${statusListSlug(purpose, listNumber)}`;
    const created = new Date().toISOString().replace(/\.\d{3}Z$/, "Z");
    const supersededIds = drafts.map((d) => d.supersedesId).filter((id): id is string => id !== null);
    const superseded = supersededIds.length
      ? await tx
          .select()
          .from(diplomas)
          .where(and(inArray(diplomas.id, supersededIds), eq(diplomas.organisationId, school.id)))
          .for("update")
      : [];
    const supersededById = new Map(superseded.map((d) => [d.id, d]));

    // What each diploma says is decided here; the CPU work of signing it is done on the signing threads.
    const itemOf = (i: number, draft: Diploma): ChunkItem => {
      const programme = context.get(draft.programmeCode);
      const credential: DiplomaCredentialInput = {
        id: `urn:uuid:${draft.id}`,
        issuer: { id: did, name: school.name, url: `${options.publicOrigin}/issuers/${school.code}` },
        title: capitalised(LEVEL_TITLES[draft.levelCode]?.title.vi ?? "Bằng tốt nghiệp"),
        issueDate,
        graduate: {
          id: `urn:uuid:${randomUUID()}`,
          fullName: draft.fullName,
          dateOfBirth: draft.dateOfBirth,
          placeOfBirth: draft.placeOfBirth,
          gender: draft.gender,
          ethnicity: draft.ethnicity,
        },
        achievement: {
          id: `${options.publicOrigin}/issuers/${school.code}/programmes/${draft.programmeCode}`,
          programmeCode: draft.programmeCode,
          programmeName: draft.programmeName,
          trainingLevel: programme?.levelName ?? draft.levelCode,
          fieldOfStudy: programme?.fieldName ?? null,
        },
        award: {
          modeOfStudy: draft.modeOfStudy,
          classification: draft.classification,
          honorificTitle: draft.honorificTitle,
          graduationDate: draft.graduationDate,
          graduationDecisionNumber: draft.graduationDecisionNumber,
        },
        register: {
          serialNumber: numbers.serials[i]!,
          registerNumber: numbers.registerNumbers[i]!,
          registerYear: year,
          issuePlace: options.issuePlace,
          signerName: options.signer.name,
          signerTitle: options.signer.title,
        },
        status: {
          revocation: {
            statusListCredential: statusUrl("revocation", revocation.listNumber),
            statusListIndex: revocation.indexes[i]!,
          },
          suspension: {
            statusListCredential: statusUrl("suspension", suspension.listNumber),
            statusListIndex: suspension.indexes[i]!,
          },
        },
        supersedes: draft.supersedesId ? `urn:uuid:${draft.supersedesId}` : null,
      };
      return {
        credential,
        qr: {
          schoolCode: school.code,
          keyTag,
          credentialId: draft.id,
          serial: numbers.serials[i]!,
          holderName: draft.fullName,
          programmeCode: draft.programmeCode,
          levelCode: draft.levelCode as QrTrainingLevel,
          classification: draft.classification,
          graduationYear: Number(draft.graduationDate.slice(0, 4)),
          issueDate,
          revocation: { listNumber: revocation.listNumber, index: revocation.indexes[i]! },
          suspension: { listNumber: suspension.listNumber, index: suspension.indexes[i]! },
        },
      };
    };

    const signedAt = new Date();
    const writeSigned = async (part: SignedRow[]) => {
      const values = sql.join(
        part.map(
          (r) =>
            sql`(${r.draft.id}::uuid, ${r.serial}, ${r.registerNumber}::int, ${r.credentialJson}::jsonb, ${r.credentialHash}, ${r.qrPayload}, ${r.revocationIndex}::int, ${r.suspensionIndex}::int)`,
        ),
        sql`, `,
      );
      await tx.execute(sql`
        update diplomas as d set
          status = 'issued', status_reason = null, serial = v.serial, register_year = ${year}, register_number = v.register_number,
          issue_date = ${issueDate}::date, issue_place = ${options.issuePlace}, signer_name = ${options.signer.name},
          signer_title = ${options.signer.title}, signing_key_id = ${key.key.id}::uuid, signed_at = ${signedAt.toISOString()}::timestamptz,
          credential = v.credential, credential_hash = v.credential_hash, qr_payload = v.qr_payload,
          revocation_list_id = ${revocation.listId}::uuid, revocation_index = v.revocation_index,
          suspension_list_id = ${suspension.listId}::uuid, suspension_index = v.suspension_index,
          updated_at = ${signedAt.toISOString()}::timestamptz
        from (values ${values}) as v(id, serial, register_number, credential, credential_hash, qr_payload, revocation_index, suspension_index)
        where d.id = v.id and d.organisation_id = ${school.id}::uuid and d.status = 'draft'`);
    };
    const rows: SignedRow[] = [];
    // Slices are queued as they are described (the pool runs as many as it has threads), with a turn for other
    // requests between two; each is written as soon as it is signed, in order, so the database work overlaps the
    // signing. The first failure aborts the slices not yet signed and rolls the whole transaction back.
    const verificationMethod = verificationMethodId(did, key.key.keyRef);
    const runChunk: (task: SignChunkTask, signal: AbortSignal) => Promise<SignedItem[]> = hooks.signCredential
      ? (task) => signChunk(task, hooks.signCredential)
      : (hooks.runChunk ?? runSignChunk);
    const size = hooks.chunkSize ?? SIGN_CHUNK;
    const abort = new AbortController();
    setMaxListeners(Math.ceil(drafts.length / size) + 10, abort.signal); // one abort listener per queued slice
    const pending: Promise<{ ok: true; signed: SignedItem[] } | { ok: false; error: unknown }>[] = [];
    const queue = async () => {
      for (let from = 0; from < drafts.length; from += size) {
        if (from > 0) await new Promise<void>((resolve) => setImmediate(resolve));
        const part: ChunkItem[] = [];
        for (let i = from; i < Math.min(from + size, drafts.length); i++) {
          hooks.beforeSign?.(i);
          part.push(itemOf(i, drafts[i]!));
        }
        pending.push(
          runChunk(
            // A fresh copy of the key per task: its buffer is transferred to the worker, which zeroes it after use.
            {
              privateKey: key.key.privateKey.slice(),
              verificationMethod,
              created,
              baseUrl: options.publicOrigin,
              items: part,
            },
            abort.signal,
          ).then(
            (signed) => ({ ok: true as const, signed }),
            (error: unknown) => ({ ok: false as const, error }),
          ),
        );
      }
    };
    try {
      await queue();
      let offset = 0;
      for (const next of pending) {
        const result = await next;
        if (!result.ok) throw result.error;
        const start = offset;
        offset += result.signed.length;
        const part = result.signed.map((signed, j) => {
          const i = start + j;
          return {
            draft: drafts[i]!,
            serial: numbers.serials[i]!,
            registerNumber: numbers.registerNumbers[i]!,
            revocationIndex: revocation.indexes[i]!,
            suspensionIndex: suspension.indexes[i]!,
            ...signed,
          };
        });
        rows.push(...part);
        for (const slice of chunks(part)) await writeSigned(slice);
      }
    } catch (error) {
      abort.abort();
      await Promise.all(pending);
      throw error;
    }
    if (rows.length !== drafts.length) throw new Error(`bug: ${rows.length} of ${drafts.length} diplomas signed`);

    // Corrections and reissues: the diploma they replace stops standing (its revocation bit is set).
    for (const row of rows) {
      const old = row.draft.supersedesId ? supersededById.get(row.draft.supersedesId) : undefined;
      if (!old || (old.status !== "issued" && old.status !== "suspended")) continue;
      await tx
        .update(diplomas)
        .set({
          status: "superseded",
          supersededById: row.draft.id,
          statusReason: "superseded",
          statusChangedAt: signedAt,
          updatedAt: signedAt,
        })
        .where(eq(diplomas.id, old.id));
      await setStatusBit(tx, { listId: old.revocationListId!, index: old.revocationIndex!, value: true });
      // A superseded diploma leaves the candidate pool (its replacement joins when claimed).
      if (old.claimedBy) await refreshCandidatePool(tx, old.claimedBy);
    }

    for (const part of chunks(rows)) {
      await tx.insert(registerEntries).values(
        part.map((r) => ({
          organisationId: school.id,
          diplomaId: r.draft.id,
          kind: !r.draft.supersedesId
            ? ("issue" as const)
            : r.draft.statusReason === "reissue"
              ? ("reissue" as const)
              : ("correct" as const),
          relatedDiplomaId: r.draft.supersedesId,
          snapshot: registerSnapshot({
            ...r.draft,
            status: "issued",
            serial: r.serial,
            registerYear: year,
            registerNumber: r.registerNumber,
            issueDate,
          }),
          // A correction or reissue carries the reason it was started with into the register's remarks.
          remarks: r.draft.supersedesId ? r.draft.replacementReason : null,
          createdBy: options.signer.userId,
        })),
      );
      await tx.insert(auditLog).values(
        part.map((r) => ({
          actorUserId: options.actor.userId,
          actorIp: options.actor.ip,
          action: "diploma.sign",
          entityType: "diploma",
          entityId: r.draft.id,
          organisationId: school.id,
          details: { serial: r.serial, registerNumber: `${r.registerNumber}/${year}`, batchId: batch.id },
        })),
      );
    }

    await appendLogEntry(tx, {
      organisationId: school.id,
      schoolCode: school.code,
      kind: "batch",
      batchId: batch.id,
      leaves: rows.map((r) => r.credentialHash),
      signingKeyId: key.key.id,
      signHead: (message) => signWithNode(message, nodeKey),
      now: signedAt,
    });
    await tx
      .update(diplomaBatches)
      .set({ status: "signed", signedBy: options.signer.userId, signedAt, signingKeyId: key.key.id })
      .where(eq(diplomaBatches.id, batch.id));
    const serials: [string, string] = [rows[0]!.serial, rows[rows.length - 1]!.serial];
    const mailed = await mailClaimCodes(tx, {
      schoolName: school.name,
      publicOrigin: options.publicOrigin,
      rows: rows.map((r) => ({
        diplomaId: r.draft.id,
        email: r.draft.email,
        fullName: r.draft.fullName,
        programmeName: r.draft.programmeName,
        serial: r.serial,
        issueDate,
        replacesSerial: r.draft.supersedesId ? (supersededById.get(r.draft.supersedesId)?.serial ?? null) : null,
      })),
    });
    const registrar = batch.submittedBy ?? batch.createdBy;
    if (registrar !== options.signer.userId) {
      await mailSubmitter(tx, {
        userId: registrar,
        template: "batch_signed",
        params: {
          schoolName: school.name,
          batchTitle: batch.title,
          count: rows.length,
          signedBy: options.signer.name,
          first: serials[0],
          last: serials[1],
          link: `${options.publicOrigin}/school/${school.code}/batches/${batch.id}`,
        },
      });
    }
    await recordAudit(tx, options.actor, {
      action: "batch.sign",
      entityType: "diploma_batch",
      entityId: batch.id,
      organisationId: school.id,
      details: { count: rows.length, serials, keyRef: key.key.keyRef, claimCodesMailed: mailed },
    });
    return ok({ signed: rows.length, serials });
  });
}

function capitalised(title: string): string {
  const lower = title.toLocaleLowerCase("vi");
  return lower.charAt(0).toLocaleUpperCase("vi") + lower.slice(1);
}

async function loadProgrammeContext(tx: Transaction, drafts: Diploma[]) {
  const codes = [...new Set(drafts.map((d) => d.programmeCode))];
  const rows = await tx
    .select({ code: programmes.code, levelName: trainingLevels.nameVi, fieldName: fields.nameVi })
    .from(programmes)
    .innerJoin(trainingLevels, eq(trainingLevels.code, programmes.levelCode))
    .leftJoin(fields, eq(fields.code, programmes.fieldCode))
    .where(inArray(programmes.code, codes));
  return new Map(rows.map((r) => [r.code, r]));
}
