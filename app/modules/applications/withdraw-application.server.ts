import { type Database, withDefaultDb } from "~/lib/db.server";
import { fail, ok, type Result } from "~/lib/result";
import { recordAudit, type AuditActor } from "~/modules/audit/record-audit.server";
import { mailNewApplication } from "./application-mail.server";
import { canWithdraw } from "./pipeline";
import {
  addEvent,
  findJobFacts,
  findMailRecipient,
  lockGraduateApplication,
  setApplicationStatus,
} from "./queries.server";

export type WithdrawApplicationError = "not_found" | "not_allowed";

/**
 * The graduate withdraws their own application (ownership in the query: another person's application is "not
 * found") while it is still open. The status becomes `withdrawn`, final for the employer, who sees it as such and
 * is told by mail.
 */
export const withdrawApplication = withDefaultDb(async function withdrawApplication(
  db: Database,
  options: { userId: string; applicationId: string; actor: AuditActor & { userId: string } },
): Promise<Result<null, WithdrawApplicationError>> {
  return db.transaction(async (tx) => {
    const application = await lockGraduateApplication(tx, options);
    if (!application) return fail("not_found");
    if (!canWithdraw(application.status)) return fail("not_allowed");
    await setApplicationStatus(tx, { applicationId: application.id, status: "withdrawn" });
    await addEvent(tx, {
      applicationId: application.id,
      kind: "status",
      fromStatus: application.status,
      toStatus: "withdrawn",
      actorUserId: options.userId,
    });
    await recordAudit(tx, options.actor, {
      action: "application.withdraw",
      entityType: "application",
      entityId: application.id,
      organisationId: application.organisationId,
      details: { jobId: application.jobId, from: application.status },
    });
    const [applicant, job] = await Promise.all([
      findMailRecipient(tx, options.userId),
      findJobFacts(tx, application.jobId),
    ]);
    if (job) await mailNewApplication(tx, { applicant: applicant?.fullName ?? "", job, withdrawn: true });
    return ok(null);
  });
});
