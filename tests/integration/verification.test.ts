/**
 * Server-side verification (issue 4): verifyQrText and verifyCredentialDocument against a real database with
 * diplomas signed by signBatch, the two API routes, the OpenAPI file and the per-school, per-day, per-verdict counts.
 */
import { eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { diplomas, organisations, signingKeys, verificationCounts, type Organisation } from "~db/schema";
import { getEnv } from "~/lib/env.server";
import { changeDiplomaStatus } from "~/modules/diplomas/change-diploma-status.server";
import { signBatch } from "~/modules/diplomas/sign-batch.server";
import { ensureSchoolKey } from "~/modules/keys/ensure-school-key.server";
import { loadSigningKey } from "~/modules/keys/load-signing-key.server";
import { decodeQrPayload, encodeQrPayload, keyTagOf, type QrPayloadInput } from "~/modules/qr/payload";
import { generatePrivateKey, publicKeyOf, sign } from "~/modules/signing/ed25519";
import { vietnamDate } from "~/lib/format-time";
import { flushVerificationCounts } from "~/modules/verification/checks.server";
import { listVerificationCounts } from "~/modules/verification/queries.server";
import { verifyCredentialDocument } from "~/modules/verification/verify-credential-json.server";
import { verifyQrText } from "~/modules/verification/verify-qr.server";
import * as openApiRoute from "~/routes/api.openapi[.]json";
import * as verifyRoute from "~/routes/api.v1.verify";
import * as verifyPage from "~/routes/v.$payload";
import * as vcApiRoute from "~/routes/credentials.verify";
import { clearTtlCaches } from "~/lib/ttl-cache";
import { createSubmittedBatch } from "../support/diplomas";
import { createOrganisation } from "../support/factories";
import { createMember } from "../support/members";
import { callRoute, routeArgs } from "../support/routes";
import { testDatabaseKind, withTestDatabase } from "../support/test-database";

const origin = () => getEnv().PUBLIC_ORIGIN;
const ISSUE_DATE = "2026-06-15";

describe(`verification (${testDatabaseKind()})`, () => {
  const t = withTestDatabase({ per: "file" });
  let school: Organisation;
  let ids: string[];
  const row = async (id: string) => (await t.db.select().from(diplomas).where(eq(diplomas.id, id)))[0]!;
  const qrOf = async (id: string) => (await row(id)).qrPayload!;
  const verify = (text: unknown) => verifyQrText(t.db, text, { origin: origin() });

  async function issue(org: Organisation, count: number, supersedes?: string[]) {
    const registrar = await createMember(t.db, "school_registrar", org);
    const principal = await createMember(t.db, "school_principal", org);
    const { batch, diplomaIds } = await createSubmittedBatch(t.db, {
      organisationId: org.id,
      createdBy: registrar.id,
      count,
      supersedes,
    });
    const signed = await signBatch(t.db, {
      organisationId: org.id,
      batchId: batch.id,
      signer: { userId: principal.id, name: "Lê Minh Tuấn", title: "Hiệu trưởng" },
      issuePlace: "Hà Nội",
      issueDate: ISSUE_DATE,
      publicOrigin: origin(),
      actor: { userId: principal.id, ip: null },
    });
    expect(signed.ok).toBe(true);
    return { diplomaIds, principal };
  }

  async function schoolWithDiplomas(code: string, count: number) {
    const org = await createOrganisation(t.db, { kind: "school", code, name: `Trường Cao đẳng ${code}` });
    expect((await ensureSchoolKey(t.db, { organisationId: org.id, actor: { userId: null, ip: null } })).ok).toBe(true);
    return { org, ...(await issue(org, count)) };
  }

  beforeAll(async () => {
    const a = await schoolWithDiplomas("CDVERA", 5);
    school = a.org;
    ids = a.diplomaIds;
    const actor = { userId: a.principal.id, ip: null };
    expect(
      (
        await changeDiplomaStatus(t.db, {
          organisationId: school.id,
          diplomaId: ids[1]!,
          change: "revoke",
          reason: "Gian lận hồ sơ",
          actor,
        })
      ).ok,
    ).toBe(true);
    expect(
      (
        await changeDiplomaStatus(t.db, {
          organisationId: school.id,
          diplomaId: ids[2]!,
          change: "suspend",
          reason: "Đang xác minh",
          actor,
        })
      ).ok,
    ).toBe(true);
    await issue(school, 1, [ids[3]!]); // a correction of ids[3]
  });

  it("says a genuine QR code is valid, with the minimal fields and no personal ID anywhere", async () => {
    const result = await verify(await qrOf(ids[0]!));
    expect(result.verdict).toBe("valid");
    expect(result.issuer).toMatchObject({
      code: "CDVERA",
      name: "Trường Cao đẳng CDVERA",
      accredited: true,
      did: expect.stringContaining(":issuers:CDVERA"),
    });
    expect(result.diploma).toEqual({
      holderName: "Nguyễn Văn An",
      holderNameTruncated: false,
      programmeCode: "6480201",
      programmeName: expect.any(String),
      levelCode: "cao_dang",
      classification: "xuat_sac",
      graduationYear: 2026,
      issueDate: ISSUE_DATE,
      serial: (await row(ids[0]!)).serial,
      credentialId: ids[0],
    });
    expect(result.diploma!.programmeName).toBeTruthy();
    const genuine = await row(ids[0]!);
    const personalId = String(1_000_000_000_00).padStart(12, "0").slice(0, 12);
    const text = JSON.stringify(result);
    expect(text).not.toContain(personalId);
    expect(text).not.toContain(genuine.personalIdHash);
    expect(text).not.toContain(genuine.personalIdCiphertext);
  });

  it("reads the lower-case URL and the bare payload alike", async () => {
    const qr = await qrOf(ids[0]!);
    expect((await verify(qr.toLowerCase())).verdict).toBe("valid");
    expect((await verify(qr.slice(qr.indexOf("/V/") + 3))).verdict).toBe("valid");
  });

  it("says malformed for Unicode look-alikes of the text's letters and Unicode white space around it (ASCII only)", async () => {
    const qr = await qrOf(ids[0]!);
    expect((await verify(`\t ${qr.toLowerCase()}\r\n`)).verdict).toBe("valid");
    const payloadStart = qr.indexOf("/V/") + 3;
    const i = qr.indexOf("I", payloadStart);
    const s = qr.indexOf("S", payloadStart);
    const lower = qr.toLowerCase();
    const texts = [
      ...(i > 0 ? [lower.slice(0, i) + "ı" + lower.slice(i + 1)] : []),
      ...(s > 0 ? [lower.slice(0, s) + "ſ" + lower.slice(s + 1)] : []),
      ...["\u00a0", "\ufeff", "\u3000", "\u2028"].flatMap((space) => [space + qr, qr + space]),
    ];
    expect(texts.length).toBeGreaterThanOrEqual(8);
    for (const text of texts) {
      const result = await verify(text);
      expect(result.verdict, JSON.stringify(text.slice(0, 2))).toBe("malformed");
      expect(["not_ours", "malformed"]).toContain(result.reasons[0]!.code);
    }
  });

  it("the verify page reads its path segment as a QR text: an encoded ASCII space at its end is dropped, anything else encoded is malformed", async () => {
    const qr = await qrOf(ids[0]!);
    const payload = qr.slice(qr.indexOf("/V/") + 3);
    const page = async (segment: string) =>
      (
        await callRoute(
          verifyPage.loader,
          routeArgs(new Request(`${origin()}/V/${encodeURIComponent(segment)}`), { payload: segment }),
        )
      ).json.result.verdict;
    expect(await page(payload)).toBe("valid");
    expect(await page(payload.toLowerCase())).toBe("valid");
    expect(await page(`${payload} `)).toBe("valid");
    expect(await page(`${payload}\n`)).toBe("valid");
    for (const extra of ["?x=1", "#x", "/", "\u00a0", "=", "ı"])
      expect(await page(`${payload}${extra}`), JSON.stringify(extra)).toBe("malformed");
  });

  it("says revoked and suspended (with the public reason) and superseded (with the current diploma)", async () => {
    const revoked = await verify(await qrOf(ids[1]!));
    expect(revoked.verdict).toBe("revoked");
    expect(revoked.status?.changedAt).toBeTruthy();
    expect(revoked.status?.reason).toBe("Gian lận hồ sơ");
    const suspended = await verify(await qrOf(ids[2]!));
    expect(suspended.verdict).toBe("suspended");
    expect(suspended.status?.reason).toBe("Đang xác minh");
    const superseded = await verify(await qrOf(ids[3]!));
    const replacement = (await row(ids[3]!)).supersededById;
    expect(replacement).toBeTruthy();
    expect(superseded.verdict).toBe("superseded");
    expect(superseded.status?.supersededBy).toBe(replacement);
    expect((await verify(await qrOf(replacement!))).verdict).toBe("valid");
  });

  it("refuses another site's QR code, garbage and a changed payload", async () => {
    const qr = await qrOf(ids[0]!);
    expect((await verify(qr.replace(/^HTTP(S?):\/\/[^/]+/, "HTTPS://EVIL.EXAMPLE"))).verdict).toBe("malformed");
    for (const junk of ["", "hello", "https://example.com/V/", 42, null, "A".repeat(5000)]) {
      const result = await verify(junk);
      expect(result.verdict).toBe("malformed");
      expect(result.reasons[0]!.en.length).toBeGreaterThan(10);
    }
  });

  /**
   * A forger without the school's key: with its own key's tag the payload names a key the school never published
   * (unknown_issuer: no candidate key, the tag decides before any signature is checked); copying the real key's
   * tag makes the real key the candidate, and its signature fails (invalid_signature).
   */
  it("refuses a QR code signed by a random key: unknown_issuer with its own tag, invalid_signature with the school's", async () => {
    const decoded = decodeQrPayload(await qrOf(ids[0]!));
    if (!decoded.ok) throw new Error("genuine QR does not decode");
    const forgerKey = generatePrivateKey();
    const input: QrPayloadInput = { ...decoded.fields, holderName: "Kẻ Giả Mạo" };
    const forge = (keyTag: string) =>
      encodeQrPayload({ ...input, keyTag }, (m) => sign(m, forgerKey), { baseUrl: origin() });
    const ownTag = await verify(forge(keyTagOf(publicKeyOf(forgerKey))));
    expect(ownTag.verdict).toBe("unknown_issuer");
    expect(ownTag.diploma).toBeNull();
    const schoolTag = await verify(forge(decoded.fields.keyTag));
    expect(schoolTag.verdict).toBe("invalid_signature");
    expect(schoolTag.diploma).toBeNull();
  });

  it("says status_unknown, never valid, when a status list cannot be read", async () => {
    const decoded = decodeQrPayload(await qrOf(ids[0]!));
    if (!decoded.ok) throw new Error("genuine QR does not decode");
    const loaded = await loadSigningKey(t.db, { organisationId: school.id });
    if (!loaded.ok) throw new Error(loaded.message);
    const qr = encodeQrPayload(
      { ...decoded.fields, revocation: { listNumber: 99, index: 1 } },
      (m) => sign(m, loaded.key.privateKey),
      { baseUrl: origin() },
    );
    expect((await verify(qr)).verdict).toBe("status_unknown");
  });

  it("says unknown_issuer when the school is no longer accredited", async () => {
    const b = await schoolWithDiplomas("CDVERB", 1);
    expect((await verify(await qrOf(b.diplomaIds[0]!))).verdict).toBe("valid");
    await t.db.update(organisations).set({ status: "suspended" }).where(eq(organisations.id, b.org.id));
    clearTtlCaches(); // a server sees it once the trust data's TTL is up
    const result = await verify(await qrOf(b.diplomaIds[0]!));
    expect(result.verdict).toBe("unknown_issuer");
    expect(result.issuer).toMatchObject({ code: "CDVERB", accredited: false, did: null });
  });

  it("says key_not_valid when the key was compromised on or before the issue date, valid when after", async () => {
    const c = await schoolWithDiplomas("CDVERC", 1);
    const qr = await qrOf(c.diplomaIds[0]!);
    const keyId = (await row(c.diplomaIds[0]!)).signingKeyId!;
    const compromise = async (at: string) => {
      await t.db
        .update(signingKeys)
        .set({ status: "compromised", compromisedFrom: new Date(at), compromiseReason: "lộ khóa" })
        .where(eq(signingKeys.id, keyId));
      clearTtlCaches(); // a server sees it once the trust data's TTL is up
    };
    await compromise("2026-06-16T00:00:00+07:00"); // the day after: the diploma stands
    expect((await verify(qr)).verdict).toBe("valid");
    await compromise("2026-06-15T23:59:00+07:00"); // during the issue day (Vietnam time): tainted
    const result = await verify(qr);
    expect(result.verdict).toBe("key_not_valid");
    expect(result.reasons[0]!.code).toBe("key_compromised");
  });

  describe("the full credential JSON", () => {
    const credentialOf = async (id: string) => structuredClone((await row(id)).credential!);
    const check = (credential: unknown) => verifyCredentialDocument(t.db, credential, { origin: origin() });

    it("says valid for a genuine credential, with the minimal fields", async () => {
      const result = await check(await credentialOf(ids[0]!));
      expect(result.verdict).toBe("valid");
      expect(result.diploma).toMatchObject({
        holderName: "Nguyễn Văn An",
        credentialId: ids[0],
        issueDate: ISSUE_DATE,
        programmeCode: "6480201",
      });
      // The classification is the register's code, as from the QR code (the page shows its label, never "Khá" as a key).
      expect(result.diploma!.classification).toBe((await verify(await qrOf(ids[0]!))).diploma!.classification);
      expect(result.diploma!.classification).toBe((await row(ids[0]!)).classification);
      expect(JSON.stringify(result)).not.toContain((await row(ids[0]!)).personalIdHash);
    });

    it("says invalid_signature for a tampered one, revoked and superseded by its status entries", async () => {
      const tampered = await credentialOf(ids[0]!);
      (tampered.credentialSubject as { name: string }).name = "Nguyễn Văn Bình";
      expect((await check(tampered)).verdict).toBe("invalid_signature");
      expect((await check(await credentialOf(ids[1]!))).verdict).toBe("revoked");
      expect((await check(await credentialOf(ids[2]!))).verdict).toBe("suspended");
      expect((await check(await credentialOf(ids[3]!))).verdict).toBe("superseded");
    });

    it("says unknown_issuer for another issuer's DID and malformed for junk", async () => {
      const foreign = await credentialOf(ids[0]!);
      (foreign.issuer as { id: string }).id = "did:web:example.com:issuers:CDVERA";
      expect((await check(foreign)).verdict).toBe("unknown_issuer");
      expect((await check("not a credential")).verdict).toBe("malformed");
      expect((await check([1, 2])).verdict).toBe("malformed");
    });
  });

  describe("the API", () => {
    const post = (route: typeof verifyRoute | typeof vcApiRoute, path: string, body: string, ip?: string) =>
      callRoute(
        route.action,
        routeArgs(
          new Request(`${origin()}${path}`, { method: "POST", headers: { "Content-Type": "application/json" }, body }),
          {},
          ip,
        ),
      );

    it("POST /api/v1/verify answers a verdict for a QR code and for a credential", async () => {
      const qr = await post(verifyRoute, "/api/v1/verify", JSON.stringify({ qr: await qrOf(ids[0]!) }));
      expect(qr.status).toBe(200);
      expect(qr.headers.get("access-control-allow-origin")).toBe("*");
      expect(Object.keys(qr.json).sort()).toEqual(["diploma", "issuer", "reasons", "verdict"]);
      expect(qr.json.verdict).toBe("valid");
      const revoked = await post(
        verifyRoute,
        "/api/v1/verify",
        JSON.stringify({ credential: (await row(ids[1]!)).credential }),
      );
      expect(revoked.status).toBe(200);
      expect(revoked.json.verdict).toBe("revoked");
      const junk = await post(verifyRoute, "/api/v1/verify", JSON.stringify({ qr: "not a qr code" }));
      expect([junk.status, junk.json.verdict]).toEqual([200, "malformed"]);
    });

    it("POST /credentials/verify answers the VC-API shape: 200 when valid, 400 when not", async () => {
      const good = await post(
        vcApiRoute,
        "/credentials/verify",
        JSON.stringify({ verifiableCredential: (await row(ids[0]!)).credential, options: {} }),
      );
      expect(good.status).toBe(200);
      expect(good.json).toMatchObject({
        checks: ["issuer", "proof", "validity", "status"],
        warnings: [],
        errors: [],
        verdict: "valid",
      });
      const tampered = structuredClone((await row(ids[0]!)).credential!);
      tampered.serialNumber = "999999";
      const bad = await post(vcApiRoute, "/credentials/verify", JSON.stringify({ verifiableCredential: tampered }));
      expect(bad.status).toBe(400);
      expect(bad.json).toMatchObject({ checks: ["issuer"], warnings: [], verdict: "invalid_signature" });
      expect(bad.json.errors[0]).toMatchObject({
        type: expect.stringContaining("signature_mismatch"),
        title: "invalid_signature",
      });
    });

    it("refuses bad bodies with 400 { code, message }, and too large ones with 413", async () => {
      const cases: [typeof verifyRoute | typeof vcApiRoute, string, string, string][] = [
        [verifyRoute, "/api/v1/verify", "{not json", "invalid_json"],
        [verifyRoute, "/api/v1/verify", "{}", "invalid_request"],
        [verifyRoute, "/api/v1/verify", JSON.stringify({ qr: "x", credential: {} }), "invalid_request"],
        [verifyRoute, "/api/v1/verify", JSON.stringify({ qr: 5 }), "invalid_request"],
        [verifyRoute, "/api/v1/verify", JSON.stringify({ credential: { pad: "x".repeat(70_000) } }), "body_too_large"],
        [vcApiRoute, "/credentials/verify", JSON.stringify({ credential: {} }), "invalid_request"],
        [
          vcApiRoute,
          "/credentials/verify",
          JSON.stringify({ verifiableCredential: { pad: "x".repeat(70_000) } }),
          "body_too_large",
        ],
      ];
      for (const [route, path, body, code] of cases) {
        const answer = await post(route, path, body);
        expect(answer.status, body.slice(0, 40)).toBe(code === "body_too_large" ? 413 : 400);
        expect(answer.json).toMatchObject({ code, message: expect.any(String) });
        expect(answer.headers.get("access-control-allow-origin")).toBe("*");
      }
    });

    it("rate-limits each client (429 with Retry-After) and answers the CORS preflight", async () => {
      const ip = "192.0.2.77";
      const statuses: number[] = [];
      for (let i = 0; i < 70; i++) statuses.push((await post(verifyRoute, "/api/v1/verify", "{}", ip)).status);
      expect(statuses.slice(0, 50).every((s) => s === 400)).toBe(true);
      expect(statuses.at(-1)).toBe(429);
      const limited = await post(verifyRoute, "/api/v1/verify", "{}", ip);
      expect(limited.headers.get("retry-after")).toBeTruthy();
      expect((await post(verifyRoute, "/api/v1/verify", "{}", "192.0.2.78")).status).toBe(400); // another client

      for (const [route, path] of [
        [verifyRoute, "/api/v1/verify"],
        [vcApiRoute, "/credentials/verify"],
      ] as const) {
        const preflight = await callRoute(
          route.loader,
          routeArgs(
            new Request(`${origin()}${path}`, {
              method: "OPTIONS",
              headers: { Origin: "https://employer.example", "Access-Control-Request-Method": "POST" },
            }),
          ),
        );
        expect(preflight.status).toBe(204);
        expect(preflight.headers.get("access-control-allow-origin")).toBe("*");
        expect(preflight.headers.get("access-control-allow-methods")).toContain("POST");
        expect(preflight.headers.get("access-control-allow-headers")).toContain("Content-Type");
        expect((await callRoute(route.loader, routeArgs(new Request(`${origin()}${path}`)))).status).toBe(405);
      }
    });

    it("serves the OpenAPI 3.1 description of the verification and Q&A operations", async () => {
      const answer = await callRoute(openApiRoute.loader, routeArgs(new Request(`${origin()}/api/openapi.json`)));
      expect(answer.status).toBe(200);
      expect(answer.json.openapi).toBe("3.1.0");
      expect(Object.keys(answer.json.paths)).toEqual(
        expect.arrayContaining([
          "/api/v1/verify",
          "/credentials/verify",
          "/api/v1/questions",
          "/api/v1/cases/{code}",
          "/api/v1/cases-export",
        ]),
      );
      expect(answer.json.paths["/api/v1/questions"].get.responses["400"]).toBeTruthy();
      expect(answer.json.components.schemas.Verdict.enum).toContain("status_unknown");
    });
  });

  it("counts each verification per school, per Vietnam day and per verdict, and nothing about the verifier", async () => {
    const today = vietnamDate(new Date());
    const countsOf = async (organisationId: string | null) =>
      Object.fromEntries(
        (await listVerificationCounts(t.db, { organisationId }))
          .filter((r) => r.day === today)
          .map((r) => [r.verdict, r.count]),
      );
    await flushVerificationCounts(t.db); // the earlier tests' counts
    const before = await countsOf(school.id);
    const beforeNone = await countsOf(null);
    await verify(await qrOf(ids[0]!));
    await verify(await qrOf(ids[0]!));
    await verify(await qrOf(ids[1]!));
    await verifyCredentialDocument(t.db, (await row(ids[2]!)).credential, { origin: origin() });
    await verify("garbage");
    await verifyQrText(t.db, await qrOf(ids[0]!), { origin: origin(), count: false });
    await flushVerificationCounts(t.db); // counts are written behind the answers
    const after = await countsOf(school.id);
    expect((after.valid ?? 0) - (before.valid ?? 0)).toBe(2);
    expect((after.revoked ?? 0) - (before.revoked ?? 0)).toBe(1);
    expect((after.suspended ?? 0) - (before.suspended ?? 0)).toBe(1);
    expect(((await countsOf(null)).malformed ?? 0) - (beforeNone.malformed ?? 0)).toBe(1);
    const rows = await t.db
      .select()
      .from(verificationCounts)
      .where(inArray(verificationCounts.organisationId, [school.id]));
    expect(Object.keys(rows[0]!).sort()).toEqual(["count", "day", "organisationId", "verdict"]);
  });

  it("rejects every single-character change of a genuine QR text (all positions, a sample of the QR alphabet)", async () => {
    const qr = await qrOf(ids[0]!);
    const sample = "0AZ27:/. ";
    const verdicts = new Map<string, number>();
    for (let i = 0; i < qr.length; i++) {
      for (const c of sample) {
        if (c === qr[i]) continue;
        const result = await verifyQrText(t.db, qr.slice(0, i) + c + qr.slice(i + 1), {
          origin: origin(),
          count: false,
        });
        verdicts.set(result.verdict, (verdicts.get(result.verdict) ?? 0) + 1);
        if (result.verdict === "valid") throw new Error(`accepted a change at ${i} to ${JSON.stringify(c)}`);
      }
    }
    expect(verdicts.get("valid")).toBeUndefined();
  }, 60_000);
});
