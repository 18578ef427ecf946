import { and, count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, diplomaBatches, diplomas, issuanceLog, registerEntries } from "~db/schema";
import { verifyProof } from "~/modules/credentials/eddsa-rdfc-2022";
import { changeDiplomaStatus } from "~/modules/diplomas/change-diploma-status.server";
import { revealPersonalId } from "~/modules/diplomas/personal-id.server";
import { saveDraft } from "~/modules/diplomas/save-draft.server";
import { signBatch } from "~/modules/diplomas/sign-batch.server";
import { startCorrection } from "~/modules/diplomas/start-correction.server";
import { submitBatch } from "~/modules/diplomas/submit-batch.server";
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

  const signAs = (org: { id: string }, userId: string, batchId: string, extra: Record<string, unknown> = {}) =>
    signBatch(t.db, {
      organisationId: org.id,
      batchId,
      signer: { userId, name: "Lê Minh Tuấn", title: "Hiệu trưởng" },
      issuePlace: "Hà Nội",
      issueDate: "2026-06-15",
      publicOrigin: ORIGIN,
      actor: { userId, ip: "203.0.113.1" },
      ...extra,
    });

  it("numbers, signs and registers every diploma of the batch in one go", async () => {
    const { org, registrar, principal, publicKey } = await school();
    const { batch } = await createSubmittedBatch(t.db, { organisationId: org.id, createdBy: registrar.id, count: 5 });
    const result = await signAs(org, principal.id, batch.id);
    expect(result).toMatchObject({ ok: true, value: { signed: 5, serials: ["CDTEST-000001", "CDTEST-000005"] } });

    const signed = await t.db.select().from(diplomas).where(eq(diplomas.batchId, batch.id)).orderBy(diplomas.registerNumber);
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

    expect((await t.db.select({ n: count() }).from(registerEntries).where(eq(registerEntries.organisationId, org.id)))[0]!.n).toBe(5);
    const [log] = await t.db.select().from(issuanceLog).where(eq(issuanceLog.organisationId, org.id));
    expect(log).toMatchObject({ seq: 1, kind: "batch", leafCount: 5 });
    const audits = await t.db.select().from(auditLog).where(and(eq(auditLog.organisationId, org.id), eq(auditLog.action, "diploma.sign")));
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
    await expect(signAs(org, principal.id, batch.id, { failAfter: 3 })).rejects.toThrow(/interrupted/);
    const rows = await t.db.select().from(diplomas).where(eq(diplomas.batchId, batch.id));
    expect(rows.every((d) => d.status === "draft" && d.serial === null && d.credential === null)).toBe(true);
    expect(await t.db.select().from(registerEntries).where(eq(registerEntries.organisationId, org.id))).toHaveLength(0);
    expect(await t.db.select().from(issuanceLog).where(eq(issuanceLog.organisationId, org.id))).toHaveLength(0);
    // The numbers were not consumed either: the next successful batch starts at 1.
    expect(await signAs(org, principal.id, batch.id)).toMatchObject({ ok: true, value: { serials: ["CDTEST-000001", "CDTEST-000006"] } });
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
    const { batch, diplomaIds } = await createSubmittedBatch(t.db, { organisationId: org.id, createdBy: registrar.id, count: 3 });
    await signAs(org, principal.id, batch.id);
    const actor = { userId: principal.id, ip: null };
    expect(await changeDiplomaStatus(t.db, { organisationId: org.id, diplomaId: diplomaIds[1]!, change: "revoke", reason: "", actor })).toMatchObject({ ok: false, code: "reason_required" });
    expect((await changeDiplomaStatus(t.db, { organisationId: org.id, diplomaId: diplomaIds[1]!, change: "revoke", reason: "Gian lận hồ sơ tốt nghiệp", actor })).ok).toBe(true);
    expect(await changeDiplomaStatus(t.db, { organisationId: org.id, diplomaId: diplomaIds[1]!, change: "suspend", reason: "x y z", actor })).toMatchObject({ ok: false, code: "not_allowed" });

    const [revoked] = await t.db.select().from(diplomas).where(eq(diplomas.id, diplomaIds[1]!));
    const list = await findStatusList(t.db, { organisationId: org.id, purpose: "revocation", listNumber: 1 });
    expect(getBit(new Uint8Array(list!.bits), revoked!.revocationIndex!)).toBe(true);
    const [other] = await t.db.select().from(diplomas).where(eq(diplomas.id, diplomaIds[0]!));
    expect(getBit(new Uint8Array(list!.bits), other!.revocationIndex!)).toBe(false);

    const entries = await t.db.select().from(registerEntries).where(eq(registerEntries.diplomaId, diplomaIds[1]!));
    expect(entries.map((e) => e.kind)).toEqual(["issue", "revoke"]);
    await expect(t.db.delete(registerEntries).where(eq(registerEntries.diplomaId, diplomaIds[1]!))).rejects.toThrow();
    await expect(t.db.update(issuanceLog).set({ kind: "x" })).rejects.toThrow();

    const log = await t.db.select().from(issuanceLog).where(eq(issuanceLog.organisationId, org.id)).orderBy(issuanceLog.seq);
    expect(log.map((e) => e.kind)).toEqual(["batch", "revoke"]);
    const chain = log.map((e) => ({ ...e, schoolCode: "CDTEST", createdAt: e.createdAt.toISOString() }));
    expect(checkChain(chain, sha256)).toEqual([]);
    expect(verifyInclusion(revoked!.credentialHash!, [], log[1]!.merkleRoot, sha256)).toBe(true);
  });

  it("a correction supersedes the old diploma, and both stay in the register", async () => {
    const { org, registrar, principal } = await school();
    const first = await createSubmittedBatch(t.db, { organisationId: org.id, createdBy: registrar.id, count: 2 });
    await signAs(org, principal.id, first.batch.id);
    const correction = await createSubmittedBatch(t.db, { organisationId: org.id, createdBy: registrar.id, count: 1, supersedes: [first.diplomaIds[0]!] });
    expect((await signAs(org, principal.id, correction.batch.id)).ok).toBe(true);
    const [old] = await t.db.select().from(diplomas).where(eq(diplomas.id, first.diplomaIds[0]!));
    expect(old).toMatchObject({ status: "superseded", supersededById: correction.diplomaIds[0] });
    const [fresh] = await t.db.select().from(diplomas).where(eq(diplomas.id, correction.diplomaIds[0]!));
    expect((fresh!.credential as { supersedes?: string }).supersedes ?? JSON.stringify(fresh!.credential)).toContain(first.diplomaIds[0]!);
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
    const sign = (batchId: string) =>
      signBatch(t.db, { organisationId: org.id, batchId, signer: { userId: principal.id, name: "Lê Minh Tuấn", title: "Hiệu trưởng" }, issuePlace: "Hà Nội", issueDate: "2026-06-15", publicOrigin: ORIGIN, actor: { userId: principal.id, ip: null } });
    expect((await sign(first.batch.id)).ok).toBe(true);

    const actor = { userId: registrar.id, ip: null };
    const started = await startCorrection(t.db, { organisationId: org.id, diplomaId: first.diplomaIds[0]!, kind: "correct", reason: "Sai ngày sinh so với giấy khai sinh", actor });
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
    expect(fresh).toMatchObject({ status: "issued", dateOfBirth: "2001-02-03", supersedesId: old!.id });
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
      signBatch(t.db, { organisationId: org.id, batchId, signer: { userId: principal.id, name: "Lê Minh Tuấn", title: "Hiệu trưởng" }, issuePlace: "Hà Nội", issueDate: "2026-06-15", publicOrigin: ORIGIN, actor: { userId: principal.id, ip: null } });
    const first = await createSubmittedBatch(t.db, { organisationId: org.id, createdBy: registrar.id, count: 1 });
    await sign(first.batch.id);
    const actor = { userId: registrar.id, ip: null };
    const started = await startCorrection(t.db, { organisationId: org.id, diplomaId: first.diplomaIds[0]!, kind: "reissue", reason: "Người học làm mất bản in", actor });
    if (!started.ok) throw new Error(started.code);
    expect((await submitBatch(t.db, { organisationId: org.id, batchId: started.value.batchId, actor })).ok).toBe(true);
    expect((await sign(started.value.batchId)).ok).toBe(true);
    const entries = await t.db.select().from(registerEntries).where(eq(registerEntries.diplomaId, started.value.diplomaId));
    expect(entries.map((e) => [e.kind, e.relatedDiplomaId])).toEqual([["reissue", first.diplomaIds[0]]]);
    const [fresh] = await t.db.select().from(diplomas).where(eq(diplomas.id, started.value.diplomaId));
    expect(fresh!.statusReason).toBeNull();
  });
});
