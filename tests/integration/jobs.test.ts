/**
 * Jobs and matching end to end through routes and use-cases (PGlite, and PostgreSQL when TEST_DATABASE_URL is set):
 * posting (pending employers prepare but cannot publish), bad input refused with a message, public list with
 * unaccented search, JSON-LD, expiry at the deadline, graduates' matches with reasons, consents, applying with
 * verified diplomas, the pipeline, and employers never reading what is not theirs.
 */
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  applications,
  auditLog,
  candidatePool,
  diplomas,
  jobAlertDigests,
  jobMatchTargets,
  jobs,
  mailOutbox,
  notifications,
  organisations,
} from "~db/schema";
import { sendJobAlertDigests } from "~/modules/jobs/job-alert-digest.server";
import * as employerJobs from "~/routes/employer.$code.jobs._index";
import * as graduateApplications from "~/routes/graduate.applications";
import * as codeSuggestions from "~/routes/employer.$code.code-suggestions";
import { normaliseClaimCode } from "~/modules/diplomas/claim-code";
import { claimCodeOf } from "~/modules/diplomas/claim-code.server";
import { claimDiploma } from "~/modules/diplomas/claim-diploma.server";
import { changeConsent } from "~/modules/graduates/change-consent.server";
import { changeJobStatus } from "~/modules/jobs/change-job-status.server";
import { expirePastDeadline, listPublicJobs } from "~/modules/jobs/queries.server";
import { saveSearch } from "~/modules/jobs/saved-searches.server";
import * as employerApplications from "~/routes/employer.$code.jobs.$jobId.applications";
import * as employerCandidates from "~/routes/employer.$code.jobs.$jobId.candidates";
import * as employerJob from "~/routes/employer.$code.jobs.$jobId._index";
import * as newJob from "~/routes/employer.$code.jobs.new";
import * as graduateJobs from "~/routes/graduate.jobs";
import * as graduateProfile from "~/routes/graduate.profile";
import * as publicJob from "~/routes/jobs.$jobId";
import * as publicJobs from "~/routes/jobs._index";
import * as schoolJobs from "~/routes/school.$code.jobs";
import * as adminProvinces from "~/routes/admin.reference.provinces";
import { listProvinceNeighbours } from "~/modules/reference/save-province-neighbours.server";
import { graduateOf, schoolWithSignedDiplomas, signedIn } from "../support/issued";
import { employerWithMember, graduateHolding, jobInput, postJob, signedDiplomas } from "../support/jobs";
import { callRoute, routeArgs } from "../support/routes";
import { testDatabaseKind, withTestDatabase } from "../support/test-database";

const form = (input = jobInput()): Record<string, string> => ({
  intent: "save",
  title: input.title,
  description: input.description,
  programmeCodes: input.programmeCodes.join(","),
  occupationCode: input.occupationCode ?? "",
  minLevelCode: input.minLevelCode,
  provinceCodes: input.provinceCodes.join(","),
  salaryMinVnd: String(input.salaryMinVnd ?? ""),
  salaryMaxVnd: String(input.salaryMaxVnd ?? ""),
  employmentType: input.employmentType,
  openings: String(input.openings),
  skills: input.skills.join(", "),
  deadline: input.deadline,
});

describe(`jobs (${testDatabaseKind()})`, () => {
  const t = withTestDatabase();

  it("a pending employer prepares a job but cannot publish it; once approved it publishes", async () => {
    const employer = await employerWithMember(t.db, "pending");
    const member = await signedIn(t.db, { id: employer.member.id });
    const params = { code: employer.org.code };
    const created = await callRoute(
      newJob.action,
      member.post(`/employer/${employer.org.code}/jobs/new`, form(), params),
    );
    expect(created.status).toBe(302);
    const jobId = created.location!.split("/jobs/")[1]!.split("?")[0]!;

    const refused = await callRoute(employerJob.action, member.post("/x", { intent: "publish" }, { ...params, jobId }));
    expect(refused.status).toBe(409);
    expect((refused.body as { formError: string }).formError).toBe("jobs.error.employer_pending");

    await t.db.update(organisations).set({ status: "accredited" }).where(eq(organisations.id, employer.org.id));
    const published = await callRoute(
      employerJob.action,
      member.post("/x", { intent: "publish" }, { ...params, jobId }),
    );
    expect(published.status).toBe(302);
    const [row] = await t.db.select().from(jobs).where(eq(jobs.id, jobId));
    expect(row!.status).toBe("published");
    const audit = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, jobId), eq(auditLog.action, "job.publish")));
    expect(audit).toHaveLength(1);
  });

  it("refuses a salary minimum above the maximum, a past deadline and unknown programmes, with messages and the values kept", async () => {
    const employer = await employerWithMember(t.db);
    const member = await signedIn(t.db, { id: employer.member.id });
    const params = { code: employer.org.code };
    const salary = await callRoute(
      newJob.action,
      member.post("/x", { ...form(), salaryMinVnd: "20.000.000", salaryMaxVnd: "10.000.000" }, params),
    );
    expect(salary.status).toBe(400);
    expect((salary.body as { fieldErrors: Record<string, string> }).fieldErrors.salaryMaxVnd).toBe(
      "jobs.validation.salaryRange",
    );
    expect((salary.body as { values: Record<string, string> }).values.title).toBe("Nhân viên kế toán");

    const past = await callRoute(newJob.action, member.post("/x", { ...form(), deadline: "2020-01-01" }, params));
    expect(past.status).toBe(400);
    expect((past.body as { fieldErrors: Record<string, string> }).fieldErrors.deadline).toBe(
      "jobs.validation.deadlinePast",
    );

    const unknown = await callRoute(newJob.action, member.post("/x", { ...form(), programmeCodes: "6999999" }, params));
    expect((unknown.body as { fieldErrors: Record<string, string> }).fieldErrors.programmeCodes).toBe(
      "jobs.validation.unknownProgramme",
    );
    expect(await t.db.select().from(jobs)).toHaveLength(0);
  });

  it("lists open jobs publicly, found without diacritics, with schema.org JobPosting on the job page", async () => {
    const employer = await employerWithMember(t.db);
    const open = await postJob(t.db, employer);
    await postJob(t.db, employer, {
      title: "Thợ hàn",
      description: "Hàn kết cấu thép nhà xưởng.",
      programmeCodes: ["5520123"],
      skills: ["hàn MIG"],
    });
    await postJob(t.db, employer, { title: "Kế toán bản nháp" }, { draft: true });

    const list = await callRoute(publicJobs.loader, routeArgs(new Request("http://localhost/jobs?q=ke+toan")));
    expect(list.status).toBe(200);
    expect((list.body as { jobs: { id: string }[] }).jobs.map((j) => j.id)).toEqual([open]);
    const byProvince = await listPublicJobs(t.db, { filters: { province: "01" }, limit: 10, offset: 0 });
    expect(byProvince.total).toBe(0);

    const page = await callRoute(
      publicJob.loader,
      routeArgs(new Request(`http://localhost/jobs/${open}`), { jobId: open }),
    );
    const ld = JSON.parse((page.body as { ld: string }).ld);
    expect(ld).toMatchObject({
      "@context": "https://schema.org",
      "@type": "JobPosting",
      title: "Nhân viên kế toán",
      validThrough: "2099-12-31T23:59:59+07:00",
      employmentType: "FULL_TIME",
      hiringOrganization: { "@type": "Organization", taxID: employer.org.code },
      baseSalary: { currency: "VND", value: { minValue: 9_000_000, maxValue: 12_000_000, unitText: "MONTH" } },
    });
    expect(ld.jobLocation[0].address.addressRegion).toBe("Đà Nẵng");
  });

  it("an expired job never shows as open, before and after the sweep", async () => {
    const employer = await employerWithMember(t.db);
    const publishedAt = new Date("2026-01-10T03:00:00Z");
    const jobId = await postJob(t.db, employer, { deadline: "2026-01-20" }, { now: publishedAt });
    const after = new Date("2026-01-21T03:00:00Z");
    expect((await listPublicJobs(t.db, { filters: {}, now: publishedAt, limit: 10, offset: 0 })).total).toBe(1);
    expect((await listPublicJobs(t.db, { filters: {}, now: after, limit: 10, offset: 0 })).total).toBe(0);
    expect(await expirePastDeadline(t.db, after)).toBe(1);
    const [row] = await t.db.select().from(jobs).where(eq(jobs.id, jobId));
    expect(row!.status).toBe("expired");
    const reopen = await changeJobStatus(t.db, {
      organisation: employer.org,
      jobId,
      transition: "reopen",
      actor: { userId: null, ip: null },
      now: after,
    });
    expect(reopen).toMatchObject({ ok: false, code: "deadline_past" });
  });

  it("a graduate who claims a diploma sees the job ranked with reasons, applies with it, and the employer moves the application", async () => {
    const { org: school, diplomaIds } = await schoolWithSignedDiplomas(t.db, { count: 1 });
    // The school's diploma is 6480201 (CNTT, cao đẳng): an IT job in Đà Nẵng.
    const employer = await employerWithMember(t.db);
    const jobId = await postJob(t.db, employer, {
      title: "Lập trình viên",
      programmeCodes: ["6480201"],
      skills: ["JavaScript"],
    });
    const graduate = await signedIn(t.db, { role: "graduate", organisation: null });
    const claimed = await claimDiploma(t.db, {
      input: { claimCode: normaliseClaimCode(claimCodeOf(diplomaIds[0]!))!, ...graduateOf(0) },
      actor: { userId: graduate.id, ip: null },
    });
    expect(claimed.ok).toBe(true);

    // Preferences, then the matches page: the job, with the exact programme, the province and the level in words.
    const saved = await callRoute(
      graduateProfile.action,
      graduate.post("/graduate/profile", { intent: "preferences", provinceCodes: "48", skills: "javascript" }),
    );
    expect(saved.status).toBe(302);
    const page = await callRoute(graduateJobs.loader, graduate.get("/graduate/jobs"));
    const matches = (
      page.body as { matches: { id: string; score: number; reasons: { kind: string; relation?: string }[] }[] }
    ).matches;
    expect(matches.map((m) => m.id)).toEqual([jobId]);
    expect(matches[0]!.reasons.slice(0, 3)).toEqual([
      { kind: "programme", relation: "exact", programmeCode: "6480201" },
      { kind: "province", relation: "same", provinceCode: "48" },
      { kind: "level", levelCode: "cao_dang", minLevelCode: "trung_cap" },
    ]);

    // Attaching a diploma needs the share consent.
    const refused = await callRoute(
      publicJob.action,
      graduate.post(`/jobs/${jobId}`, { diplomaIds: diplomaIds[0]!, message: "Xin chào" }, { jobId }),
    );
    expect(refused.status).toBe(409);
    expect((refused.body as { formError: string }).formError).toBe("jobs.apply.error.share_consent_required");
    await callRoute(
      graduateProfile.action,
      graduate.post("/graduate/profile", { intent: "consent", purpose: "share_diplomas", granted: "true" }),
    );
    const applied = await callRoute(
      publicJob.action,
      graduate.post(`/jobs/${jobId}`, { diplomaIds: diplomaIds[0]!, message: "Xin chào" }, { jobId }),
    );
    expect(applied.status).toBe(302);
    const again = await callRoute(publicJob.action, graduate.post(`/jobs/${jobId}`, { message: "Lần hai" }, { jobId }));
    expect((again.body as { formError: string }).formError).toBe("jobs.apply.error.already_applied");

    // The employer sees the application, the diploma verified by the verify page's code, and moves it along.
    const member = await signedIn(t.db, { id: employer.member.id });
    const params = { code: employer.org.code, jobId };
    const apps = await callRoute(
      employerApplications.loader,
      member.get(`/employer/${employer.org.code}/jobs/${jobId}/applications`, params),
    );
    const application = (
      apps.body as {
        applications: { id: string; status: string; diplomas: { diplomaId: string; verdict: string }[] }[];
      }
    ).applications[0]!;
    expect(application.status).toBe("new");
    expect(application.diplomas).toEqual([expect.objectContaining({ diplomaId: diplomaIds[0], verdict: "valid" })]);
    for (const status of ["shortlisted", "interview", "offer", "hired"]) {
      const moved = await callRoute(
        employerApplications.action,
        member.post("/x", { intent: "status", applicationId: application.id, status }, params),
      );
      expect(moved.status).toBe(200);
    }
    const noted = await callRoute(
      employerApplications.action,
      member.post("/x", { intent: "note", applicationId: application.id, note: "Đi làm từ 1/7" }, params),
    );
    expect(noted.status).toBe(200);
    const wrongMove = await callRoute(
      employerApplications.action,
      member.post("/x", { intent: "status", applicationId: application.id, status: "new" }, params),
    );
    expect(wrongMove.status).toBe(409);
    const notes = await t.db.select().from(notifications).where(eq(notifications.userId, graduate.id));
    expect(notes.filter((n) => n.kind === "application_status")).toHaveLength(4);

    // Withdrawing the share consent hides the attached diploma from the employer at once.
    await changeConsent(t.db, {
      userId: graduate.id,
      purpose: "share_diplomas",
      granted: false,
      actor: { userId: graduate.id, ip: null },
    });
    const after = await callRoute(employerApplications.loader, member.get("/x", params));
    expect((after.body as { applications: { diplomas: unknown[] }[] }).applications[0]!.diplomas).toEqual([]);
    expect(school.id).toBeTruthy();
  });

  it("one employer can never read or move another's applicants", async () => {
    const { diplomaIds } = await signedDiplomas(t.db, ["6340302"]);
    const owner = await employerWithMember(t.db);
    const other = await employerWithMember(t.db);
    const jobId = await postJob(t.db, owner);
    const graduate = await graduateHolding(t.db, diplomaIds, { consents: ["share_diplomas"] });
    const g = await signedIn(t.db, { id: graduate.id });
    expect(
      (await callRoute(publicJob.action, g.post(`/jobs/${jobId}`, { diplomaIds: diplomaIds[0]! }, { jobId }))).status,
    ).toBe(302);

    const intruder = await signedIn(t.db, { id: other.member.id });
    // Their own code, the owner's job id: not found. The owner's code: 403.
    const viaOwnCode = await callRoute(
      employerApplications.loader,
      intruder.get("/x", { code: other.org.code, jobId }),
    );
    expect(viaOwnCode.status).toBe(404);
    const viaOwnerCode = await callRoute(
      employerApplications.loader,
      intruder.get("/x", { code: owner.org.code, jobId }),
    );
    expect(viaOwnerCode.status).toBe(403);
    const ownerView = await callRoute(
      employerApplications.loader,
      (await signedIn(t.db, { id: owner.member.id })).get("/x", { code: owner.org.code, jobId }),
    );
    const applicationId = (ownerView.body as { applications: { id: string }[] }).applications[0]!.id;
    const move = await callRoute(
      employerApplications.action,
      intruder.post("/x", { intent: "status", applicationId, status: "rejected" }, { code: other.org.code, jobId }),
    );
    expect(move.status).toBe(404);
    const candidates = await callRoute(employerCandidates.loader, intruder.get("/x", { code: other.org.code, jobId }));
    expect(candidates.status).toBe(404);
  });

  it("employers see only consenting graduates; a withdrawal takes effect at once; inviting needs the contact consent", async () => {
    const { diplomaIds } = await signedDiplomas(t.db, ["6340302", "6340302", "6340302"]);
    const employer = await employerWithMember(t.db);
    const jobId = await postJob(t.db, employer);
    const visible = await graduateHolding(t.db, [diplomaIds[0]!], {
      provinceCodes: ["48"],
      consents: ["visible_to_employers"],
    });
    const contactable = await graduateHolding(t.db, [diplomaIds[1]!], {
      provinceCodes: ["46"],
      consents: ["visible_to_employers", "may_be_contacted"],
    });
    await graduateHolding(t.db, [diplomaIds[2]!], { provinceCodes: ["48"] }); // no consent

    const member = await signedIn(t.db, { id: employer.member.id });
    const params = { code: employer.org.code, jobId };
    const list = async () =>
      (await callRoute(employerCandidates.loader, member.get("/x", params))).body as {
        candidates: { userId: string; email: string | null; diplomas: { verdict: string }[] }[];
      };
    const first = await list();
    expect(first.candidates.map((c) => c.userId)).toEqual([visible.id, contactable.id]);
    expect(first.candidates[0]!.email).toBeNull();
    expect(first.candidates[1]!.email).toBe(contactable.email);
    expect(first.candidates[0]!.diplomas[0]!.verdict).toBe("valid");

    const noContact = await callRoute(employerCandidates.action, member.post("/x", { userId: visible.id }, params));
    expect((noContact.body as { message: string }).message).toBe("jobs.invite.error.no_contact_consent");
    const invited = await callRoute(employerCandidates.action, member.post("/x", { userId: contactable.id }, params));
    expect(invited.status).toBe(200);
    expect(
      await t.db
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, contactable.id), eq(notifications.kind, "invitation"))),
    ).toHaveLength(1);

    await changeConsent(t.db, {
      userId: visible.id,
      purpose: "visible_to_employers",
      granted: false,
      actor: { userId: visible.id, ip: null },
    });
    expect((await list()).candidates.map((c) => c.userId)).toEqual([contactable.id]);
    const readWithdrawn = await callRoute(employerCandidates.action, member.post("/x", { userId: visible.id }, params));
    expect((readWithdrawn.body as { message: string }).message).toBe("jobs.invite.error.not_visible");

    // A revoked diploma leaves the pool too.
    await t.db.update(diplomas).set({ status: "revoked" }).where(eq(diplomas.id, diplomaIds[1]!));
    const { refreshCandidatePool } = await import("~/modules/matching/queries.server");
    await refreshCandidatePool(t.db, contactable.id);
    expect(await t.db.select().from(candidatePool).where(eq(candidatePool.userId, contactable.id))).toHaveLength(0);
  });

  it("a saved search raises an in-app alert when a matching job is published, and only then", async () => {
    const { diplomaIds } = await signedDiplomas(t.db, ["6340302"]);
    const graduate = await graduateHolding(t.db, diplomaIds);
    await saveSearch(t.db, {
      userId: graduate.id,
      name: "Kế toán Đà Nẵng",
      filters: { q: "ke toan", province: "48" },
      actor: { userId: graduate.id, ip: null },
    });
    const employer = await employerWithMember(t.db);
    await postJob(t.db, employer, { provinceCodes: ["01"] }); // another province
    await postJob(t.db, employer, { title: "Thợ hàn", description: "Hàn ống.", programmeCodes: ["5520123"] }); // another programme
    const jobId = await postJob(t.db, employer);
    const alerts = await t.db.select().from(notifications).where(eq(notifications.userId, graduate.id));
    expect(alerts.map((a) => [a.kind, a.jobId])).toEqual([["job_alert", jobId]]);
  });
});

describe(`choosing programmes and occupations by name (${testDatabaseKind()})`, () => {
  const t = withTestDatabase();

  it("suggests by name without diacritics, to the employer's own members only, rate-limited; the server still checks the codes", async () => {
    const employer = await employerWithMember(t.db);
    const member = await signedIn(t.db, { id: employer.member.id });
    const params = { code: employer.org.code };
    const ask = async (who: typeof member, query: string, p = params) =>
      callRoute(codeSuggestions.loader, who.get(`/employer/${p.code}/code-suggestions?${query}`, p));

    const programmes = await ask(member, "kind=programme&q=ke+toan");
    expect(programmes.status).toBe(200);
    const found = (programmes.body as { suggestions: { code: string; name: string; detail: string | null }[] })
      .suggestions;
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((s) => /Kế toán/i.test(s.name))).toBe(true);
    expect(found.map((s) => s.code)).toContain("6340302");
    const occupations = (await ask(member, "kind=occupation&q=ke+toan")).body as { suggestions: { code: string }[] };
    expect(occupations.suggestions.map((s) => s.code)).toContain("3313");
    expect((await ask(member, "kind=diploma&q=x")).status).toBe(400);

    const graduate = await signedIn(t.db, { role: "graduate", organisation: null });
    expect((await ask(graduate, "kind=programme&q=ke")).status).toBe(403);
    const other = await employerWithMember(t.db);
    expect((await ask(await signedIn(t.db, { id: other.member.id }), "kind=programme&q=ke")).status).toBe(403);

    let last = 200;
    // Fixed windows of a minute: 250 asks reach the limit even when the loop crosses into the next window.
    for (let i = 0; i < 250 && last === 200; i++) last = (await ask(member, "kind=occupation&q=ke")).status;
    expect(last).toBe(429);

    // Typed codes still go through the server's check.
    const unknown = await callRoute(
      newJob.action,
      member.post("/x", { ...form(), programmeCodes: "", occupationCode: "9999" }, params),
    );
    expect((unknown.body as { fieldErrors: Record<string, string> }).fieldErrors.occupationCode).toBe(
      "jobs.validation.unknownOccupation",
    );
  }, 60_000);
});

describe(`jobs for me: names, preferences and order (${testDatabaseKind()})`, () => {
  const t = withTestDatabase();

  it("reasons name the programme, not its code; provinces are in Vietnamese order; the stored preferences pre-fill the filters and can be cleared", async () => {
    const { diplomaIds } = await signedDiplomas(t.db, ["6340302"]);
    const employer = await employerWithMember(t.db);
    const wellPaid = await postJob(t.db, employer, { salaryMinVnd: 11_000_000, salaryMaxVnd: 14_000_000 });
    const lowPaid = await postJob(t.db, employer, {
      title: "Kế toán kho",
      salaryMinVnd: 7_000_000,
      salaryMaxVnd: 9_000_000,
    });
    const partTime = await postJob(t.db, employer, {
      title: "Kế toán bán thời gian",
      employmentType: "part_time",
      salaryMinVnd: 12_000_000,
      salaryMaxVnd: 13_000_000,
    });
    const graduate = await graduateHolding(t.db, diplomaIds, { provinceCodes: ["48"] });
    const g = await signedIn(t.db, { id: graduate.id });
    const saved = await callRoute(
      graduateProfile.action,
      g.post("/graduate/profile", {
        intent: "preferences",
        provinceCodes: "48",
        salaryExpectationVnd: "10.000.000",
        jobTypes: "full_time",
      }),
    );
    expect(saved.status).toBe(302);

    type Page = {
      matches: { id: string; reasons: { kind: string }[] }[];
      filters: Record<string, unknown>;
      prefilled: boolean;
      programmes: { code: string; name: string }[];
      provinces: { name: string }[];
    };
    const page = (await callRoute(graduateJobs.loader, g.get("/graduate/jobs"))).body as Page;
    expect(page.prefilled).toBe(true);
    expect(page.filters).toEqual({ minSalary: 10_000_000, types: ["full_time"] });
    expect(page.matches.map((m) => m.id)).toEqual([wellPaid]);
    expect(page.matches[0]!.reasons).toContainEqual({ kind: "salary" });
    expect(page.programmes).toEqual([
      expect.objectContaining({ code: "6340302", name: expect.stringMatching(/Kế toán/) }),
    ]);
    const names = page.provinces.map((p) => p.name);
    expect(names.indexOf("Hà Nội")).toBeLessThan(names.indexOf("Hải Phòng"));
    expect(names.indexOf("Hải Phòng")).toBeLessThan(names.indexOf("Huế"));

    const cleared = (await callRoute(graduateJobs.loader, g.get("/graduate/jobs?q="))).body as Page;
    expect(cleared.prefilled).toBe(false);
    expect(cleared.filters).toEqual({});
    expect(new Set(cleared.matches.map((m) => m.id))).toEqual(new Set([wellPaid, lowPaid, partTime]));
    // Without the filters the preferences still order the list: the full-time job that pays enough comes first.
    expect(cleared.matches[0]!.id).toBe(wellPaid);
  });
});

describe(`matching rows written before salary and type counted (${testDatabaseKind()})`, () => {
  const t = withTestDatabase();

  it("are filled in at boot, so the SQL ranking agrees with the pure score on an upgraded database", async () => {
    const { diplomaIds } = await signedDiplomas(t.db, ["6340302"]);
    const employer = await employerWithMember(t.db);
    const jobId = await postJob(t.db, employer, { employmentType: "part_time" });
    const graduate = await graduateHolding(t.db, diplomaIds, {
      salaryExpectationVnd: 10_000_000,
      jobTypes: ["part_time"],
      consents: ["visible_to_employers"],
    });
    // As the migration leaves rows written before it.
    await t.db.update(jobMatchTargets).set({ salaryTopVnd: null, employmentType: null });
    await t.db.update(candidatePool).set({ salaryExpectationVnd: null, jobTypes: [] });
    const { backfillMatchingPreferences } = await import("~/modules/matching/queries.server");
    await backfillMatchingPreferences(t.db);
    expect(
      await t.db
        .select({ top: jobMatchTargets.salaryTopVnd, type: jobMatchTargets.employmentType })
        .from(jobMatchTargets)
        .where(eq(jobMatchTargets.jobId, jobId)),
    ).toEqual([{ top: 12_000_000, type: "part_time" }]);
    expect(
      await t.db
        .select({ salary: candidatePool.salaryExpectationVnd, types: candidatePool.jobTypes })
        .from(candidatePool)
        .where(eq(candidatePool.userId, graduate.id)),
    ).toEqual([{ salary: 10_000_000, types: ["part_time"] }]);
  });
});

describe(`the employer's pipeline, jobs mail and withdrawals (${testDatabaseKind()})`, () => {
  const t = withTestDatabase();

  /** A published job, a consenting graduate who applied to it, and both signed in. */
  async function appliedGraduate() {
    const { diplomaIds } = await signedDiplomas(t.db, ["6340302"]);
    const employer = await employerWithMember(t.db);
    const jobId = await postJob(t.db, employer);
    const graduate = await graduateHolding(t.db, diplomaIds, {
      provinceCodes: ["48"],
      consents: ["visible_to_employers", "may_be_contacted", "share_diplomas"],
    });
    const g = await signedIn(t.db, { id: graduate.id });
    expect(
      (
        await callRoute(
          publicJob.action,
          g.post(`/jobs/${jobId}`, { diplomaIds: diplomaIds[0]!, message: "Xin chào" }, { jobId }),
        )
      ).status,
    ).toBe(302);
    const member = await signedIn(t.db, { id: employer.member.id });
    const [application] = await t.db.select().from(applications).where(eq(applications.jobId, jobId));
    return {
      employer,
      jobId,
      graduate,
      g,
      member,
      applicationId: application!.id,
      params: { code: employer.org.code, jobId },
    };
  }

  it("the jobs list counts each job's applications; the card shows the applicant's address; the employer is mailed", async () => {
    const { employer, jobId, graduate, member, params } = await appliedGraduate();
    const list = await callRoute(
      employerJobs.loader,
      member.get(`/employer/${employer.org.code}/jobs`, { code: employer.org.code }),
    );
    expect((list.body as { jobs: { id: string; applications: number }[] }).jobs).toEqual([
      expect.objectContaining({ id: jobId, applications: 1 }),
    ]);

    const apps = await callRoute(employerApplications.loader, member.get("/x", params));
    expect((apps.body as { applications: { email: string | null }[] }).applications[0]!.email).toBe(graduate.email);

    const mails = await t.db.select().from(mailOutbox).where(eq(mailOutbox.template, "application_received"));
    expect(mails.map((m) => m.toAddress)).toEqual([employer.member.email]);
    expect(mails[0]!.subject).toContain("Nhân viên kế toán");
    expect(mails[0]!.bodyText).toContain(`/employer/${employer.org.code}/jobs/${jobId}/applications`);
  });

  it("an applicant is shown at their stage among the candidates, not offered an invitation, and cannot be invited", async () => {
    const { graduate, member, applicationId, params } = await appliedGraduate();
    for (const status of ["shortlisted", "interview", "offer", "hired"]) {
      expect(
        (
          await callRoute(
            employerApplications.action,
            member.post("/x", { intent: "status", applicationId, status }, params),
          )
        ).status,
      ).toBe(200);
    }
    const page = await callRoute(employerCandidates.loader, member.get("/x", params));
    const candidate = (
      page.body as { candidates: { userId: string; applicationStatus: string | null }[] }
    ).candidates.find((c) => c.userId === graduate.id);
    expect(candidate?.applicationStatus).toBe("hired");
    const invite = await callRoute(employerCandidates.action, member.post("/x", { userId: graduate.id }, params));
    expect((invite.body as { message: string }).message).toBe("jobs.invite.error.already_applied");

    // Each move reached the graduate by mail, naming the job and the company.
    const mails = await t.db.select().from(mailOutbox).where(eq(mailOutbox.template, "application_status"));
    expect(mails).toHaveLength(4);
    expect(mails.every((m) => m.toAddress === graduate.email)).toBe(true);
    expect(mails.at(-1)!.bodyText).toMatch(/Nhân viên kế toán.*Đã tuyển/s);
  });

  it("an invitation reaches the graduate by mail and in the app, naming the job, the company and the date", async () => {
    const { diplomaIds } = await signedDiplomas(t.db, ["6340302"]);
    const employer = await employerWithMember(t.db);
    const jobId = await postJob(t.db, employer);
    const graduate = await graduateHolding(t.db, diplomaIds, {
      consents: ["visible_to_employers", "may_be_contacted"],
    });
    const member = await signedIn(t.db, { id: employer.member.id });
    expect(
      (
        await callRoute(
          employerCandidates.action,
          member.post("/x", { userId: graduate.id }, { code: employer.org.code, jobId }),
        )
      ).status,
    ).toBe(200);
    const [mail] = await t.db.select().from(mailOutbox).where(eq(mailOutbox.template, "job_invitation"));
    expect(mail!.toAddress).toBe(graduate.email);
    expect(mail!.subject).toBe(`${employer.org.name} mời bạn ứng tuyển: Nhân viên kế toán`);
    expect(mail!.bodyText).toMatch(/Ngày \d{2}\/\d{2}\/\d{4}/);
    expect(mail!.bodyText).toContain("31/12/2099");

    const g = await signedIn(t.db, { id: graduate.id });
    const page = await callRoute(graduateApplications.loader, g.get("/graduate/applications"));
    expect(
      (page.body as { notifications: { kind: string; title: string; company: string; createdAt: string }[] })
        .notifications[0],
    ).toMatchObject({
      kind: "invitation",
      title: "Nhân viên kế toán",
      company: employer.org.name,
    });
  });

  it("a graduate withdraws an application: audited, shown withdrawn to the employer, who cannot move it nor read the address", async () => {
    const { g, member, applicationId, params, graduate, employer } = await appliedGraduate();
    const other = await signedIn(t.db, { role: "graduate", organisation: null });
    const foreign = await callRoute(
      graduateApplications.action,
      other.post("/graduate/applications", { intent: "withdraw", applicationId }),
    );
    expect(foreign.location).toBe("/graduate/applications?notice=notFound");

    const done = await callRoute(
      graduateApplications.action,
      g.post("/graduate/applications", { intent: "withdraw", applicationId }),
    );
    expect(done.location).toBe("/graduate/applications?notice=applicationWithdrawn");
    const [row] = await t.db.select().from(applications).where(eq(applications.id, applicationId));
    expect(row!.status).toBe("withdrawn");
    expect(
      await t.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entityId, applicationId), eq(auditLog.action, "application.withdraw"))),
    ).toHaveLength(1);
    const withdrawnMail = await t.db.select().from(mailOutbox).where(eq(mailOutbox.template, "application_withdrawn"));
    expect(withdrawnMail.map((m) => m.toAddress)).toEqual([employer.member.email]);
    expect(withdrawnMail[0]!.bodyText).toContain(employer.org.name);
    const again = await callRoute(
      graduateApplications.action,
      g.post("/graduate/applications", { intent: "withdraw", applicationId }),
    );
    expect(again.location).toBe("/graduate/applications?notice=notAllowed");

    const apps = await callRoute(employerApplications.loader, member.get("/x", params));
    expect((apps.body as { applications: { status: string; email: string | null }[] }).applications[0]).toMatchObject({
      status: "withdrawn",
      email: null,
    });
    const move = await callRoute(
      employerApplications.action,
      member.post("/x", { intent: "status", applicationId, status: "shortlisted" }, params),
    );
    expect(move.status).toBe(409);
    expect(graduate.id).toBeTruthy();
  });

  it("saved-search alerts go out as one daily digest per graduate, and a rerun sends nothing twice", async () => {
    const { diplomaIds } = await signedDiplomas(t.db, ["6340302"]);
    const graduate = await graduateHolding(t.db, diplomaIds);
    await saveSearch(t.db, {
      userId: graduate.id,
      name: "Kế toán",
      filters: { q: "ke toan" },
      actor: { userId: graduate.id, ip: null },
    });
    const employer = await employerWithMember(t.db);
    const evening = new Date("2026-12-02T13:00:00Z"); // 20:00 in Vietnam
    await postJob(t.db, employer, {}, { now: evening });
    await postJob(t.db, employer, { title: "Kế toán tổng hợp", provinceCodes: ["01"] }, { now: evening });
    const early = new Date("2026-12-02T22:00:00Z"); // 05:00 on the 3rd in Vietnam: before the digest hour
    const morning = new Date("2026-12-03T02:00:00Z"); // 09:00 on the 3rd
    const origin = "http://localhost";
    expect(await sendJobAlertDigests(t.db, { now: early, publicOrigin: origin })).toBe(0);
    expect(await sendJobAlertDigests(t.db, { now: morning, publicOrigin: origin })).toBe(1);
    expect(await sendJobAlertDigests(t.db, { now: morning, publicOrigin: origin })).toBe(0);
    const mails = await t.db.select().from(mailOutbox).where(eq(mailOutbox.template, "job_alert_digest"));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.toAddress).toBe(graduate.email);
    expect(mails[0]!.subject).toContain("03/12/2026");
    expect(mails[0]!.bodyText).toContain("Nhân viên kế toán");
    expect(mails[0]!.bodyText).toContain("Kế toán tổng hợp");
    expect(mails[0]!.bodyText).toContain(employer.org.name);

    // A job published later the same day waits for the next day's digest.
    const noon = new Date("2026-12-03T05:00:00Z");
    await postJob(t.db, employer, { title: "Kế toán kho" }, { now: noon });
    expect(await sendJobAlertDigests(t.db, { now: new Date("2026-12-03T06:00:00Z"), publicOrigin: origin })).toBe(0);
    expect(await sendJobAlertDigests(t.db, { now: new Date("2026-12-04T02:00:00Z"), publicOrigin: origin })).toBe(1);
    const second = await t.db.select().from(mailOutbox).where(eq(mailOutbox.template, "job_alert_digest"));
    expect(second).toHaveLength(2);
    expect(second.map((m) => m.bodyText).filter((b) => b.includes("Kế toán kho"))).toHaveLength(1);
    expect(await t.db.select().from(jobAlertDigests).where(eq(jobAlertDigests.userId, graduate.id))).toHaveLength(2);
  });
});

describe(`school view of jobs (${testDatabaseKind()})`, () => {
  const t = withTestDatabase();

  it("shows the open jobs that fit the school's programmes and its graduates' placement as counts", async () => {
    const { school, diplomaIds } = await signedDiplomas(t.db, ["6340302", "6340302"]);
    const employer = await employerWithMember(t.db);
    const fits = await postJob(t.db, employer, { programmeCodes: ["5340302"] }); // same programme, other level
    await postJob(t.db, employer, { title: "Thợ hàn", description: "Hàn kết cấu thép.", programmeCodes: ["5520123"] });
    const graduate = await graduateHolding(t.db, [diplomaIds[0]!], { consents: ["visible_to_employers"] });
    const g = await signedIn(t.db, { id: graduate.id });
    expect((await callRoute(publicJob.action, g.post(`/jobs/${fits}`, {}, { jobId: fits }))).status).toBe(302);

    const staff = await signedIn(t.db, { role: "school_admin", organisation: school });
    const page = await callRoute(schoolJobs.loader, staff.get(`/school/${school.code}/jobs`, { code: school.code }));
    const body = page.body as { jobs: { id: string }[]; placement: Record<string, number> };
    expect(body.jobs.map((j) => j.id)).toEqual([fits]);
    expect(body.placement).toEqual({ graduates: 1, visible: 1, applications: 1, interviews: 0, hired: 0 });
    expect(JSON.stringify(body)).not.toContain(graduate.email);
  });
});

describe(`neighbouring provinces as reference data (${testDatabaseKind()})`, () => {
  const t = withTestDatabase();

  it("the administrator edits a province's neighbours, both ways; open jobs use the new map at once", async () => {
    const employer = await employerWithMember(t.db);
    const jobId = await postJob(t.db, employer, { provinceCodes: ["48"] });
    const neighboursOfJob = async () =>
      (
        await t.db
          .select({ n: jobMatchTargets.neighbourCodes })
          .from(jobMatchTargets)
          .where(eq(jobMatchTargets.jobId, jobId))
      )[0]!.n.sort();
    expect(await neighboursOfJob()).toEqual(["46", "51"]);

    const admin = await signedIn(t.db, { role: "ministry_admin", organisation: null });
    const form = new URLSearchParams([
      ["intent", "neighbours"],
      ["code", "48"],
      ["neighbourCodes", "51"],
      ["neighbourCodes", "56"],
    ]);
    const res = await callRoute(
      adminProvinces.action,
      routeArgs(
        new Request("http://localhost/admin/reference/provinces", {
          method: "POST",
          headers: { cookie: admin.get("/").request.headers.get("cookie")! },
          body: form,
        }),
      ),
    );
    expect(res.status).toBe(302);
    expect(await neighboursOfJob()).toEqual(["51", "56"]);
    expect(await listProvinceNeighbours(t.db, "56")).toContain("48");
    expect(await listProvinceNeighbours(t.db, "46")).not.toContain("48");
  });
});
