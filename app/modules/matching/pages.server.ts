import { and, eq, inArray } from "drizzle-orm";
import { jobInvitations, jobs, organisations, provinces, trainingLevels, users } from "../../../db/schema";
import type { Executor } from "~/lib/db.server";
import type { Locale } from "~/lib/i18n";
import { findEmployerJob } from "~/modules/jobs/queries.server";
import type { JobFilters } from "~/modules/jobs/schema";
import { listApplicationEvents, listJobApplications, listSharedDiplomas } from "~/modules/applications/queries.server";
import { localName } from "~/modules/reference/local-name";
import { verifyQrText } from "~/modules/verification/verify-qr.server";
import type { Verdict } from "~/modules/verification/verdict";
import { countJobsForGraduate, currentConsents, findGraduateProfile, listMatchDiplomasOf, loadMatchGraduate, loadMatchJobs, rankCandidatesForJob, rankJobsForGraduate } from "./queries.server";
import { CANDIDATES_PER_PAGE, MATCHES_PER_PAGE } from "./page-sizes";
import { foldSkills, scoreMatch, type MatchReason } from "./score";

/** What the matching pages load, once their route has run its guard. */

/** Level and province names in the reader's language, for putting reasons into words on the page. */
export async function loadReasonNames(db: Executor, locale: Locale) {
  const [levels, provinceRows] = await Promise.all([
    db
      .select({ code: trainingLevels.code, nameVi: trainingLevels.nameVi, nameEn: trainingLevels.nameEn, rank: trainingLevels.rank })
      .from(trainingLevels)
      .orderBy(trainingLevels.rank),
    db.select({ code: provinces.code, nameVi: provinces.nameVi, nameEn: provinces.nameEn }).from(provinces).orderBy(provinces.nameVi),
  ]);
  return {
    levels: levels.map((l) => ({ code: l.code, name: localName(l, locale), rank: l.rank })),
    provinces: provinceRows.map((p) => ({ code: p.code, name: localName(p, locale) })),
  };
}

/**
 * The verdict the public verify page gives a diploma, from the same code (verifyQrText on its QR path), not counted
 * in the public statistics.
 */
export async function verdictOf(db: Executor, qrPayload: string | null, origin: string): Promise<Verdict> {
  if (!qrPayload) return "malformed";
  const upper = qrPayload.toUpperCase();
  const path = `/V/${qrPayload.slice(upper.lastIndexOf("/V/") + 3)}`;
  return (await verifyQrText(db, path, { origin, count: false })).verdict;
}

export async function loadJobsForGraduate(db: Executor, options: { userId: string; filters: JobFilters; page: number; now?: Date }) {
  const now = options.now ?? new Date();
  const { graduate, diplomas } = await loadMatchGraduate(db, options.userId);
  const [ranked, total] = await Promise.all([
    rankJobsForGraduate(db, { graduate, filters: options.filters, now, limit: MATCHES_PER_PAGE, offset: (options.page - 1) * MATCHES_PER_PAGE }),
    countJobsForGraduate(db, { graduate, filters: options.filters, now }),
  ]);
  const ids = ranked.jobs.map((j) => j.jobId);
  const [matchJobs, rows] = await Promise.all([
    loadMatchJobs(db, ids),
    ids.length
      ? db
          .select({
            id: jobs.id,
            title: jobs.title,
            employerName: organisations.name,
            provinceCodes: jobs.provinceCodes,
            remote: jobs.remote,
            salaryMinVnd: jobs.salaryMinVnd,
            salaryMaxVnd: jobs.salaryMaxVnd,
            salaryNegotiable: jobs.salaryNegotiable,
            employmentType: jobs.employmentType,
            deadline: jobs.deadline,
          })
          .from(jobs)
          .innerJoin(organisations, eq(organisations.id, jobs.organisationId))
          .where(inArray(jobs.id, ids))
      : Promise.resolve([]),
  ]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const matches = ranked.jobs.flatMap((r) => {
    const job = byId.get(r.jobId);
    const match = matchJobs.get(r.jobId);
    const score = match ? scoreMatch(graduate, match, now) : null;
    return job && score ? [{ ...job, score: r.score, reasons: score.reasons }] : [];
  });
  return { total, matches, hasDiplomas: diplomas.length > 0 };
}

export interface CandidateView {
  userId: string;
  fullName: string;
  email: string | null;
  score: number;
  reasons: MatchReason[];
  diplomas: { id: string; programmeCode: string; programmeName: string; levelCode: string; schoolName: string; graduationYear: string; classification: string; serial: string | null; verdict: Verdict }[];
  contactable: boolean;
  invited: boolean;
}

/**
 * A job's ranked candidates for its employer: only graduates in the candidate pool (visible by consent), each
 * diploma with the verify page's verdict. Contact details only with the contact consent.
 */
export async function loadJobCandidates(db: Executor, options: { organisationId: string; jobId: string; origin: string; now?: Date }) {
  const now = options.now ?? new Date();
  const job = await findEmployerJob(db, { organisationId: options.organisationId, jobId: options.jobId });
  if (!job) return null;
  const match = (await loadMatchJobs(db, [job.id])).get(job.id)!;
  const ranked = await rankCandidatesForJob(db, { job: match, now, limit: CANDIDATES_PER_PAGE });
  const userIds = ranked.map((r) => r.userId);
  const [diplomasByUser, people, invitations] = await Promise.all([
    listMatchDiplomasOf(db, userIds),
    userIds.length ? db.select({ id: users.id, fullName: users.fullName, email: users.email }).from(users).where(inArray(users.id, userIds)) : Promise.resolve([]),
    userIds.length
      ? db.select({ userId: jobInvitations.userId }).from(jobInvitations).where(and(eq(jobInvitations.jobId, job.id), inArray(jobInvitations.userId, userIds)))
      : Promise.resolve([]),
  ]);
  const peopleById = new Map(people.map((p) => [p.id, p]));
  const invited = new Set(invitations.map((i) => i.userId));
  const candidates: CandidateView[] = [];
  for (const r of ranked) {
    const diplomas = diplomasByUser.get(r.userId) ?? [];
    const [profile, consents] = await Promise.all([findGraduateProfile(db, r.userId), currentConsents(db, r.userId)]);
    const score = scoreMatch({ diplomas, provinceCodes: profile.provinceCodes, skills: foldSkills(profile.skills) }, match, now);
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
    });
  }
  return { job, candidates };
}

/** A job's applicants with their pipeline history and the diplomas they share (each with its verdict). */
export async function loadJobApplications(db: Executor, options: { organisationId: string; jobId: string; origin: string }) {
  const job = await findEmployerJob(db, options);
  if (!job) return null;
  const list = await listJobApplications(db, options);
  const ids = list.map((a) => a.id);
  const [events, shared] = await Promise.all([
    listApplicationEvents(db, { organisationId: options.organisationId, applicationIds: ids }),
    listSharedDiplomas(db, { organisationId: options.organisationId, applicationIds: ids }),
  ]);
  const sharedWithVerdicts = await Promise.all(shared.map(async (d) => ({ ...d, qrPayload: undefined, verdict: await verdictOf(db, d.qrPayload, options.origin) })));
  return {
    job,
    applications: list.map((a) => ({
      ...a,
      createdAt: a.createdAt.toISOString(),
      events: events.filter((e) => e.applicationId === a.id).map((e) => ({ ...e, at: e.at.toISOString() })),
      diplomas: sharedWithVerdicts.filter((d) => d.applicationId === a.id),
    })),
  };
}
