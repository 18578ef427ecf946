/**
 * The signed-diploma pages through their loaders and actions (PGlite, and PostgreSQL when TEST_DATABASE_URL is set):
 * the principal's signing page, the school's list and detail pages (revoke, correction), the public printable
 * diploma and its PDF. Who may do what, and the personal ID number never on a page in clear.
 */
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { testGraduateName } from "../support/diplomas";
import { afterAll, describe, expect, it } from "vitest";
import { auditLog, diplomaBatches, diplomas, mailOutbox, registerEntries } from "~db/schema";
import { translate } from "~/lib/i18n";
import { CLASSIFICATION_LABELS } from "~/modules/documents/labels";
import * as claimPage from "~/routes/graduate.claim";
import * as overview from "~/routes/school.$code._index";
import * as batchPage from "~/routes/school.$code.batches.$batchId._index";
import * as claimSlipsPdf from "~/routes/school.$code.batches.$batchId.claim-slips[.]pdf";
import { claimCodeOf } from "~/modules/diplomas/claim-code.server";
import { vietnamDate } from "~/lib/format-time";
import { ensureSchoolKey } from "~/modules/keys/ensure-school-key.server";
import * as credentialPage from "~/routes/credentials.$id._index";
import * as credentialPdf from "~/routes/credentials.$id.diploma[.]pdf";
import * as signPage from "~/routes/school.$code.batches.$batchId.sign";
import * as diplomaPage from "~/routes/school.$code.diplomas.$diplomaId._index";
import * as claimSlip from "~/routes/school.$code.diplomas.$diplomaId.claim-slip";
import * as diplomaList from "~/routes/school.$code.diplomas._index";
import { createSubmittedBatch } from "../support/diplomas";
import { createOrganisation } from "../support/factories";
import { anonymous, graduateOf, schoolWithSignedDiplomas, signedIn } from "../support/issued";
import { callRoute } from "../support/routes";
import { createMember } from "../support/members";
import { testDatabaseKind, withTestDatabase } from "../support/test-database";

describe(`signed-diploma pages (${testDatabaseKind()})`, () => {
  const t = withTestDatabase();

  const statusOf = async (id: string) =>
    (await t.db.select({ s: diplomas.status }).from(diplomas).where(eq(diplomas.id, id)))[0]!.s;
  const pageParams = (code: string, diplomaId: string) => ({ code, diplomaId });

  describe("signing a batch", () => {
    async function submitted() {
      const org = await createOrganisation(t.db, { kind: "school", code: "CDKY" });
      const registrar = await createMember(t.db, "school_registrar", org);
      const principal = await createMember(t.db, "school_principal", org);
      await ensureSchoolKey(t.db, { organisationId: org.id, actor: { userId: null, ip: null } });
      const { batch } = await createSubmittedBatch(t.db, { organisationId: org.id, createdBy: registrar.id, count: 4 });
      return {
        org,
        registrar,
        principal,
        batch,
        path: `/school/CDKY/batches/${batch.id}/sign`,
        params: { code: "CDKY", batchId: batch.id },
      };
    }
    const form = (extra: Record<string, string> = {}) => ({
      issueDate: vietnamDate(),
      issuePlace: "Hà Nội",
      signerTitle: "Hiệu trưởng",
      confirm: "on",
      ...extra,
    });

    it("shows the principal what will be signed, signs it, then shows the serial range", async () => {
      const s = await submitted();
      const principal = await signedIn(t.db, { id: s.principal.id });
      const page = await callRoute(signPage.loader, principal.get(s.path, s.params));
      expect(page.status).toBe(200);
      expect(page.body.form).toMatchObject({
        count: 4,
        latestGraduationDate: "2026-06-01",
        defaults: { issuePlace: expect.any(String), signerTitle: "Hiệu trưởng" },
        preparedBySigner: false,
        hasActiveKey: true,
      });
      expect(page.body.form.defaults.issuePlace.length).toBeGreaterThan(0);
      expect(page.body.form.programmes).toEqual([expect.objectContaining({ programmeCode: "6480201", n: 4 })]);

      const signed = await callRoute(signPage.action, principal.post(s.path, form(), s.params));
      expect(signed.status).toBe(302);
      expect(signed.location).toBe(`${s.path}?notice=signed`);
      const after = await callRoute(signPage.loader, principal.get(`${s.path}?notice=signed`, s.params));
      expect(after.body.signed).toEqual({ count: 4, first: "CDKY-000001", last: "CDKY-000004" });
      const [batch] = await t.db.select().from(diplomaBatches).where(eq(diplomaBatches.id, s.batch.id));
      expect(batch).toMatchObject({ status: "signed", signedBy: s.principal.id });
      const rows = await t.db.select().from(diplomas).where(eq(diplomas.batchId, s.batch.id));
      expect(
        rows.every((d) => d.status === "issued" && d.issuePlace === "Hà Nội" && d.signerTitle === "Hiệu trưởng"),
      ).toBe(true);
      expect(rows[0]!.signerName).toMatch(/^Người dùng/);

      // Signing twice: a clear message, not a crash.
      const twice = await callRoute(signPage.action, principal.post(s.path, form(), s.params));
      expect(twice.status).toBe(409);
      expect(twice.body.formError).toBe("issued.sign.error.not_submitted");
    });

    it("checks the form: confirmation, an issue date neither in the future nor before graduation", async () => {
      const s = await submitted();
      const principal = await signedIn(t.db, { id: s.principal.id });
      const bad = await callRoute(
        signPage.action,
        principal.post(s.path, form({ issueDate: "2999-01-01", confirm: "" }), s.params),
      );
      expect(bad.status).toBe(400);
      expect(bad.body.fieldErrors).toEqual({
        issueDate: "issued.sign.validation.issueDateFuture",
        confirm: "issued.sign.validation.confirm",
      });
      expect(bad.body.values.issuePlace).toBe("Hà Nội");
      const early = await callRoute(
        signPage.action,
        principal.post(s.path, form({ issueDate: "2026-05-31" }), s.params),
      );
      expect(early.body.fieldErrors).toEqual({ issueDate: "issued.sign.validation.issueDateBeforeGraduation" });
      expect((await t.db.select().from(diplomaBatches).where(eq(diplomaBatches.id, s.batch.id)))[0]!.status).toBe(
        "submitted",
      );
    });

    it("is for principals only, and never for the person who prepared the batch", async () => {
      const s = await submitted();
      const registrar = await signedIn(t.db, { id: s.registrar.id });
      expect((await callRoute(signPage.loader, registrar.get(s.path, s.params))).status).toBe(403);
      expect((await callRoute(signPage.action, registrar.post(s.path, form(), s.params))).status).toBe(403);

      // A principal who also prepared the batch (holds both roles) is refused by the two-person rule.
      const both = await createMember(t.db, "school_principal", s.org);
      const { batch } = await createSubmittedBatch(t.db, { organisationId: s.org.id, createdBy: both.id, count: 1 });
      const self = await signedIn(t.db, { id: both.id });
      const params = { code: "CDKY", batchId: batch.id };
      const page = await callRoute(signPage.loader, self.get(`/school/CDKY/batches/${batch.id}/sign`, params));
      expect(page.body.form.preparedBySigner).toBe(true);
      const refused = await callRoute(
        signPage.action,
        self.post(`/school/CDKY/batches/${batch.id}/sign`, form(), params),
      );
      expect(refused.status).toBe(403);
      expect(refused.body.formError).toBe("issued.sign.error.same_person");
    });
  });

  describe("the school's diploma pages", () => {
    it("lists and finds diplomas by name without diacritics, by serial and by status", async () => {
      const { org } = await schoolWithSignedDiplomas(t.db, { code: "CDLIST", count: 5 });
      const staff = await signedIn(t.db, { role: "school_admin", organisation: org });
      const list = async (query: string) =>
        (await callRoute(diplomaList.loader, staff.get(`/school/CDLIST/diplomas${query}`, { code: "CDLIST" }))).body;
      expect((await list("")).total).toBe(5);
      const byName = await list("?q=tran%20thi%20binh");
      expect(byName.diplomas.map((d: { fullName: string }) => d.fullName)).toEqual([testGraduateName(1)]);
      expect((await list("?q=CDLIST-000003")).diplomas).toHaveLength(1);
      expect((await list("?status=revoked")).total).toBe(0);
      expect((await list("?status=nonsense&page=-4")).total).toBe(5); // bad filters are dropped, not a 500
      expect(JSON.stringify(await list(""))).not.toContain(graduateOf(0).personalId);
    });

    it("shows every field with the personal ID masked, the claim code, the QR and the register history", async () => {
      const { org, diplomaIds } = await schoolWithSignedDiplomas(t.db, { code: "CDVIEW", count: 1 });
      const staff = await signedIn(t.db, { role: "school_registrar", organisation: org });
      const id = diplomaIds[0]!;
      const res = await callRoute(
        diplomaPage.loader,
        staff.get(`/school/CDVIEW/diplomas/${id}`, pageParams("CDVIEW", id)),
      );
      expect(res.status).toBe(200);
      expect(res.body.diploma.personalIdMasked).toBe(`••••••••${graduateOf(0).personalId.slice(-4)}`);
      expect(res.text).not.toContain(graduateOf(0).personalId);
      expect(res.body.claimCode).toBe(claimCodeOf(id));
      expect(res.body.qrSvg).toMatch(/^<svg/);
      expect(res.body.history.map((e: { kind: string }) => e.kind)).toEqual(["issue"]);
      expect(res.body.links).toMatchObject({
        json: `/credentials/${id}/vc.json`,
        pdf: `/credentials/${id}/diploma.pdf`,
      });
      expect(res.body.canStartReplacement).toBe(true);
      expect(res.body.statusChanges).toEqual([]); // a registrar cannot revoke

      const slip = await callRoute(
        claimSlip.loader,
        staff.get(`/school/CDVIEW/diplomas/${id}/claim-slip`, pageParams("CDVIEW", id)),
      );
      expect(slip.body.claimCode).toBe(claimCodeOf(id));
    });

    it("lets the principal revoke with a reason; the registrar gets 403", async () => {
      const {
        principal: p,
        registrar: r,
        diplomaIds,
      } = await schoolWithSignedDiplomas(t.db, { code: "CDREV", count: 2 });
      const id = diplomaIds[0]!;
      const path = `/school/CDREV/diplomas/${id}`;
      const registrar = await signedIn(t.db, { id: r.id });
      const denied = await callRoute(
        diplomaPage.action,
        registrar.post(path, { intent: "revoke", reason: "Gian lận hồ sơ", confirm: "on" }, pageParams("CDREV", id)),
      );
      expect(denied.status).toBe(403);
      expect(await statusOf(id)).toBe("issued");

      const principal = await signedIn(t.db, { id: p.id });
      const page = await callRoute(diplomaPage.loader, principal.get(path, pageParams("CDREV", id)));
      expect(page.body.statusChanges).toEqual(["revoke", "suspend"]);
      const noReason = await callRoute(
        diplomaPage.action,
        principal.post(path, { intent: "revoke", reason: " ", confirm: "on" }, pageParams("CDREV", id)),
      );
      expect(noReason.status).toBe(400);
      expect(noReason.body.fieldErrors).toEqual({ reason: "issued.status.validation.reasonRequired" });
      expect(await statusOf(id)).toBe("issued");

      const revoked = await callRoute(
        diplomaPage.action,
        principal.post(
          path,
          { intent: "revoke", reason: "Gian lận hồ sơ tốt nghiệp", confirm: "on" },
          pageParams("CDREV", id),
        ),
      );
      expect(revoked.status).toBe(302);
      expect(revoked.location).toBe(`${path}?notice=revoked`);
      expect(await statusOf(id)).toBe("revoked");
      const entries = await t.db
        .select()
        .from(registerEntries)
        .where(eq(registerEntries.diplomaId, id))
        .orderBy(registerEntries.id);
      expect(entries.map((e) => [e.kind, e.remarks])).toEqual([
        ["issue", null],
        ["revoke", "Gian lận hồ sơ tốt nghiệp"],
      ]);
      const after = await callRoute(
        diplomaPage.loader,
        principal.get(`${path}?notice=revoked`, pageParams("CDREV", id)),
      );
      expect(after.body).toMatchObject({ notice: "revoked", statusChanges: [], claimCode: null });

      // Revoking again: a clear refusal.
      const again = await callRoute(
        diplomaPage.action,
        principal.post(path, { intent: "revoke", reason: "Lần nữa", confirm: "on" }, pageParams("CDREV", id)),
      );
      expect(again.status).toBe(409);
      expect(again.body.formError).toBe("issued.status.error.not_allowed");
    });

    it("closes one school's diplomas to another school's staff (403)", async () => {
      const a = await schoolWithSignedDiplomas(t.db, { code: "CDAAA", count: 1 });
      const b = await createOrganisation(t.db, { kind: "school", code: "CDBBB" });
      const id = a.diplomaIds[0]!;
      for (const role of ["school_principal", "school_registrar", "school_admin"] as const) {
        const outsider = await signedIn(t.db, { role, organisation: b });
        expect(
          (await callRoute(diplomaPage.loader, outsider.get(`/school/CDAAA/diplomas/${id}`, pageParams("CDAAA", id))))
            .status,
        ).toBe(403);
        expect(
          (await callRoute(diplomaList.loader, outsider.get(`/school/CDAAA/diplomas`, { code: "CDAAA" }))).status,
        ).toBe(403);
        // Their own school's page does not show the other school's diploma either.
        expect(
          (await callRoute(diplomaPage.loader, outsider.get(`/school/CDBBB/diplomas/${id}`, pageParams("CDBBB", id))))
            .status,
        ).toBe(404);
      }
      const principalB = await signedIn(t.db, { role: "school_principal", organisation: b });
      const revoke = await callRoute(
        diplomaPage.action,
        principalB.post(
          `/school/CDAAA/diplomas/${id}`,
          { intent: "revoke", reason: "Không hợp lệ", confirm: "on" },
          pageParams("CDAAA", id),
        ),
      );
      expect(revoke.status).toBe(403);
      expect(await statusOf(id)).toBe("issued");
    });

    it("starts a correction: a new batch with one superseding draft, opened for editing; never twice", async () => {
      const {
        org,
        registrar: r,
        principal: p,
        diplomaIds,
      } = await schoolWithSignedDiplomas(t.db, { code: "CDFIX", count: 2 });
      const id = diplomaIds[0]!;
      const path = `/school/CDFIX/diplomas/${id}`;
      const principal = await signedIn(t.db, { id: p.id });
      expect(
        (
          await callRoute(
            diplomaPage.action,
            principal.post(path, { intent: "start-correction" }, pageParams("CDFIX", id)),
          )
        ).status,
      ).toBe(403);

      const registrar = await signedIn(t.db, { id: r.id });
      // A correction says why: without a reason nothing starts.
      const noReason = await callRoute(
        diplomaPage.action,
        registrar.post(path, { intent: "start-correction", reason: "  " }, pageParams("CDFIX", id)),
      );
      expect(noReason.status).toBe(400);
      expect(noReason.body.fieldErrors).toEqual({ reason: "issued.correction.reasonRequired" });
      expect(await t.db.select().from(diplomaBatches).where(eq(diplomaBatches.organisationId, org.id))).toHaveLength(1);
      const reason = "Sai ngày sinh so với giấy khai sinh";
      const started = await callRoute(
        diplomaPage.action,
        registrar.post(path, { intent: "start-correction", reason }, pageParams("CDFIX", id)),
      );
      expect(started.status).toBe(302);
      const match = /^\/school\/CDFIX\/batches\/([0-9a-f-]{36})\/drafts\/([0-9a-f-]{36})$/.exec(started.location ?? "");
      expect(match).not.toBeNull();
      const [, batchId, draftId] = match!;
      const [batch] = await t.db.select().from(diplomaBatches).where(eq(diplomaBatches.id, batchId!));
      const [draft] = await t.db.select().from(diplomas).where(eq(diplomas.id, draftId!));
      const [old] = await t.db.select().from(diplomas).where(eq(diplomas.id, id));
      expect(batch).toMatchObject({
        title: `Chỉnh sửa văn bằng ${old!.serial}`,
        status: "draft",
        organisationId: org.id,
        createdBy: r.id,
      });
      expect(draft).toMatchObject({
        status: "draft",
        batchId,
        supersedesId: id,
        replacementReason: reason,
        fullName: old!.fullName,
        programmeCode: old!.programmeCode,
        personalIdHash: old!.personalIdHash,
        serial: null,
      });
      expect(draft!.personalIdCiphertext).not.toBe(old!.personalIdCiphertext); // sealed again, bound to the new row
      const audits = await t.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, "diploma.start-correction"), eq(auditLog.entityId, id)));
      expect(audits).toHaveLength(1);
      expect(audits[0]!.details).toMatchObject({ reason });

      const page = await callRoute(diplomaPage.loader, registrar.get(path, pageParams("CDFIX", id)));
      expect(page.body.pendingReplacement).toMatchObject({ id: draftId, batchId });
      expect(page.body.canStartReplacement).toBe(false);
      for (const intent of ["start-correction", "start-reissue"]) {
        const second = await callRoute(
          diplomaPage.action,
          registrar.post(path, { intent, reason: "Lần thứ hai" }, pageParams("CDFIX", id)),
        );
        expect(second.status).toBe(409);
        expect(second.body.formError).toBe("issued.correction.error.already_started");
      }
      expect(await t.db.select().from(diplomaBatches).where(eq(diplomaBatches.organisationId, org.id))).toHaveLength(2);

      // A revoked diploma is neither corrected nor reissued.
      const other = diplomaIds[1]!;
      const revoke = await callRoute(
        diplomaPage.action,
        principal.post(
          `/school/CDFIX/diplomas/${other}`,
          { intent: "revoke", reason: "Thu hồi thử", confirm: "on" },
          pageParams("CDFIX", other),
        ),
      );
      expect(revoke.status).toBe(302);
      const refused = await callRoute(
        diplomaPage.action,
        registrar.post(
          `/school/CDFIX/diplomas/${other}`,
          { intent: "start-reissue", reason: "Người học làm mất" },
          pageParams("CDFIX", other),
        ),
      );
      expect(refused.status).toBe(409);
      expect(refused.body.formError).toBe("issued.correction.error.not_allowed");
    });
  });

  describe("the public printable diploma", () => {
    it("shows the diploma at its capability URL, never the personal ID number; status banners; 404 otherwise", async () => {
      const { org, principal: p, diplomaIds } = await schoolWithSignedDiplomas(t.db, { code: "CDPUB", count: 2 });
      const id = diplomaIds[0]!;
      const res = await callRoute(credentialPage.loader, anonymous(`/credentials/${id}`, { id }));
      expect(res.status).toBe(200);
      expect(res.headers.get("X-Robots-Tag")).toContain("noindex");
      const [row] = await t.db.select().from(diplomas).where(eq(diplomas.id, id));
      expect(res.body.document.holder.fullName).toBe(testGraduateName(0));
      expect(res.body.document.numbers.serial).toBe(row!.serial);
      expect(res.body.qrSvg).toMatch(/^<svg/);
      expect(res.text).not.toContain(graduateOf(0).personalId);
      expect(res.text).not.toContain(row!.personalIdHash);
      expect(res.text).not.toContain(row!.personalIdCiphertext);
      expect(res.text).not.toContain(claimCodeOf(id));

      const principal = await signedIn(t.db, { id: p.id });
      await callRoute(
        diplomaPage.action,
        principal.post(
          `/school/CDPUB/diplomas/${id}`,
          { intent: "suspend", reason: "Đang xác minh", confirm: "on" },
          pageParams("CDPUB", id),
        ),
      );
      const suspended = await callRoute(credentialPage.loader, anonymous(`/credentials/${id}`, { id }));
      expect(suspended.body.status).toBe("suspended");
      expect(suspended.body.document.statusLine.vi).toContain("ĐÌNH CHỈ");
      expect(suspended.text).not.toContain("Đang xác minh"); // the reason stays in the register

      for (const bad of ["not-a-uuid", "00000000-0000-4000-8000-000000000000"]) {
        expect((await callRoute(credentialPage.loader, anonymous(`/credentials/${bad}`, { id: bad }))).status).toBe(
          404,
        );
      }
      const draft = await createSubmittedBatch(t.db, { organisationId: org.id, createdBy: p.id, count: 1 });
      const draftId = draft.diplomaIds[0]!;
      expect(
        (await callRoute(credentialPage.loader, anonymous(`/credentials/${draftId}`, { id: draftId }))).status,
      ).toBe(404);
      expect(
        (await callRoute(credentialPdf.loader, anonymous(`/credentials/${draftId}/diploma.pdf`, { id: draftId })))
          .status,
      ).toBe(404);
    });

    it("serves the diploma as a PDF", async () => {
      const { diplomaIds } = await schoolWithSignedDiplomas(t.db, { code: "CDPDF", count: 1 });
      const id = diplomaIds[0]!;
      const res = await callRoute(
        credentialPdf.loader,
        anonymous(`/credentials/${id}/diploma.pdf?download=1`, { id }, "203.0.113.77"),
      );
      expect(res.status).toBe(200);
      expect(res.headers.get("Content-Type")).toBe("application/pdf");
      expect(res.headers.get("Content-Disposition")).toBe('attachment; filename="van-bang-CDPDF-000001.pdf"');
      expect(new TextDecoder().decode(res.bytes.slice(0, 5))).toBe("%PDF-");
      expect(res.bytes.length).toBeGreaterThan(10_000);
    });
  });

  describe("the first week at a school: the principal's queue, corrections, claim slips", () => {
    const workDir = mkdtempSync(path.join(tmpdir(), "vanbang-slips-"));
    afterAll(() => rmSync(workDir, { recursive: true, force: true }));
    const pdfFile = (bytes: Uint8Array) => {
      const file = path.join(workDir, `${randomUUID()}.pdf`);
      writeFileSync(file, bytes);
      return file;
    };

    it("prints every claim slip of a batch as one PDF, one page per graduate, for its own registrar and principal only", async () => {
      const {
        org,
        registrar: r,
        principal: p,
        batch,
        diplomaIds,
      } = await schoolWithSignedDiplomas(t.db, { code: "CDSLIP", count: 3 });
      const params = { code: "CDSLIP", batchId: batch.id };
      const path_ = `/school/CDSLIP/batches/${batch.id}/claim-slips.pdf`;
      for (const who of [r, p]) {
        const res = await callRoute(claimSlipsPdf.loader, (await signedIn(t.db, { id: who.id })).get(path_, params));
        expect(res.status).toBe(200);
        expect(res.headers.get("Content-Type")).toBe("application/pdf");
        expect(res.headers.get("Cache-Control")).toContain("no-store");
        const file = pdfFile(res.bytes);
        expect(execFileSync("pdfinfo", [file], { encoding: "utf8" })).toMatch(/^Pages:\s+3$/m);
        const pages = execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" })
          .split("\f")
          .slice(0, -1)
          .map((pg) => pg.normalize("NFC").replace(/\s+/g, " "));
        expect(pages).toHaveLength(3);
        const signed = await t.db
          .select()
          .from(diplomas)
          .where(eq(diplomas.batchId, batch.id))
          .orderBy(diplomas.registerNumber);
        signed.forEach((d, i) => {
          expect(pages[i]).toContain("PHIẾU NHẬN VĂN BẰNG SỐ");
          expect(pages[i]).toContain(d.fullName);
          // pdftotext may split the spaced-out code (e.g. "V9XFA-BJVA J"): compare it without spaces.
          expect(pages[i]!.replace(/ /g, "")).toContain(claimCodeOf(d.id));
          expect(pages[i]).toContain(d.serial!);
          expect(pages[i]).toContain(`${d.registerNumber}/2026`);
        });
      }
      // The school's administrator has no business with a class's codes; another school's staff get nothing.
      const admin = await signedIn(t.db, { role: "school_admin", organisation: org });
      expect((await callRoute(claimSlipsPdf.loader, admin.get(path_, params))).status).toBe(403);
      const other = await createOrganisation(t.db, { kind: "school", code: "CDOTH" });
      const foreign = await signedIn(t.db, { role: "school_registrar", organisation: other });
      expect(
        (
          await callRoute(
            claimSlipsPdf.loader,
            foreign.get(`/school/CDOTH/batches/${batch.id}/claim-slips.pdf`, { code: "CDOTH", batchId: batch.id }),
          )
        ).status,
      ).toBe(404);
      // A revoked diploma's slip is left out.
      const principal = await signedIn(t.db, { id: p.id });
      await callRoute(
        diplomaPage.action,
        principal.post(
          `/school/CDSLIP/diplomas/${diplomaIds[0]}`,
          { intent: "revoke", reason: "Thu hồi thử", confirm: "on" },
          pageParams("CDSLIP", diplomaIds[0]!),
        ),
      );
      const fewer = await callRoute(claimSlipsPdf.loader, principal.get(path_, params));
      expect(execFileSync("pdfinfo", [pdfFile(fewer.bytes)], { encoding: "utf8" })).toMatch(/^Pages:\s+2$/m);
    });

    it("shows the principal the batches waiting for signature, mails them at submission, and lets them send one back with a reason", async () => {
      const org = await createOrganisation(t.db, { kind: "school", code: "CDQUE" });
      const r = await createMember(t.db, "school_registrar", org);
      const p = await createMember(t.db, "school_principal", org);
      await ensureSchoolKey(t.db, { organisationId: org.id, actor: { userId: null, ip: null } });
      const registrar = await signedIn(t.db, { id: r.id });
      const principal = await signedIn(t.db, { id: p.id });
      const { batch } = await createSubmittedBatch(t.db, { organisationId: org.id, createdBy: r.id, count: 1 });
      await t.db
        .update(diplomaBatches)
        .set({ status: "draft", submittedBy: null, submittedAt: null })
        .where(eq(diplomaBatches.id, batch.id));
      const here = `/school/CDQUE/batches/${batch.id}`;
      const batchParams = { code: "CDQUE", batchId: batch.id };

      const empty = await callRoute(overview.loader, principal.get("/school/CDQUE", { code: "CDQUE" }));
      expect(empty.body.waiting).toEqual([]);
      expect((await callRoute(batchPage.action, registrar.post(here, { intent: "submit" }, batchParams))).status).toBe(
        302,
      );
      const [toPrincipal] = await t.db
        .select()
        .from(mailOutbox)
        .where(and(eq(mailOutbox.template, "batch_submitted"), eq(mailOutbox.toAddress, p.email)));
      expect(toPrincipal?.bodyText).toContain(`${here}/sign`);
      expect(toPrincipal?.bodyText).toContain("1 văn bằng");
      const queue = await callRoute(overview.loader, principal.get("/school/CDQUE", { code: "CDQUE" }));
      expect(queue.body.waiting).toEqual([expect.objectContaining({ id: batch.id, draftCount: 1 })]);
      // The registrar's overview has no signing queue.
      expect((await callRoute(overview.loader, registrar.get("/school/CDQUE", { code: "CDQUE" }))).body.canSign).toBe(
        false,
      );

      const signPath = `${here}/sign`;
      const noReason = await callRoute(
        signPage.action,
        principal.post(signPath, { intent: "return", reason: "" }, batchParams),
      );
      expect(noReason.status).toBe(400);
      expect(noReason.body.fieldErrors).toEqual({ reason: "issued.return.reasonRequired" });
      const returned = await callRoute(
        signPage.action,
        principal.post(signPath, { intent: "return", reason: "Sai số quyết định tốt nghiệp" }, batchParams),
      );
      expect(returned.status).toBe(302);
      expect(returned.location).toBe(`${here}?notice=returned`);
      const [toRegistrar] = await t.db
        .select()
        .from(mailOutbox)
        .where(and(eq(mailOutbox.template, "batch_returned"), eq(mailOutbox.toAddress, r.email)));
      expect(toRegistrar?.bodyText).toContain("Lý do: Sai số quyết định tốt nghiệp");
      const page = await callRoute(batchPage.loader, registrar.get(here, batchParams));
      expect(page.body.batch).toMatchObject({ status: "draft", returnReason: "Sai số quyết định tốt nghiệp" });
      expect(
        await t.db
          .select()
          .from(auditLog)
          .where(and(eq(auditLog.action, "diploma-batch.return"), eq(auditLog.entityId, batch.id))),
      ).toHaveLength(1);

      // Submitted again and signed: the registrar hears of it.
      expect((await callRoute(batchPage.action, registrar.post(here, { intent: "submit" }, batchParams))).status).toBe(
        302,
      );
      expect((await callRoute(batchPage.loader, registrar.get(here, batchParams))).body.batch.returnReason).toBeNull();
      const signed = await callRoute(
        signPage.action,
        principal.post(
          signPath,
          { issueDate: vietnamDate(), issuePlace: "Hà Nội", signerTitle: "Hiệu trưởng", confirm: "on" },
          batchParams,
        ),
      );
      expect(signed.status).toBe(302);
      const [done] = await t.db
        .select()
        .from(mailOutbox)
        .where(and(eq(mailOutbox.template, "batch_signed"), eq(mailOutbox.toAddress, r.email)));
      expect(done?.subject).toContain("đã được ký");
      expect(
        (await callRoute(overview.loader, principal.get("/school/CDQUE", { code: "CDQUE" }))).body.waiting,
      ).toEqual([]);
    });

    it("shows a correction's old and new values side by side; the old slip and the old code point to the replacement", async () => {
      const {
        org,
        registrar: r,
        principal: p,
        diplomaIds,
      } = await schoolWithSignedDiplomas(t.db, { code: "CDCMP", count: 1 });
      const id = diplomaIds[0]!;
      const registrar = await signedIn(t.db, { id: r.id });
      const started = await callRoute(
        diplomaPage.action,
        registrar.post(
          `/school/CDCMP/diplomas/${id}`,
          { intent: "start-correction", reason: "Sai xếp loại tốt nghiệp" },
          pageParams("CDCMP", id),
        ),
      );
      const [, batchId, draftId] = /batches\/([0-9a-f-]{36})\/drafts\/([0-9a-f-]{36})$/.exec(started.location ?? "")!;
      await t.db.update(diplomas).set({ classification: "trung_binh" }).where(eq(diplomas.id, draftId!));
      await t.db
        .update(diplomaBatches)
        .set({ status: "submitted", submittedBy: r.id, submittedAt: new Date() })
        .where(eq(diplomaBatches.id, batchId!));
      const principal = await signedIn(t.db, { id: p.id });
      const params = { code: "CDCMP", batchId: batchId! };
      const page = await callRoute(signPage.loader, principal.get(`/school/CDCMP/batches/${batchId}/sign`, params));
      const [correction] = page.body.corrections;
      expect(correction).toMatchObject({ kind: "correct", reason: "Sai xếp loại tốt nghiệp" });
      const changed = correction.fields.filter((f: { changed: boolean }) => f.changed);
      const [old] = await t.db.select().from(diplomas).where(eq(diplomas.id, id));
      expect(changed).toEqual([
        {
          field: "classification",
          old: CLASSIFICATION_LABELS[old!.classification].vi,
          new: "Trung bình",
          changed: true,
        },
      ]);
      expect(JSON.stringify(page.body)).not.toContain(graduateOf(0).personalId);

      const signed = await callRoute(
        signPage.action,
        principal.post(
          `/school/CDCMP/batches/${batchId}/sign`,
          { issueDate: vietnamDate(), issuePlace: "Hà Nội", signerTitle: "Hiệu trưởng", confirm: "on" },
          params,
        ),
      );
      expect(signed.status).toBe(302);
      const [fresh] = await t.db.select().from(diplomas).where(eq(diplomas.id, draftId!));
      // The old diploma's history shows the replacement with its reason.
      const detail = await callRoute(
        diplomaPage.loader,
        registrar.get(`/school/CDCMP/diplomas/${id}`, pageParams("CDCMP", id)),
      );
      expect(detail.body.history).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ diplomaId: draftId, kind: "correct", remarks: "Sai xếp loại tốt nghiệp" }),
        ]),
      );
      // The old slip no longer shows a code: it says a replacement exists and links its slip.
      const slip = await callRoute(
        claimSlip.loader,
        registrar.get(`/school/CDCMP/diplomas/${id}/claim-slip`, pageParams("CDCMP", id)),
      );
      expect(slip.status).toBe(200);
      expect(slip.body.superseded).toEqual({
        oldSerial: old!.serial,
        newSerial: fresh!.serial,
        replacementId: draftId,
      });
      expect(slip.text).not.toContain(claimCodeOf(id));
      // The graduate who tries the old code is told the same, with the new serial.
      const graduate = await signedIn(t.db, { role: "graduate", organisation: null });
      const tried = await callRoute(
        claimPage.action,
        graduate.post("/graduate/claim", { claimCode: claimCodeOf(id), ...graduateOf(0) }),
      );
      expect(tried.status).toBe(400);
      expect(tried.body).toMatchObject({
        formError: "issued.claim.error.superseded",
        formErrorParams: { old: old!.serial, new: fresh!.serial },
      });
      expect(translate("vi", tried.body.formError, tried.body.formErrorParams)).toContain(
        `thay thế bằng văn bằng số hiệu ${fresh!.serial}`,
      );
      void org;
    });
  });
});
