import { and, asc, count, eq, gte, isNull, notExists, sql } from "drizzle-orm";
import {
  diplomas,
  organisations,
  provinces,
  signingKeys,
  type KeyStatus,
  type OrganisationStatus,
} from "../../../db/schema";
import type { Executor } from "~/lib/db.server";
import { announceRegistryChange } from "~/lib/registry-changes.server";

/**
 * The only place the keys area touches the database. `organisationId: null` is the ministry's own key.
 * Private key ciphertext leaves this file only through findActiveSealedKey (for loadSigningKey).
 */

/** A key as it is published: never the ciphertext. */
export interface PublishedKey {
  id: string;
  keyRef: string;
  publicKeyMultibase: string;
  status: KeyStatus;
  activatedAt: Date;
  retiredAt: Date | null;
  compromisedFrom: Date | null;
  compromiseReason: string | null;
}

const publishedColumns = {
  id: signingKeys.id,
  keyRef: signingKeys.keyRef,
  publicKeyMultibase: signingKeys.publicKeyMultibase,
  status: signingKeys.status,
  activatedAt: signingKeys.activatedAt,
  retiredAt: signingKeys.retiredAt,
  compromisedFrom: signingKeys.compromisedFrom,
  compromiseReason: signingKeys.compromiseReason,
};

const ownedBy = (organisationId: string | null) =>
  organisationId === null ? isNull(signingKeys.organisationId) : eq(signingKeys.organisationId, organisationId);

/** Locks a school's row for the rest of the transaction, so that key changes of one school are serialised. */
export async function lockSchool(
  tx: Executor,
  organisationId: string,
): Promise<{ id: string; code: string; status: OrganisationStatus } | null> {
  const [row] = await tx
    .select({ id: organisations.id, code: organisations.code, status: organisations.status })
    .from(organisations)
    .where(and(eq(organisations.id, organisationId), eq(organisations.kind, "school")))
    .for("update");
  return row ?? null;
}

export async function findActiveKey(db: Executor, organisationId: string | null): Promise<PublishedKey | null> {
  const [row] = await db
    .select(publishedColumns)
    .from(signingKeys)
    .where(and(ownedBy(organisationId), eq(signingKeys.status, "active")))
    .limit(1);
  return row ?? null;
}

/** The active key with its sealed private key: for loadSigningKey only. */
export async function findActiveSealedKey(db: Executor, organisationId: string | null) {
  const [row] = await db
    .select({ ...publishedColumns, privateKeyCiphertext: signingKeys.privateKeyCiphertext, kekId: signingKeys.kekId })
    .from(signingKeys)
    .where(and(ownedBy(organisationId), eq(signingKeys.status, "active")))
    .limit(1);
  return row ?? null;
}

/** Every key of a school (or of the ministry), oldest first. */
export async function listKeys(db: Executor, organisationId: string | null): Promise<PublishedKey[]> {
  return db
    .select(publishedColumns)
    .from(signingKeys)
    .where(ownedBy(organisationId))
    .orderBy(asc(signingKeys.activatedAt), asc(signingKeys.keyRef));
}

/** One key, only if it belongs to `organisationId`; locked when `forUpdate`. */
export async function findOwnedKey(
  tx: Executor,
  options: { organisationId: string; keyId: string; forUpdate?: boolean },
): Promise<PublishedKey | null> {
  const query = tx
    .select(publishedColumns)
    .from(signingKeys)
    .where(and(eq(signingKeys.id, options.keyId), eq(signingKeys.organisationId, options.organisationId)));
  const [row] = options.forUpdate ? await query.for("update") : await query;
  return row ?? null;
}

export async function listKeyRefs(db: Executor, organisationId: string | null): Promise<string[]> {
  const rows = await db.select({ keyRef: signingKeys.keyRef }).from(signingKeys).where(ownedBy(organisationId));
  return rows.map((r) => r.keyRef);
}

export interface NewSigningKeyRow {
  id: string;
  organisationId: string | null;
  keyRef: string;
  publicKeyMultibase: string;
  privateKeyCiphertext: string;
  kekId: string;
  activatedAt: Date;
  createdBy: string | null;
}

export async function insertSigningKey(tx: Executor, row: NewSigningKeyRow): Promise<PublishedKey> {
  const [inserted] = await tx
    .insert(signingKeys)
    .values({ ...row, status: "active" })
    .returning(publishedColumns);
  await announceRegistryChange(tx, "key"); // every process's trust data, at commit
  return inserted!;
}

/** Retires an active key of `organisationId`; false when it was no longer active. */
export async function retireKey(
  tx: Executor,
  options: { organisationId: string; keyId: string; at: Date },
): Promise<boolean> {
  const rows = await tx
    .update(signingKeys)
    .set({ status: "retired", retiredAt: options.at })
    .where(
      and(
        eq(signingKeys.id, options.keyId),
        eq(signingKeys.organisationId, options.organisationId),
        eq(signingKeys.status, "active"),
      ),
    )
    .returning({ id: signingKeys.id });
  if (rows.length === 1) await announceRegistryChange(tx, "key");
  return rows.length === 1;
}

export async function setKeyCompromised(
  tx: Executor,
  options: { organisationId: string; keyId: string; compromisedFrom: Date; reason: string; retiredAt: Date | null },
): Promise<PublishedKey | null> {
  const [row] = await tx
    .update(signingKeys)
    .set({
      status: "compromised",
      compromisedFrom: options.compromisedFrom,
      compromiseReason: options.reason,
      retiredAt: options.retiredAt,
    })
    .where(
      and(
        eq(signingKeys.id, options.keyId),
        eq(signingKeys.organisationId, options.organisationId),
        sql`${signingKeys.status} <> 'compromised'`,
      ),
    )
    .returning(publishedColumns);
  if (row) await announceRegistryChange(tx, "key");
  return row ?? null;
}

/** A diploma signed with a compromised key at or after the compromise: to be reissued. */
export interface AffectedDiploma {
  id: string;
  fullName: string;
  serial: string | null;
  registerYear: number | null;
  registerNumber: number | null;
  status: string;
  signedAt: Date;
}

/** The diplomas of `organisationId` signed with `keyId` at or after `since`, oldest signature first. */
export async function listDiplomasSignedSince(
  db: Executor,
  options: { organisationId: string; keyId: string; since: Date; limit?: number },
): Promise<{ total: number; diplomas: AffectedDiploma[] }> {
  const where = and(
    eq(diplomas.organisationId, options.organisationId),
    eq(diplomas.signingKeyId, options.keyId),
    gte(diplomas.signedAt, options.since),
  );
  const [rows, [counted]] = await Promise.all([
    db
      .select({
        id: diplomas.id,
        fullName: diplomas.fullName,
        serial: diplomas.serial,
        registerYear: diplomas.registerYear,
        registerNumber: diplomas.registerNumber,
        status: diplomas.status,
        signedAt: diplomas.signedAt,
      })
      .from(diplomas)
      .where(where)
      .orderBy(asc(diplomas.signedAt), asc(diplomas.serial))
      .limit(options.limit ?? 10_000),
    db.select({ n: count() }).from(diplomas).where(where),
  ]);
  // signedAt ≥ since: never null here.
  return { total: Number(counted?.n ?? 0), diplomas: rows.map((r) => ({ ...r, signedAt: r.signedAt! })) };
}

/** How many diplomas each key of a school has signed. */
export async function countDiplomasPerKey(db: Executor, organisationId: string): Promise<Map<string, number>> {
  const rows = await db
    .select({ keyId: diplomas.signingKeyId, n: count() })
    .from(diplomas)
    .where(and(eq(diplomas.organisationId, organisationId), sql`${diplomas.signingKeyId} is not null`))
    .groupBy(diplomas.signingKeyId);
  return new Map(rows.map((r) => [r.keyId!, Number(r.n)]));
}

/** An accredited school by its exact code (codes are case-sensitive in DIDs); null otherwise. */
export async function findAccreditedSchool(db: Executor, code: string) {
  const [row] = await db
    .select({ id: organisations.id, code: organisations.code })
    .from(organisations)
    .where(and(eq(organisations.kind, "school"), eq(organisations.code, code), eq(organisations.status, "accredited")))
    .limit(1);
  return row ?? null;
}

/** The accredited schools with their province, by code: what the trust registry lists. */
export async function listAccreditedSchools(db: Executor) {
  return db
    .select({
      id: organisations.id,
      code: organisations.code,
      name: organisations.name,
      nameEn: organisations.nameEn,
      schoolType: organisations.schoolType,
      status: organisations.status,
      accreditedAt: organisations.statusChangedAt,
      provinceCode: provinces.code,
      provinceName: provinces.nameVi,
    })
    .from(organisations)
    .innerJoin(provinces, eq(provinces.code, organisations.provinceCode))
    .where(and(eq(organisations.kind, "school"), eq(organisations.status, "accredited")))
    .orderBy(asc(organisations.code));
}

/** Every school key of every accredited school, oldest first per school. */
export async function listAccreditedSchoolKeys(db: Executor): Promise<(PublishedKey & { organisationId: string })[]> {
  const rows = await db
    .select({ ...publishedColumns, organisationId: signingKeys.organisationId })
    .from(signingKeys)
    .innerJoin(organisations, eq(organisations.id, signingKeys.organisationId))
    .where(and(eq(organisations.kind, "school"), eq(organisations.status, "accredited")))
    .orderBy(asc(signingKeys.organisationId), asc(signingKeys.activatedAt), asc(signingKeys.keyRef));
  return rows.map((r) => ({ ...r, organisationId: r.organisationId! }));
}

/** Accredited schools that have no active key (demo data, schools accredited before keys existed). */
export async function listAccreditedSchoolsWithoutActiveKey(db: Executor): Promise<string[]> {
  const rows = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(
      and(
        eq(organisations.kind, "school"),
        eq(organisations.status, "accredited"),
        notExists(
          db
            .select({ one: sql`1` })
            .from(signingKeys)
            .where(and(eq(signingKeys.organisationId, organisations.id), eq(signingKeys.status, "active"))),
        ),
      ),
    )
    .orderBy(asc(organisations.code));
  return rows.map((r) => r.id);
}
