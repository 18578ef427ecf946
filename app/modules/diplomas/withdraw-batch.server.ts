import type { Database } from "~/lib/db.server";
import { fail, ok, type Result } from "~/lib/result";
import { recordAudit, type AuditActor } from "~/modules/audit/record-audit.server";
import { lockBatch, markBatchWithdrawn } from "./queries.server";

export interface WithdrawBatchOptions {
  organisationId: string;
  batchId: string;
  actor: AuditActor;
}

/** Takes a submitted batch back to draft, so that the registrar can correct it. Too late once it is signed. */
export async function withdrawBatch(db: Database, options: WithdrawBatchOptions): Promise<Result<{ batchId: string }, "not_found" | "not_submitted">> {
  const ref = { organisationId: options.organisationId, batchId: options.batchId };
  return db.transaction(async (tx) => {
    const batch = await lockBatch(tx, ref);
    if (!batch) return fail("not_found");
    if (batch.status !== "submitted" || !(await markBatchWithdrawn(tx, ref))) return fail("not_submitted");
    await recordAudit(tx, options.actor, {
      action: "diploma-batch.withdraw",
      entityType: "diploma_batch",
      entityId: batch.id,
      organisationId: options.organisationId,
    });
    return ok({ batchId: batch.id });
  });
}
