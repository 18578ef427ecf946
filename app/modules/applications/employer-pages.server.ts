import { and, eq, inArray } from "drizzle-orm";
import { jobInvitations, users, type ApplicationStatus } from "../../../db/schema";
import { type Executor, withDefaultDb } from "~/lib/db.server";
import { findEmployerJob } from "~/modules/jobs/queries.server";
import { loadReasonCodeNames, verdictOf } from "~/modules/matching/pages.server";
import { CANDIDATES_PER_PAGE } from "~/modules/matching/page-sizes";
import {
  currentConsents,
  findGraduateProfile,
  listMatchDiplomasOf,
  loadMatchJobs,
  matchPreferences,
  rankCandidatesForJob,
} from "~/modules/matching/queries.server";
import { scoreMatch, type MatchReason } from "~/modules/matching/score";
import type { Verdict } from "~/modules/verification/verdict";
import {
  listApplicationEvents,
  listApplicationStages,
  listJobApplications,
  listSharedDiplomas,
} from "./queries.server";

/** What an employer's job pages load about people: the ranked candidates and the applicants. */

export interface CandidateView {
  userId: string;
  fullName: string;
  email: string | null;
  score: number;
  reasons: MatchReason[];
  diplomas: {
    id: string;
    programmeCode: string;
    programmeName: string;
    levelCode: string;
    schoolName: string;
    graduationYear: string;
    classification: string;
    serial: string | null;
    verdict: Verdict;
  }[];
  contactable: boolean;
  invited: boolean;
  /** Their application's stage when they applied to this job: then they are not offered an invitation. */
  applicationStatus: ApplicationStatus | null;
}

/**
 * A job's ranked candidates for its employer: only graduates in the candidate pool (visible by consent), each
 * diploma with the verify page's verdict. Contact details only with the contact consent.
 */
export const loadJobCandidates = withDefaultDb(async function loadJobCandidates(
  db: Executor,
  options: { organisationId: string; jobId: string; origin: string; now?: Date },
) {
  const now = options.now ?? new Date();
  const job = await findEmployerJob(db, { organisationId: options.organisationId, jobId: options.jobId });
  if (!job) return null;
  const match = (await loadMatchJobs(db, [job.id])).get(job.id)!;
  const ranked = await rankCandidatesForJob(db, { job: match, now, limit: CANDIDATES_PER_PAGE });
  const userIds = ranked.map((r) => r.userId);
  const [diplomasByUser, people, invitations, stages] = await Promise.all([
    listMatchDiplomasOf(db, userIds),
    userIds.length
      ? db
          .select({ id: users.id, fullName: users.fullName, email: users.email })
          .from(users)
          .where(inArray(users.id, userIds))
      : Promise.resolve([]),
    userIds.length
      ? db
          .select({ userId: jobInvitations.userId })
          .from(jobInvitations)
          .where(and(eq(jobInvitations.jobId, job.id), inArray(jobInvitations.userId, userIds)))
      : Promise.resolve([]),
    listApplicationStages(db, { organisationId: options.organisationId, jobId: job.id, userIds }),
  ]);
  const peopleById = new Map(people.map((p) => [p.id, p]));
  const invited = new Set(invitations.map((i) => i.userId));
  const candidates: CandidateView[] = [];
  for (const r of ranked) {
    const diplomas = diplomasByUser.get(r.userId) ?? [];
    const [profile, consents] = await Promise.all([findGraduateProfile(db, r.userId), currentConsents(db, r.userId)]);
    const score = scoreMatch({ diplomas, ...matchPreferences(profile) }, match, now);
    const person = peopleById.get(r.userId);
    candidates.push({
      userId: r.userId,
      fullName: person?.fullName ?? "",
      email: consents.has("may_be_contacted") ? (person?.email ?? null) : null,
      score: r.score,
      reasons: score?.reasons ?? [],
      diplomas: await Promise.all(
        diplomas.map(async (d) => ({
          id: d.id,
          programmeCode: d.programmeCode,
          programmeName: d.programmeName,
          levelCode: d.levelCode,
          schoolName: d.schoolName,
          graduationYear: d.graduationDate.slice(0, 4),
          classification: d.classification,
          serial: d.serial,
          verdict: await verdictOf(db, d.qrPayload, options.origin),
        })),
      ),
      contactable: consents.has("may_be_contacted"),
      invited: invited.has(r.userId),
      applicationStatus: stages.get(r.userId) ?? null,
    });
  }
  return {
    job,
    candidates,
    ...(await loadReasonCodeNames(
      db,
      candidates.map((c) => c.reasons),
    )),
  };
});

/** A job's applicants with their pipeline history and the diplomas they share (each with its verdict). */
export const loadJobApplications = withDefaultDb(async function loadJobApplications(
  db: Executor,
  options: { organisationId: string; jobId: string; origin: string },
) {
  const job = await findEmployerJob(db, options);
  if (!job) return null;
  const list = await listJobApplications(db, options);
  const ids = list.map((a) => a.id);
  const [events, shared] = await Promise.all([
    listApplicationEvents(db, { organisationId: options.organisationId, applicationIds: ids }),
    listSharedDiplomas(db, { organisationId: options.organisationId, applicationIds: ids }),
  ]);
  const sharedWithVerdicts = await Promise.all(
    shared.map(async (d) => ({
      ...d,
      qrPayload: undefined,
      verdict: await verdictOf(db, d.qrPayload, options.origin),
    })),
  );
  return {
    job,
    applications: list.map((a) => ({
      ...a,
      // Applying implies consent to be contacted by this employer about this job; withdrawing ends it.
      email: a.status === "withdrawn" ? null : a.email,
      createdAt: a.createdAt.toISOString(),
      events: events.filter((e) => e.applicationId === a.id).map((e) => ({ ...e, at: e.at.toISOString() })),
      diplomas: sharedWithVerdicts.filter((d) => d.applicationId === a.id),
    })),
  };
});
