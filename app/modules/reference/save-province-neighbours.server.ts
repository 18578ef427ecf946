import { eq, inArray, or, sql } from "drizzle-orm";
import { provinceNeighbours, provinces } from "../../../db/schema";
import { type Database, withDefaultDb } from "~/lib/db.server";
import { fail, ok, type Result } from "~/lib/result";
import { recordAudit, type AuditActor } from "~/modules/audit/record-audit.server";
import { neighboursOfSql } from "./neighbours-sql.server";

/** The provinces that border `code` (both directions are stored, so either side reads the same). */
export async function listProvinceNeighbours(db: Pick<Database, "select">, code: string): Promise<string[]> {
  const rows = await db
    .select({ code: provinceNeighbours.neighbourCode })
    .from(provinceNeighbours)
    .where(eq(provinceNeighbours.provinceCode, code));
  return rows.map((r) => r.code).sort();
}

/**
 * The ministry administrator sets which provinces border one province. Adjacency is symmetric: both directions are
 * rewritten. Open jobs in the affected provinces get their neighbours recomputed in the same transaction, so the
 * matching uses the new map at once.
 */
export const saveProvinceNeighbours = withDefaultDb(async function saveProvinceNeighbours(
  db: Database,
  options: { code: string; neighbourCodes: readonly string[]; actor: AuditActor },
): Promise<Result<{ changed: boolean }, "not_found" | "invalid">> {
  const wanted = [...new Set(options.neighbourCodes)].filter((c) => c !== options.code).sort();
  return db.transaction(async (tx) => {
    const known = await tx
      .select({ code: provinces.code })
      .from(provinces)
      .where(inArray(provinces.code, [options.code, ...wanted]));
    if (!known.some((k) => k.code === options.code)) return fail("not_found");
    if (known.length !== wanted.length + 1) return fail("invalid", { neighbourCodes: "jobs.validation.province" });
    const before = await listProvinceNeighbours(tx, options.code);
    if (before.join() === wanted.join()) return ok({ changed: false });
    await tx
      .delete(provinceNeighbours)
      .where(or(eq(provinceNeighbours.provinceCode, options.code), eq(provinceNeighbours.neighbourCode, options.code)));
    if (wanted.length > 0) {
      await tx.insert(provinceNeighbours).values(
        wanted.flatMap((n) => [
          { provinceCode: options.code, neighbourCode: n },
          { provinceCode: n, neighbourCode: options.code },
        ]),
      );
    }
    const affected = [...new Set([options.code, ...before, ...wanted])];
    await tx.execute(sql`
      update job_match_targets t set neighbour_codes = ${neighboursOfSql(sql`t.province_codes`)}
      where t.province_codes && ${`{${affected.join(",")}}`}::varchar[]`);
    await recordAudit(tx, options.actor, {
      action: "province.neighbours",
      entityType: "province",
      entityId: options.code,
      details: { before, after: wanted },
    });
    return ok({ changed: true });
  });
});
