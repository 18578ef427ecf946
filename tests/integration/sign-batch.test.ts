import { and, count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, diplomaBatches, diplomas, issuanceLog, mailOutbox, registerEntries } from "~db/schema";
import { loadBatchPage } from "~/modules/drafts/batch-pages.server";
import { claimCodeOf } from "~/modules/diplomas/claim-code.server";
import { createBatch } from "~/modules/drafts/create-batch.server";
import { importDrafts } from "~/modules/drafts/import-drafts.server";
import { loadSignPage } from "~/modules/diplomas/issued-pages.server";
import { orderBatch } from "~/modules/drafts/order-batch.server";
import { verifyProof } from "~/modules/credentials/eddsa-rdfc-2022";
import { changeDiplomaStatus } from "~/modules/diplomas/change-diploma-status.server";
import { claimDiploma } from "~/modules/diplomas/claim-diploma.server";
import { revealPersonalId } from "~/modules/drafts/personal-id.server";
import { saveDraft } from "~/modules/drafts/save-draft.server";
import { signBatch, type SignBatchHooks } from "~/modules/diplomas/sign-batch.server";
import { startCorrection } from "~/modules/diplomas/start-correction.server";
import { submitBatch } from "~/modules/drafts/submit-batch.server";
import { withdrawBatch } from "~/modules/drafts/withdraw-batch.server";
import { checkChain, verifyInclusion } from "~/modules/issuance-log/hash-chain";
import { sha256 } from "~/modules/issuance-log/append-log-entry.server";
import { ensureSchoolKey } from "~/modules/keys/ensure-school-key.server";
import { decodeQrPayload, verifyQrSignature } from "~/modules/qr/payload";
import { decodeEd25519PublicKey } from "~/modules/signing/multikey";
import { findStatusList } from "~/modules/status/status-lists.server";
import { getBit } from "~/modules/status/bitstring";
import { createSubmittedBatch } from "../support/diplomas";
import { createOrganisation } from "../support/factories";
import { createMember } from "../support/members";
import { testDatabaseKind, withTestDatabase } from "../support/test-database";
import { mailText } from "../support/mail";

const ORIGIN = "http://portal.test";

describe(`signing a batch (${testDatabaseKind()})`, () => {
  const t = withTestDatabase();

  async function school() {
    const org = await createOrganisation(t.db, { kind: "school", code: "CDTEST" });
    const registrar = await createMember(t.db, "school_registrar", org);
    const principal = await createMember(t.db, "school_principal", org);
    const ensured = await ensureSchoolKey(t.db, { organisationId: org.id, actor: { userId: null, ip: null } });
    if (!ensured.ok) throw new Error("no key");
    return { org, registrar, principal, publicKey: decodeEd25519PublicKey(ensured.value.key.publicKeyMultibase)! };
  }

  /** A beforeSign hook that crashes the signing once `n` diplomas are signed, as a process dying halfway would. */
  const failAfter = (n: number) => (i: number) => {
    if (i >= n) throw new Error("signing interrupted (test)");
  };

  const signAs = (
    org: { id: string },
    userId: string,
    batchId: string,
    extra: Record<string, unknown> = {},
    hooks: SignBatchHooks = {},
  ) =>
    signBatch(
      t.db,
      {
        organisationId: org.id,
        batchId,
        signer: { userId, name: "Lê Minh Tuấn", title: "Hiệu trưởng" },
        issuePlace: "Hà Nội",
        issueDate: "2026-06-15",
        publicOrigin: ORIGIN,
        actor: { userId, ip: "203.0.113.1" },
        ...extra,
      },
      hooks,
    );

  it("numbers, signs and registers every diploma of the batch in one go", async () => {
    const { org, registrar, principal, publicKey } = await school();
    const { batch } = await createSubmittedBatch(t.db, { organisationId: org.id, createdBy: registrar.id, count: 5 });
    const result = await signAs(org, principal.id, batch.id);
    expect(result).toMatchObject({ ok: true, value: { signed: 5, serials: ["CDTEST-000001", "CDTEST-000005"] } });

    const signed = await t.db
      .select()
      .from(diplomas)
      .where(eq(diplomas.batchId, batch.id))
      .orderBy(diplomas.registerNumber);
    expect(signed.map((d) => d.status)).toEqual(Array(5).fill("issued"));
    expect(signed.map((d) => d.registerNumber)).toEqual([1, 2, 3, 4, 5]);
    expect(new Set(signed.map((d) => d.revocationIndex)).size).toBe(5);

    const resolveKey = async (vm: string) => (vm === `did:web:portal.test:issuers:CDTEST#key-1` ? publicKey : null);
    for (const d of signed) {
      const verified = await verifyProof(d.credential as never, resolveKey as never);
      expect(verified.verified).toBe(true);
      const qr = decodeQrPayload(d.qrPayload!);
      expect(qr.ok && verifyQrSignature(qr, publicKey)).toBe(true);
      if (qr.ok) expect(qr.fields.serial).toBe(d.serial);
      expect(JSON.stringify(d.credential)).not.toContain(d.personalIdHash);
    }

    expect(
      (await t.db.select({ n: count() }).from(registerEntries).where(eq(registerEntries.organisationId, org.id)))[0]!.n,
    ).toBe(5);
    const [log] = await t.db.select().from(issuanceLog).where(eq(issuanceLog.organisationId, org.id));
    expect(log).toMatchObject({ seq: 1, kind: "batch", leafCount: 5 });
    const audits = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.organisationId, org.id), eq(auditLog.action, "diploma.sign")));
    expect(audits).toHaveLength(5);
    const [after] = await t.db.select().from(diplomaBatches).where(eq(diplomaBatches.id, batch.id));
    expect(after).toMatchObject({ status: "signed", signedBy: principal.id });
  });

  it("keeps the two-person rule: whoever prepared the batch cannot sign it", async () => {
    const { org, registrar } = await school();
    const { batch } = await createSubmittedBatch(t.db, { organisationId: org.id, createdBy: registrar.id, count: 2 });
    expect(await signAs(org, registrar.id, batch.id)).toMatchObject({ ok: false, code: "same_person" });
  });

  it("leaves nothing behind when signing fails halfway", async () => {
    const { org, registrar, principal } = await school();
    const { batch } = await createSubmittedBatch(t.db, { organisationId: org.id, createdBy: registrar.id, count: 6 });
    await expect(signAs(org, principal.id, batch.id, {}, { beforeSign: failAfter(3) })).rejects.toThrow(/interrupted/);
    const rows = await t.db.select().from(diplomas).where(eq(diplomas.batchId, batch.id));
    expect(rows.every((d) => d.status === "draft" && d.serial === null && d.credential === null)).toBe(true);
    expect(await t.db.select().from(registerEntries).where(eq(registerEntries.organisationId, org.id))).toHaveLength(0);
    expect(await t.db.select().from(issuanceLog).where(eq(issuanceLog.organisationId, org.id))).toHaveLength(0);
    // The numbers were not consumed either: the next successful batch starts at 1.
    expect(await signAs(org, principal.id, batch.id)).toMatchObject({
      ok: true,
      value: { serials: ["CDTEST-000001", "CDTEST-000006"] },
    });
  });

  it("refuses a batch of another school, and a batch not yet submitted", async () => {
    const { org, registrar, principal } = await school();
    const other = await createOrganisation(t.db, { kind: "school", code: "OTHER" });
    const { batch } = await createSubmittedBatch(t.db, { organisationId: other.id, createdBy: registrar.id, count: 1 });
    expect(await signAs(org, principal.id, batch.id)).toMatchObject({ ok: false, code: "not_found" });
    const own = await createSubmittedBatch(t.db, { organisationId: org.id, createdBy: registrar.id, count: 1 });
    await t.db.update(diplomaBatches).set({ status: "draft" }).where(eq(diplomaBatches.id, own.batch.id));
    expect(await signAs(org, principal.id, own.batch.id)).toMatchObject({ ok: false, code: "not_submitted" });
  });

  it("revokes with a reason: status bit, register entry, log entry; the register refuses edits", async () => {
    const { org, registrar, principal } = await school();
    const { batch, diplomaIds } = await createSubmittedBatch(t.db, {
      organisationId: org.id,
      createdBy: registrar.id,
      count: 3,
    });
    await signAs(org, principal.id, batch.id);
    const actor = { userId: principal.id, ip: null };
    expect(
      await changeDiplomaStatus(t.db, {
        organisationId: org.id,
        diplomaId: diplomaIds[1]!,
        change: "revoke",
        reason: "",
        actor,
      }),
    ).toMatchObject({ ok: false, code: "reason_required" });
    expect(
      (
        await changeDiplomaStatus(t.db, {
          organisationId: org.id,
          diplomaId: diplomaIds[1]!,
          change: "revoke",
          reason: "Gian lận hồ sơ tốt nghiệp",
          actor,
        })
      ).ok,
    ).toBe(true);
    expect(
      await changeDiplomaStatus(t.db, {
        organisationId: org.id,
        diplomaId: diplomaIds[1]!,
        change: "suspend",
        reason: "x y z",
        actor,
      }),
    ).toMatchObject({ ok: false, code: "not_allowed" });

    const [revoked] = await t.db.select().from(diplomas).where(eq(diplomas.id, diplomaIds[1]!));
    const list = await findStatusList(t.db, { organisationId: org.id, purpose: "revocation", listNumber: 1 });
    expect(getBit(new Uint8Array(list!.bits), revoked!.revocationIndex!)).toBe(true);
    const [other] = await t.db.select().from(diplomas).where(eq(diplomas.id, diplomaIds[0]!));
    expect(getBit(new Uint8Array(list!.bits), other!.revocationIndex!)).toBe(false);

    const entries = await t.db.select().from(registerEntries).where(eq(registerEntries.diplomaId, diplomaIds[1]!));
    expect(entries.map((e) => e.kind)).toEqual(["issue", "revoke"]);
    await expect(t.db.delete(registerEntries).where(eq(registerEntries.diplomaId, diplomaIds[1]!))).rejects.toThrow();
    await expect(t.db.update(issuanceLog).set({ kind: "x" })).rejects.toThrow();

    const log = await t.db
      .select()
      .from(issuanceLog)
      .where(eq(issuanceLog.organisationId, org.id))
      .orderBy(issuanceLog.seq);
    expect(log.map((e) => e.kind)).toEqual(["batch", "revoke"]);
    const chain = log.map((e) => ({ ...e, schoolCode: "CDTEST", createdAt: e.createdAt.toISOString() }));
    expect(checkChain(chain, sha256)).toEqual([]);
    expect(verifyInclusion(revoked!.credentialHash!, [], log[1]!.merkleRoot, sha256)).toBe(true);
  });

  it("a correction supersedes the old diploma, and both stay in the register", async () => {
    const { org, registrar, principal } = await school();
    const first = await createSubmittedBatch(t.db, { organisationId: org.id, createdBy: registrar.id, count: 2 });
    await signAs(org, principal.id, first.batch.id);
    const correction = await createSubmittedBatch(t.db, {
      organisationId: org.id,
      createdBy: registrar.id,
      count: 1,
      supersedes: [first.diplomaIds[0]!],
    });
    expect((await signAs(org, principal.id, correction.batch.id)).ok).toBe(true);
    const [old] = await t.db.select().from(diplomas).where(eq(diplomas.id, first.diplomaIds[0]!));
    expect(old).toMatchObject({ status: "superseded", supersededById: correction.diplomaIds[0] });
    const [fresh] = await t.db.select().from(diplomas).where(eq(diplomas.id, correction.diplomaIds[0]!));
    expect((fresh!.credential as { supersedes?: string }).supersedes ?? JSON.stringify(fresh!.credential)).toContain(
      first.diplomaIds[0]!,
    );
    const entries = await t.db.select().from(registerEntries).where(eq(registerEntries.organisationId, org.id));
    expect(entries.map((e) => e.kind).sort()).toEqual(["correct", "issue", "issue"]);
    const list = await findStatusList(t.db, { organisationId: org.id, purpose: "revocation", listNumber: 1 });
    expect(getBit(new Uint8Array(list!.bits), old!.revocationIndex!)).toBe(true);
  });
});

describe(`correcting a signed diploma through the registrar's forms (${testDatabaseKind()})`, () => {
  const t = withTestDatabase();

  it("starts a correction, edits the draft (the old diploma is no duplicate), submits and signs it", async () => {
    const org = await createOrganisation(t.db, { kind: "school", code: "CDFIX" });
    const registrar = await createMember(t.db, "school_registrar", org);
    const principal = await createMember(t.db, "school_principal", org);
    await ensureSchoolKey(t.db, { organisationId: org.id, actor: { userId: null, ip: null } });
    const first = await createSubmittedBatch(t.db, { organisationId: org.id, createdBy: registrar.id, count: 1 });
    await t.db.update(diplomas).set({ email: "an.nguyen@example.vn" }).where(eq(diplomas.id, first.diplomaIds[0]!));
    const sign = (batchId: string) =>
      signBatch(t.db, {
        organisationId: org.id,
        batchId,
        signer: { userId: principal.id, name: "Lê Minh Tuấn", title: "Hiệu trưởng" },
        issuePlace: "Hà Nội",
        issueDate: "2026-06-15",
        publicOrigin: ORIGIN,
        actor: { userId: principal.id, ip: null },
      });
    expect((await sign(first.batch.id)).ok).toBe(true);

    const actor = { userId: registrar.id, ip: null };
    const started = await startCorrection(t.db, {
      organisationId: org.id,
      diplomaId: first.diplomaIds[0]!,
      kind: "correct",
      reason: "Sai ngày sinh so với giấy khai sinh",
      actor,
    });
    if (!started.ok) throw new Error(started.code);
    const [draft] = await t.db.select().from(diplomas).where(eq(diplomas.id, started.value.diplomaId));
    const personalId = revealPersonalId(draft!.id, draft!.personalIdCiphertext)!;
    const saved = await saveDraft(t.db, {
      organisationId: org.id,
      batchId: started.value.batchId,
      diplomaId: draft!.id,
      input: {
        fullName: draft!.fullName,
        dateOfBirth: "2001-02-03",
        placeOfBirth: draft!.placeOfBirth,
        gender: draft!.gender,
        ethnicity: draft!.ethnicity,
        personalId,
        programmeCode: draft!.programmeCode,
        modeOfStudy: draft!.modeOfStudy,
        classification: draft!.classification,
        graduationDate: draft!.graduationDate,
        graduationDecisionNumber: draft!.graduationDecisionNumber,
        email: draft!.email ?? "",
      },
      actor,
      today: "2026-07-01",
    });
    expect(saved.ok ? null : saved.fieldErrors).toBeNull();
    expect((await submitBatch(t.db, { organisationId: org.id, batchId: started.value.batchId, actor })).ok).toBe(true);
    expect((await sign(started.value.batchId)).ok).toBe(true);

    const [old] = await t.db.select().from(diplomas).where(eq(diplomas.id, first.diplomaIds[0]!));
    const [fresh] = await t.db.select().from(diplomas).where(eq(diplomas.id, draft!.id));
    expect(old).toMatchObject({ status: "superseded", supersededById: draft!.id });
    expect(fresh).toMatchObject({
      status: "issued",
      dateOfBirth: "2001-02-03",
      supersedesId: old!.id,
      email: "an.nguyen@example.vn",
    });

    // The reason is in the register's remarks, on the replacement's entry (which the old diploma's history shows too).
    const [entry] = await t.db.select().from(registerEntries).where(eq(registerEntries.diplomaId, fresh!.id));
    expect(entry).toMatchObject({
      kind: "correct",
      relatedDiplomaId: old!.id,
      remarks: "Sai ngày sinh so với giấy khai sinh",
    });

    // The new claim code goes by mail too, saying which diploma it replaces.
    const mails = await t.db
      .select()
      .from(mailOutbox)
      .where(and(eq(mailOutbox.template, "diploma_claim_code"), eq(mailOutbox.toAddress, "an.nguyen@example.vn")));
    expect(mails).toHaveLength(2);
    const replacementMail = mails.find((m) => mailText(m).includes(claimCodeOf(fresh!.id)));
    expect(replacementMail?.bodyText).toContain(`thay thế văn bằng số hiệu ${old!.serial}`);
    expect(replacementMail?.subject).toContain("Văn bằng thay thế");

    // Someone trying the old slip's code is told that a replacement exists, not a bare mismatch.
    const graduate = await createMember(t.db, "graduate", null);
    const tried = await claimDiploma(t.db, {
      input: { claimCode: claimCodeOf(old!.id).replace("-", ""), personalId, dateOfBirth: old!.dateOfBirth },
      actor: { userId: graduate.id, ip: null },
    });
    expect(tried).toMatchObject({
      ok: false,
      code: "superseded",
      superseded: { oldSerial: old!.serial, newSerial: fresh!.serial },
    });
    // With the new date of birth and the new code it is claimed.
    const claimed = await claimDiploma(t.db, {
      input: { claimCode: claimCodeOf(fresh!.id).replace("-", ""), personalId, dateOfBirth: "2001-02-03" },
      actor: { userId: graduate.id, ip: null },
    });
    expect(claimed).toMatchObject({ ok: true, value: { diplomaId: fresh!.id } });
  });
});

describe(`reissuing a diploma (${testDatabaseKind()})`, () => {
  const t = withTestDatabase();

  it("records a reissue as a reissue in the register", async () => {
    const org = await createOrganisation(t.db, { kind: "school", code: "CDREI" });
    const registrar = await createMember(t.db, "school_registrar", org);
    const principal = await createMember(t.db, "school_principal", org);
    await ensureSchoolKey(t.db, { organisationId: org.id, actor: { userId: null, ip: null } });
    const sign = (batchId: string) =>
      signBatch(t.db, {
        organisationId: org.id,
        batchId,
        signer: { userId: principal.id, name: "Lê Minh Tuấn", title: "Hiệu trưởng" },
        issuePlace: "Hà Nội",
        issueDate: "2026-06-15",
        publicOrigin: ORIGIN,
        actor: { userId: principal.id, ip: null },
      });
    const first = await createSubmittedBatch(t.db, { organisationId: org.id, createdBy: registrar.id, count: 1 });
    await sign(first.batch.id);
    const actor = { userId: registrar.id, ip: null };
    const started = await startCorrection(t.db, {
      organisationId: org.id,
      diplomaId: first.diplomaIds[0]!,
      kind: "reissue",
      reason: "Người học làm mất bản in",
      actor,
    });
    if (!started.ok) throw new Error(started.code);
    expect((await submitBatch(t.db, { organisationId: org.id, batchId: started.value.batchId, actor })).ok).toBe(true);
    expect((await sign(started.value.batchId)).ok).toBe(true);
    const entries = await t.db
      .select()
      .from(registerEntries)
      .where(eq(registerEntries.diplomaId, started.value.diplomaId));
    expect(entries.map((e) => [e.kind, e.relatedDiplomaId])).toEqual([["reissue", first.diplomaIds[0]]]);
    const [fresh] = await t.db.select().from(diplomas).where(eq(diplomas.id, started.value.diplomaId));
    expect(fresh!.statusReason).toBeNull();
  });
});

describe(`the register follows the signed list (${testDatabaseKind()})`, () => {
  const t = withTestDatabase();

  /** The class in Vietnamese list order: by given name, then family and middle names (A < Ă < Â, D < Đ, tones after). */
  const EXPECTED = [
    "Dương Thị An",
    "Đặng Minh An",
    "Đỗ Văn An",
    "Nguyễn Văn Anh",
    "Trần Thị Ánh",
    "Lê Văn Ân",
    "Phạm Thị Bình",
    "Hoàng Thị Chi",
    "Vũ Văn Dũng",
    "Bùi Văn Dương",
    "Ngô Văn Đạt",
    "Lý Văn Đức",
    "Hồ Thị Giang",
    "Mai Thị Hà",
    "Đinh Văn Hải",
    "Trịnh Thị Hòa",
    "Tạ Văn Khánh",
    "Cao Thị Lan",
    "Lương Thị Linh",
    "Đoàn Văn Minh",
    "Phan Văn Nam",
    "Võ Thị Ngọc",
    "Dư Thị Oanh",
    "Kiều Văn Phúc",
    "Tô Văn Quân",
    "Lâm Văn Sơn",
    "Quách Thị Tâm",
    "Hà Thị Thảo",
    "Âu Thị Uyên",
    "Triệu Thị Yến",
  ];
  const HEADER =
    'Họ và tên,Ngày sinh,Nơi sinh,Giới tính,Dân tộc,Số định danh cá nhân,"Mã ngành, nghề",Hình thức đào tạo,Xếp loại,Ngày tốt nghiệp,Số quyết định tốt nghiệp,Thư điện tử';

  it("numbers a class of 30 in the order the registrar sorted and the principal saw: row 1 gets the first number", async () => {
    const org = await createOrganisation(t.db, { kind: "school", code: "CDORD" });
    const registrar = await createMember(t.db, "school_registrar", org);
    const principal = await createMember(t.db, "school_principal", org);
    await ensureSchoolKey(t.db, { organisationId: org.id, actor: { userId: null, ip: null } });
    const sign = (batchId: string) =>
      signBatch(t.db, {
        organisationId: org.id,
        batchId,
        signer: { userId: principal.id, name: "Lê Minh Tuấn", title: "Hiệu trưởng" },
        issuePlace: "Hà Nội",
        issueDate: "2026-06-15",
        publicOrigin: ORIGIN,
        actor: { userId: principal.id, ip: null },
      });
    // An earlier batch of the year used numbers 1–3.
    const earlier = await createSubmittedBatch(t.db, { organisationId: org.id, createdBy: registrar.id, count: 3 });
    expect((await sign(earlier.batch.id)).ok).toBe(true);

    // The file lists the class in another order (every 7th name); a few graduates have an e-mail address.
    const fileOrder = EXPECTED.map((_, i) => EXPECTED[(i * 7) % EXPECTED.length]!);
    const lines = fileOrder.map(
      (name, i) =>
        `${name},15/03/2004,Hà Nội,Nam,Kinh,${String(200_000_000_000 + i * 7919).padStart(12, "0")},6480201,Chính quy,Khá,20/05/2026,123/QĐ-CĐCN,${i % 10 === 0 ? `hv${i}@example.vn` : ""}`,
    );
    const actor = { userId: registrar.id, ip: null };
    const { batchId } = await createBatch(t.db, { organisationId: org.id, input: { title: "Tốt nghiệp K21" }, actor });
    const imported = await importDrafts(t.db, {
      organisationId: org.id,
      batchId,
      file: new TextEncoder().encode(`${HEADER}\n${lines.join("\n")}\n`),
      fileName: "k21.csv",
      mode: "all",
      actor,
      today: "2026-06-01",
    });
    expect(
      imported.ok ? null : "report" in imported ? imported.report.invalidRows.slice(0, 3) : imported.code,
    ).toBeNull();
    expect(imported).toMatchObject({ ok: true, value: { imported: 30 } });
    const ref = { organisationId: org.id, batchId };
    // Until sorted, the list is the file's order.
    expect((await loadBatchPage(t.db, { ...ref, page: 1 }))!.diplomas.map((d) => d.fullName)).toEqual(fileOrder);

    expect(await orderBatch(t.db, { ...ref, rowOrder: "given_name", actor })).toMatchObject({
      ok: true,
      value: { changed: true },
    });
    const review = await loadBatchPage(t.db, { ...ref, page: 1 });
    expect(review!.batch.rowOrder).toBe("given_name");
    expect(review!.diplomas.map((d) => d.fullName)).toEqual(EXPECTED);
    expect(review!.diplomas.map((d) => d.rowNumber)).toEqual(EXPECTED.map((_, i) => i + 1));

    expect((await submitBatch(t.db, { ...ref, actor, publicOrigin: ORIGIN })).ok).toBe(true);
    // Frozen once submitted: the principal signs the list as it was sent.
    expect(await orderBatch(t.db, { ...ref, rowOrder: "import", actor })).toMatchObject({
      ok: false,
      code: "batch_locked",
    });
    const signPage = await loadSignPage(t.db, {
      organisation: org,
      batchId,
      signer: { id: principal.id, fullName: "Lê Minh Tuấn" },
    });
    expect(signPage!.list!.rows.map((r) => r.fullName)).toEqual(EXPECTED);

    expect(await sign(batchId)).toMatchObject({
      ok: true,
      value: { signed: 30, serials: ["CDORD-000004", "CDORD-000033"] },
    });
    const signed = await t.db.select().from(diplomas).where(eq(diplomas.batchId, batchId));
    const byName = new Map(signed.map((d) => [d.fullName, d]));
    EXPECTED.forEach((name, i) => {
      expect(byName.get(name)).toMatchObject({
        registerNumber: 4 + i,
        registerYear: 2026,
        serial: `CDORD-${String(4 + i).padStart(6, "0")}`,
      });
    });
    // The signed batch's page still lists the class in the register's order, with its numbers.
    const after = await loadBatchPage(t.db, { ...ref, page: 1 });
    expect(after!.diplomas.map((d) => [d.fullName, d.registerNumber])).toEqual(EXPECTED.map((n, i) => [n, 4 + i]));

    // Each graduate with an address got their own claim code, and nobody else's.
    const mails = await t.db.select().from(mailOutbox).where(eq(mailOutbox.template, "diploma_claim_code"));
    expect(mails.map((m) => m.toAddress).sort()).toEqual(["hv0@example.vn", "hv10@example.vn", "hv20@example.vn"]);
    for (const mail of mails) {
      const i = Number(/hv(\d+)@/.exec(mail.toAddress)![1]);
      const diploma = byName.get(fileOrder[i]!)!;
      expect(diploma.email).toBe(mail.toAddress);
      expect(mailText(mail)).toContain(claimCodeOf(diploma.id));
      expect(mail.bodyText).not.toContain(claimCodeOf(diploma.id));
      expect(mail.bodyText).toContain(`${ORIGIN}/graduate/claim`);
      expect(mail.bodyText).toContain(diploma.serial!);
      expect(mail.bodyText).not.toContain(revealPersonalId(diploma.id, diploma.personalIdCiphertext)!);
    }
    // The address stays off the credential and the QR code.
    for (const d of signed) {
      if (!d.email) continue;
      expect(JSON.stringify(d.credential)).not.toContain(d.email);
      expect(d.qrPayload).not.toContain(d.email);
    }
  });
});

describe(`mail when a batch is withdrawn (${testDatabaseKind()})`, () => {
  const t = withTestDatabase();

  it("tells the registrar who submitted it when someone else withdraws it, and nobody when they do it themselves", async () => {
    const org = await createOrganisation(t.db, { kind: "school", code: "CDWDR" });
    const submitter = await createMember(t.db, "school_registrar", org);
    const colleague = await createMember(t.db, "school_registrar", org);
    const principal = await createMember(t.db, "school_principal", org);
    const { batch } = await createSubmittedBatch(t.db, { organisationId: org.id, createdBy: submitter.id, count: 2 });
    const ref = { organisationId: org.id, batchId: batch.id, publicOrigin: ORIGIN };
    const returned = () => t.db.select().from(mailOutbox).where(eq(mailOutbox.template, "batch_returned"));

    expect((await withdrawBatch(t.db, { ...ref, actor: { userId: submitter.id, ip: null } })).ok).toBe(true);
    expect(await returned()).toHaveLength(0);

    expect((await submitBatch(t.db, { ...ref, actor: { userId: submitter.id, ip: null } })).ok).toBe(true);
    const [toPrincipal] = await t.db.select().from(mailOutbox).where(eq(mailOutbox.template, "batch_submitted"));
    expect(toPrincipal).toMatchObject({ toAddress: principal.email });
    expect((await withdrawBatch(t.db, { ...ref, actor: { userId: colleague.id, ip: null } })).ok).toBe(true);
    const mails = await returned();
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ toAddress: submitter.email });
    expect(mails[0]!.subject).toContain("đã được rút về");
    expect(mails[0]!.bodyText).toContain(`${ORIGIN}/school/CDWDR/batches/${batch.id}`);
  });
});
