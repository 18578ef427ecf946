import { jobInvitations } from "../../../db/schema";
import { type Database, withDefaultDb } from "~/lib/db.server";
import { fail, ok, type Result } from "~/lib/result";
import { recordAudit, type AuditActor } from "~/modules/audit/record-audit.server";
import { vietnamDate } from "~/lib/format-time";
import { findEmployerJob } from "~/modules/jobs/queries.server";
import { notify } from "~/modules/jobs/saved-searches.server";
import { isInCandidatePool } from "~/modules/matching/queries.server";
import { mailInvitation } from "./application-mail.server";
import { findGraduateApplication, findJobFacts, hasConsent } from "./queries.server";

export type InviteError =
  "not_found" | "job_not_open" | "not_visible" | "no_contact_consent" | "already_invited" | "already_applied";

/**
 * The employer invites a matching graduate to apply. The graduate must be visible now (in the candidate pool) and
 * consent to be contacted, and must not have applied already; the invitation reaches them as an in-app notification
 * and a mail (no address is disclosed to the employer).
 */
export const inviteCandidate = withDefaultDb(async function inviteCandidate(
  db: Database,
  options: {
    organisationId: string;
    jobId: string;
    userId: string;
    actor: AuditActor & { userId: string };
    now?: Date;
  },
): Promise<Result<null, InviteError>> {
  return db.transaction(async (tx) => {
    const job = await findEmployerJob(tx, { organisationId: options.organisationId, jobId: options.jobId });
    if (!job) return fail("not_found");
    if (job.status !== "published" || job.deadline < vietnamDate(options.now)) return fail("job_not_open");
    if (!(await isInCandidatePool(tx, options.userId))) return fail("not_visible");
    if (!(await hasConsent(tx, options.userId, "may_be_contacted"))) return fail("no_contact_consent");
    if (await findGraduateApplication(tx, { userId: options.userId, jobId: job.id })) return fail("already_applied");
    const rows = await tx
      .insert(jobInvitations)
      .values({ jobId: job.id, userId: options.userId, invitedBy: options.actor.userId })
      .onConflictDoNothing()
      .returning({ jobId: jobInvitations.jobId });
    if (rows.length === 0) return fail("already_invited");
    const facts = (await findJobFacts(tx, job.id))!;
    await notify(tx, {
      userId: options.userId,
      kind: "invitation",
      jobId: job.id,
      details: { title: facts.title, company: facts.company },
    });
    await mailInvitation(tx, { userId: options.userId, job: facts, now: options.now });
    await recordAudit(tx, options.actor, {
      action: "job.invite",
      entityType: "job",
      entityId: job.id,
      organisationId: options.organisationId,
      details: { userId: options.userId },
    });
    return ok(null);
  });
});
