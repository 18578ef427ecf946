import { and, asc, count, desc, eq, inArray, isNull, max, min, ne, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import {
  diplomaBatches,
  diplomas,
  organisations,
  programmes,
  provinces,
  registerEntries,
  signingKeys,
  trainingLevels,
  users,
  type DiplomaStatus,
} from "../../../db/schema";
import type { Executor } from "~/lib/db.server";

/**
 * The database side of signed diplomas: the principal's signing page, the school's list and detail pages, the
 * public capability pages, corrections, and the graduate's claims. Like drafts/queries.server.ts, every school query
 * takes the organisation id from the guard and every graduate query the user id from the session: ownership is
 * part of the query, never checked after it.
 * Sections: signing page · school pages · public and graduate pages · claims · corrections.
 */

/** The statuses of a signed diploma (anything but a draft). */
export const SIGNED_STATUSES = [
  "issued",
  "revoked",
  "suspended",
  "superseded",
] as const satisfies readonly DiplomaStatus[];
export type SignedStatus = (typeof SIGNED_STATUSES)[number];

/** True when the key that signed the diploma was reported compromised at or before the signature. */
const signedWithCompromisedKey = sql<boolean>`coalesce(${signingKeys.compromisedFrom} is not null and ${diplomas.signedAt} >= ${signingKeys.compromisedFrom}, false)`;

function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

// ---------------------------------------------------------------------------------------------------------------
// Signing page

/** The drafts of a batch grouped by programme, and the span of their graduation dates. */
export async function summariseBatchDrafts(db: Executor, ref: { organisationId: string; batchId: string }) {
  const rows = await db
    .select({
      programmeCode: diplomas.programmeCode,
      programmeName: diplomas.programmeName,
      levelCode: diplomas.levelCode,
      levelName: trainingLevels.nameVi,
      n: count(),
      latestGraduation: max(diplomas.graduationDate),
      earliestGraduation: min(diplomas.graduationDate),
    })
    .from(diplomas)
    .innerJoin(trainingLevels, eq(trainingLevels.code, diplomas.levelCode))
    .where(
      and(
        eq(diplomas.batchId, ref.batchId),
        eq(diplomas.organisationId, ref.organisationId),
        eq(diplomas.status, "draft"),
      ),
    )
    .groupBy(diplomas.programmeCode, diplomas.programmeName, diplomas.levelCode, trainingLevels.nameVi)
    .orderBy(asc(diplomas.programmeCode));
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
}

/** The corrections and reissues among a batch's drafts, each with the diploma it replaces (at most 100). */
export async function listBatchReplacements(db: Executor, ref: { organisationId: string; batchId: string }) {
  const old = alias(diplomas, "old");
  return db
    .select({ draft: diplomas, old })
    .from(diplomas)
    .innerJoin(old, and(eq(old.id, diplomas.supersedesId), eq(old.organisationId, diplomas.organisationId)))
    .where(
      and(
        eq(diplomas.batchId, ref.batchId),
        eq(diplomas.organisationId, ref.organisationId),
        eq(diplomas.status, "draft"),
      ),
    )
    .orderBy(asc(diplomas.id))
    .limit(100);
}

/** The diplomas of a signed batch that can still be claimed (issued or suspended), in the register's order. */
export async function listBatchClaimableDiplomas(
  db: Executor,
  ref: { organisationId: string; batchId: string; offset: number; limit: number },
) {
  return db
    .select({
      id: diplomas.id,
      fullName: diplomas.fullName,
      dateOfBirth: diplomas.dateOfBirth,
      programmeCode: diplomas.programmeCode,
      programmeName: diplomas.programmeName,
      serial: diplomas.serial,
      registerNumber: diplomas.registerNumber,
      registerYear: diplomas.registerYear,
      issueDate: diplomas.issueDate,
    })
    .from(diplomas)
    .innerJoin(
      diplomaBatches,
      and(eq(diplomaBatches.id, diplomas.batchId), eq(diplomaBatches.organisationId, diplomas.organisationId)),
    )
    .where(
      and(
        eq(diplomas.batchId, ref.batchId),
        eq(diplomas.organisationId, ref.organisationId),
        eq(diplomaBatches.status, "signed"),
        inArray(diplomas.status, ["issued", "suspended"]),
      ),
    )
    .orderBy(asc(diplomas.registerYear), asc(diplomas.registerNumber), asc(diplomas.id))
    .offset(ref.offset)
    .limit(ref.limit);
}

/** What a signed batch produced: how many diplomas, and the first and last serial (serials run in order). */
export async function summariseSignedBatch(db: Executor, ref: { organisationId: string; batchId: string }) {
  const [row] = await db
    .select({ n: count(), first: min(diplomas.serial), last: max(diplomas.serial) })
    .from(diplomas)
    .where(
      and(
        eq(diplomas.batchId, ref.batchId),
        eq(diplomas.organisationId, ref.organisationId),
        ne(diplomas.status, "draft"),
      ),
    );
  return { count: Number(row?.n ?? 0), first: row?.first ?? null, last: row?.last ?? null };
}

/** The school's province, the default place of issue. */
export async function findSchoolProvince(db: Executor, organisationId: string) {
  const [row] = await db
    .select({ nameVi: provinces.nameVi, nameEn: provinces.nameEn })
    .from(organisations)
    .innerJoin(provinces, eq(provinces.code, organisations.provinceCode))
    .where(eq(organisations.id, organisationId))
    .limit(1);
  return row ?? null;
}

// ---------------------------------------------------------------------------------------------------------------
// School pages

export interface ListSignedDiplomasOptions {
  organisationId: string;
  /** The graduate's name (case and diacritics ignored: "nguyen van an" finds "Nguyễn Văn An") or the serial. */
  q?: string;
  programmeCode?: string;
  status?: SignedStatus;
  batchId?: string;
  page: number;
  pageSize: number;
}

/** The school's signed diplomas, newest signature first. */
export async function listSignedDiplomas(db: Executor, options: ListSignedDiplomasOptions) {
  const conditions: SQL[] = [
    eq(diplomas.organisationId, options.organisationId),
    inArray(diplomas.status, [...SIGNED_STATUSES]),
  ];
  if (options.q) {
    const pattern = containsPattern(options.q);
    conditions.push(
      or(
        sql`unaccent(lower(${diplomas.fullName})) like unaccent(lower(${pattern}))`,
        sql`lower(${diplomas.serial}) like lower(${pattern})`,
      )!,
    );
  }
  if (options.programmeCode) conditions.push(eq(diplomas.programmeCode, options.programmeCode));
  if (options.status) conditions.push(eq(diplomas.status, options.status));
  if (options.batchId) conditions.push(eq(diplomas.batchId, options.batchId));
  const where = and(...conditions);
  const [rows, [counted]] = await Promise.all([
    db
      .select({
        id: diplomas.id,
        status: diplomas.status,
        fullName: diplomas.fullName,
        dateOfBirth: diplomas.dateOfBirth,
        programmeCode: diplomas.programmeCode,
        programmeName: diplomas.programmeName,
        classification: diplomas.classification,
        serial: diplomas.serial,
        registerYear: diplomas.registerYear,
        registerNumber: diplomas.registerNumber,
        issueDate: diplomas.issueDate,
        claimed: sql<boolean>`${diplomas.claimedBy} is not null`,
        compromised: signedWithCompromisedKey,
      })
      .from(diplomas)
      .leftJoin(signingKeys, eq(signingKeys.id, diplomas.signingKeyId))
      .where(where)
      .orderBy(desc(diplomas.signedAt), desc(diplomas.registerYear), desc(diplomas.registerNumber), asc(diplomas.id))
      .limit(options.pageSize)
      .offset((options.page - 1) * options.pageSize),
    db.select({ n: count() }).from(diplomas).where(where),
  ]);
  return { rows, total: Number(counted?.n ?? 0) };
}

/** The programmes the school has issued diplomas in, for the list's filter. */
export async function listSignedProgrammes(db: Executor, organisationId: string) {
  return db
    .selectDistinct({ code: diplomas.programmeCode, name: diplomas.programmeName })
    .from(diplomas)
    .where(and(eq(diplomas.organisationId, organisationId), inArray(diplomas.status, [...SIGNED_STATUSES])))
    .orderBy(asc(diplomas.programmeCode), asc(diplomas.programmeName));
}

const replacement = alias(diplomas, "replacement");
const predecessor = alias(diplomas, "predecessor");

/** One signed diploma of the school, with its batch, key, and the diplomas it replaced or that replaced it. */
export async function findSchoolDiploma(db: Executor, ref: { organisationId: string; diplomaId: string }) {
  const [row] = await db
    .select({
      diploma: diplomas,
      batchTitle: diplomaBatches.title,
      keyRef: signingKeys.keyRef,
      compromised: signedWithCompromisedKey,
      replacementSerial: replacement.serial,
      replacementStatus: replacement.status,
      predecessorSerial: predecessor.serial,
    })
    .from(diplomas)
    .leftJoin(diplomaBatches, eq(diplomaBatches.id, diplomas.batchId))
    .leftJoin(signingKeys, eq(signingKeys.id, diplomas.signingKeyId))
    .leftJoin(replacement, eq(replacement.id, diplomas.supersededById))
    .leftJoin(predecessor, eq(predecessor.id, diplomas.supersedesId))
    .where(
      and(
        eq(diplomas.id, ref.diplomaId),
        eq(diplomas.organisationId, ref.organisationId),
        inArray(diplomas.status, [...SIGNED_STATUSES]),
      ),
    )
    .limit(1);
  return row ?? null;
}

/** The draft that will replace a diploma (a correction or reissue not yet signed), if any. */
export async function findPendingReplacement(db: Executor, ref: { organisationId: string; diplomaId: string }) {
  const [row] = await db
    .select({
      id: diplomas.id,
      batchId: diplomas.batchId,
      batchTitle: diplomaBatches.title,
      batchStatus: diplomaBatches.status,
    })
    .from(diplomas)
    .innerJoin(diplomaBatches, eq(diplomaBatches.id, diplomas.batchId))
    .where(
      and(
        eq(diplomas.supersedesId, ref.diplomaId),
        eq(diplomas.organisationId, ref.organisationId),
        eq(diplomas.status, "draft"),
        ne(diplomaBatches.status, "cancelled"),
      ),
    )
    .limit(1);
  return row ?? null;
}

/** The register entries about a diploma: its own, and those of a diploma that replaced it (related). Oldest first. */
export async function listDiplomaRegisterEntries(db: Executor, ref: { organisationId: string; diplomaId: string }) {
  return db
    .select({
      id: registerEntries.id,
      diplomaId: registerEntries.diplomaId,
      kind: registerEntries.kind,
      relatedDiplomaId: registerEntries.relatedDiplomaId,
      remarks: registerEntries.remarks,
      createdAt: registerEntries.createdAt,
      actorName: users.fullName,
      serial: sql<string | null>`${registerEntries.snapshot}->>'serial'`,
    })
    .from(registerEntries)
    .leftJoin(users, eq(users.id, registerEntries.createdBy))
    .where(
      and(
        eq(registerEntries.organisationId, ref.organisationId),
        or(eq(registerEntries.diplomaId, ref.diplomaId), eq(registerEntries.relatedDiplomaId, ref.diplomaId)),
      ),
    )
    .orderBy(asc(registerEntries.id));
}

// ---------------------------------------------------------------------------------------------------------------
// Public and graduate pages

/**
 * A signed diploma by its id alone (the capability URL), or only among `claimedBy`'s diplomas. With the school and
 * the wording from other rows that the printed diploma needs. Drafts are never found.
 */
export async function findDiplomaForDocument(db: Executor, ref: { diplomaId: string; claimedBy?: string }) {
  const [row] = await db
    .select({
      diploma: diplomas,
      school: {
        code: organisations.code,
        name: organisations.name,
        nameEn: organisations.nameEn,
        schoolType: organisations.schoolType,
      },
      programmeNameEn: programmes.nameEn,
      compromised: signedWithCompromisedKey,
      replacementSerial: replacement.serial,
    })
    .from(diplomas)
    .innerJoin(organisations, eq(organisations.id, diplomas.organisationId))
    .leftJoin(programmes, eq(programmes.code, diplomas.programmeCode))
    .leftJoin(signingKeys, eq(signingKeys.id, diplomas.signingKeyId))
    .leftJoin(replacement, eq(replacement.id, diplomas.supersededById))
    .where(
      and(
        eq(diplomas.id, ref.diplomaId),
        inArray(diplomas.status, [...SIGNED_STATUSES]),
        ref.claimedBy !== undefined ? eq(diplomas.claimedBy, ref.claimedBy) : undefined,
      ),
    )
    .limit(1);
  return row ?? null;
}

/** The diplomas a graduate has claimed, newest issue first. */
export async function listClaimedDiplomas(db: Executor, userId: string) {
  return db
    .select({
      id: diplomas.id,
      status: diplomas.status,
      fullName: diplomas.fullName,
      programmeCode: diplomas.programmeCode,
      programmeName: diplomas.programmeName,
      levelCode: diplomas.levelCode,
      classification: diplomas.classification,
      serial: diplomas.serial,
      issueDate: diplomas.issueDate,
      claimedAt: diplomas.claimedAt,
      schoolName: organisations.name,
      supersededById: diplomas.supersededById,
    })
    .from(diplomas)
    .innerJoin(organisations, eq(organisations.id, diplomas.organisationId))
    .where(and(eq(diplomas.claimedBy, userId), inArray(diplomas.status, [...SIGNED_STATUSES])))
    .orderBy(desc(diplomas.issueDate), desc(diplomas.signedAt), asc(diplomas.id));
}

// ---------------------------------------------------------------------------------------------------------------
// Claims

/** The claimable diplomas recorded for this personal ID (keyed hash) and date of birth. */
export async function findClaimCandidates(
  db: Executor,
  options: { personalIdHash: string; dateOfBirth: string; statuses: readonly SignedStatus[] },
) {
  return db
    .select({
      id: diplomas.id,
      organisationId: diplomas.organisationId,
      serial: diplomas.serial,
      claimedBy: diplomas.claimedBy,
    })
    .from(diplomas)
    .where(
      and(
        eq(diplomas.personalIdHash, options.personalIdHash),
        eq(diplomas.dateOfBirth, options.dateOfBirth),
        inArray(diplomas.status, [...options.statuses]),
      ),
    )
    .orderBy(asc(diplomas.id))
    .limit(100);
}

/**
 * The diploma that stands in for a replaced one: its replacement, or the replacement's replacement (a correction of a
 * correction), up to a few steps. Null when the chain ends in nothing that stands.
 */
export async function findStandingReplacement(db: Executor, diplomaId: string) {
  let id: string | null = diplomaId;
  for (let step = 0; step < 10 && id; step++) {
    const [row] = await db
      .select({
        id: diplomas.id,
        status: diplomas.status,
        serial: diplomas.serial,
        supersededById: diplomas.supersededById,
        schoolName: organisations.name,
      })
      .from(diplomas)
      .innerJoin(organisations, eq(organisations.id, diplomas.organisationId))
      .where(eq(diplomas.id, id))
      .limit(1);
    if (!row) return null;
    if (step > 0 && (row.status === "issued" || row.status === "suspended")) return row;
    id = row.supersededById;
  }
  return null;
}

/** Sets the claimant of an unclaimed diploma; false when someone (perhaps this user) already holds it. */
export async function markDiplomaClaimed(
  db: Executor,
  options: { diplomaId: string; userId: string; at: Date },
): Promise<boolean> {
  const updated = await db
    .update(diplomas)
    .set({ claimedBy: options.userId, claimedAt: options.at, updatedAt: options.at })
    .where(and(eq(diplomas.id, options.diplomaId), isNull(diplomas.claimedBy)))
    .returning({ id: diplomas.id });
  return updated.length === 1;
}

/** Who holds a diploma now (null: nobody). */
export async function findClaimant(db: Executor, diplomaId: string): Promise<string | null> {
  const [row] = await db
    .select({ claimedBy: diplomas.claimedBy })
    .from(diplomas)
    .where(eq(diplomas.id, diplomaId))
    .limit(1);
  return row?.claimedBy ?? null;
}

// ---------------------------------------------------------------------------------------------------------------
// Corrections

/** The diploma, locked until the transaction ends, so that two corrections of it cannot start at once. */
export async function lockSchoolDiploma(db: Executor, ref: { organisationId: string; diplomaId: string }) {
  const [row] = await db
    .select()
    .from(diplomas)
    .where(and(eq(diplomas.id, ref.diplomaId), eq(diplomas.organisationId, ref.organisationId)))
    .for("update")
    .limit(1);
  return row ?? null;
}

export type ReplacementDraftRow = Omit<
  typeof diplomas.$inferInsert,
  "status" | "serial" | "registerYear" | "registerNumber" | "credential" | "signedAt" | "claimedBy" | "claimedAt"
> & { id: string; supersedesId: string; batchId: string };

export async function insertReplacementDraft(db: Executor, row: ReplacementDraftRow) {
  await db.insert(diplomas).values({ ...row, status: "draft" });
}
