import { eq, inArray } from "drizzle-orm";
import { jobs, occupations, organisations, programmes, provinces, trainingLevels } from "../../../db/schema";
import { type Executor, withDefaultDb } from "~/lib/db.server";
import type { Locale } from "~/lib/i18n";
import { sortByVietnamese } from "~/lib/vietnamese-order";
import type { JobFilters } from "~/modules/jobs/schema";
import { localName } from "~/modules/reference/local-name";
import { verifyQrText } from "~/modules/verification/verify-qr.server";
import type { Verdict } from "~/modules/verification/verdict";
import { countJobsForGraduate, loadMatchGraduate, loadMatchJobs, rankJobsForGraduate } from "./queries.server";
import { MATCHES_PER_PAGE } from "./page-sizes";
import { scoreMatch, type MatchReason } from "./score";

/** What the matching pages load, once their route has run its guard. */

/**
 * Level and province names for putting reasons into words and for the filters: `name` in the reader's language
 * (`nameEn` kept for callers that choose themselves), provinces in Vietnamese order.
 */
export const loadReasonNames = withDefaultDb(async function loadReasonNames(db: Executor, locale: Locale) {
  const [levels, provinceRows] = await Promise.all([
    db
      .select({
        code: trainingLevels.code,
        nameVi: trainingLevels.nameVi,
        nameEn: trainingLevels.nameEn,
        rank: trainingLevels.rank,
      })
      .from(trainingLevels)
      .orderBy(trainingLevels.rank),
    db.select({ code: provinces.code, nameVi: provinces.nameVi, nameEn: provinces.nameEn }).from(provinces),
  ]);
  return {
    levels: levels.map((l) => ({ code: l.code, name: localName(l, locale), nameEn: l.nameEn, rank: l.rank })),
    provinces: sortByVietnamese(provinceRows, (p) => p.nameVi).map((p) => ({
      code: p.code,
      name: localName(p, locale),
      nameEn: p.nameEn,
    })),
  };
});

/** The names of the programmes and occupations that `reasons` quote, so the page names them instead of their codes. */
export const loadReasonCodeNames = withDefaultDb(async function loadReasonCodeNames(
  db: Executor,
  reasons: readonly (readonly MatchReason[])[],
) {
  const programmeCodes = new Set<string>();
  const occupationCodes = new Set<string>();
  for (const list of reasons) {
    for (const r of list) {
      if (r.kind !== "programme") continue;
      programmeCodes.add(r.programmeCode);
      if (r.occupationCode) occupationCodes.add(r.occupationCode);
    }
  }
  return loadCodeNames(db, { programmeCodes, occupationCodes });
});

/** Programme and occupation names (Vietnamese and English) for the given codes. */
export const loadCodeNames = withDefaultDb(async function loadCodeNames(
  db: Executor,
  codes: { programmeCodes: Iterable<string>; occupationCodes: Iterable<string> },
) {
  const programmeCodes = new Set(codes.programmeCodes);
  const occupationCodes = new Set(codes.occupationCodes);
  type Named = { code: string; name: string; nameEn: string | null };
  const none: Named[] = [];
  const [programmeRows, occupationRows] = await Promise.all([
    programmeCodes.size
      ? db
          .select({ code: programmes.code, name: programmes.nameVi, nameEn: programmes.nameEn })
          .from(programmes)
          .where(inArray(programmes.code, [...programmeCodes]))
      : Promise.resolve(none),
    occupationCodes.size
      ? db
          .select({ code: occupations.code, name: occupations.nameVi, nameEn: occupations.nameEn })
          .from(occupations)
          .where(inArray(occupations.code, [...occupationCodes]))
      : Promise.resolve(none),
  ]);
  return { programmes: programmeRows, occupations: occupationRows };
});

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

export const loadJobsForGraduate = withDefaultDb(async function loadJobsForGraduate(
  db: Executor,
  options: { userId: string; filters: JobFilters; page: number; now?: Date },
) {
  const now = options.now ?? new Date();
  const { graduate, diplomas } = await loadMatchGraduate(db, options.userId);
  const [ranked, total] = await Promise.all([
    rankJobsForGraduate(db, {
      graduate,
      filters: options.filters,
      now,
      limit: MATCHES_PER_PAGE,
      offset: (options.page - 1) * MATCHES_PER_PAGE,
    }),
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
  return {
    total,
    matches,
    hasDiplomas: diplomas.length > 0,
    ...(await loadReasonCodeNames(
      db,
      matches.map((m) => m.reasons),
    )),
  };
});
