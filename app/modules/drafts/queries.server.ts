import { and, asc, count, desc, eq, inArray, notInArray, sql } from "drizzle-orm";
import {
  diplomaBatches,
  diplomas,
  fields,
  organisations,
  programmes,
  trainingLevels,
  users,
  type BatchRowOrder,
  type BatchStatus,
  type DiplomaStatus,
} from "../../../db/schema";
import { type Executor, withDefaultDb } from "~/lib/db.server";
import { sortBatchRows } from "./batch-order";
import type { DraftRulesContext, DraftValues, ProgrammeInfo } from "./draft-row";

/**
 * The statements on batches and drafts that more than one file runs (README, Decisions: "Where SQL lives"). Every
 * function takes the executor first (optional: the process's database by default) and the organisation id from the
 * guard: ownership is part of every query, never checked after it.
 * Sections: batches · drafts · rules context. (Append new sections below; keep each function self-contained.)
 */

export type BatchRef = { organisationId: string; batchId: string };
export type DraftRef = BatchRef & { diplomaId: string };

// ---------------------------------------------------------------------------------------------------------------
// Batches

export async function insertBatch(db: Executor, values: { organisationId: string; title: string; createdBy: string }) {
  const [row] = await db.insert(diplomaBatches).values(values).returning();
  return row!;
}

export const findBatch = withDefaultDb(async function findBatch(db: Executor, ref: BatchRef) {
  const [row] = await db
    .select()
    .from(diplomaBatches)
    .where(and(eq(diplomaBatches.id, ref.batchId), eq(diplomaBatches.organisationId, ref.organisationId)))
    .limit(1);
  return row ?? null;
});

/**
 * The batch, locked until the transaction ends: edits, imports, submission and signing of one batch queue behind
 * each other, so nothing is added to a batch while it is being submitted or signed.
 */
export async function lockBatch(db: Executor, ref: BatchRef) {
  const [row] = await db
    .select()
    .from(diplomaBatches)
    .where(and(eq(diplomaBatches.id, ref.batchId), eq(diplomaBatches.organisationId, ref.organisationId)))
    .for("update")
    .limit(1);
  return row ?? null;
}

/** The school's batches, newest first, with the number of diplomas in each. */
export const listBatches = withDefaultDb(async function listBatches(db: Executor, options: { organisationId: string }) {
  const counts = db
    .select({ batchId: diplomas.batchId, n: count().as("diploma_count") })
    .from(diplomas)
    .where(eq(diplomas.organisationId, options.organisationId))
    .groupBy(diplomas.batchId)
    .as("dc");
  return db
    .select({
      id: diplomaBatches.id,
      title: diplomaBatches.title,
      status: diplomaBatches.status,
      createdAt: diplomaBatches.createdAt,
      submittedAt: diplomaBatches.submittedAt,
      signedAt: diplomaBatches.signedAt,
      diplomaCount: sql<number>`coalesce(${counts.n}, 0)::int`,
    })
    .from(diplomaBatches)
    .leftJoin(counts, eq(counts.batchId, diplomaBatches.id))
    .where(eq(diplomaBatches.organisationId, options.organisationId))
    .orderBy(desc(diplomaBatches.createdAt), desc(diplomaBatches.id));
});

/**
 * The school's batches waiting for the principal's signature, oldest first, with who submitted them and how many
 * drafts they hold; or the batches sent back to be corrected (drafts with a reason).
 */
export const listBatchesInHand = withDefaultDb(async function listBatchesInHand(
  db: Executor,
  options: { organisationId: string; kind: "submitted" | "returned"; limit?: number },
) {
  const counts = db
    .select({ batchId: diplomas.batchId, n: count().as("draft_count") })
    .from(diplomas)
    .where(and(eq(diplomas.organisationId, options.organisationId), eq(diplomas.status, "draft")))
    .groupBy(diplomas.batchId)
    .as("dc");
  return db
    .select({
      id: diplomaBatches.id,
      title: diplomaBatches.title,
      submittedAt: diplomaBatches.submittedAt,
      returnReason: diplomaBatches.returnReason,
      submittedBy: users.fullName,
      createdBy: diplomaBatches.createdBy,
      draftCount: sql<number>`coalesce(${counts.n}, 0)::int`,
    })
    .from(diplomaBatches)
    .leftJoin(counts, eq(counts.batchId, diplomaBatches.id))
    .leftJoin(users, eq(users.id, diplomaBatches.submittedBy))
    .where(
      and(
        eq(diplomaBatches.organisationId, options.organisationId),
        options.kind === "submitted"
          ? eq(diplomaBatches.status, "submitted")
          : and(eq(diplomaBatches.status, "draft"), sql`${diplomaBatches.returnReason} is not null`),
      ),
    )
    .orderBy(asc(diplomaBatches.submittedAt), asc(diplomaBatches.createdAt), asc(diplomaBatches.id))
    .limit(options.limit ?? 20);
});

export const countBatchesByStatus = withDefaultDb(async function countBatchesByStatus(
  db: Executor,
  options: { organisationId: string },
): Promise<Partial<Record<BatchStatus, number>>> {
  const rows = await db
    .select({ status: diplomaBatches.status, n: count() })
    .from(diplomaBatches)
    .where(eq(diplomaBatches.organisationId, options.organisationId))
    .groupBy(diplomaBatches.status);
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
});

/** draft → submitted; false when the batch is not (or no longer) a draft. */
export async function markBatchSubmitted(db: Executor, ref: BatchRef & { submittedBy: string }): Promise<boolean> {
  const updated = await db
    .update(diplomaBatches)
    .set({ status: "submitted", submittedBy: ref.submittedBy, submittedAt: new Date(), returnReason: null })
    .where(
      and(
        eq(diplomaBatches.id, ref.batchId),
        eq(diplomaBatches.organisationId, ref.organisationId),
        eq(diplomaBatches.status, "draft"),
      ),
    )
    .returning({ id: diplomaBatches.id });
  return updated.length === 1;
}

/**
 * submitted → draft; false when the batch is not (or no longer) submitted, e.g. signed meanwhile. A principal who
 * sends it back gives the reason, shown to the registrar until the batch is submitted again.
 */
export async function markBatchWithdrawn(db: Executor, ref: BatchRef & { returnReason?: string }): Promise<boolean> {
  const updated = await db
    .update(diplomaBatches)
    .set({ status: "draft", submittedBy: null, submittedAt: null, returnReason: ref.returnReason ?? null })
    .where(
      and(
        eq(diplomaBatches.id, ref.batchId),
        eq(diplomaBatches.organisationId, ref.organisationId),
        eq(diplomaBatches.status, "submitted"),
      ),
    )
    .returning({ id: diplomaBatches.id });
  return updated.length === 1;
}

export async function findOrganisationNameAndCode(db: Executor, organisationId: string) {
  const [row] = await db
    .select({ name: organisations.name, code: organisations.code })
    .from(organisations)
    .where(eq(organisations.id, organisationId))
    .limit(1);
  return row ?? null;
}

export async function findOrganisationStatus(db: Executor, organisationId: string) {
  const [row] = await db
    .select({ status: organisations.status })
    .from(organisations)
    .where(eq(organisations.id, organisationId))
    .limit(1);
  return row?.status ?? null;
}

// ---------------------------------------------------------------------------------------------------------------
// Drafts

/**
 * Serialises the writes that check a school's duplicates (same graduate, same programme), so that two imports at
 * once cannot both add the same person. Released at the end of the transaction.
 */
export async function lockOrganisationDrafts(db: Executor, organisationId: string) {
  await db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`diploma-drafts:${organisationId}`}, 0))`);
}

/** A stored draft: the validated values, the personal ID sealed and hashed (never in clear). */
export type DraftRow = Omit<DraftValues, "personalId"> & {
  id: string;
  personalIdCiphertext: string;
  personalIdHash: string;
};

/**
 * Adds drafts at the end of the batch's import order (positions after the last one). The caller holds the batch's
 * lock (lockBatch), so two writers cannot draw the same positions.
 */
export async function insertDrafts(db: Executor, ref: BatchRef & { createdBy: string; rows: DraftRow[] }) {
  const [last] = await db
    .select({ n: sql<number>`coalesce(max(${diplomas.position}), 0)::int` })
    .from(diplomas)
    .where(and(eq(diplomas.batchId, ref.batchId), eq(diplomas.organisationId, ref.organisationId)));
  const first = Number(last?.n ?? 0) + 1;
  // Chunks stay well below PostgreSQL's 65,535 parameters per statement.
  for (let i = 0; i < ref.rows.length; i += 500) {
    await db.insert(diplomas).values(
      ref.rows.slice(i, i + 500).map((r, j) => ({
        ...r,
        organisationId: ref.organisationId,
        batchId: ref.batchId,
        status: "draft" as const,
        position: first + i + j,
        createdBy: ref.createdBy,
      })),
    );
  }
}

/** The registrar's choice of the list's order (draft batches only); false when the batch is not a draft. */
export async function setBatchRowOrder(db: Executor, ref: BatchRef & { rowOrder: BatchRowOrder }): Promise<boolean> {
  const updated = await db
    .update(diplomaBatches)
    .set({ rowOrder: ref.rowOrder })
    .where(
      and(
        eq(diplomaBatches.id, ref.batchId),
        eq(diplomaBatches.organisationId, ref.organisationId),
        eq(diplomaBatches.status, "draft"),
      ),
    )
    .returning({ id: diplomaBatches.id });
  return updated.length === 1;
}

/** Every row of a batch (or only its drafts), as the keys of its order, sorted in the batch's order (batch-order.ts). */
export async function listBatchOrder(db: Executor, ref: BatchRef & { rowOrder: BatchRowOrder; draftsOnly?: boolean }) {
  const rows = await db
    .select({
      id: diplomas.id,
      fullName: diplomas.fullName,
      position: diplomas.position,
      createdAt: diplomas.createdAt,
    })
    .from(diplomas)
    .where(
      and(
        eq(diplomas.batchId, ref.batchId),
        eq(diplomas.organisationId, ref.organisationId),
        ref.draftsOnly ? eq(diplomas.status, "draft") : undefined,
      ),
    );
  return sortBatchRows(rows, ref.rowOrder);
}

/** One draft of one batch of one school (the ownership is part of the condition), still a draft. */
function draftOf(ref: DraftRef) {
  return and(
    eq(diplomas.id, ref.diplomaId),
    eq(diplomas.batchId, ref.batchId),
    eq(diplomas.organisationId, ref.organisationId),
    eq(diplomas.status, "draft"),
  );
}

export async function findDraft(db: Executor, ref: DraftRef) {
  const [row] = await db.select().from(diplomas).where(draftOf(ref)).limit(1);
  return row ?? null;
}

/** Overwrites a draft's values; false when there is no such draft in this batch of this school. */
export async function updateDraftRow(db: Executor, ref: DraftRef, values: Omit<DraftRow, "id">): Promise<boolean> {
  const updated = await db
    .update(diplomas)
    .set({ ...values, updatedAt: new Date() })
    .where(draftOf(ref))
    .returning({ id: diplomas.id });
  return updated.length === 1;
}

export async function deleteDraftRow(db: Executor, ref: DraftRef): Promise<boolean> {
  const deleted = await db.delete(diplomas).where(draftOf(ref)).returning({ id: diplomas.id });
  return deleted.length === 1;
}

/** The statuses that make a new draft of the same graduate and programme a duplicate (revoked and superseded ones do not). */
export const CONFLICTING_STATUSES = ["draft", "issued", "suspended"] as const satisfies readonly DiplomaStatus[];

/**
 * The school's diplomas (drafts included) of these graduates (personal ID hashes) in these programmes, for the
 * duplicate check. `excludeIds` leaves out the draft being edited and, for a correction or reissue, the diploma it
 * replaces (which stays issued until the replacement is signed).
 */
export async function findConflictingDiplomas(
  db: Executor,
  options: { organisationId: string; personalIdHashes: string[]; excludeIds?: string[] },
) {
  if (options.personalIdHashes.length === 0) return [];
  const rows: {
    id: string;
    personalIdHash: string;
    programmeCode: string;
    status: DiplomaStatus;
    batchId: string | null;
    batchTitle: string | null;
  }[] = [];
  for (let i = 0; i < options.personalIdHashes.length; i += 1000) {
    rows.push(
      ...(await db
        .select({
          id: diplomas.id,
          personalIdHash: diplomas.personalIdHash,
          programmeCode: diplomas.programmeCode,
          status: diplomas.status,
          batchId: diplomas.batchId,
          batchTitle: diplomaBatches.title,
        })
        .from(diplomas)
        .leftJoin(diplomaBatches, eq(diplomaBatches.id, diplomas.batchId))
        .where(
          and(
            eq(diplomas.organisationId, options.organisationId),
            inArray(diplomas.personalIdHash, options.personalIdHashes.slice(i, i + 1000)),
            inArray(diplomas.status, [...CONFLICTING_STATUSES]),
            options.excludeIds?.length ? notInArray(diplomas.id, options.excludeIds) : undefined,
          ),
        )),
    );
  }
  return rows;
}

/**
 * A page of a batch's diplomas in the batch's order (the register's order), each with its row number in the whole
 * list. The sealed personal ID is for masking only.
 */
export async function listBatchDiplomas(
  db: Executor,
  ref: BatchRef & { rowOrder: BatchRowOrder; page: number; pageSize: number },
) {
  const ordered = await listBatchOrder(db, ref);
  const pageIds = ordered.slice((ref.page - 1) * ref.pageSize, ref.page * ref.pageSize).map((r) => r.id);
  const rowNumber = new Map(ordered.map((r, i) => [r.id, i + 1]));
  const rows = pageIds.length
    ? await db
        .select({
          id: diplomas.id,
          status: diplomas.status,
          fullName: diplomas.fullName,
          dateOfBirth: diplomas.dateOfBirth,
          gender: diplomas.gender,
          personalIdCiphertext: diplomas.personalIdCiphertext,
          programmeCode: diplomas.programmeCode,
          programmeName: diplomas.programmeName,
          levelCode: diplomas.levelCode,
          classification: diplomas.classification,
          modeOfStudy: diplomas.modeOfStudy,
          graduationDate: diplomas.graduationDate,
          serial: diplomas.serial,
          registerNumber: diplomas.registerNumber,
          registerYear: diplomas.registerYear,
          hasEmail: sql<boolean>`${diplomas.email} is not null`,
        })
        .from(diplomas)
        .where(
          and(
            eq(diplomas.batchId, ref.batchId),
            eq(diplomas.organisationId, ref.organisationId),
            inArray(diplomas.id, pageIds),
          ),
        )
    : [];
  const sorted = rows.map((r) => ({ ...r, rowNumber: rowNumber.get(r.id)! })).sort((a, b) => a.rowNumber - b.rowNumber);
  return { rows: sorted, total: ordered.length };
}

export async function countBatchDrafts(db: Executor, ref: BatchRef): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(diplomas)
    .where(
      and(
        eq(diplomas.batchId, ref.batchId),
        eq(diplomas.organisationId, ref.organisationId),
        eq(diplomas.status, "draft"),
      ),
    )
    .limit(1);
  return row?.n ?? 0;
}

/** The programme codes of a batch's drafts that are no longer active (deactivated after the draft was made). */
export async function listInactiveProgrammesInBatch(db: Executor, ref: BatchRef): Promise<string[]> {
  const rows = await db
    .selectDistinct({ code: diplomas.programmeCode })
    .from(diplomas)
    .innerJoin(programmes, eq(programmes.code, diplomas.programmeCode))
    .where(
      and(
        eq(diplomas.batchId, ref.batchId),
        eq(diplomas.organisationId, ref.organisationId),
        eq(programmes.active, false),
      ),
    );
  return rows.map((r) => r.code);
}

// ---------------------------------------------------------------------------------------------------------------
// Rules context

/** What validateDraftRow needs from the database: the named programmes, the levels and the cao đẳng titles. */
export async function loadDraftRulesContext(
  db: Executor,
  options: { programmeCodes: string[]; today: string },
): Promise<DraftRulesContext> {
  const codes = [...new Set(options.programmeCodes)].filter((c) => /^\d{7,8}$/.test(c));
  const [programmeRows, levelRows, fieldRows] = await Promise.all([
    codes.length
      ? db
          .select({
            code: programmes.code,
            nameVi: programmes.nameVi,
            levelCode: programmes.levelCode,
            fieldCode: programmes.fieldCode,
            active: programmes.active,
          })
          .from(programmes)
          .where(inArray(programmes.code, codes))
      : Promise.resolve([] as ProgrammeInfo[]),
    db
      .select({
        code: trainingLevels.code,
        nameVi: trainingLevels.nameVi,
        nameEn: trainingLevels.nameEn,
        codeDigit: trainingLevels.codeDigit,
      })
      .from(trainingLevels)
      .orderBy(asc(trainingLevels.rank)),
    db.select({ code: fields.code, caoDangTitle: fields.caoDangTitle }).from(fields),
  ]);
  return {
    today: options.today,
    programmes: new Map(programmeRows.map((p) => [p.code, p])),
    levels: levelRows,
    caoDangTitles: new Map(fieldRows.map((f) => [f.code, f.caoDangTitle])),
  };
}

/** Active programmes for the draft form's suggestions (code and name). */
export const listActiveProgrammes = withDefaultDb(async function listActiveProgrammes(db: Executor) {
  return db
    .select({ code: programmes.code, nameVi: programmes.nameVi, levelCode: programmes.levelCode })
    .from(programmes)
    .where(eq(programmes.active, true))
    .orderBy(asc(programmes.code));
});
