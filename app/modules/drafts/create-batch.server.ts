import { type Database, withDefaultDb } from "~/lib/db.server";
import { recordAudit, type AuditActor } from "~/modules/audit/record-audit.server";
import { insertBatch } from "./queries.server";
import type { BatchInput } from "./schema";

export interface CreateBatchOptions {
  organisationId: string;
  input: BatchInput;
  actor: AuditActor & { userId: string };
}

/** Opens a new batch (status draft) for the registrar to fill. Nothing can go wrong that is not a bug: no Result. */
export const createBatch = withDefaultDb(async function createBatch(
  db: Database,
  options: CreateBatchOptions,
): Promise<{ batchId: string }> {
  return db.transaction(async (tx) => {
    const batch = await insertBatch(tx, {
      organisationId: options.organisationId,
      title: options.input.title,
      createdBy: options.actor.userId,
    });
    await recordAudit(tx, options.actor, {
      action: "diploma-batch.create",
      entityType: "diploma_batch",
      entityId: batch.id,
      organisationId: options.organisationId,
      details: { title: batch.title },
    });
    return { batchId: batch.id };
  });
});
