import { type Database, withDefaultDb } from "~/lib/db.server";
import { fail, ok, type Result } from "~/lib/result";
import { recordAudit, type AuditActor } from "~/modules/audit/record-audit.server";
import { vietnamDate } from "~/lib/format-time";
import { occupationExists } from "~/modules/reference/code-choices.server";
import { checkJobReferences, findEmployerJob, insertJob, syncJobMatchTargets, updateJobRow } from "./queries.server";
import type { JobInput } from "./schema";

export type SaveJobError = "invalid" | "not_found";

export interface SaveJobOptions {
  organisationId: string;
  /** Absent: a new draft. */
  jobId?: string;
  input: JobInput;
  actor: AuditActor & { userId: string };
  now?: Date;
}

/**
 * Creates a draft job or edits one of the employer's jobs. The references (programmes, occupation, level, provinces) must exist
 * and the deadline must not be past. An open job's matching rows follow the edit in the same transaction.
 */
export const saveJob = withDefaultDb(async function saveJob(
  db: Database,
  options: SaveJobOptions,
): Promise<Result<{ jobId: string }, SaveJobError>> {
  const { input, organisationId } = options;
  const fieldErrors: Record<string, string> = {};
  if (input.deadline < vietnamDate(options.now)) fieldErrors.deadline = "jobs.validation.deadlinePast";
  const refs = await checkJobReferences(db, input);
  if (refs.unknownProgrammes.length > 0) fieldErrors.programmeCodes = "jobs.validation.unknownProgramme";
  if (!refs.levelExists) fieldErrors.minLevelCode = "jobs.validation.minLevel";
  if (!refs.provincesExist) fieldErrors.provinceCodes = "jobs.validation.province";
  if (input.occupationCode && !(await occupationExists(db, input.occupationCode)))
    fieldErrors.occupationCode = "jobs.validation.unknownOccupation";
  if (Object.keys(fieldErrors).length > 0) return fail("invalid", fieldErrors);

  return db.transaction(async (tx) => {
    let jobId = options.jobId;
    if (jobId) {
      const existing = await findEmployerJob(tx, { organisationId, jobId, forUpdate: true });
      if (!existing) return fail("not_found");
      await updateJobRow(tx, { organisationId, jobId, input });
      if (existing.status === "published") await syncJobMatchTargets(tx, { jobId, now: options.now });
    } else {
      jobId = await insertJob(tx, { organisationId, input, createdBy: options.actor.userId });
    }
    await recordAudit(tx, options.actor, {
      action: options.jobId ? "job.update" : "job.create",
      entityType: "job",
      entityId: jobId,
      organisationId,
      details: { title: input.title },
    });
    return ok({ jobId });
  });
});
