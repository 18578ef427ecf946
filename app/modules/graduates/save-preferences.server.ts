import { inArray } from "drizzle-orm";
import { graduateProfiles, provinces } from "../../../db/schema";
import { type Database, withDefaultDb } from "~/lib/db.server";
import { fail, ok, type Result } from "~/lib/result";
import { recordAudit, type AuditActor } from "~/modules/audit/record-audit.server";
import type { GraduatePreferencesInput } from "~/modules/jobs/schema";
import { refreshCandidatePool } from "~/modules/matching/queries.server";

/** A graduate saves their matching preferences; the candidate pool follows in the same transaction. */
export const saveGraduatePreferences = withDefaultDb(async function saveGraduatePreferences(
  db: Database,
  options: { userId: string; input: GraduatePreferencesInput; actor: AuditActor },
): Promise<Result<null, "invalid">> {
  const { input, userId } = options;
  if (input.provinceCodes.length) {
    const known = await db
      .select({ code: provinces.code })
      .from(provinces)
      .where(inArray(provinces.code, input.provinceCodes));
    if (known.length !== input.provinceCodes.length)
      return fail("invalid", { provinceCodes: "jobs.validation.province" });
  }
  return db.transaction(async (tx) => {
    const values = {
      provinceCodes: input.provinceCodes,
      salaryExpectationVnd: input.salaryExpectationVnd,
      jobTypes: input.jobTypes,
      skills: input.skills,
    };
    await tx
      .insert(graduateProfiles)
      .values({ userId, ...values })
      .onConflictDoUpdate({ target: graduateProfiles.userId, set: { ...values, updatedAt: new Date() } });
    await refreshCandidatePool(tx, userId);
    await recordAudit(tx, options.actor, {
      action: "graduate.preferences-update",
      entityType: "user",
      entityId: userId,
    });
    return ok(null);
  });
});
