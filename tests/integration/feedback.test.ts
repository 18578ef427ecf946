/**
 * Feedback, petitions and policy questions (issue 12): the public form opens a case (with its attachments, or not at
 * all), refuses a stranger without contact details and a flood from one address; the ministry answers with a signed
 * reply that resolves the case; with the submitter's consent the redacted answer is published, found by the search
 * API without diacritics, shown in the library, and withdrawn again.
 */
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import {
  auditLog,
  caseAttachments,
  cases,
  publishedAnswers,
  signedDocuments,
  type Case,
  type Organisation,
} from "~db/schema";
import { verifyJcsProof } from "~/modules/credentials/eddsa-jcs-2022";
import { handleFeedbackIntent, loadFeedbackPanel } from "~/modules/feedback/handle-panel.server";
import { DEMO_QUESTIONS, seedDemoFeedback } from "~/modules/demo/demo-feedback.server";
import { ensureMinistryKey } from "~/modules/keys/ensure-ministry-key.server";
import { decodeEd25519PublicKey } from "~/modules/signing/multikey";
import type { PanelViewer } from "~/modules/cases/panel-contract";
import * as apiRoute from "~/routes/api.v1.questions";
import * as feedbackRoute from "~/routes/feedback";
import * as libraryRoute from "~/routes/questions._index";
import * as answerRoute from "~/routes/questions.$id";
import { createOrganisation } from "../support/factories";
import { createMember } from "../support/members";
import { callRoute, routeArgs } from "../support/routes";
import { testDatabaseKind, withTestDatabase } from "../support/test-database";

const origin = "http://localhost";
const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

function multipart(fields: Record<string, string>, files: { name: string; bytes: Uint8Array; type: string }[] = []) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  for (const f of files) form.append("attachments", new Blob([new Uint8Array(f.bytes)], { type: f.type }), f.name);
  return form;
}

const question = {
  kind: "question",
  addressee: "ministry",
  topic: "fees_support",
  title: "Học phí trình độ cao đẳng nghề có được miễn giảm không?",
  body: "Tôi là Trần Thị Bình, số CCCD 001203004567, điện thoại 0912 345 678, thư binh.tran@example.vn. Con tôi học cao đẳng nghề, gia đình thuộc hộ nghèo: có được miễn học phí không?",
  capacity: "citizen",
  name: "Trần Thị Bình",
  email: "binh.tran@example.vn",
  consent: "on",
};

describe(`feedback (${testDatabaseKind()})`, () => {
  const t = withTestDatabase({ per: "file" });
  let school: Organisation;
  let ministry: PanelViewer;
  let officerElsewhere: PanelViewer;

  beforeAll(async () => {
    await ensureMinistryKey(t.db);
    school = await createOrganisation(t.db, { kind: "school", code: "CDFEED", name: "Trường Cao đẳng Phản Hồi" });
    const other = await createOrganisation(t.db, { kind: "school", code: "CDFEEX" });
    const admin = await createMember(t.db, "ministry_admin", null);
    const registrar = await createMember(t.db, "school_registrar", other);
    ministry = { userId: admin.id, role: "ministry", scope: { kind: "ministry" }, organisationId: null };
    officerElsewhere = {
      userId: registrar.id,
      role: "officer",
      scope: { kind: "organisation", organisationId: other.id },
      organisationId: other.id,
    };
  });

  const send = (fields: Record<string, string>, files: Parameters<typeof multipart>[1] = [], ip?: string) =>
    callRoute(
      feedbackRoute.action,
      routeArgs(new Request(`${origin}/feedback`, { method: "POST", body: multipart(fields, files) }), {}, ip),
    );

  async function caseOf(location: string | null): Promise<Case> {
    const code = new URL(location!, origin).searchParams.get("sent")!;
    const [row] = await t.db.select().from(cases).where(eq(cases.code, code));
    return row!;
  }

  const intent = (kase: Case, viewer: PanelViewer, name: string, fields: Record<string, string> = {}) => {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    return handleFeedbackIntent(t.db, { intent: name, form, kase, viewer, origin, ip: "192.0.2.9" });
  };

  it("opens a question to the ministry with its attachment, and to a named school", async () => {
    const sent = await send(question, [{ name: "don.pdf", bytes: PDF, type: "application/pdf" }]);
    expect(sent.status).toBe(302);
    const kase = await caseOf(sent.location);
    expect(kase).toMatchObject({ kind: "question", topic: "fees_support", organisationId: null, publishConsent: true });
    expect(kase.code).toMatch(/^PA-\d{4}-\d{6}$/);
    const files = await t.db.select().from(caseAttachments).where(eq(caseAttachments.caseId, kase.id));
    expect(files.map((f) => f.fileName)).toEqual(["don.pdf"]);

    const toSchool = await send({ ...question, addressee: "school", organisationCode: "cdfeed", consent: "" });
    const schoolCase = await caseOf(toSchool.location);
    expect(schoolCase.organisationId).toBe(school.id);
    expect(schoolCase.publishConsent).toBe(false);
  });

  it("refuses a stranger without name and e-mail, a bad file (nothing written) and a flood", async () => {
    const before = (await t.db.select({ id: cases.id }).from(cases)).length;
    const noContact = await send({ ...question, name: "", email: "" });
    expect(noContact.status).toBe(400);
    expect(noContact.json.fieldErrors).toMatchObject({ name: "feedback.error.name", email: "feedback.error.email" });
    const badFile = await send(question, [
      { name: "virus.pdf", bytes: new TextEncoder().encode("MZ not a pdf"), type: "application/pdf" },
    ]);
    expect(badFile.status).toBe(400);
    expect(badFile.json.formError).toBe("feedback.error.attachmentType");
    const unknownSchool = await send({ ...question, addressee: "school", organisationCode: "NOPE" });
    expect(unknownSchool.status).toBe(400);
    expect((await t.db.select({ id: cases.id }).from(cases)).length).toBe(before);

    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await send(question, [], "203.0.113.77")).status);
    expect(statuses.slice(0, 5)).toEqual([302, 302, 302, 302, 302]);
    expect(statuses[5]).toBe(429);
  });

  it("the ministry signs the answer, the case resolves, and the consented answer is published redacted", async () => {
    const kase = await caseOf((await send(question)).location);
    // Another school's officer cannot answer it (as if it did not exist).
    expect(
      await intent(kase, officerElsewhere, "feedback.answer", { answer: "Một câu trả lời đủ dài." }),
    ).toMatchObject({
      ok: false,
      status: 404,
    });
    const answerText =
      "Theo Nghị định 81/2021/NĐ-CP, học sinh, sinh viên thuộc hộ nghèo học trình độ cao đẳng được miễn học phí. Chị Bình liên hệ nhà trường, số 0243 869 2345.";
    expect(await intent(kase, ministry, "feedback.answer", { answer: answerText })).toEqual({
      ok: true,
      notice: "feedback.notice.answered",
    });
    const [resolved] = await t.db.select().from(cases).where(eq(cases.id, kase.id));
    expect(resolved).toMatchObject({ status: "resolved", outcome: "answered" });
    const [doc] = await t.db.select().from(signedDocuments).where(eq(signedDocuments.id, resolved!.resultDocumentId!));
    expect(doc).toMatchObject({ kind: "case_reply", organisationId: null, caseId: kase.id });
    const subject = (doc!.credential as { credentialSubject: Record<string, string> }).credentialSubject;
    expect(subject.answer).toBe(answerText);
    expect(subject.question).not.toContain("001203004567");
    expect(subject.question).not.toContain("binh.tran@example.vn");
    const key = await ensureMinistryKey(t.db);
    const verified = verifyJcsProof(doc!.credential, () => decodeEd25519PublicKey(key.key.publicKeyMultibase));
    expect(verified.verified).toBe(true);
    // A second answer is refused: the case is closed.
    expect(await intent(resolved!, ministry, "feedback.answer", { answer: "Trả lời lần hai." })).toMatchObject({
      ok: false,
      status: 409,
    });

    // The panel pre-fills a redacted draft.
    const panel = await loadFeedbackPanel(t.db, resolved!, ministry);
    expect(panel).toMatchObject({ canAnswer: false, canPublish: true, answer: answerText });
    for (const secret of ["001203004567", "0912 345 678", "binh.tran@example.vn", "Trần Thị Bình", "0243 869 2345"]) {
      expect(panel!.draft.question + panel!.draft.answer).not.toContain(secret);
    }
    expect(await intent(resolved!, ministry, "feedback.publish", { ...panel!.draft })).toEqual({
      ok: true,
      notice: "feedback.notice.published",
    });
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.action, "feedback.publish"));
    expect(audit).toHaveLength(1);

    // Found without diacritics, the last word as a prefix; shown in the library and on its page.
    const search = await callRoute(
      apiRoute.loader,
      routeArgs(new Request(`${origin}/api/v1/questions?q=${encodeURIComponent("mien hoc ph")}&limit=5`)),
    );
    expect(search.status).toBe(200);
    expect(search.headers.get("access-control-allow-origin")).toBe("*");
    const hit = search.json.results.find((r: { question: string }) => r.question.startsWith(question.title));
    expect(hit).toBeTruthy();
    expect(hit.documentId).toBe(resolved!.resultDocumentId);
    const library = await callRoute(
      libraryRoute.loader,
      routeArgs(new Request(`${origin}/questions?topic=fees_support`)),
    );
    expect(library.json.answers.map((a: { id: string }) => a.id)).toContain(hit.id);
    const page = await callRoute(
      answerRoute.loader,
      routeArgs(new Request(`${origin}/questions/${hit.id}`), { id: hit.id }),
    );
    expect(page.status).toBe(200);
    expect(page.json.answer.answer).toContain("Nghị định 81/2021");

    // Withdrawn: gone from the search and the page.
    expect(await intent(resolved!, ministry, "feedback.unpublish")).toEqual({
      ok: true,
      notice: "feedback.notice.unpublished",
    });
    const again = await callRoute(
      apiRoute.loader,
      routeArgs(new Request(`${origin}/api/v1/questions?q=${encodeURIComponent("mien hoc phi")}`)),
    );
    expect(again.json.results.map((r: { id: string }) => r.id)).not.toContain(hit.id);
    const gone = await callRoute(
      answerRoute.loader,
      routeArgs(new Request(`${origin}/questions/${hit.id}`), { id: hit.id }),
    );
    expect(gone.status).toBe(404);
  });

  it("does not publish without the submitter's consent", async () => {
    const kase = await caseOf((await send({ ...question, consent: "" })).location);
    await intent(kase, ministry, "feedback.answer", { answer: "Câu trả lời đầy đủ cho câu hỏi này." });
    const [row] = await t.db.select().from(cases).where(eq(cases.id, kase.id));
    expect(
      await intent(row!, ministry, "feedback.publish", {
        question: "Câu hỏi mười ký tự",
        answer: "Câu trả lời mười ký tự",
        topic: "other",
      }),
    ).toMatchObject({
      ok: false,
      message: "feedback.error.noConsent",
    });
    expect(await t.db.select().from(publishedAnswers).where(eq(publishedAnswers.caseId, kase.id))).toHaveLength(0);
  });

  it("seeds the demo Q&A library once, signed and searchable", async () => {
    await createMember(t.db, "ministry_admin", null, "admin@moet.gov.vn");
    await createOrganisation(t.db, { kind: "school", code: "CDCNHN", name: "Trường Cao đẳng Công nghệ Hà Nội" });
    const first = await seedDemoFeedback(t.db);
    expect(first.published).toBe(DEMO_QUESTIONS.filter((q) => q.answer).length);
    expect(await seedDemoFeedback(t.db)).toEqual({ published: 0 });
    const petitions = await t.db.select().from(cases).where(eq(cases.kind, "voter_petition"));
    expect(petitions.map((p) => [p.assemblySession, p.status])).toEqual([["XV-10", "resolved"]]);
    const search = await callRoute(
      apiRoute.loader,
      routeArgs(new Request(`${origin}/api/v1/questions?q=${encodeURIComponent("mat bang tot nghiep")}&limit=5`)),
    );
    expect(search.json.results[0].question).toMatch(/^Mất bằng tốt nghiệp/);
    // The school's answer is signed by the school, and the submitter's ID number and phone are not published.
    const schoolAnswer = await callRoute(
      apiRoute.loader,
      routeArgs(new Request(`${origin}/api/v1/questions?q=${encodeURIComponent("sai ngay sinh")}`)),
    );
    expect(schoolAnswer.json.results[0].organisationName).toBe("Trường Cao đẳng Công nghệ Hà Nội");
    expect(JSON.stringify(schoolAnswer.json)).not.toMatch(/001198012345|0987 654 321|Lê Thị Thu/);
  });

  it("without JavaScript, the form's own buttons find answers and schools and keep what was typed", async () => {
    const before = (await t.db.select({ id: cases.id }).from(cases)).length;
    const suggested = await send({ ...question, intent: "suggest", title: "mien hoc phi cao dang" });
    expect(suggested.status).toBe(200);
    expect(suggested.json.values.title).toBe("mien hoc phi cao dang");
    // The demo library (seeded by the test above) answers it.
    expect(suggested.json.suggestions[0].question).toMatch(/miễn học phí/);
    const schools = await send({ ...question, intent: "find_school", schoolQuery: "phan hoi" });
    expect(schools.json.schools).toEqual([{ code: "CDFEED", name: "Trường Cao đẳng Phản Hồi" }]);
    expect((await t.db.select({ id: cases.id }).from(cases)).length).toBe(before);
  });

  it("the search API answers 400 JSON to a bad query", async () => {
    for (const query of ["", "?q=", `?q=${"a".repeat(201)}`, "?q=abc&limit=0", "?q=abc&topic=nope"]) {
      const answer = await callRoute(apiRoute.loader, routeArgs(new Request(`${origin}/api/v1/questions${query}`)));
      expect(answer.status, query).toBe(400);
      expect(answer.json.code).toBe("bad_query");
    }
  });
});
