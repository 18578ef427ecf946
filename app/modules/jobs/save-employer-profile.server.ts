import { eq } from "drizzle-orm";
import { employerProfiles, organisations, provinces } from "../../../db/schema";
import { type Database, withDefaultDb } from "~/lib/db.server";
import { fail, ok, type Result } from "~/lib/result";
import { recordAudit, type AuditActor } from "~/modules/audit/record-audit.server";
import type { EmployerProfileInput } from "./schema";

/**
 * An employer edits its company profile. The tax code (the organisation's code, checked at sign-up) is its identity
 * and is not edited here. A pending employer may prepare its profile and jobs; only publishing waits for approval.
 */
export const saveEmployerProfile = withDefaultDb(async function saveEmployerProfile(
  db: Database,
  options: { organisationId: string; input: EmployerProfileInput; actor: AuditActor },
): Promise<Result<null, "invalid">> {
  const { input, organisationId } = options;
  const province = await db
    .select({ code: provinces.code })
    .from(provinces)
    .where(eq(provinces.code, input.provinceCode))
    .limit(1);
  if (province.length === 0) return fail("invalid", { provinceCode: "jobs.validation.province" });
  return db.transaction(async (tx) => {
    await tx
      .update(organisations)
      .set({ name: input.name, provinceCode: input.provinceCode })
      .where(eq(organisations.id, organisationId));
    const { name: _n, provinceCode: _p, ...profile } = input;
    await tx
      .insert(employerProfiles)
      .values({ organisationId, ...profile })
      .onConflictDoUpdate({ target: employerProfiles.organisationId, set: { ...profile, updatedAt: new Date() } });
    await recordAudit(tx, options.actor, {
      action: "employer.profile-update",
      entityType: "organisation",
      entityId: organisationId,
      organisationId,
    });
    return ok(null);
  });
});
