/**
 * Reports of a suspected fake diploma (issue 4, part 6) and the public revocation reason (part 2): the public form
 * and tracking page, the school's and the ministry's handling, ownership, audit, outbox mail, rate limit.
 */
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, diplomas, fakeReports, mailOutbox, type Organisation } from "~db/schema";
import { getEnv } from "~/lib/env.server";
import { createSession } from "~/lib/session.server";
import { changeDiplomaStatus } from "~/modules/diplomas/change-diploma-status.server";
import { signBatch } from "~/modules/diplomas/sign-batch.server";
import { ensureSchoolKey } from "~/modules/keys/ensure-school-key.server";
import { verifyQrText } from "~/modules/verification/verify-qr.server";
import * as reportRoute from "~/routes/verify_.report";
import * as trackRoute from "~/routes/verify_.report_.$trackingCode";
import * as schoolReportsRoute from "~/routes/school.$code.reports";
import * as adminReportsRoute from "~/routes/admin.reports";
import { createSubmittedBatch } from "../support/diplomas";
import { createOrganisation } from "../support/factories";
import { createMember } from "../support/members";
import { callRoute, routeArgs } from "../support/routes";
import { testDatabaseKind, withTestDatabase } from "../support/test-database";

const origin = () => getEnv().PUBLIC_ORIGIN;

describe(`fake reports (${testDatabaseKind()})`, () => {
  const t = withTestDatabase({ per: "file" });
  let schoolA: Organisation;
  let schoolB: Organisation;
  let revokedQr: string;

  const post = (path: string, fields: Record<string, string>, cookie?: string) =>
    new Request(`http://localhost${path}`, {
      method: "POST",
      headers: cookie ? { cookie } : {},
      body: new URLSearchParams(fields),
    });
  const get = (path: string, cookie?: string) =>
    new Request(`http://localhost${path}`, { headers: cookie ? { cookie } : {} });
  async function staff(role: "school_admin" | "school_principal" | "ministry_admin", org: Organisation | null) {
    const member = await createMember(t.db, role, org);
    const { setCookie } = await createSession(t.db, { userId: member.id, ip: null, userAgent: "vitest" });
    return { ...member, cookie: setCookie.split(";")[0]! };
  }
  async function submit(fields: Record<string, string>, ip?: string) {
    return callRoute(reportRoute.action, routeArgs(post("/verify/report", fields), {}, ip));
  }

  beforeAll(async () => {
    schoolA = await createOrganisation(t.db, { kind: "school", code: "CDREPA", name: "Trường Cao đẳng CDREPA" });
    schoolB = await createOrganisation(t.db, { kind: "school", code: "CDREPB", name: "Trường Cao đẳng CDREPB" });
    expect((await ensureSchoolKey(t.db, { organisationId: schoolA.id, actor: { userId: null, ip: null } })).ok).toBe(
      true,
    );
    const registrar = await createMember(t.db, "school_registrar", schoolA);
    const principal = await createMember(t.db, "school_principal", schoolA);
    const { batch, diplomaIds } = await createSubmittedBatch(t.db, {
      organisationId: schoolA.id,
      createdBy: registrar.id,
      count: 1,
    });
    const signed = await signBatch(t.db, {
      organisationId: schoolA.id,
      batchId: batch.id,
      signer: { userId: principal.id, name: "Lê Minh Tuấn", title: "Hiệu trưởng" },
      issuePlace: "Hà Nội",
      issueDate: "2026-06-15",
      publicOrigin: origin(),
      actor: { userId: principal.id, ip: null },
    });
    expect(signed.ok).toBe(true);
    const actor = { userId: principal.id, ip: null };
    expect(
      (
        await changeDiplomaStatus(t.db, {
          organisationId: schoolA.id,
          diplomaId: diplomaIds[0]!,
          change: "revoke",
          reason: "Cấp sai quy định",
          actor,
        })
      ).ok,
    ).toBe(true);
    revokedQr = (await t.db.select().from(diplomas).where(eq(diplomas.id, diplomaIds[0]!)))[0]!.qrPayload!;
  });

  it("a revoked verdict carries the public reason and date", async () => {
    const result = await verifyQrText(t.db, revokedQr, { origin: origin(), count: false });
    expect(result.verdict).toBe("revoked");
    expect(result.status).toMatchObject({ reason: "Cấp sai quy định", changedAt: expect.any(String) });
  });

  it("submitting opens a case for the QR's school with a tracking code and an audit row; the tracking page hides the e-mail", async () => {
    const answer = await submit({
      qr: revokedQr,
      verdict: "revoked",
      description: "Ứng viên nộp bản này khi xin việc.",
      email: "nguoi.bao@example.vn",
    });
    expect(answer.status).toBe(302);
    const location = answer.headers.get("location")!;
    const code = /\/verify\/report\/(VB-[0-9A-Z]{5}-[0-9A-Z]{5})\?new=1$/.exec(location)?.[1];
    expect(code).toBeTruthy();
    const [row] = await t.db.select().from(fakeReports).where(eq(fakeReports.trackingCode, code!));
    expect(row).toMatchObject({
      organisationId: schoolA.id,
      verdict: "revoked",
      status: "received",
      reporterEmail: "nguoi.bao@example.vn",
    });
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.entityId, row!.id));
    expect(audits.map((a) => a.action)).toEqual(["fake_report.submit"]);
    expect(JSON.stringify(audits[0]!.details)).not.toContain("example.vn");

    const page = await callRoute(
      trackRoute.loader,
      routeArgs(get(`/verify/report/${code!.toLowerCase()}`), { trackingCode: code!.toLowerCase() }),
    );
    expect(page.status).toBe(200);
    expect(page.json.report).toMatchObject({ trackingCode: code, status: "received" });
    expect(page.text).not.toContain("example.vn");
    expect(
      (
        await callRoute(
          trackRoute.loader,
          routeArgs(get("/verify/report/VB-00000-00000"), { trackingCode: "VB-00000-00000" }),
        )
      ).status,
    ).toBe(404);
  });

  it("refuses bad input with messages and writes nothing", async () => {
    const before = (await t.db.select().from(fakeReports)).length;
    const answer = await submit({ qr: "x".repeat(2001), description: "ngắn", email: "không-phải-email" });
    expect(answer.status).toBe(400);
    expect(answer.json.fieldErrors).toEqual({
      qr: "reports.validation.qrTooLong",
      description: "reports.validation.descriptionTooShort",
      email: "reports.validation.email",
    });
    expect(answer.json.values.description).toBe("ngắn");
    expect((await submit({ description: "" })).json.fieldErrors.description).toBe(
      "reports.validation.descriptionRequired",
    );
    expect((await t.db.select().from(fakeReports)).length).toBe(before);
  });

  it("rate-limits per client address: 5 an hour", async () => {
    const ip = "203.0.113.77";
    for (let i = 0; i < 5; i++)
      expect((await submit({ qr: "CĐ-123", description: `Nghi ngờ văn bằng giả số ${i}` }, ip)).status).toBe(302);
    const sixth = await submit({ qr: "CĐ-123", description: "Nghi ngờ văn bằng giả lần sáu" }, ip);
    expect(sixth.status).toBe(429);
    expect(sixth.json).toMatchObject({
      formError: "reports.error.rate_limited",
      values: { description: "Nghi ngờ văn bằng giả lần sáu" },
    });
    expect((await submit({ qr: "CĐ-123", description: "Từ một địa chỉ khác" }, "203.0.113.78")).status).toBe(302);
  });

  it("school staff see and move only their school's reports; the change writes audit and an outbox mail", async () => {
    const [report] = await t.db.select().from(fakeReports).where(eq(fakeReports.organisationId, schoolA.id));
    const adminA = await staff("school_admin", schoolA);
    const principalB = await staff("school_principal", schoolB);

    const listA = await callRoute(
      schoolReportsRoute.loader,
      routeArgs(get("/school/CDREPA/reports", adminA.cookie), { code: "CDREPA" }),
    );
    expect(listA.status).toBe(200);
    expect(listA.json.reports.map((r: { id: string }) => r.id)).toContain(report!.id);
    const listB = await callRoute(
      schoolReportsRoute.loader,
      routeArgs(get("/school/CDREPB/reports", principalB.cookie), { code: "CDREPB" }),
    );
    expect(listB.json.reports).toEqual([]);
    expect(
      (
        await callRoute(
          schoolReportsRoute.loader,
          routeArgs(get("/school/CDREPA/reports", principalB.cookie), { code: "CDREPA" }),
        )
      ).status,
    ).toBe(403);

    // B's staff, through B's own page, cannot touch A's report.
    const foreign = await callRoute(
      schoolReportsRoute.action,
      routeArgs(
        post("/school/CDREPB/reports", { reportId: report!.id, status: "investigating", note: "" }, principalB.cookie),
        { code: "CDREPB" },
      ),
    );
    expect(foreign.status).toBe(404);
    expect((await t.db.select().from(fakeReports).where(eq(fakeReports.id, report!.id)))[0]!.status).toBe("received");

    const closeWithoutNote = await callRoute(
      schoolReportsRoute.action,
      routeArgs(
        post("/school/CDREPA/reports", { reportId: report!.id, status: "closed_fake", note: "" }, adminA.cookie),
        { code: "CDREPA" },
      ),
    );
    expect(closeWithoutNote.json.fieldErrors.note).toBe("reports.validation.noteRequired");

    const mailsBefore = (await t.db.select().from(mailOutbox)).length;
    const moved = await callRoute(
      schoolReportsRoute.action,
      routeArgs(
        post(
          "/school/CDREPA/reports",
          { reportId: report!.id, status: "closed_fake", note: "Văn bằng đã bị thu hồi; đã chuyển cơ quan chức năng." },
          adminA.cookie,
        ),
        { code: "CDREPA" },
      ),
    );
    expect(moved.status).toBe(200);
    const after = (await t.db.select().from(fakeReports).where(eq(fakeReports.id, report!.id)))[0]!;
    expect(after).toMatchObject({
      status: "closed_fake",
      resolutionNote: "Văn bằng đã bị thu hồi; đã chuyển cơ quan chức năng.",
    });
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.entityId, report!.id));
    expect(audits.map((a) => a.action)).toContain("fake_report.status");
    const mails = await t.db.select().from(mailOutbox);
    expect(mails.length).toBe(mailsBefore + 1);
    const mail = mails.find((m) => m.template === "fake_report_status")!;
    expect(mail.toAddress).toBe("nguoi.bao@example.vn");
    expect(mail.bodyText).toContain(report!.trackingCode);

    const page = await callRoute(
      trackRoute.loader,
      routeArgs(get(`/verify/report/${report!.trackingCode}`), { trackingCode: report!.trackingCode }),
    );
    expect(page.json.report).toMatchObject({ status: "closed_fake", resolutionNote: after.resolutionNote });
    expect(page.text).not.toContain("example.vn");
  });

  it("the ministry sees every report, also those naming no school; schools cannot open the admin page", async () => {
    const ministry = await staff("ministry_admin", null);
    const all = await callRoute(adminReportsRoute.loader, routeArgs(get("/admin/reports", ministry.cookie)));
    expect(all.status).toBe(200);
    expect(all.json.reports.length).toBe((await t.db.select().from(fakeReports)).length);
    expect(all.json.reports.some((r: { schoolCode: string | null }) => r.schoolCode === null)).toBe(true);
    const adminA = await staff("school_admin", schoolA);
    expect((await callRoute(adminReportsRoute.loader, routeArgs(get("/admin/reports", adminA.cookie)))).status).toBe(
      403,
    );
  });
});
