import { type Database, withDefaultDb } from "~/lib/db.server";
import { fail, ok, type Result } from "~/lib/result";
import { recordAudit, type AuditActor } from "~/modules/audit/record-audit.server";
import { changesBetween } from "./changes";
import { findTrainingLevel, updateTrainingLevelRow } from "./queries.server";
import type { TrainingLevelInput } from "./schema";

export interface UpdateTrainingLevelOptions {
  input: TrainingLevelInput;
  actor: AuditActor;
}

/**
 * Renames a training level. Its code, rank and programme-code digit are not editable: programme codes
 * (TT 26/2020) and every stored programme depend on them.
 */
export const updateTrainingLevel = withDefaultDb(async function updateTrainingLevel(
  db: Database,
  options: UpdateTrainingLevelOptions,
): Promise<Result<{ changed: boolean }, "not_found">> {
  const { code, ...values } = options.input;
  return db.transaction(async (tx) => {
    const before = await findTrainingLevel(tx, code);
    if (!before) return fail("not_found");
    const changes = changesBetween(before, values);
    if (!changes) return ok({ changed: false });
    await updateTrainingLevelRow(tx, code, values);
    await recordAudit(tx, options.actor, {
      action: "training-level.update",
      entityType: "training_level",
      entityId: code,
      details: changes,
    });
    return ok({ changed: true });
  });
});
