import { type Database, withDefaultDb } from "~/lib/db.server";
import { fail, ok, type Result } from "~/lib/result";
import { recordAudit, type AuditActor } from "~/modules/audit/record-audit.server";
import { vietnamDate } from "~/lib/format-time";
import type { Organisation } from "../../../db/schema";
import { alertSavedSearches } from "./saved-searches.server";
import { effectiveJobStatus, findEmployerJob, setJobStatus, syncJobMatchTargets } from "./queries.server";

export type JobTransition = "publish" | "close" | "reopen";
export type ChangeJobStatusError = "not_found" | "employer_pending" | "deadline_past" | "not_allowed";

/**
 * Publishes, closes or reopens one of the employer's jobs. Publishing (and reopening) needs an employer the ministry
 * has accredited and a deadline not yet past; it writes the job's matching rows and raises saved-search alerts in
 * the same transaction, so a published job is matched the moment it commits.
 */
export const changeJobStatus = withDefaultDb(async function changeJobStatus(
  db: Database,
  options: {
    organisation: Pick<Organisation, "id" | "status">;
    jobId: string;
    transition: JobTransition;
    actor: AuditActor;
    now?: Date;
  },
): Promise<Result<{ status: string }, ChangeJobStatusError>> {
  const now = options.now ?? new Date();
  const { organisation, transition } = options;
  return db.transaction(async (tx) => {
    const job = await findEmployerJob(tx, { organisationId: organisation.id, jobId: options.jobId, forUpdate: true });
    if (!job) return fail("not_found");
    const current = effectiveJobStatus(job, now);
    if (transition === "close") {
      if (current !== "published") return fail("not_allowed");
      await setJobStatus(tx, { jobId: job.id, status: "closed", closedAt: now });
      await syncJobMatchTargets(tx, { jobId: job.id, now });
    } else {
      const from = transition === "publish" ? ["draft"] : ["closed", "expired"];
      if (!from.includes(current)) return fail("not_allowed");
      if (organisation.status !== "accredited") return fail("employer_pending");
      if (job.deadline < vietnamDate(now)) return fail("deadline_past");
      await setJobStatus(tx, { jobId: job.id, status: "published", publishedAt: now, closedAt: null });
      await syncJobMatchTargets(tx, { jobId: job.id, now });
      await alertSavedSearches(tx, { jobId: job.id, now });
    }
    await recordAudit(tx, options.actor, {
      action: `job.${transition}`,
      entityType: "job",
      entityId: job.id,
      organisationId: organisation.id,
    });
    return ok({ status: transition === "close" ? "closed" : "published" });
  });
});
