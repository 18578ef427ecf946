import { and, eq, sql } from "drizzle-orm";
import {
  diplomas,
  organisations,
  programmes,
  signedDocuments,
  verificationCounts,
  type OrganisationStatus,
} from "../../../db/schema";
import type { Executor } from "~/lib/db.server";

/** The only place the verification area touches the database (keys and status lists come from their own areas). */

export interface IssuerCandidate {
  id: string;
  code: string;
  name: string;
  status: OrganisationStatus;
}

/** A school by its exact code, whatever its status: the caller decides what "not accredited" means. */
export async function findSchoolByCode(db: Executor, code: string): Promise<IssuerCandidate | null> {
  const [row] = await db
    .select({ id: organisations.id, code: organisations.code, name: organisations.name, status: organisations.status })
    .from(organisations)
    .where(and(eq(organisations.kind, "school"), eq(organisations.code, code)))
    .limit(1);
  return row ?? null;
}

/** A signed document's row (who signed it, with which key, whether it was revoked), by its id. */
export async function findSignedDocumentRow(db: Executor, id: string) {
  const [row] = await db
    .select({
      id: signedDocuments.id,
      kind: signedDocuments.kind,
      organisationId: signedDocuments.organisationId,
      keyId: signedDocuments.keyId,
      signedAt: signedDocuments.signedAt,
      revokedAt: signedDocuments.revokedAt,
      credential: signedDocuments.credential,
    })
    .from(signedDocuments)
    .where(eq(signedDocuments.id, id))
    .limit(1);
  return row ?? null;
}

export async function findProgrammeName(db: Executor, code: string): Promise<string | null> {
  const [row] = await db.select({ name: programmes.nameVi }).from(programmes).where(eq(programmes.code, code)).limit(1);
  return row?.name ?? null;
}

/**
 * What a verifier may learn of a signed diploma's lifecycle: never its personal data. The status reason is public
 * (the revoke/suspend form says so), shown with a revoked or suspended verdict.
 */
export async function findDiplomaLifecycle(db: Executor, options: { organisationId: string; diplomaId: string }) {
  const [row] = await db
    .select({
      status: diplomas.status,
      statusChangedAt: diplomas.statusChangedAt,
      supersededById: diplomas.supersededById,
      statusReason: diplomas.statusReason,
    })
    .from(diplomas)
    .where(and(eq(diplomas.id, options.diplomaId), eq(diplomas.organisationId, options.organisationId)))
    .limit(1);
  return row ?? null;
}

/**
 * Adds each entry's `by` (default one) to the day's count of its verdict for its school (null: no school of ours),
 * in one statement. Entries must name distinct (school, day, verdict) triples.
 */
export async function incrementVerificationCounts(
  db: Executor,
  entries: readonly { organisationId: string | null; day: string; verdict: string; by?: number }[],
): Promise<void> {
  if (entries.length === 0) return;
  await db
    .insert(verificationCounts)
    .values(
      entries.map((e) => ({ organisationId: e.organisationId, day: e.day, verdict: e.verdict, count: e.by ?? 1 })),
    )
    .onConflictDoUpdate({
      target: [verificationCounts.organisationId, verificationCounts.day, verificationCounts.verdict],
      set: { count: sql`${verificationCounts.count} + excluded.count` },
    });
}

export async function listVerificationCounts(db: Executor, options: { organisationId: string | null }) {
  const where =
    options.organisationId === null
      ? sql`${verificationCounts.organisationId} is null`
      : eq(verificationCounts.organisationId, options.organisationId);
  return db
    .select({ day: verificationCounts.day, verdict: verificationCounts.verdict, count: verificationCounts.count })
    .from(verificationCounts)
    .where(where);
}
