/**
 * The online services' road to the database: the diplomas a request may be about, the register's entries a
 * non-holder's request is matched against, the copy register. Ownership is part of each query.
 */
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { cases, copyRegisterEntries, diplomas, organisations, users } from "../../../db/schema";
import type { Executor } from "~/lib/db.server";

/** The signed-in graduate's own diplomas that a service may be asked for (claimed, signed and standing). */
export async function listOwnDiplomas(db: Executor, userId: string) {
  return db
    .select({
      id: diplomas.id,
      serial: diplomas.serial,
      fullName: diplomas.fullName,
      programmeName: diplomas.programmeName,
      issueDate: diplomas.issueDate,
      schoolName: organisations.name,
    })
    .from(diplomas)
    .innerJoin(organisations, eq(organisations.id, diplomas.organisationId))
    .where(and(eq(diplomas.claimedBy, userId), eq(diplomas.status, "issued")))
    .orderBy(desc(diplomas.issueDate), asc(diplomas.id));
}

/** One of the user's own standing diplomas, or null (someone else's answers like a missing one). */
export async function findOwnDiploma(db: Executor, options: { userId: string; diplomaId: string }) {
  const [row] = await db
    .select({ id: diplomas.id, organisationId: diplomas.organisationId, serial: diplomas.serial })
    .from(diplomas)
    .where(
      and(eq(diplomas.id, options.diplomaId), eq(diplomas.claimedBy, options.userId), eq(diplomas.status, "issued")),
    )
    .limit(1);
  return row ?? null;
}

/** The schools a non-holder may address a request to (accredited). */
export async function listServiceSchools(db: Executor) {
  return db
    .select({ id: organisations.id, code: organisations.code, name: organisations.name })
    .from(organisations)
    .where(and(eq(organisations.kind, "school"), eq(organisations.status, "accredited")))
    .orderBy(asc(organisations.name));
}

export async function findServiceSchool(db: Executor, code: string) {
  const [row] = await db
    .select({ id: organisations.id, code: organisations.code, name: organisations.name })
    .from(organisations)
    .where(and(eq(organisations.kind, "school"), eq(organisations.status, "accredited"), eq(organisations.code, code)))
    .limit(1);
  return row ?? null;
}

/** The register's signed diploma of a school with this serial, with what a request is matched on. */
export async function findRegisterEntry(db: Executor, options: { organisationId: string; serial: string }) {
  const [row] = await db
    .select({
      id: diplomas.id,
      fullName: diplomas.fullName,
      dateOfBirth: diplomas.dateOfBirth,
      status: diplomas.status,
    })
    .from(diplomas)
    .where(and(eq(diplomas.organisationId, options.organisationId), eq(diplomas.serial, options.serial)))
    .limit(1);
  return row && row.status !== "draft" ? row : null;
}

/** A diploma of the handling school, as the register has it (for the officer's panel and the signed documents). */
export async function findSchoolDiploma(db: Executor, options: { organisationId: string; diplomaId: string }) {
  const [row] = await db
    .select({
      id: diplomas.id,
      status: diplomas.status,
      fullName: diplomas.fullName,
      dateOfBirth: diplomas.dateOfBirth,
      placeOfBirth: diplomas.placeOfBirth,
      programmeCode: diplomas.programmeCode,
      programmeName: diplomas.programmeName,
      levelCode: diplomas.levelCode,
      classification: diplomas.classification,
      graduationDate: diplomas.graduationDate,
      serial: diplomas.serial,
      registerYear: diplomas.registerYear,
      registerNumber: diplomas.registerNumber,
      issueDate: diplomas.issueDate,
      issuePlace: diplomas.issuePlace,
      signerName: diplomas.signerName,
      signerTitle: diplomas.signerTitle,
      credentialId: sql<string | null>`${diplomas.credential}->>'id'`,
      supersededById: diplomas.supersededById,
      supersedesId: diplomas.supersedesId,
      batchId: diplomas.batchId,
    })
    .from(diplomas)
    .where(and(eq(diplomas.id, options.diplomaId), eq(diplomas.organisationId, options.organisationId)))
    .limit(1);
  return row ?? null;
}
export type SchoolDiploma = NonNullable<Awaited<ReturnType<typeof findSchoolDiploma>>>;

/**
 * The next number of a school's copy register for a year: the school's row is locked first, so two deliveries of
 * the same school never draw the same number (the unique index is the last guard).
 */
export async function nextCopyEntryNumber(tx: Executor, options: { organisationId: string; year: number }) {
  await tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.id, options.organisationId))
    .for("update");
  const [row] = await tx
    .select({ last: sql<number>`coalesce(max(${copyRegisterEntries.entryNumber}), 0)` })
    .from(copyRegisterEntries)
    .where(
      and(eq(copyRegisterEntries.organisationId, options.organisationId), eq(copyRegisterEntries.year, options.year)),
    );
  return Number(row?.last ?? 0) + 1;
}

export async function insertCopyEntry(tx: Executor, values: typeof copyRegisterEntries.$inferInsert) {
  const [row] = await tx.insert(copyRegisterEntries).values(values).returning();
  return row!;
}

/** A school's copy register for a year, in number order. */
export async function listCopyRegister(db: Executor, options: { organisationId: string; year: number }) {
  return db
    .select({
      entryNumber: copyRegisterEntries.entryNumber,
      year: copyRegisterEntries.year,
      issuedAt: copyRegisterEntries.issuedAt,
      serial: diplomas.serial,
      holderName: diplomas.fullName,
      copies: copyRegisterEntries.copies,
      delivery: copyRegisterEntries.delivery,
      recipientName: copyRegisterEntries.recipientName,
      postalAddress: copyRegisterEntries.postalAddress,
      trackingNumber: copyRegisterEntries.trackingNumber,
      documentId: copyRegisterEntries.documentId,
      issuedByName: users.fullName,
    })
    .from(copyRegisterEntries)
    .innerJoin(diplomas, eq(diplomas.id, copyRegisterEntries.diplomaId))
    .leftJoin(users, eq(users.id, copyRegisterEntries.issuedBy))
    .where(
      and(eq(copyRegisterEntries.organisationId, options.organisationId), eq(copyRegisterEntries.year, options.year)),
    )
    .orderBy(asc(copyRegisterEntries.entryNumber));
}

/** The years a school's copy register has entries in, newest first. */
export async function listCopyRegisterYears(db: Executor, organisationId: string): Promise<number[]> {
  const rows = await db
    .selectDistinct({ year: copyRegisterEntries.year })
    .from(copyRegisterEntries)
    .where(eq(copyRegisterEntries.organisationId, organisationId))
    .orderBy(desc(copyRegisterEntries.year));
  return rows.map((r) => r.year);
}

export async function findOrganisationCode(db: Executor, organisationId: string): Promise<string | null> {
  const [row] = await db
    .select({ code: organisations.code })
    .from(organisations)
    .where(eq(organisations.id, organisationId))
    .limit(1);
  return row?.code ?? null;
}

/** The signed-in person's own service requests, newest first, with their result document when there is one. */
export async function listOwnServiceCases(db: Executor, userId: string) {
  return db
    .select({
      code: cases.code,
      kind: cases.kind,
      status: cases.status,
      receivedAt: cases.receivedAt,
      outcome: cases.outcome,
      resultDocumentId: cases.resultDocumentId,
    })
    .from(cases)
    .where(
      and(eq(cases.submitterUserId, userId), inArray(cases.kind, ["certified_copy", "correction", "confirmation"])),
    )
    .orderBy(desc(cases.receivedAt))
    .limit(50);
}
