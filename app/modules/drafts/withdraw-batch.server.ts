import { type Database, withDefaultDb } from "~/lib/db.server";
import { fail, ok, type Result } from "~/lib/result";
import { recordAudit, type AuditActor } from "~/modules/audit/record-audit.server";
import { RETURN_REASON_MAX } from "./schema";
import { mailSubmitter, portalOrigin, userFullName } from "./batch-mail.server";
import { findOrganisationNameAndCode, lockBatch, markBatchWithdrawn } from "./queries.server";

export interface WithdrawBatchOptions {
  organisationId: string;
  batchId: string;
  actor: AuditActor & { userId: string };
  /** For the link in the registrar's mail; the configured origin by default. */
  publicOrigin?: string;
}

/**
 * Takes a submitted batch back to draft, so that it can be corrected. Too late once it is signed. The registrar who
 * submitted it hears of it by mail unless they withdrew it themselves.
 */
export const withdrawBatch = withDefaultDb(async function withdrawBatch(
  db: Database,
  options: WithdrawBatchOptions,
): Promise<Result<{ batchId: string }, "not_found" | "not_submitted">> {
  return sendBack(db, options, null);
});

/**
 * The principal sends a submitted batch back to the registrar (it becomes a draft again) with the reason, which the
 * registrar reads on the batch page and in the mail.
 */
export type ReturnBatchError = "not_found" | "not_submitted" | "reason_required";

export const returnBatch = withDefaultDb(async function returnBatch(
  db: Database,
  options: WithdrawBatchOptions & { reason: string },
): Promise<Result<{ batchId: string }, ReturnBatchError>> {
  const reason = options.reason.trim().slice(0, RETURN_REASON_MAX);
  if (reason.length < 3) return fail("reason_required", { reason: "issued.return.reasonRequired" });
  return sendBack(db, options, reason);
});

async function sendBack(
  db: Database,
  options: WithdrawBatchOptions,
  reason: string | null,
): Promise<Result<{ batchId: string }, "not_found" | "not_submitted">> {
  const ref = { organisationId: options.organisationId, batchId: options.batchId };
  return db.transaction(async (tx) => {
    const batch = await lockBatch(tx, ref);
    if (!batch) return fail("not_found");
    if (batch.status !== "submitted" || !(await markBatchWithdrawn(tx, { ...ref, returnReason: reason ?? undefined })))
      return fail("not_submitted");
    const submitter = batch.submittedBy ?? batch.createdBy;
    if (submitter !== options.actor.userId) {
      const school = await findOrganisationNameAndCode(tx, options.organisationId);
      await mailSubmitter(tx, {
        userId: submitter,
        template: "batch_returned",
        params: {
          schoolName: school?.name ?? "",
          batchTitle: batch.title,
          by: await userFullName(tx, options.actor.userId),
          how: reason === null ? "withdrawn" : "returned",
          reason,
          link: `${portalOrigin(options.publicOrigin)}/school/${school?.code ?? ""}/batches/${batch.id}`,
        },
      });
    }
    await recordAudit(tx, options.actor, {
      action: reason === null ? "diploma-batch.withdraw" : "diploma-batch.return",
      entityType: "diploma_batch",
      entityId: batch.id,
      organisationId: options.organisationId,
      ...(reason === null ? {} : { details: { reason } }),
    });
    return ok({ batchId: batch.id });
  });
}
