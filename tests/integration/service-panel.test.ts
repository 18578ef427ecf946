/**
 * The school's part of the online services (issue 12), through the staff page's panel contract: a certified copy is
 * delivered electronically as a signed copy (verifiable, in the copy register, numbered per school and year, the case
 * resolved with it) or by post with its tracking number; a confirmation letter is signed; a correction is handed to
 * the correction flow; a payment is confirmed; another school's officer cannot act; bad input writes nothing.
 */
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { cases, copyRegisterEntries, diplomas, signedDocuments, type Case } from "~db/schema";
import { getEnv } from "~/lib/env.server";
import type { PanelViewer } from "~/modules/cases/panel-contract";
import { handleServiceIntent, loadServicePanel } from "~/modules/services/handle-panel.server";
import { requestService } from "~/modules/services/request-service.server";
import type { ServiceInput } from "~/modules/services/schema";
import { verifyCredentialDocument } from "~/modules/verification/verify-credential-json.server";
import { schoolWithSignedDiplomas } from "../support/issued";
import { createSession } from "~/lib/session.server";
import { loader as copyRegisterPage } from "~/routes/school.$code.copy-register";
import { loader as copyRegisterCsvRoute } from "~/routes/school.$code.copy-register[.]csv";
import { callRoute, routeArgs } from "../support/routes";
import { createOrganisation } from "../support/factories";
import { createMember } from "../support/members";
import { testDatabaseKind, withTestDatabase } from "../support/test-database";

describe(`services' staff panel (${testDatabaseKind()})`, () => {
  const t = withTestDatabase({ per: "file" });
  const origin = () => getEnv().PUBLIC_ORIGIN;
  let school: Awaited<ReturnType<typeof schoolWithSignedDiplomas>>;
  let graduate: { id: string };
  let officer: PanelViewer;

  beforeAll(async () => {
    school = await schoolWithSignedDiplomas(t.db, { count: 2, publicOrigin: getEnv().PUBLIC_ORIGIN });
    graduate = await createMember(t.db, "graduate", null);
    await t.db.update(diplomas).set({ claimedBy: graduate.id }).where(eq(diplomas.organisationId, school.org.id));
    officer = {
      userId: school.registrar.id,
      role: "officer",
      scope: { kind: "organisation", organisationId: school.org.id },
      organisationId: school.org.id,
    };
  });

  const common = { capacity: "self" as const, schoolCode: "", serial: "", holderName: "", holderDateOfBirth: "" };
  const contact = { name: "Nguyễn Văn An", email: "an@example.vn", phone: "", note: "" };

  const evidence = { name: "bang-chung.pdf", bytes: new TextEncoder().encode("%PDF-1.4\n%test\n") };

  async function request(input: Partial<ServiceInput> & { kind: ServiceInput["kind"] }, diplomaIndex = 0) {
    const opened = await requestService(t.db, {
      input: { ...common, ...contact, diplomaId: school.diplomaIds[diplomaIndex]!, ...input } as ServiceInput,
      files: input.kind === "correction" ? { evidence: [evidence] } : {},
      user: { id: graduate.id },
      actor: { userId: graduate.id, ip: null },
      origin: origin(),
    });
    if (!opened.ok) throw new Error(opened.code);
    return opened.value;
  }

  function act(kase: Case, intent: string, fields: Record<string, string> = {}, viewer = officer) {
    const form = new FormData();
    form.set("intent", intent);
    for (const [k, v] of Object.entries(fields)) form.set(k, v);
    return handleServiceIntent(t.db, { intent, form, kase, viewer, origin: origin(), ip: null });
  }

  const reload = async (id: string) => (await t.db.select().from(cases).where(eq(cases.id, id)))[0]!;

  it("delivers a signed electronic copy: verifiable, in the copy register, the case resolved with it", async () => {
    const kase = await request({ kind: "certified_copy", copies: 2, delivery: "electronic", postalAddress: "" });
    const panel = await loadServicePanel(t.db, kase, officer);
    expect(panel?.kind).toBe("certified_copy");
    if (!panel || panel.kind === "none") return;
    expect(panel.diploma?.id).toBe(school.diplomaIds[0]);
    expect(panel.intents).toContain("service.deliver_copy");

    expect(await act(kase, "service.deliver_copy", { delivery: "electronic" })).toEqual({
      ok: true,
      notice: "services.panel.notice.delivered",
    });
    const done = await reload(kase.id);
    expect(done.status).toBe("resolved");
    expect(done.outcome).toBe("delivered_electronic");
    const [doc] = await t.db.select().from(signedDocuments).where(eq(signedDocuments.id, done.resultDocumentId!));
    expect(doc!.kind).toBe("certified_copy");
    const subject = doc!.credential.credentialSubject as Record<string, unknown>;
    expect(subject).toMatchObject({ isCopy: true, copyNumber: 1, copies: 2 });
    expect(String(subject.copyOf)).toContain(school.diplomaIds[0]!);
    const verdict = await verifyCredentialDocument(t.db, doc!.credential, { origin: origin(), count: false });
    expect(verdict.verdict).toBe("valid");
    expect(verdict.document?.issuerName).toBe(school.org.name);
    const entries = await t.db
      .select()
      .from(copyRegisterEntries)
      .where(eq(copyRegisterEntries.organisationId, school.org.id));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ entryNumber: 1, delivery: "electronic", documentId: doc!.id, copies: 2 });

    // Delivered once: the intent is refused the second time, and nothing more is signed.
    const again = await act(done, "service.deliver_copy", { delivery: "electronic" });
    expect(again).toMatchObject({ ok: false, status: 409 });
    expect(await t.db.select().from(signedDocuments).where(eq(signedDocuments.caseId, kase.id))).toHaveLength(1);
  });

  it("delivers by post with the tracking number, the next register number, and refuses a post without one", async () => {
    const kase = await request({
      kind: "certified_copy",
      copies: 1,
      delivery: "post",
      postalAddress: "12 Phố Huế, Hà Nội",
    });
    const missing = await act(kase, "service.deliver_copy", { delivery: "post" });
    expect(missing).toMatchObject({ ok: false, status: 400, message: "services.panel.error.tracking_required" });
    expect((await reload(kase.id)).status).toBe("received");
    expect(await act(kase, "service.deliver_copy", { delivery: "post", trackingNumber: "EMS123456VN" })).toMatchObject({
      ok: true,
    });
    const done = await reload(kase.id);
    expect(done.outcome).toBe("delivered_post");
    expect(done.resultDocumentId).toBeNull();
    const [entry] = await t.db
      .select()
      .from(copyRegisterEntries)
      .where(and(eq(copyRegisterEntries.organisationId, school.org.id), eq(copyRegisterEntries.caseId, kase.id)));
    expect(entry).toMatchObject({ entryNumber: 2, trackingNumber: "EMS123456VN", postalAddress: "12 Phố Huế, Hà Nội" });
  });

  it("refuses another school's officer as if the case did not exist, writing nothing", async () => {
    const kase = await request({ kind: "certified_copy", copies: 1, delivery: "electronic", postalAddress: "" });
    const otherSchool = await createOrganisation(t.db, { kind: "school" });
    const other = await createMember(t.db, "school_registrar", otherSchool);
    const foreign: PanelViewer = {
      userId: other.id,
      role: "officer",
      scope: { kind: "organisation", organisationId: otherSchool.id },
      organisationId: otherSchool.id,
    };
    expect(await act(kase, "service.deliver_copy", { delivery: "electronic" }, foreign)).toMatchObject({
      ok: false,
      status: 404,
    });
    expect((await reload(kase.id)).status).toBe("received");
  });

  it("confirms a payment on the case without pretending it was paid online", async () => {
    const kase = await request({ kind: "certified_copy", copies: 1, delivery: "electronic", postalAddress: "" });
    expect((kase.details as { payment: { status: string } }).payment.status).toBe("not_recorded");
    expect(await act(kase, "service.confirm_payment", { note: "" })).toMatchObject({ ok: false, status: 400 });
    expect(await act(kase, "service.confirm_payment", { note: "Biên lai 0012, 03/12" })).toMatchObject({ ok: true });
    const done = await reload(kase.id);
    expect((done.details as { payment: { status: string; note: string } }).payment).toMatchObject({
      status: "confirmed",
      note: "Biên lai 0012, 03/12",
    });
  });

  it("signs a confirmation letter addressed to the agency, in the language asked for", async () => {
    const kase = await request({
      kind: "confirmation",
      agencyName: "ACME GmbH",
      agencyCountry: "Đức",
      agencyEmail: "hr@acme.example",
      purpose: "Tuyển dụng",
      language: "en",
    });
    expect(await act(kase, "service.sign_confirmation")).toMatchObject({ ok: true });
    const done = await reload(kase.id);
    const [doc] = await t.db.select().from(signedDocuments).where(eq(signedDocuments.id, done.resultDocumentId!));
    expect(doc!.kind).toBe("confirmation_letter");
    expect(JSON.stringify(doc!.credential)).toContain("ACME GmbH");
    expect((doc!.credential.credentialSubject as { statement: string }).statement).toMatch(/confirms that/);
    expect((await verifyCredentialDocument(t.db, doc!.credential, { origin: origin(), count: false })).verdict).toBe(
      "valid",
    );
  });

  it("hands a correction to the correction flow and resolves only once the corrected diploma is signed", async () => {
    const kase = await request(
      { kind: "correction", fields: ["fullName"], correctValue: "Nguyễn Văn Án" } as Partial<ServiceInput> & {
        kind: "correction";
      },
      1,
    );
    expect(await act(kase, "service.start_correction", { reason: "" })).toMatchObject({ ok: false, status: 400 });
    expect(await act(kase, "service.start_correction", { reason: "Sai dấu trong họ tên" })).toMatchObject({ ok: true });
    const started = await reload(kase.id);
    const link = (started.details as { correction: { diplomaId: string } }).correction;
    const [draft] = await t.db.select().from(diplomas).where(eq(diplomas.id, link.diplomaId));
    expect(draft!.status).toBe("draft");
    expect(draft!.supersedesId).toBe(school.diplomaIds[1]);
    expect(await act(started, "service.finish_correction")).toMatchObject({
      ok: false,
      message: "services.panel.error.correction_not_signed",
    });
    expect((await reload(kase.id)).status).toBe("in_progress");
  });

  it("shows the copy register to the school's staff, per year, as a page and a CSV, and to no one else", async () => {
    const { setCookie } = await createSession(t.db, { userId: school.registrar.id, ip: null, userAgent: "vitest" });
    const cookie = setCookie.split(";")[0]!;
    const year = new Date().getFullYear();
    const page = await callRoute(
      copyRegisterPage,
      routeArgs(new Request(`http://localhost/school/${school.org.code}/copy-register`, { headers: { cookie } }), {
        code: school.org.code,
      }),
    );
    expect(page.status).toBe(200);
    expect(page.json.rows.map((r: { entryNumber: number }) => r.entryNumber)).toEqual([1, 2]);
    const csv = await callRoute(
      copyRegisterCsvRoute,
      routeArgs(
        new Request(`http://localhost/school/${school.org.code}/copy-register.csv?year=${year}`, {
          headers: { cookie },
        }),
        { code: school.org.code },
      ),
    );
    expect(csv.headers.get("content-type")).toMatch(/text\/csv/);
    expect(csv.text.split("\r\n").filter(Boolean)).toHaveLength(3);
    expect(csv.text).toContain("EMS123456VN");
    const stranger = await createSession(t.db, { userId: graduate.id, ip: null, userAgent: "vitest" });
    const refused = await callRoute(
      copyRegisterPage,
      routeArgs(
        new Request(`http://localhost/school/${school.org.code}/copy-register`, {
          headers: { cookie: stranger.setCookie.split(";")[0]! },
        }),
        { code: school.org.code },
      ),
    );
    expect(refused.status).toBe(403);
  });
});
