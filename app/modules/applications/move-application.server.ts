import type { ApplicationStatus } from "../../../db/schema";
import { type Database, withDefaultDb } from "~/lib/db.server";
import { fail, ok, type Result } from "~/lib/result";
import { recordAudit, type AuditActor } from "~/modules/audit/record-audit.server";
import { notify } from "~/modules/jobs/saved-searches.server";
import { canMove } from "./pipeline";
import { mailApplicationStatus } from "./application-mail.server";
import { addEvent, findJobFacts, lockEmployerApplication, setApplicationStatus } from "./queries.server";

export type MoveApplicationError = "not_found" | "not_allowed";

/**
 * The employer moves an applicant along the pipeline or adds a note. The application is found through the employer
 * (ownership in the query): another employer's application is "not found". The graduate is notified of a move, in
 * the app and by mail. A withdrawn application is final: it cannot be moved.
 */
export const moveApplication = withDefaultDb(async function moveApplication(
  db: Database,
  options: { organisationId: string; applicationId: string } & ({ status: ApplicationStatus } | { note: string }) & {
      actor: AuditActor & { userId: string };
    },
): Promise<Result<null, MoveApplicationError>> {
  return db.transaction(async (tx) => {
    const application = await lockEmployerApplication(tx, options);
    if (!application) return fail("not_found");
    if ("status" in options) {
      if (!canMove(application.status, options.status)) return fail("not_allowed");
      await setApplicationStatus(tx, { applicationId: application.id, status: options.status });
      await addEvent(tx, {
        applicationId: application.id,
        kind: "status",
        fromStatus: application.status,
        toStatus: options.status,
        actorUserId: options.actor.userId,
      });
      const job = (await findJobFacts(tx, application.jobId))!;
      await notify(tx, {
        userId: application.userId,
        kind: "application_status",
        jobId: application.jobId,
        details: { status: options.status, title: job.title, company: job.company },
      });
      await mailApplicationStatus(tx, { userId: application.userId, job, status: options.status });
    } else {
      await addEvent(tx, {
        applicationId: application.id,
        kind: "note",
        note: options.note,
        actorUserId: options.actor.userId,
      });
    }
    await recordAudit(tx, options.actor, {
      action: "status" in options ? "application.move" : "application.note",
      entityType: "application",
      entityId: application.id,
      organisationId: options.organisationId,
      details: "status" in options ? { from: application.status, to: options.status } : {},
    });
    return ok(null);
  });
});
