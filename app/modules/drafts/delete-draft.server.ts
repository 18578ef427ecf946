import { type Database, withDefaultDb } from "~/lib/db.server";
import { fail, ok, type Result } from "~/lib/result";
import { recordAudit, type AuditActor } from "~/modules/audit/record-audit.server";
import { deleteDraftRow, lockBatch } from "./queries.server";

export interface DeleteDraftOptions {
  organisationId: string;
  batchId: string;
  diplomaId: string;
  actor: AuditActor;
}

/** Removes a draft from a batch that is still a draft. Drafts are not in the register: nothing else refers to them. */
export const deleteDraft = withDefaultDb(async function deleteDraft(
  db: Database,
  options: DeleteDraftOptions,
): Promise<Result<{ diplomaId: string }, "not_found" | "draft_not_found" | "batch_locked">> {
  const ref = { organisationId: options.organisationId, batchId: options.batchId };
  return db.transaction(async (tx) => {
    const batch = await lockBatch(tx, ref);
    if (!batch) return fail("not_found");
    if (batch.status !== "draft") return fail("batch_locked");
    if (!(await deleteDraftRow(tx, { ...ref, diplomaId: options.diplomaId }))) return fail("draft_not_found");
    await recordAudit(tx, options.actor, {
      action: "diploma.draft-delete",
      entityType: "diploma",
      entityId: options.diplomaId,
      organisationId: options.organisationId,
      details: { batchId: batch.id },
    });
    return ok({ diplomaId: options.diplomaId });
  });
});
