import { type Database, withDefaultDb } from "~/lib/db.server";
import { fail, ok, type Result } from "~/lib/result";
import { recordAudit, type AuditActor } from "~/modules/audit/record-audit.server";
import { mailPrincipalsBatchSubmitted, portalOrigin, userFullName } from "./batch-mail.server";
import {
  countBatchDrafts,
  findOrganisationNameAndCode,
  findOrganisationStatus,
  listInactiveProgrammesInBatch,
  lockBatch,
  markBatchSubmitted,
} from "./queries.server";

export interface SubmitBatchOptions {
  organisationId: string;
  batchId: string;
  actor: AuditActor & { userId: string };
  /** For the link in the principals' mail; the configured origin by default. */
  publicOrigin?: string;
}

export type SubmitBatchFailure =
  "not_found" | "batch_locked" | "empty_batch" | "inactive_programmes" | "school_not_accredited";

/**
 * Hands a batch to the principal for signing: draft → submitted. It must hold at least one draft, and every
 * draft's programme must still be active (one may have been deactivated since the draft was made). From then on
 * the batch is read-only until it is signed or withdrawn.
 */
export const submitBatch = withDefaultDb(async function submitBatch(
  db: Database,
  options: SubmitBatchOptions,
): Promise<Result<{ draftCount: number }, SubmitBatchFailure> & { inactiveProgrammes?: string[] }> {
  const ref = { organisationId: options.organisationId, batchId: options.batchId };
  return db.transaction(async (tx) => {
    const batch = await lockBatch(tx, ref);
    if (!batch) return fail("not_found");
    if (batch.status !== "draft") return fail("batch_locked");
    if ((await findOrganisationStatus(tx, options.organisationId)) !== "accredited")
      return fail("school_not_accredited");
    const draftCount = await countBatchDrafts(tx, ref);
    if (draftCount === 0) return fail("empty_batch");
    const inactive = await listInactiveProgrammesInBatch(tx, ref);
    if (inactive.length > 0) return { ...fail("inactive_programmes"), inactiveProgrammes: inactive };
    await markBatchSubmitted(tx, { ...ref, submittedBy: options.actor.userId });
    const school = await findOrganisationNameAndCode(tx, options.organisationId);
    const mailed = await mailPrincipalsBatchSubmitted(tx, {
      organisationId: options.organisationId,
      submittedBy: options.actor.userId,
      params: {
        schoolName: school?.name ?? "",
        batchTitle: batch.title,
        count: draftCount,
        submittedBy: await userFullName(tx, options.actor.userId),
        link: `${portalOrigin(options.publicOrigin)}/school/${school?.code ?? ""}/batches/${batch.id}/sign`,
      },
    });
    await recordAudit(tx, options.actor, {
      action: "diploma-batch.submit",
      entityType: "diploma_batch",
      entityId: batch.id,
      organisationId: options.organisationId,
      details: { drafts: draftCount, principalsMailed: mailed },
    });
    return ok({ draftCount });
  });
});
