import type { BatchRowOrder } from "../../../db/schema";
import { type Database, withDefaultDb } from "~/lib/db.server";
import { fail, ok, type Result } from "~/lib/result";
import { recordAudit, type AuditActor } from "~/modules/audit/record-audit.server";
import { lockBatch, setBatchRowOrder } from "./queries.server";

/**
 * The registrar chooses the order of a draft batch's list (batch-order.ts): the order the principal sees and signs,
 * in which the register numbers are given. Frozen once the batch is submitted.
 */
export const orderBatch = withDefaultDb(async function orderBatch(
  db: Database,
  options: { organisationId: string; batchId: string; rowOrder: BatchRowOrder; actor: AuditActor },
): Promise<Result<{ changed: boolean }, "not_found" | "batch_locked">> {
  const ref = { organisationId: options.organisationId, batchId: options.batchId };
  return db.transaction(async (tx) => {
    const batch = await lockBatch(tx, ref);
    if (!batch) return fail("not_found");
    if (batch.status !== "draft") return fail("batch_locked");
    if (batch.rowOrder === options.rowOrder) return ok({ changed: false });
    await setBatchRowOrder(tx, { ...ref, rowOrder: options.rowOrder });
    await recordAudit(tx, options.actor, {
      action: "diploma-batch.order",
      entityType: "diploma_batch",
      entityId: batch.id,
      organisationId: options.organisationId,
      details: { from: batch.rowOrder, to: options.rowOrder },
    });
    return ok({ changed: true });
  });
});
