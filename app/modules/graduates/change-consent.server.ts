import { and, eq, isNull } from "drizzle-orm";
import { graduateConsents, type ConsentPurpose } from "../../../db/schema";
import { type Database, withDefaultDb } from "~/lib/db.server";
import { ok, type Result } from "~/lib/result";
import { recordAudit, type AuditActor } from "~/modules/audit/record-audit.server";
import { refreshCandidatePool } from "~/modules/matching/queries.server";

/**
 * Grants or withdraws one consent. Each purpose is separate and off until granted; a grant adds a history row, a
 * withdrawal closes it. The candidate pool is rewritten in the same transaction, so a withdrawal of visibility takes
 * effect in every employer query the moment it commits. Granting twice or withdrawing what was not granted is a no-op.
 */
export const changeConsent = withDefaultDb(async function changeConsent(
  db: Database,
  options: { userId: string; purpose: ConsentPurpose; granted: boolean; actor: AuditActor; now?: Date },
): Promise<Result<{ changed: boolean }, never>> {
  const now = options.now ?? new Date();
  const { userId, purpose } = options;
  return db.transaction(async (tx) => {
    const current = await tx
      .select({ id: graduateConsents.id })
      .from(graduateConsents)
      .where(
        and(
          eq(graduateConsents.userId, userId),
          eq(graduateConsents.purpose, purpose),
          isNull(graduateConsents.withdrawnAt),
        ),
      )
      .for("update");
    let changed = false;
    if (options.granted && current.length === 0) {
      await tx.insert(graduateConsents).values({ userId, purpose, grantedAt: now });
      changed = true;
    } else if (!options.granted && current.length > 0) {
      await tx.update(graduateConsents).set({ withdrawnAt: now }).where(eq(graduateConsents.id, current[0]!.id));
      changed = true;
    }
    if (changed) {
      if (purpose === "visible_to_employers") await refreshCandidatePool(tx, userId);
      await recordAudit(tx, options.actor, {
        action: options.granted ? "consent.grant" : "consent.withdraw",
        entityType: "user",
        entityId: userId,
        details: { purpose },
      });
    }
    return ok({ changed });
  });
});
