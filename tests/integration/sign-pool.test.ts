/**
 * Signing on the worker pool (app/modules/diplomas/sign-pool.server.ts): the bytes are those of this thread's
 * signing, batches really go through the pool, and a worker failing on a later slice leaves nothing behind.
 */
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, diplomaBatches, diplomas, issuanceLog, registerEntries } from "~db/schema";
import type { DiplomaCredentialInput } from "~/modules/credentials/diploma-credential";
import { verifyProof } from "~/modules/credentials/eddsa-rdfc-2022";
import { signBatch, type SignBatchHooks } from "~/modules/diplomas/sign-batch.server";
import { signChunk, type SignChunkTask } from "~/modules/diplomas/sign-chunk.server";
import { runSignChunk, signPoolCompleted } from "~/modules/diplomas/sign-pool.server";
import { ensureSchoolKey } from "~/modules/keys/ensure-school-key.server";
import { decodeQrPayload, verifyQrSignature } from "~/modules/qr/payload";
import { decodeEd25519PublicKey } from "~/modules/signing/multikey";
import { createSubmittedBatch } from "../support/diplomas";
import { createOrganisation } from "../support/factories";
import { createMember } from "../support/members";
import { exampleKey, qrDiploma, QR_ORIGIN } from "../support/qr-fixture";
import { testDatabaseKind, withTestDatabase } from "../support/test-database";

const ORIGIN = "http://portal.test";
const VERIFICATION_METHOD = "did:web:vanbang.gov.vn:issuers:CDCNHN#key-1";

function diplomaInput(i: number): DiplomaCredentialInput {
  return {
    id: `urn:uuid:7f0c1d52-8c1e-4f0b-9d55-3e2a1b4c5d${String(i).padStart(2, "0")}`,
    issuer: {
      id: "did:web:vanbang.gov.vn:issuers:CDCNHN",
      name: "Trường Cao đẳng Công nghệ Hà Nội",
      url: "https://vanbang.gov.vn/issuers/CDCNHN",
    },
    title: "Bằng tốt nghiệp cao đẳng",
    issueDate: "2025-07-01",
    graduate: {
      id: `urn:uuid:0b6e3f4a-2d1c-4e5f-8a9b-1c2d3e4f5a${String(i).padStart(2, "0")}`,
      fullName: i % 2 ? "Nguyễn Thị Ánh Tuyết" : 'Đặng "Thu" Hà\t😀',
      dateOfBirth: "2003-09-15",
      placeOfBirth: "Nam Định",
      gender: "nu",
      ethnicity: "Kinh",
    },
    achievement: {
      id: "https://vanbang.gov.vn/issuers/CDCNHN/programmes/6480201",
      programmeCode: "6480201",
      programmeName: "Công nghệ thông tin",
      trainingLevel: "Cao đẳng",
      fieldOfStudy: i % 2 ? "Máy tính và công nghệ thông tin" : null,
    },
    award: {
      modeOfStudy: "chinh_quy",
      classification: "kha",
      honorificTitle: i % 2 ? "Kỹ sư thực hành" : null,
      graduationDate: "2025-06-20",
      graduationDecisionNumber: "245/QĐ-CĐCN",
    },
    register: {
      serialNumber: `CĐ-2025-0001${String(i).padStart(2, "0")}`,
      registerNumber: 57 + i,
      registerYear: 2025,
      issuePlace: "Hà Nội",
      signerName: "Trần Văn Bình",
      signerTitle: "Hiệu trưởng",
    },
    status: {
      revocation: {
        statusListCredential: "https://vanbang.gov.vn/issuers/CDCNHN/status/revocation-1",
        statusListIndex: 93211 + i,
      },
      suspension: {
        statusListCredential: "https://vanbang.gov.vn/issuers/CDCNHN/status/suspension-1",
        statusListIndex: 4107 + i,
      },
    },
    supersedes: null,
  };
}

describe("a slice signed on a signing thread", () => {
  it("gives the bytes this thread gives, signed with the W3C test key, which noble verifies", async () => {
    const { privateKey, publicKey } = exampleKey();
    const task = (key: Uint8Array): SignChunkTask => ({
      privateKey: key,
      verificationMethod: VERIFICATION_METHOD,
      created: "2025-07-01T08:30:00Z",
      baseUrl: QR_ORIGIN,
      items: [0, 1, 2].map((i) => ({
        credential: diplomaInput(i),
        qr: qrDiploma(publicKey, { serial: `CĐ-2025-0001${i}`, revocation: { listNumber: 1, index: 100 + i } }),
      })),
    });
    const sent = privateKey.slice();
    const before = signPoolCompleted();
    const pooled = await runSignChunk(task(sent));
    expect(signPoolCompleted()).toBe(before + 1);
    // The key's buffer was transferred to the worker: the sender can no longer read it.
    expect(sent.byteLength).toBe(0);

    const inThreadKey = privateKey.slice();
    const inThread = await signChunk(task(inThreadKey));
    expect(inThreadKey.every((b) => b === 0)).toBe(true); // zeroed once imported
    expect(pooled).toEqual(inThread);

    for (const item of pooled) {
      // verifyProof runs the generic JSON-LD pipeline and @noble/ed25519.
      const verified = await verifyProof(JSON.parse(item.credentialJson), (vm) =>
        vm === VERIFICATION_METHOD ? publicKey : null,
      );
      expect(verified.verified).toBe(true);
      const qr = decodeQrPayload(item.qrPayload);
      expect(qr.ok && verifyQrSignature(qr, publicKey)).toBe(true);
    }
  }, 60_000);
});

describe(`signing a batch on the worker pool (${testDatabaseKind()})`, () => {
  const t = withTestDatabase();

  async function school() {
    const org = await createOrganisation(t.db, { kind: "school", code: "CDPOOL" });
    const registrar = await createMember(t.db, "school_registrar", org);
    const principal = await createMember(t.db, "school_principal", org);
    const ensured = await ensureSchoolKey(t.db, { organisationId: org.id, actor: { userId: null, ip: null } });
    if (!ensured.ok) throw new Error("no key");
    return { org, registrar, principal, publicKey: decodeEd25519PublicKey(ensured.value.key.publicKeyMultibase)! };
  }

  const signAs = (org: { id: string }, userId: string, batchId: string, hooks: SignBatchHooks = {}) =>
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
      },
      hooks,
    );

  it("signs a batch slice by slice on the pool; every diploma is what this thread signs from the same input", async () => {
    const { org, registrar, principal, publicKey } = await school();
    const { batch } = await createSubmittedBatch(t.db, { organisationId: org.id, createdBy: registrar.id, count: 10 });
    const tasks: SignChunkTask[] = [];
    const before = signPoolCompleted();
    const result = await signAs(org, principal.id, batch.id, {
      chunkSize: 4,
      runChunk: (task, signal) => {
        tasks.push({ ...task, privateKey: task.privateKey.slice() });
        return runSignChunk(task, signal);
      },
    });
    expect(result).toMatchObject({ ok: true, value: { signed: 10, serials: ["CDPOOL-000001", "CDPOOL-000010"] } });
    expect(tasks.map((task) => task.items.length)).toEqual([4, 4, 2]);
    expect(signPoolCompleted()).toBe(before + 3);

    const signed = await t.db
      .select()
      .from(diplomas)
      .where(eq(diplomas.batchId, batch.id))
      .orderBy(diplomas.registerNumber);
    const expected = (await Promise.all(tasks.map((task) => signChunk(task)))).flat();
    expect(signed).toHaveLength(10);
    for (const [i, d] of signed.entries()) {
      expect(d.status).toBe("issued");
      expect(d.qrPayload).toBe(expected[i]!.qrPayload);
      expect(d.credentialHash).toBe(expected[i]!.credentialHash);
      expect(d.credential).toEqual(JSON.parse(expected[i]!.credentialJson));
      const verified = await verifyProof(d.credential, (vm) =>
        vm === "did:web:portal.test:issuers:CDPOOL#key-1" ? publicKey : null,
      );
      expect(verified.verified).toBe(true);
      const qr = decodeQrPayload(d.qrPayload!);
      expect(qr.ok && qr.fields.serial === d.serial && verifyQrSignature(qr, publicKey)).toBe(true);
    }
    const [log] = await t.db.select().from(issuanceLog).where(eq(issuanceLog.organisationId, org.id));
    expect(log).toMatchObject({ kind: "batch", leafCount: 10 });
  }, 60_000);

  it("a signing thread failing on a later slice leaves nothing behind, and the next attempt signs the batch", async () => {
    const { org, registrar, principal } = await school();
    const { batch } = await createSubmittedBatch(t.db, { organisationId: org.id, createdBy: registrar.id, count: 9 });
    let calls = 0;
    await expect(
      signAs(org, principal.id, batch.id, {
        chunkSize: 3,
        // The second slice carries a field the worker refuses: the real worker throws, as a failing one would.
        runChunk: (task, signal) =>
          runSignChunk(
            calls++ === 1
              ? { ...task, items: task.items.map((it) => ({ ...it, qr: { ...it.qr, keyTag: "zz" } })) }
              : task,
            signal,
          ),
      }),
    ).rejects.toThrow(/keyTag|key tag|invalid/i);

    const rows = await t.db.select().from(diplomas).where(eq(diplomas.batchId, batch.id));
    expect(rows.every((d) => d.status === "draft" && d.serial === null && d.credential === null)).toBe(true);
    expect(await t.db.select().from(registerEntries).where(eq(registerEntries.organisationId, org.id))).toHaveLength(0);
    expect(await t.db.select().from(issuanceLog).where(eq(issuanceLog.organisationId, org.id))).toHaveLength(0);
    expect(
      await t.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.organisationId, org.id), eq(auditLog.action, "diploma.sign"))),
    ).toHaveLength(0);
    const [still] = await t.db.select().from(diplomaBatches).where(eq(diplomaBatches.id, batch.id));
    expect(still!.status).toBe("submitted");

    expect(await signAs(org, principal.id, batch.id, { chunkSize: 3 })).toMatchObject({
      ok: true,
      value: { signed: 9, serials: ["CDPOOL-000001", "CDPOOL-000009"] },
    });
  }, 60_000);
});
