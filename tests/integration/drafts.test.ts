/**
 * The registrar's side of issuance on a real database (PGlite, and PostgreSQL when TEST_DATABASE_URL is set):
 * batches, drafts by form and by file, submission; ownership in every query; the personal ID never in clear.
 */
import { randomBytes } from "node:crypto";
import { and, count, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, diplomaBatches, diplomas, type Organisation, type Role } from "~db/schema";
import { rowsOf } from "~/lib/db.server";
import { createBatch } from "~/modules/drafts/create-batch.server";
import { deleteDraft } from "~/modules/drafts/delete-draft.server";
import { importDrafts } from "~/modules/drafts/import-drafts.server";
import { hashPersonalId, revealPersonalId } from "~/modules/drafts/personal-id.server";
import { saveDraft } from "~/modules/drafts/save-draft.server";
import { submitBatch } from "~/modules/drafts/submit-batch.server";
import { withdrawBatch } from "~/modules/drafts/withdraw-batch.server";
import { keyRingFrom, useKeyRing } from "~/modules/keys/key-encryption.server";
import * as batchPage from "~/routes/school.$code.batches.$batchId._index";
import * as draftPage from "~/routes/school.$code.batches.$batchId.drafts.$diplomaId";
import * as importPage from "~/routes/school.$code.batches.$batchId.import";
import * as batchList from "~/routes/school.$code.batches._index";
import * as newBatch from "~/routes/school.$code.batches.new";
import * as templateCsv from "~/routes/school.$code.batches.template[.]csv";
import { createOrganisation } from "../support/factories";
import { createMember } from "../support/members";
import { callRoute, routeArgs, signedInAs } from "../support/routes";
import { testDatabaseKind, withTestDatabase } from "../support/test-database";

const HEADER =
  'Họ và tên,Ngày sinh,Nơi sinh,Giới tính,Dân tộc,Số định danh cá nhân,"Mã ngành, nghề",Hình thức đào tạo,Xếp loại,Ngày tốt nghiệp,Số quyết định tốt nghiệp';
const line = (name: string, personalId: string, programme = "6480201") =>
  `${name},15/03/2004,Hà Nội,Nam,Kinh,${personalId},${programme},Chính quy,Khá,20/06/2025,123/QĐ-CĐCN`;
const csv = (...lines: string[]) => new TextEncoder().encode(`${HEADER}\n${lines.join("\n")}\n`);

/** Rows 2 and 4 valid, row 3 invalid (personal ID too short). */
const HALF_VALID = csv(
  line("Nguyễn Văn An", "001204012345"),
  line("Trần Thị Bình", "12345"),
  line("Lê Văn Cường", "046203001234"),
);

const form = {
  fullName: "Phạm Thị Dung",
  dateOfBirth: "2004-01-02",
  placeOfBirth: "Cần Thơ",
  gender: "nu",
  ethnicity: "Kinh",
  personalId: "092304005678",
  programmeCode: "6340302",
  modeOfStudy: "chinh_quy",
  classification: "gioi",
  graduationDate: "2025-06-20",
  graduationDecisionNumber: "45/QĐ-CĐ",
};

describe(`diploma drafts (${testDatabaseKind()})`, () => {
  const t = withTestDatabase();

  beforeAll(() => useKeyRing(keyRingFrom(randomBytes(32))));

  async function school(code?: string) {
    const organisation = await createOrganisation(t.db, { kind: "school", code });
    const registrar = await createMember(t.db, "school_registrar", organisation);
    return { organisation, registrar, actor: { userId: registrar.id, ip: "198.51.100.9" } };
  }

  async function batchOf(s: Awaited<ReturnType<typeof school>>, title = "Tốt nghiệp đợt 1 năm 2026 — Khóa K21") {
    const { batchId } = await createBatch(t.db, {
      organisationId: s.organisation.id,
      input: { title },
      actor: s.actor,
    });
    return batchId;
  }

  /** A signed-in member (cookie), with request builders. */
  const as = (role: Role, organisation: Organisation | null) => signedInAs(t.db, role, organisation);

  const args = (request: Request, params: Record<string, string>) => routeArgs(request, params, "198.51.100.7");

  const draftCount = async (organisationId?: string) =>
    (
      await t.db
        .select({ n: count() })
        .from(diplomas)
        .where(organisationId ? eq(diplomas.organisationId, organisationId) : undefined)
    )[0]!.n;
  const auditActions = async (organisationId: string) =>
    (
      await t.db
        .select({ action: auditLog.action })
        .from(auditLog)
        .where(eq(auditLog.organisationId, organisationId))
        .orderBy(auditLog.id)
    ).map((r) => r.action);

  it("imports nothing from a file with errors unless “valid rows only” is chosen, then exactly the valid rows", async () => {
    const s = await school();
    const batchId = await batchOf(s);
    const base = {
      organisationId: s.organisation.id,
      batchId,
      file: HALF_VALID,
      fileName: "lop-k21.csv",
      actor: s.actor,
    };

    const first = await importDrafts(t.db, { ...base, mode: "all" });
    expect(first).toMatchObject({
      ok: false,
      code: "has_errors",
      report: { rowCount: 3, validRowCount: 2, invalidRowCount: 1 },
    });
    if (first.ok || !("report" in first)) throw new Error("expected a report");
    expect(first.report.invalidRows).toEqual([
      {
        row: 3,
        issues: [{ field: "personalId", message: "diplomas.validation.personalId" }],
        typed: expect.objectContaining({ fullName: "Trần Thị Bình", personalId: "12345" }),
      },
    ]);
    expect(await draftCount()).toBe(0);

    // "Valid rows only" for another file than the one reported: refused, with the new file's report.
    const other = csv(line("Nguyễn Văn An", "001204012345"), line("Trần Thị Bình", "12"));
    expect(
      await importDrafts(t.db, { ...base, file: other, mode: "valid_only", expectedSha256: first.sha256 }),
    ).toMatchObject({ ok: false, code: "file_changed" });
    expect(await importDrafts(t.db, { ...base, mode: "valid_only" })).toMatchObject({
      ok: false,
      code: "file_changed",
    });
    expect(await draftCount()).toBe(0);
    expect(await auditActions(s.organisation.id)).toEqual(["diploma-batch.create"]);

    const second = await importDrafts(t.db, { ...base, mode: "valid_only", expectedSha256: first.sha256 });
    expect(second).toEqual({ ok: true, value: { imported: 2, skipped: 1, sha256: first.sha256 } });
    const rows = await t.db.select().from(diplomas).where(eq(diplomas.batchId, batchId)).orderBy(diplomas.fullName);
    expect(
      rows.map((r) => [r.fullName, r.status, r.programmeName, r.levelCode, r.honorificTitle, r.dateOfBirth]),
    ).toEqual([
      ["Lê Văn Cường", "draft", "Công nghệ thông tin", "cao_dang", "kỹ sư thực hành", "2004-03-15"],
      ["Nguyễn Văn An", "draft", "Công nghệ thông tin", "cao_dang", "kỹ sư thực hành", "2004-03-15"],
    ]);
    const [audit] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.organisationId, s.organisation.id), eq(auditLog.action, "diploma.draft-import")));
    expect(audit).toMatchObject({ actorUserId: s.registrar.id, actorIp: "198.51.100.9", entityId: batchId });
    expect(audit!.details).toMatchObject({
      fileName: "lop-k21.csv",
      sha256: first.sha256,
      mode: "valid_only",
      rows: 3,
      imported: 2,
      skipped: 1,
      skippedRows: [3],
    });

    // The same file again: every row is now a duplicate of a draft in this batch.
    const again = await importDrafts(t.db, { ...base, file: csv(line("Nguyễn Văn An", "001204012345")), mode: "all" });
    expect(again).toMatchObject({ ok: false, code: "has_errors" });
    if (!again.ok && "report" in again)
      expect(again.report.invalidRows[0]!.issues[0]!.message).toBe("diplomas.import.duplicateInBatch");
  });

  it("imports through the route: report (422), then the valid rows after the user's choice, by redirect", async () => {
    const s = await school("SCHIMP");
    const batchId = await batchOf(s);
    const registrar = await as("school_registrar", s.organisation);
    const p = `/school/SCHIMP/batches/${batchId}/import`;
    const params = { code: "SCHIMP", batchId };

    const rejected = await callRoute(
      importPage.action,
      args(registrar.upload(p, { name: "lop.csv", bytes: HALF_VALID }), params),
    );
    expect(rejected.status).toBe(422);
    expect(rejected.body).toMatchObject({
      status: "rejected",
      code: "has_errors",
      fileName: "lop.csv",
      report: { validRowCount: 2, invalidRowCount: 1 },
    });
    expect(JSON.stringify(rejected.body)).not.toContain("001204012345");

    const done = await callRoute(
      importPage.action,
      args(
        registrar.upload(
          p,
          { name: "lop.csv", bytes: HALF_VALID },
          { mode: "valid_only", sha256: rejected.body.sha256 },
        ),
        params,
      ),
    );
    expect(done.status).toBe(302);
    expect(done.location).toBe(`/school/SCHIMP/batches/${batchId}?notice=imported&imported=2&skipped=1#drafts`);
    expect(await draftCount(s.organisation.id)).toBe(2);
  });

  it("imports a whole valid file at once, and nothing when the transaction fails half-way", async () => {
    const s = await school();
    const batchId = await batchOf(s);
    const file = csv(line("Nguyễn Văn An", "001204012345"), line("Lê Văn Cường", "046203001234"));
    const base = {
      organisationId: s.organisation.id,
      batchId,
      fileName: "lop.csv",
      mode: "all" as const,
      actor: s.actor,
    };

    // A crash after the rows are written (the audit insert fails): the rows go too.
    await t.db.execute(
      sql.raw(
        `CREATE FUNCTION test_fail_import() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'simulated crash'; END; $$ LANGUAGE plpgsql`,
      ),
    );
    await t.db.execute(
      sql.raw(
        `CREATE TRIGGER test_fail_import BEFORE INSERT ON audit_log FOR EACH ROW WHEN (NEW.action = 'diploma.draft-import') EXECUTE FUNCTION test_fail_import()`,
      ),
    );
    await expect(importDrafts(t.db, { ...base, file })).rejects.toThrow();
    expect(await draftCount()).toBe(0);
    await t.db.execute(sql.raw(`DROP TRIGGER test_fail_import ON audit_log`));

    expect(await importDrafts(t.db, { ...base, file })).toMatchObject({ ok: true, value: { imported: 2, skipped: 0 } });
    expect(await draftCount()).toBe(2);
  });

  it("stores the personal ID only sealed and hashed: no column holds it in clear, the hash finds it", async () => {
    const s = await school();
    const batchId = await batchOf(s);
    const personalId = "079204031415";
    const saved = await saveDraft(t.db, {
      organisationId: s.organisation.id,
      batchId,
      input: { ...form, personalId },
      actor: s.actor,
    });
    if (!saved.ok) throw new Error(saved.code);
    await importDrafts(t.db, {
      organisationId: s.organisation.id,
      batchId,
      file: csv(line("Nguyễn Văn An", "001204012345")),
      fileName: "a.csv",
      mode: "all",
      actor: s.actor,
    });

    for (const [id, number] of [
      [saved.value.diplomaId, personalId],
      [null, "001204012345"],
    ] as const) {
      const raw = rowsOf<Record<string, unknown>>(
        await t.db.execute(
          id
            ? sql`select * from diplomas where id = ${id}`
            : sql`select * from diplomas where full_name = 'Nguyễn Văn An'`,
        ),
      )[0]!;
      expect(Object.keys(raw).length).toBeGreaterThan(30);
      for (const [column, value] of Object.entries(raw)) {
        const text =
          value instanceof Uint8Array ? Buffer.from(value).toString("latin1") : (JSON.stringify(value) ?? "");
        expect(text, column).not.toContain(number);
        expect(text, column).not.toContain(Buffer.from(number).toString("base64"));
      }
      expect(raw.personal_id_hash).toBe(hashPersonalId(number));
      expect(revealPersonalId(String(raw.id), String(raw.personal_id_ciphertext))).toBe(number);
      // The ciphertext is bound to its row: on another row's id it does not open.
      expect(
        revealPersonalId(
          saved.value.diplomaId === raw.id ? batchId : saved.value.diplomaId,
          String(raw.personal_id_ciphertext),
        ),
      ).toBeNull();
    }
    const found = await t.db
      .select({ id: diplomas.id })
      .from(diplomas)
      .where(eq(diplomas.personalIdHash, hashPersonalId(personalId)));
    expect(found.map((r) => r.id)).toEqual([saved.value.diplomaId]);
    const audit = JSON.stringify(await t.db.select().from(auditLog));
    expect(audit).not.toContain(personalId);
    expect(audit).not.toContain("001204012345");
  });

  it("shows the personal ID masked on the batch page, in full only in the registrar's edit form", async () => {
    const s = await school("SCHMASK");
    const batchId = await batchOf(s);
    const saved = await saveDraft(t.db, { organisationId: s.organisation.id, batchId, input: form, actor: s.actor });
    if (!saved.ok) throw new Error(saved.code);
    const registrar = await as("school_registrar", s.organisation);
    const page = await callRoute(
      batchPage.loader,
      args(registrar.get(`/school/SCHMASK/batches/${batchId}`), { code: "SCHMASK", batchId }),
    );
    expect(page.status).toBe(200);
    expect(JSON.stringify(page.body)).not.toContain(form.personalId);
    expect(page.body.diplomas[0]).toMatchObject({ fullName: "Phạm Thị Dung", personalIdMasked: "••••••••5678" });
    expect(page.body.diplomas[0].personalIdCiphertext).toBeUndefined();
    const edit = await callRoute(
      draftPage.loader,
      args(registrar.get("/x"), { code: "SCHMASK", batchId, diplomaId: saved.value.diplomaId }),
    );
    expect(edit.body.draft.personalId).toBe(form.personalId);
    const principal = await as("school_principal", s.organisation);
    expect(
      (
        await callRoute(
          draftPage.loader,
          args(principal.get("/x"), { code: "SCHMASK", batchId, diplomaId: saved.value.diplomaId }),
        )
      ).status,
    ).toBe(403);
  });

  it("keeps each school to its own batches: a foreign batch is not found by the use-cases, and forbidden by the routes", async () => {
    const a = await school("SCHA");
    const b = await school("SCHB");
    const batchB = await batchOf(b);
    const draftB = await saveDraft(t.db, {
      organisationId: b.organisation.id,
      batchId: batchB,
      input: form,
      actor: b.actor,
    });
    if (!draftB.ok) throw new Error(draftB.code);
    // A's registrar, A's organisation id, B's batch.
    const asA = { organisationId: a.organisation.id, batchId: batchB, actor: a.actor };
    expect(await saveDraft(t.db, { ...asA, input: { ...form, personalId: "001204000001" } })).toMatchObject({
      ok: false,
      code: "not_found",
    });
    expect(await saveDraft(t.db, { ...asA, diplomaId: draftB.value.diplomaId, input: form })).toMatchObject({
      ok: false,
      code: "not_found",
    });
    expect(await importDrafts(t.db, { ...asA, file: HALF_VALID, fileName: "a.csv", mode: "all" })).toEqual({
      ok: false,
      code: "not_found",
    });
    expect(await deleteDraft(t.db, { ...asA, diplomaId: draftB.value.diplomaId })).toMatchObject({
      ok: false,
      code: "not_found",
    });
    expect(await submitBatch(t.db, asA)).toMatchObject({ ok: false, code: "not_found" });
    expect(await withdrawBatch(t.db, asA)).toMatchObject({ ok: false, code: "not_found" });
    expect(await draftCount(b.organisation.id)).toBe(1);

    const registrarA = await as("school_registrar", a.organisation);
    const onB = { code: "SCHB", batchId: batchB };
    expect(
      (await callRoute(batchPage.action, args(registrarA.post("/x", { intent: "add-draft", ...form }), onB))).status,
    ).toBe(403);
    expect((await callRoute(batchPage.loader, args(registrarA.get("/x"), onB))).status).toBe(403);
    expect(
      (await callRoute(importPage.action, args(registrarA.upload("/x", { name: "a.csv", bytes: HALF_VALID }), onB)))
        .status,
    ).toBe(403);
    expect(
      (
        await callRoute(
          draftPage.action,
          args(registrarA.post("/x", form), { ...onB, diplomaId: draftB.value.diplomaId }),
        )
      ).status,
    ).toBe(403);
    // Through A's own URL, B's batch simply does not exist.
    const onA = { code: "SCHA", batchId: batchB };
    expect((await callRoute(batchPage.loader, args(registrarA.get("/x"), onA))).status).toBe(404);
    expect(
      (await callRoute(batchPage.action, args(registrarA.post("/x", { intent: "add-draft", ...form }), onA))).status,
    ).toBe(404);
    expect(
      (await callRoute(importPage.action, args(registrarA.upload("/x", { name: "a.csv", bytes: HALF_VALID }), onA)))
        .status,
    ).toBe(404);
    expect(
      (await callRoute(draftPage.loader, args(registrarA.get("/x"), { ...onA, diplomaId: draftB.value.diplomaId })))
        .status,
    ).toBe(404);
    expect(await draftCount(b.organisation.id)).toBe(1);
    expect(await draftCount(a.organisation.id)).toBe(0);
  });

  it("lets a principal view batches but not create batches or drafts (403)", async () => {
    const s = await school("SCHPRIN");
    const batchId = await batchOf(s);
    const principal = await as("school_principal", s.organisation);
    const params = { code: "SCHPRIN", batchId };
    expect(
      (
        await callRoute(
          newBatch.action,
          args(principal.post("/x", { title: "Lô của hiệu trưởng" }), { code: "SCHPRIN" }),
        )
      ).status,
    ).toBe(403);
    expect((await callRoute(newBatch.loader, args(principal.get("/x"), { code: "SCHPRIN" }))).status).toBe(403);
    expect(
      (await callRoute(batchPage.action, args(principal.post("/x", { intent: "add-draft", ...form }), params))).status,
    ).toBe(403);
    expect((await callRoute(batchPage.action, args(principal.post("/x", { intent: "submit" }), params))).status).toBe(
      403,
    );
    expect(
      (await callRoute(importPage.action, args(principal.upload("/x", { name: "a.csv", bytes: HALF_VALID }), params)))
        .status,
    ).toBe(403);
    expect((await callRoute(templateCsv.loader, args(principal.get("/x"), { code: "SCHPRIN" }))).status).toBe(403);
    expect(await draftCount()).toBe(0);
    expect(
      await t.db
        .select({ n: count() })
        .from(diplomaBatches)
        .where(eq(diplomaBatches.organisationId, s.organisation.id)),
    ).toEqual([{ n: 1 }]);

    const list = await callRoute(batchList.loader, args(principal.get("/x"), { code: "SCHPRIN" }));
    expect(list.body).toMatchObject({ canDraft: false, counts: { draft: 1 } });
    const page = await callRoute(batchPage.loader, args(principal.get("/x"), params));
    expect(page.body).toMatchObject({ canDraft: false, canSign: true, editable: false });
  });

  it("runs the form flow with audit rows: create, add, edit, delete, submit, withdraw", async () => {
    const s = await school("SCHFLOW");
    const registrar = await as("school_registrar", s.organisation);
    const created = await callRoute(
      newBatch.action,
      args(registrar.post("/x", { title: "  Tốt nghiệp   đợt 2 " }), { code: "SCHFLOW" }),
    );
    expect(created.status).toBe(302);
    const batchId = /batches\/([0-9a-f-]{36})/.exec(created.location!)![1]!;
    const [batch] = await t.db.select().from(diplomaBatches).where(eq(diplomaBatches.id, batchId));
    expect(batch).toMatchObject({
      title: "Tốt nghiệp đợt 2",
      status: "draft",
      organisationId: s.organisation.id,
      createdBy: registrar.id,
    });
    const params = { code: "SCHFLOW", batchId };

    const empty = await callRoute(batchPage.action, args(registrar.post("/x", { intent: "submit" }), params));
    expect(empty).toMatchObject({ status: 409, body: { formError: "diplomas.error.empty_batch" } });

    const bad = await callRoute(
      batchPage.action,
      args(registrar.post("/x", { intent: "add-draft", ...form, fullName: "X1", personalId: "123" }), params),
    );
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({
      values: { fullName: "X1", personalId: "123", placeOfBirth: "Cần Thơ" },
      fieldErrors: { fullName: "diplomas.validation.fullNameLetters", personalId: "diplomas.validation.personalId" },
    });

    const added = await callRoute(
      batchPage.action,
      args(registrar.post("/x", { intent: "add-draft", ...form }), params),
    );
    expect(added.location).toBe(`/school/SCHFLOW/batches/${batchId}?notice=added#drafts`);
    const duplicate = await callRoute(
      batchPage.action,
      args(registrar.post("/x", { intent: "add-draft", ...form, fullName: "Phạm Dung" }), params),
    );
    expect(duplicate).toMatchObject({
      status: 409,
      body: { fieldErrors: { personalId: "diplomas.validation.duplicateExisting" } },
    });

    const [draft] = await t.db.select().from(diplomas).where(eq(diplomas.batchId, batchId));
    const draftParams = { ...params, diplomaId: draft!.id };
    const edited = await callRoute(
      draftPage.action,
      args(registrar.post("/x", { ...form, classification: "xuat_sac", personalId: "092304005679" }), draftParams),
    );
    expect(edited.location).toBe(`/school/SCHFLOW/batches/${batchId}?notice=updated#drafts`);
    const [after] = await t.db.select().from(diplomas).where(eq(diplomas.id, draft!.id));
    expect(after).toMatchObject({
      classification: "xuat_sac",
      personalIdHash: hashPersonalId("092304005679"),
      honorificTitle: "cử nhân thực hành",
    });
    const unchanged = await callRoute(
      draftPage.action,
      args(registrar.post("/x", { ...form, classification: "xuat_sac", personalId: "092304005679" }), draftParams),
    );
    expect(unchanged.location).toContain("notice=unchanged");

    const second = await saveDraft(t.db, {
      organisationId: s.organisation.id,
      batchId,
      input: { ...form, personalId: "001204000002" },
      actor: s.actor,
    });
    if (!second.ok) throw new Error(second.code);
    expect(
      (
        await callRoute(
          batchPage.action,
          args(registrar.post("/x", { intent: "delete-draft", diplomaId: second.value.diplomaId }), params),
        )
      ).location,
    ).toContain("notice=deleted");

    expect(
      (await callRoute(batchPage.action, args(registrar.post("/x", { intent: "submit" }), params))).location,
    ).toContain("notice=submitted");
    const [submitted] = await t.db.select().from(diplomaBatches).where(eq(diplomaBatches.id, batchId));
    expect(submitted).toMatchObject({ status: "submitted", submittedBy: registrar.id });
    expect(submitted!.submittedAt).toBeInstanceOf(Date);

    expect(
      (await callRoute(batchPage.action, args(registrar.post("/x", { intent: "withdraw" }), params))).location,
    ).toContain("notice=withdrawn");
    const [withdrawn] = await t.db.select().from(diplomaBatches).where(eq(diplomaBatches.id, batchId));
    expect(withdrawn).toMatchObject({ status: "draft", submittedBy: null, submittedAt: null });

    expect(await auditActions(s.organisation.id)).toEqual([
      "diploma-batch.create",
      "diploma.draft-create",
      "diploma.draft-update",
      "diploma.draft-create",
      "diploma.draft-delete",
      "diploma-batch.submit",
      "diploma-batch.withdraw",
    ]);
    const [update] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.organisationId, s.organisation.id), eq(auditLog.action, "diploma.draft-update")));
    expect(update!.details).toEqual({ batchId, fields: ["classification", "personalId"] });
  });

  it("locks a submitted batch: no draft added, edited, deleted or imported until it is withdrawn", async () => {
    const s = await school("SCHLOCK");
    const batchId = await batchOf(s);
    const saved = await saveDraft(t.db, { organisationId: s.organisation.id, batchId, input: form, actor: s.actor });
    if (!saved.ok) throw new Error(saved.code);
    expect(await submitBatch(t.db, { organisationId: s.organisation.id, batchId, actor: s.actor })).toEqual({
      ok: true,
      value: { draftCount: 1 },
    });
    const ref = { organisationId: s.organisation.id, batchId, actor: s.actor };

    expect(await saveDraft(t.db, { ...ref, input: { ...form, personalId: "001204000003" } })).toMatchObject({
      ok: false,
      code: "batch_locked",
    });
    expect(
      await saveDraft(t.db, { ...ref, diplomaId: saved.value.diplomaId, input: { ...form, fullName: "Tên Khác" } }),
    ).toMatchObject({ ok: false, code: "batch_locked" });
    expect(await deleteDraft(t.db, { ...ref, diplomaId: saved.value.diplomaId })).toMatchObject({
      ok: false,
      code: "batch_locked",
    });
    expect(await importDrafts(t.db, { ...ref, file: HALF_VALID, fileName: "a.csv", mode: "all" })).toEqual({
      ok: false,
      code: "batch_locked",
    });
    expect(await submitBatch(t.db, ref)).toMatchObject({ ok: false, code: "batch_locked" });

    const registrar = await as("school_registrar", s.organisation);
    const params = { code: "SCHLOCK", batchId };
    expect(
      await callRoute(
        batchPage.action,
        args(registrar.post("/x", { intent: "add-draft", ...form, personalId: "001204000004" }), params),
      ),
    ).toMatchObject({
      status: 409,
      body: { formError: "diplomas.error.batch_locked" },
    });
    expect(
      (
        await callRoute(
          draftPage.action,
          args(registrar.post("/x", { ...form, fullName: "Tên Khác" }), {
            ...params,
            diplomaId: saved.value.diplomaId,
          }),
        )
      ).status,
    ).toBe(409);
    expect(
      (await callRoute(importPage.action, args(registrar.upload("/x", { name: "a.csv", bytes: HALF_VALID }), params)))
        .status,
    ).toBe(409);
    const page = await callRoute(batchPage.loader, args(registrar.get("/x"), params));
    expect(page.body).toMatchObject({ editable: false, batch: { status: "submitted" } });
    const [row] = await t.db.select().from(diplomas).where(eq(diplomas.batchId, batchId));
    expect(row!.fullName).toBe("Phạm Thị Dung");
    expect(await draftCount(s.organisation.id)).toBe(1);

    expect(await withdrawBatch(t.db, ref)).toMatchObject({ ok: true });
    expect(await withdrawBatch(t.db, ref)).toMatchObject({ ok: false, code: "not_submitted" });
    expect(
      await saveDraft(t.db, { ...ref, diplomaId: saved.value.diplomaId, input: { ...form, fullName: "Tên Khác" } }),
    ).toMatchObject({ ok: true });
  });

  it("reports duplicates against the school's drafts in other batches and its issued diplomas", async () => {
    const s = await school();
    const first = await batchOf(s, "Đợt 1");
    const second = await batchOf(s, "Đợt 2");
    await saveDraft(t.db, {
      organisationId: s.organisation.id,
      batchId: first,
      input: { ...form, personalId: "001204012345", programmeCode: "6480201" },
      actor: s.actor,
    });
    // An issued diploma (written directly: signing is not this module's).
    await t.db.insert(diplomas).values({
      organisationId: s.organisation.id,
      batchId: first,
      status: "issued",
      fullName: "Lê Văn Cường",
      dateOfBirth: "2004-03-15",
      placeOfBirth: "Huế",
      gender: "nam",
      ethnicity: "Kinh",
      personalIdCiphertext: "x",
      personalIdHash: hashPersonalId("046203001234"),
      programmeCode: "6480201",
      programmeName: "Công nghệ thông tin",
      levelCode: "cao_dang",
      modeOfStudy: "chinh_quy",
      classification: "kha",
      graduationDate: "2025-06-20",
      graduationDecisionNumber: "1/QĐ",
      serial: "A0001",
      registerYear: 2025,
      registerNumber: 1,
      credential: {},
      createdBy: s.registrar.id,
    });
    const other = await school();
    await saveDraft(t.db, {
      organisationId: other.organisation.id,
      batchId: await batchOf(other),
      input: { ...form, personalId: "079204099999", programmeCode: "6480201" },
      actor: other.actor,
    });

    const result = await importDrafts(t.db, {
      organisationId: s.organisation.id,
      batchId: second,
      file: csv(
        line("Nguyễn Văn An", "001204012345"),
        line("Lê Văn Cường", "046203001234"),
        line("Nguyễn Văn An", "001204012345", "6340302"),
        line("Võ Văn E", "079204099999"),
      ),
      fileName: "dot2.csv",
      mode: "all",
      actor: s.actor,
    });
    if (result.ok || !("report" in result)) throw new Error("expected a report");
    expect(result.report.invalidRows.map((r) => [r.row, r.issues[0]!.message, r.issues[0]!.params])).toEqual([
      [2, "diplomas.import.duplicateDraft", { batch: "Đợt 1" }],
      [3, "diplomas.import.duplicateIssued", { batch: "Đợt 1" }],
    ]);
    // Same graduate in another programme, and another school's graduate: not duplicates.
    expect(result.report.validRowCount).toBe(2);
  });

  it("answers a malformed upload with a clear message and writes nothing", async () => {
    const s = await school("SCHBAD");
    const batchId = await batchOf(s);
    const registrar = await as("school_registrar", s.organisation);
    const params = { code: "SCHBAD", batchId };
    const before = (await t.db.select({ n: count() }).from(auditLog))[0]!.n;
    const upload = (name: string, bytes: Uint8Array) =>
      callRoute(importPage.action, args(registrar.upload("/x", { name, bytes }), params));

    const pdf = await upload("danh-sach.pdf", new TextEncoder().encode("%PDF-1.4 ..."));
    expect(pdf).toMatchObject({
      status: 422,
      body: { status: "rejected", code: "invalid_file", report: { fileIssue: { code: "file_type" } } },
    });
    const garbage = await upload("danh-sach.xlsx", randomBytes(4096));
    expect(garbage.body.report.fileIssue.code).toBe("xlsx_unreadable");
    const empty = await upload("danh-sach.csv", new Uint8Array(0));
    expect(empty.body.report.fileIssue.code).toBe("file_empty");
    const headerOnly = await upload("danh-sach.csv", new TextEncoder().encode(`${HEADER}\n`));
    expect(headerOnly.body.report.fileIssue.code).toBe("no_rows");
    const binaryCsv = await upload("danh-sach.csv", randomBytes(2048));
    expect(binaryCsv.body.report.fileIssue.code).toBe("file_encoding");
    const tooLarge = await upload("danh-sach.csv", new Uint8Array(6 * 1024 * 1024));
    expect(tooLarge).toMatchObject({
      status: 413,
      body: { status: "error", error: "diplomas.import.file.file_too_large", params: { maxMb: 5 } },
    });
    const noFile = await callRoute(importPage.action, args(registrar.post("/x", { mode: "all" }), params));
    expect(noFile).toMatchObject({ status: 400, body: { status: "error", error: "diplomas.import.noFile" } });

    expect(await draftCount()).toBe(0);
    expect((await t.db.select({ n: count() }).from(auditLog))[0]!.n).toBe(before);
  });

  it("answers 404 for malformed ids in the URL, and serves the template", async () => {
    const s = await school("SCHURL");
    const registrar = await as("school_registrar", s.organisation);
    for (const batchId of ["abc", "1' or '1'='1", "00000000-0000-0000-0000-00000000000g"]) {
      expect(
        (await callRoute(batchPage.loader, args(registrar.get("/x"), { code: "SCHURL", batchId }))).status,
        batchId,
      ).toBe(404);
      expect(
        (await callRoute(importPage.loader, args(registrar.get("/x"), { code: "SCHURL", batchId }))).status,
        batchId,
      ).toBe(404);
      expect(
        (await callRoute(draftPage.loader, args(registrar.get("/x"), { code: "SCHURL", batchId, diplomaId: batchId })))
          .status,
        batchId,
      ).toBe(404);
    }
    const unknown = "6f1e4c52-3b1a-4f7e-9a55-1c2d3e4f5a6b";
    expect(
      (await callRoute(batchPage.loader, args(registrar.get("/x"), { code: "SCHURL", batchId: unknown }))).status,
    ).toBe(404);
    const batchId = await batchOf(s);
    expect(
      (
        await callRoute(
          batchPage.action,
          args(registrar.post("/x", { intent: "delete-draft", diplomaId: "nope" }), { code: "SCHURL", batchId }),
        )
      ).status,
    ).toBe(404);
    expect(
      (
        await callRoute(
          batchPage.action,
          args(registrar.post("/x", { intent: "delete-draft", diplomaId: unknown }), { code: "SCHURL", batchId }),
        )
      ).status,
    ).toBe(404);

    const template = (await templateCsv.loader(args(registrar.get("/x"), { code: "SCHURL" }))) as Response;
    expect(template.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const bytes = new Uint8Array(await template.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // a BOM, for Excel
    expect(new TextDecoder().decode(bytes)).toMatch(/^Họ và tên,Ngày sinh,.*\r\nNguyễn Văn An,15\/03\/2004,/s);
    expect(new TextDecoder().decode(bytes).split("\r\n")[0]).toMatch(/,Thư điện tử$/);
  });
});
