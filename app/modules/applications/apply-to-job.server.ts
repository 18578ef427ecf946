import { type Database, withDefaultDb } from "~/lib/db.server";
import { isUniqueViolation } from "~/lib/db.server";
import { fail, ok, type Result } from "~/lib/result";
import { recordAudit, type AuditActor } from "~/modules/audit/record-audit.server";
import { findPublicJob } from "~/modules/jobs/queries.server";
import { mailNewApplication } from "./application-mail.server";
import {
  addEvent,
  attachDiplomas,
  findJobFacts,
  findMailRecipient,
  hasConsent,
  insertApplication,
  ownIssuedDiplomaIds,
} from "./queries.server";

export type ApplyError = "job_not_open" | "already_applied" | "share_consent_required" | "not_your_diploma";

/**
 * A graduate applies to an open job in one step, attaching some of their issued diplomas. Attaching needs the
 * "share diplomas with an application" consent at that moment; the diplomas must be the graduate's own (in the query).
 * The employer's members are mailed in the same transaction.
 */
export const applyToJob = withDefaultDb(async function applyToJob(
  db: Database,
  options: {
    userId: string;
    jobId: string;
    diplomaIds: readonly string[];
    message: string | null;
    actor: AuditActor;
    now?: Date;
  },
): Promise<Result<{ applicationId: string }, ApplyError>> {
  const job = await findPublicJob(db, { jobId: options.jobId, now: options.now });
  if (!job) return fail("job_not_open");
  if (options.diplomaIds.length > 0) {
    if (!(await hasConsent(db, options.userId, "share_diplomas")))
      return fail("share_consent_required", { diplomaIds: "jobs.apply.error.share_consent_required" });
    const own = await ownIssuedDiplomaIds(db, options.userId, options.diplomaIds);
    if (own.length !== new Set(options.diplomaIds).size) return fail("not_your_diploma");
  }
  try {
    return await db.transaction(async (tx) => {
      const applicationId = await insertApplication(tx, {
        jobId: job.job.id,
        organisationId: job.job.organisationId,
        userId: options.userId,
        message: options.message,
      });
      if (!applicationId) return fail("already_applied");
      await attachDiplomas(tx, applicationId, [...new Set(options.diplomaIds)]);
      await addEvent(tx, { applicationId, kind: "applied", toStatus: "new", actorUserId: options.userId });
      await recordAudit(tx, options.actor, {
        action: "application.create",
        entityType: "application",
        entityId: applicationId,
        organisationId: job.job.organisationId,
        details: { jobId: job.job.id, diplomas: options.diplomaIds.length },
      });
      const applicant = await findMailRecipient(tx, options.userId);
      await mailNewApplication(tx, {
        applicant: applicant?.fullName ?? "",
        job: (await findJobFacts(tx, job.job.id))!,
        now: options.now,
      });
      return ok({ applicationId });
    });
  } catch (error) {
    if (isUniqueViolation(error, "applications_job_user_unique")) return fail("already_applied");
    throw error;
  }
});
