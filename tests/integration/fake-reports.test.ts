/**
 * Reports of a suspected fake diploma (issue 4, part 6), on the case core since issue 12, and the public revocation
 * reason (part 2): the public form, the case's public page (and the old tracking URL), the school's and the
 * ministry's signed verdict, ownership, audit, outbox mail, rate limit.
 */
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, cases, diplomas, mailOutbox, signedDocuments, type Organisation } from "~db/schema";
import { getEnv } from "~/lib/env.server";
import { createSession } from "~/lib/session.server";
import { changeDiplomaStatus } from "~/modules/diplomas/change-diploma-status.server";
import { signBatch } from "~/modules/diplomas/sign-batch.server";
import { ensureMinistryKey } from "~/modules/keys/ensure-ministry-key.server";
import { ensureSchoolKey } from "~/modules/keys/ensure-school-key.server";
import { handleFakeReportIntent, loadFakeReportPanel } from "~/modules/reports/handle-panel.server";
import { verifyQrText } from "~/modules/verification/verify-qr.server";
import * as reportRoute from "~/routes/verify_.report";
import * as trackRoute from "~/routes/verify_.report_.$trackingCode";
import * as schoolReportsRoute from "~/routes/school.$code.reports";
import * as adminReportsRoute from "~/routes/admin.reports";
import * as casePage from "~/routes/cases.$code._index";
import * as caseApi from "~/routes/api.v1.cases.$code";
import { mailText } from "../support/mail";
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

  const fakeReportsNow = () => t.db.select().from(cases).where(eq(cases.kind, "fake_report"));
  const intent = (
    kase: typeof cases.$inferSelect,
    viewer: { id: string; role: "officer" | "ministry"; organisationId: string | null },
    fields: Record<string, string>,
  ) =>
    handleFakeReportIntent(t.db, {
      intent: "fake_report.resolve",
      form: new URLSearchParams(fields) as unknown as FormData,
      kase,
      viewer: {
        userId: viewer.id,
        role: viewer.role,
        organisationId: viewer.organisationId,
        scope: viewer.organisationId
          ? { kind: "organisation", organisationId: viewer.organisationId }
          : { kind: "ministry" },
      },
      origin: origin(),
      ip: null,
    });

  it("submitting opens a case for the QR's school with a code and an audit row; its public page hides the e-mail", async () => {
    const answer = await submit({
      qr: revokedQr,
      verdict: "revoked",
      description: "Ứng viên nộp bản này khi xin việc.",
      email: "nguoi.bao@example.vn",
    });
    expect(answer.status).toBe(302);
    const location = answer.headers.get("location")!;
    const code = /^\/cases\/(GB-\d{4}-\d{6})\?new=1$/.exec(location)?.[1];
    expect(code).toBeTruthy();
    const [row] = await t.db.select().from(cases).where(eq(cases.code, code!));
    expect(row).toMatchObject({
      kind: "fake_report",
      organisationId: schoolA.id,
      status: "received",
      submitterEmail: "nguoi.bao@example.vn",
      submitterUserId: null,
      anonymous: true,
      body: "Ứng viên nộp bản này khi xin việc.",
    });
    expect(row!.details).toMatchObject({ verdict: "revoked", qr: revokedQr });
    expect(row!.dueOn).toBeTruthy();
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.entityId, row!.id));
    expect(audits.map((a) => a.action)).toEqual(["case.open"]);
    expect(JSON.stringify(audits[0]!.details)).not.toContain("example.vn");
    // The reporter is told by mail, with the code.
    const mails = await t.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, "nguoi.bao@example.vn"));
    expect(mails.some((m) => mailText(m).includes(code!))).toBe(true);

    const page = await callRoute(casePage.loader, routeArgs(get(`/cases/${code}?new=1`), { code: code! }));
    expect(page.status).toBe(200);
    expect(page.json.kase).toMatchObject({ code, kind: "fake_report", status: "received" });
    expect(page.json.created).toBe(true);
    expect(page.text).not.toContain("example.vn");
    expect(page.text).not.toContain("Ứng viên nộp bản này");
    // The old tracking URL leads to it.
    const old = await callRoute(
      trackRoute.loader,
      routeArgs(get(`/verify/report/${code!.toLowerCase()}`), { trackingCode: code!.toLowerCase() }),
    );
    expect(old.status).toBe(301);
    expect(old.location).toBe(`/cases/${code}`);
    expect(
      (await callRoute(trackRoute.loader, routeArgs(get("/verify/report/nonsense"), { trackingCode: "nonsense" })))
        .status,
    ).toBe(404);
    const unknown = await callRoute(
      casePage.loader,
      routeArgs(get("/cases/VB-00000-00000"), { code: "VB-00000-00000" }),
    );
    expect(unknown.status).toBe(404);
  });

  it("refuses bad input with messages and writes nothing", async () => {
    const before = (await fakeReportsNow()).length;
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
    expect((await fakeReportsNow()).length).toBe(before);
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

  it("a school closes only its own reports, with a signed result; the reporter is mailed and the page shows it", async () => {
    const [report] = await t.db
      .select()
      .from(cases)
      .where(and(eq(cases.kind, "fake_report"), eq(cases.organisationId, schoolA.id)));
    const adminA = await staff("school_admin", schoolA);
    const principalB = await staff("school_principal", schoolB);

    // The old list pages lead to the case queues, filtered to fake reports; a foreign school's is still 403.
    const listA = await callRoute(
      schoolReportsRoute.loader,
      routeArgs(get("/school/CDREPA/reports", adminA.cookie), { code: "CDREPA" }),
    );
    expect(listA.status).toBe(302);
    expect(listA.location).toBe("/school/CDREPA/cases?kind=fake_report");
    expect(
      (
        await callRoute(
          schoolReportsRoute.loader,
          routeArgs(get("/school/CDREPA/reports", principalB.cookie), { code: "CDREPA" }),
        )
      ).status,
    ).toBe(403);

    // B's staff cannot touch A's report: it answers like one that does not exist.
    const foreign = await intent(
      report!,
      { id: principalB.id, role: "officer", organisationId: schoolB.id },
      {
        outcome: "fake",
        note: "Không phải của trường B.",
      },
    );
    expect(foreign).toMatchObject({ ok: false, status: 404 });
    const noNote = await intent(
      report!,
      { id: adminA.id, role: "officer", organisationId: schoolA.id },
      {
        outcome: "fake",
        note: "",
      },
    );
    expect(noNote).toMatchObject({ ok: false, status: 400, fieldErrors: { note: "reports.validation.noteRequired" } });
    const noOutcome = await intent(
      report!,
      { id: adminA.id, role: "officer", organisationId: schoolA.id },
      {
        note: "Kết luận đầy đủ.",
      },
    );
    expect(noOutcome).toMatchObject({ ok: false, status: 400, fieldErrors: { outcome: "reports.validation.outcome" } });
    expect((await t.db.select().from(cases).where(eq(cases.id, report!.id)))[0]!.status).toBe("received");

    const mailsBefore = (await t.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, "nguoi.bao@example.vn")))
      .length;
    const note = "Văn bằng đã bị thu hồi; đã chuyển cơ quan chức năng.";
    const closed = await intent(
      report!,
      { id: adminA.id, role: "officer", organisationId: schoolA.id },
      {
        outcome: "fake",
        note,
      },
    );
    expect(closed).toEqual({ ok: true, notice: "reports.panel.resolved" });
    const after = (await t.db.select().from(cases).where(eq(cases.id, report!.id)))[0]!;
    expect(after).toMatchObject({ status: "resolved", outcome: "fake", outcomeNote: note });
    expect(after.closedAt).toBeTruthy();
    const [document] = await t.db.select().from(signedDocuments).where(eq(signedDocuments.id, after.resultDocumentId!));
    expect(document).toMatchObject({ kind: "case_result", organisationId: schoolA.id, caseId: report!.id });
    expect(JSON.stringify(document!.credential)).toContain(report!.code);
    expect(JSON.stringify(document!.credential)).not.toContain("example.vn");
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.entityId, report!.id));
    expect(audits.map((a) => a.action)).toContain("case.move");
    const mails = await t.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, "nguoi.bao@example.vn"));
    expect(mails.length).toBe(mailsBefore + 1);
    expect(mailText(mails.at(-1)!)).toContain(report!.code);
    // Closing twice is refused, and signs nothing more.
    const docsBefore = (await t.db.select().from(signedDocuments)).length;
    const again = await intent(
      after,
      { id: adminA.id, role: "officer", organisationId: schoolA.id },
      {
        outcome: "genuine",
        note: "Đổi ý.",
      },
    );
    expect(again).toMatchObject({ ok: false, status: 409 });
    expect((await t.db.select().from(signedDocuments)).length).toBe(docsBefore);
    const panel = await loadFakeReportPanel(t.db, after, {
      userId: adminA.id,
      role: "officer",
      organisationId: schoolA.id,
      scope: { kind: "organisation", organisationId: schoolA.id },
    });
    expect(panel).toMatchObject({ outcome: "fake", canResolve: false, resultDocumentId: after.resultDocumentId });

    const page = await callRoute(casePage.loader, routeArgs(get(`/cases/${report!.code}`), { code: report!.code }));
    expect(page.json.kase).toMatchObject({ status: "resolved", outcome: "fake", outcomeNote: note });
    expect(page.json.kase.timeline.map((e: { type: string }) => e.type)).toEqual(["submitted", "resolve"]);
    expect(page.text).not.toContain("example.vn");
    const api = await callRoute(
      caseApi.loader,
      routeArgs(get(`/api/v1/cases/${report!.code}`), { code: report!.code }),
    );
    expect(api.status).toBe(200);
    expect(api.json).toMatchObject({ code: report!.code, kind: "fake_report", status: "resolved", outcome: "fake" });
  });

  it("the ministry handles reports naming no school and signs with its own key; schools cannot open the admin page", async () => {
    const ministry = await staff("ministry_admin", null);
    const all = await callRoute(adminReportsRoute.loader, routeArgs(get("/admin/reports", ministry.cookie)));
    expect(all.status).toBe(302);
    expect(all.location).toBe("/admin/cases?kind=fake_report");
    const adminA = await staff("school_admin", schoolA);
    expect((await callRoute(adminReportsRoute.loader, routeArgs(get("/admin/reports", adminA.cookie)))).status).toBe(
      403,
    );
    const [orphan] = await t.db
      .select()
      .from(cases)
      .where(
        and(
          eq(cases.kind, "fake_report"),
          eq(cases.code, (await fakeReportsNow()).find((c) => !c.organisationId)!.code),
        ),
      );
    expect(orphan!.organisationId).toBeNull();
    await ensureMinistryKey(t.db);
    const closed = await intent(
      orphan!,
      { id: ministry.id, role: "ministry", organisationId: null },
      { outcome: "genuine", note: "Văn bằng thật, thông tin khớp sổ gốc." },
    );
    expect(closed).toMatchObject({ ok: true });
    const after = (await t.db.select().from(cases).where(eq(cases.id, orphan!.id)))[0]!;
    expect(after).toMatchObject({ status: "resolved", outcome: "genuine" });
    const [document] = await t.db.select().from(signedDocuments).where(eq(signedDocuments.id, after.resultDocumentId!));
    expect(document!.organisationId).toBeNull();
  });
});
