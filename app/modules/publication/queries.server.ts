import { and, asc, eq, gt, inArray, isNotNull, ne } from "drizzle-orm";
import { diplomas, organisations, provinces } from "../../../db/schema";
import { type Executor, withDefaultDb } from "~/lib/db.server";

/**
 * What the portal publishes without an account: signed diplomas by their capability URL, issuers' public pages,
 * and the pages of the export. Drafts are never published.
 */

const published = and(ne(diplomas.status, "draft"), isNotNull(diplomas.credential));

/** A signed diploma (issued, revoked, suspended or superseded) by id, with its school's code; null for a draft. */
export const findPublishedDiploma = withDefaultDb(async function findPublishedDiploma(db: Executor, id: string) {
  const [row] = await db
    .select({
      id: diplomas.id,
      organisationId: diplomas.organisationId,
      schoolCode: organisations.code,
      batchId: diplomas.batchId,
      status: diplomas.status,
      credential: diplomas.credential,
      credentialHash: diplomas.credentialHash,
      qrPayload: diplomas.qrPayload,
    })
    .from(diplomas)
    .innerJoin(organisations, eq(organisations.id, diplomas.organisationId))
    .where(and(eq(diplomas.id, id), published))
    .limit(1);
  return row ? { ...row, credential: row.credential! } : null;
});

/** A school as its public page shows it: only one that is or was accredited (accredited or suspended). */
export async function findPublicIssuer(db: Executor, code: string) {
  const [row] = await db
    .select({
      id: organisations.id,
      code: organisations.code,
      name: organisations.name,
      nameEn: organisations.nameEn,
      schoolType: organisations.schoolType,
      status: organisations.status,
      statusChangedAt: organisations.statusChangedAt,
      provinceName: provinces.nameVi,
      provinceNameEn: provinces.nameEn,
    })
    .from(organisations)
    .innerJoin(provinces, eq(provinces.code, organisations.provinceCode))
    .where(
      and(
        eq(organisations.kind, "school"),
        eq(organisations.code, code),
        inArray(organisations.status, ["accredited", "suspended"]),
      ),
    )
    .limit(1);
  return row ?? null;
}

/** One page of every signed diploma, by id (keyset pagination: pass the last id of the previous page). */
export async function listPublishedDiplomaPage(db: Executor, options: { after: string | null; limit: number }) {
  const rows = await db
    .select({ id: diplomas.id, credential: diplomas.credential, qrPayload: diplomas.qrPayload })
    .from(diplomas)
    .where(options.after ? and(published, gt(diplomas.id, options.after)) : published)
    .orderBy(asc(diplomas.id))
    .limit(options.limit);
  return rows.map((r) => ({ ...r, credential: r.credential! }));
}
