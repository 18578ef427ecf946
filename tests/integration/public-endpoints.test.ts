/**
 * The public machine endpoints as a verifier meets them (credential, QR images, log proof, status lists, issuance
 * log, our JSON-LD context, the issuer's page), checked with the verifier's own tools: verifyProof with the key from
 * the DID document route, decodeStatusList, checkChain, verifyInclusion. And the original register for staff.
 */
import { readFile } from "node:fs/promises";
import { gunzipSync } from "node:zlib";
import { PNG } from "pngjs";
import jsQR from "jsqr";
import { and, asc, count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { diplomas, registerEntries, type Organisation } from "~db/schema";
import { getEnv } from "~/lib/env.server";
import { verifyProof } from "~/modules/credentials/eddsa-rdfc-2022";
import { BUNDLED_CONTEXTS, DIPLOMA_CONTEXT_URL } from "~/modules/credentials/document-loader";
import { changeDiplomaStatus } from "~/modules/diplomas/change-diploma-status.server";
import { signBatch } from "~/modules/diplomas/sign-batch.server";
import { sha256 } from "~/modules/issuance-log/append-log-entry.server";
import { checkChain, fromHex, headMessage, verifyInclusion } from "~/modules/issuance-log/hash-chain";
import { ensureSchoolKey } from "~/modules/keys/ensure-school-key.server";
import { verify } from "~/modules/signing/ed25519";
import { decodeEd25519PublicKey } from "~/modules/signing/multikey";
import { exportRegisterPdf } from "~/modules/register/export-register.server";
import { decodeStatusList, getBit } from "~/modules/status/bitstring";
import * as contextRoute from "~/routes/contexts.diploma.v1";
import * as logProofRoute from "~/routes/credentials.$id.log-proof[.]json";
import * as qrPngRoute from "~/routes/credentials.$id.qr[.]png";
import * as qrSvgRoute from "~/routes/credentials.$id.qr[.]svg";
import * as vcRoute from "~/routes/credentials.$id.vc[.]json";
import * as issuerPageRoute from "~/routes/issuers.$code._index";
import * as didRoute from "~/routes/issuers.$code.did[.]json";
import * as logRoute from "~/routes/issuers.$code.log[.]json";
import * as statusRoute from "~/routes/issuers.$code.status.$listId";
import * as registerRoute from "~/routes/school.$code.register";
import * as registerCsvRoute from "~/routes/school.$code.register[.]csv";
import * as registerPdfRoute from "~/routes/school.$code.register[.]pdf";
import { createSubmittedBatch } from "../support/diplomas";
import { createOrganisation } from "../support/factories";
import { createMember } from "../support/members";
import { callRoute, routeArgs, signedInAs } from "../support/routes";
import { testDatabaseKind, withTestDatabase } from "../support/test-database";

const gunzip = (bytes: Uint8Array) => new Uint8Array(gunzipSync(bytes));
const origin = () => getEnv().PUBLIC_ORIGIN;
const publicGet = (path: string, headers: Record<string, string> = {}) =>
  new Request(`${origin()}${path}`, { headers });

describe(`public endpoints and the original register (${testDatabaseKind()})`, () => {
  // One set of schools and diplomas for the file: the tests read it, and the few that change it say so.
  const t = withTestDatabase({ per: "file" });
  let schoolA: Organisation;
  let schoolB: Organisation;
  let issuedA: string[]; // register-number order
  let revokedId: string;
  let draftId: string;
  let issuedB: string[];

  async function issue(school: Organisation, count: number, names?: string[]) {
    const registrar = await createMember(t.db, "school_registrar", school);
    const principal = await createMember(t.db, "school_principal", school);
    const { batch, diplomaIds } = await createSubmittedBatch(t.db, {
      organisationId: school.id,
      createdBy: registrar.id,
      count,
    });
    for (const [i, name] of (names ?? []).entries())
      await t.db.update(diplomas).set({ fullName: name }).where(eq(diplomas.id, diplomaIds[i]!));
    const signed = await signBatch(t.db, {
      organisationId: school.id,
      batchId: batch.id,
      signer: { userId: principal.id, name: "Lê Minh Tuấn", title: "Hiệu trưởng" },
      issuePlace: "Hà Nội",
      issueDate: "2026-06-15",
      publicOrigin: origin(),
      actor: { userId: principal.id, ip: null },
    });
    expect(signed.ok).toBe(true);
    // Register-number order: the order of the batch's leaves in the log, and of the register.
    const rows = await t.db
      .select({ id: diplomas.id })
      .from(diplomas)
      .where(eq(diplomas.batchId, batch.id))
      .orderBy(asc(diplomas.registerNumber));
    return { diplomaIds: rows.map((r) => r.id), principal };
  }

  beforeAll(async () => {
    schoolA = await createOrganisation(t.db, { kind: "school", code: "CDPUBA", name: "Trường Cao đẳng Công khai A" });
    schoolB = await createOrganisation(t.db, { kind: "school", code: "CDPUBB" });
    for (const s of [schoolA, schoolB])
      expect((await ensureSchoolKey(t.db, { organisationId: s.id, actor: { userId: null, ip: null } })).ok).toBe(true);
    const a = await issue(schoolA, 5, ["Nguyễn Văn Đức"]);
    issuedA = a.diplomaIds;
    revokedId = issuedA[1]!;
    const revoked = await changeDiplomaStatus(t.db, {
      organisationId: schoolA.id,
      diplomaId: revokedId,
      change: "revoke",
      reason: "Gian lận hồ sơ",
      actor: { userId: a.principal.id, ip: null },
    });
    expect(revoked.ok).toBe(true);
    issuedB = (await issue(schoolB, 2)).diplomaIds;
    const registrar = await createMember(t.db, "school_registrar", schoolA);
    draftId = (await createSubmittedBatch(t.db, { organisationId: schoolA.id, createdBy: registrar.id, count: 1 }))
      .diplomaIds[0]!;
  });

  /** The public key of a verification method, as a verifier gets it: from the school's DID document route. */
  async function keyResolver(code: string) {
    const did = await callRoute(didRoute.loader, routeArgs(publicGet(`/issuers/${code}/did.json`), { code }));
    expect(did.status).toBe(200);
    return (verificationMethod: string) => {
      const method = did.json.verificationMethod.find((m: { id: string }) => m.id === verificationMethod);
      if (!method || !did.json.assertionMethod.includes(verificationMethod)) return null;
      return decodeEd25519PublicKey(method.publicKeyMultibase);
    };
  }

  const getVc = (id: string, headers: Record<string, string> = {}) =>
    callRoute(vcRoute.loader, routeArgs(publicGet(`/credentials/${id}/vc.json`, headers), { id }));

  describe("GET /credentials/{id}/vc.json", () => {
    it("serves the signed credential, which verifies with the key of the school's DID document", async () => {
      const answer = await getVc(issuedA[0]!);
      expect(answer.status).toBe(200);
      expect(answer.headers.get("access-control-allow-origin")).toBe("*");
      expect(answer.headers.get("content-type")).toMatch(/^application\/json/);
      expect(answer.headers.get("cache-control")).toContain("immutable");
      expect(answer.json.id).toBe(`urn:uuid:${issuedA[0]}`);
      expect(Object.keys(answer.json)[0]).toBe("@context");
      expect(Object.keys(answer.json).at(-1)).toBe("proof");
      const verified = await verifyProof(answer.json, await keyResolver("CDPUBA"));
      expect(verified).toMatchObject({ verified: true });

      const tampered = { ...answer.json, credentialSubject: { ...answer.json.credentialSubject, name: "Người Khác" } };
      expect(await verifyProof(tampered, await keyResolver("CDPUBA"))).toMatchObject({
        verified: false,
        reason: "invalid_signature",
      });
    });

    it("serves a revoked diploma's credential too (its status is in the status list), as application/vc on request", async () => {
      const answer = await getVc(revokedId, { accept: "application/vc, application/json;q=0.5" });
      expect(answer.status).toBe(200);
      expect(answer.headers.get("content-type")).toBe("application/vc");
      expect(answer.headers.get("vary")).toBe("Accept");
      expect(answer.json.id).toBe(`urn:uuid:${revokedId}`);
      expect(
        (await getVc(revokedId, { accept: "application/vc;q=0, application/json" })).headers.get("content-type"),
      ).toMatch(/^application\/json/);
    });

    it("answers 404 {code, message} for a draft, an unknown and a malformed id", async () => {
      for (const id of [
        draftId,
        "6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f",
        "not-a-uuid",
        "..%2F..%2Fetc",
        "' or 1=1 --",
      ]) {
        const answer = await getVc(id);
        expect(answer.status, id).toBe(404);
        expect(answer.json).toEqual({ code: "not_found", message: expect.any(String) });
        expect(answer.headers.get("cache-control")).toBe("no-store");
        expect(answer.headers.get("access-control-allow-origin")).toBe("*");
      }
    });

    it("limits each client address (429 with Retry-After once the burst is spent)", async () => {
      // A burst of 60, refilled at 2 a second while the loop runs: a few hundred calls always spend it.
      let last = await getVc(issuedA[0]!);
      let calls = 0;
      while (last.status !== 429 && calls < 300) {
        last = await callRoute(
          vcRoute.loader,
          routeArgs(publicGet(`/credentials/${issuedA[0]}/vc.json`), { id: issuedA[0]! }, "192.0.2.177"),
        );
        calls++;
      }
      expect(last.status).toBe(429);
      expect(calls).toBeGreaterThanOrEqual(60);
      expect(last.headers.get("retry-after")).toMatch(/^\d+$/);
    });
  });

  describe("GET /credentials/{id}/qr.svg and qr.png", () => {
    it("draws the diploma's QR payload, which a scanner reads back", async () => {
      const [row] = await t.db
        .select({ qrPayload: diplomas.qrPayload })
        .from(diplomas)
        .where(eq(diplomas.id, issuedA[0]!));
      const png = await callRoute(
        qrPngRoute.loader,
        routeArgs(publicGet(`/credentials/${issuedA[0]}/qr.png`), { id: issuedA[0]! }),
      );
      expect(png.status).toBe(200);
      expect(png.headers.get("content-type")).toBe("image/png");
      expect(png.headers.get("cache-control")).toMatch(/max-age=\d+, immutable/);
      const image = PNG.sync.read(Buffer.from(png.bytes));
      expect(jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data).toBe(row!.qrPayload);

      const svg = await callRoute(
        qrSvgRoute.loader,
        routeArgs(publicGet(`/credentials/${issuedA[0]}/qr.svg`), { id: issuedA[0]! }),
      );
      expect(svg.status).toBe(200);
      expect(svg.headers.get("content-type")).toBe("image/svg+xml");
      expect(svg.text).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    });

    it("answers 404 for a draft and a malformed id", async () => {
      for (const id of [draftId, "x"]) {
        for (const route of [qrPngRoute, qrSvgRoute]) {
          const answer = await callRoute(route.loader, routeArgs(publicGet(`/credentials/${id}/qr.png`), { id }));
          expect(answer.status).toBe(404);
          expect(answer.json).toMatchObject({ code: "not_found" });
        }
      }
    });
  });

  const getStatus = (code: string, listId: string) =>
    callRoute(statusRoute.loader, routeArgs(publicGet(`/issuers/${code}/status/${listId}`), { code, listId }));

  describe("GET /issuers/{code}/status/{listId}", () => {
    it("is a signed BitstringStatusListCredential in which exactly the revoked diploma's bit is set", async () => {
      const credential = (await getVc(revokedId)).json;
      const entry = credential.credentialStatus.find(
        (s: { statusPurpose: string }) => s.statusPurpose === "revocation",
      );
      expect(entry.statusListCredential).toBe(`${origin()}/issuers/CDPUBA/status/revocation-1`);

      const answer = await getStatus("CDPUBA", "revocation-1");
      expect(answer.status).toBe(200);
      expect(answer.headers.get("cache-control")).toBe("public, max-age=60");
      const list = answer.json;
      expect(list).toMatchObject({
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        id: entry.statusListCredential,
        type: ["VerifiableCredential", "BitstringStatusListCredential"],
        issuer: credential.issuer.id,
        credentialSubject: {
          id: `${entry.statusListCredential}#list`,
          type: "BitstringStatusList",
          statusPurpose: "revocation",
        },
      });
      expect(await verifyProof(list, await keyResolver("CDPUBA"))).toMatchObject({ verified: true });

      const bits = decodeStatusList(list.credentialSubject.encodedList, gunzip)!;
      expect(bits.length * 8).toBeGreaterThanOrEqual(131_072);
      const setBits = [...bits].reduce((n, byte) => n + byte.toString(2).replace(/0/g, "").length, 0);
      expect(setBits).toBe(1);
      expect(getBit(bits, Number(entry.statusListIndex))).toBe(true);

      const suspension = await getStatus("CDPUBA", "suspension-1");
      expect(suspension.status).toBe(200);
      expect([...decodeStatusList(suspension.json.credentialSubject.encodedList, gunzip)!].every((b) => b === 0)).toBe(
        true,
      );
    });

    it("is not signed again until the list changes, and shows a new revocation at once (changes school A)", async () => {
      const first = (await getStatus("CDPUBA", "revocation-1")).json;
      const again = (await getStatus("CDPUBA", "revocation-1")).json;
      expect(again.proof).toEqual(first.proof);

      const target = issuedA[4]!;
      const principal = await createMember(t.db, "school_principal", schoolA);
      expect(
        (
          await changeDiplomaStatus(t.db, {
            organisationId: schoolA.id,
            diplomaId: target,
            change: "revoke",
            reason: "Cấp nhầm",
            actor: { userId: principal.id, ip: null },
          })
        ).ok,
      ).toBe(true);
      const after = (await getStatus("CDPUBA", "revocation-1")).json;
      expect(await verifyProof(after, await keyResolver("CDPUBA"))).toMatchObject({ verified: true });
      const index = Number(
        (await getVc(target)).json.credentialStatus.find(
          (s: { statusPurpose: string }) => s.statusPurpose === "revocation",
        ).statusListIndex,
      );
      expect(getBit(decodeStatusList(first.credentialSubject.encodedList, gunzip)!, index)).toBe(false);
      expect(getBit(decodeStatusList(after.credentialSubject.encodedList, gunzip)!, index)).toBe(true);
    });

    it("answers 404 for unknown lists and schools and malformed ids", async () => {
      for (const [code, listId] of [
        ["CDPUBA", "revocation-2"],
        ["CDPUBA", "revocation-0"],
        ["CDPUBA", "revocation"],
        ["CDPUBA", "expiry-1"],
        ["CDPUBA", "revocation-1x"],
        ["NOSUCH", "revocation-1"],
        ["cdpuba", "revocation-1"],
        ["../x", "revocation-1"],
      ] as const) {
        const answer = await getStatus(code, listId);
        expect(answer.status, `${code}/${listId}`).toBe(404);
        expect(answer.json).toEqual({ code: "not_found", message: expect.any(String) });
      }
    });
  });

  describe("GET /issuers/{code}/log.json and /credentials/{id}/log-proof.json", () => {
    it("publishes a chain that checks, with a head signed by the school's key", async () => {
      const answer = await callRoute(
        logRoute.loader,
        routeArgs(publicGet("/issuers/CDPUBA/log.json"), { code: "CDPUBA" }),
      );
      expect(answer.status).toBe(200);
      const log = answer.json;
      expect(log).toMatchObject({
        type: "IssuanceLog",
        id: `${origin()}/issuers/CDPUBA/log.json`,
        schoolCode: "CDPUBA",
      });
      expect(log.entries.slice(0, 2).map((e: { kind: string }) => e.kind)).toEqual(["batch", "revoke"]);
      for (const e of log.entries) expect(e.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      expect(
        checkChain(
          log.entries.map((e: object) => ({ ...e, schoolCode: log.schoolCode })),
          sha256,
        ),
      ).toEqual([]);

      const resolve = await keyResolver("CDPUBA");
      const last = log.entries.at(-1);
      expect(log.head).toMatchObject({
        seq: last.seq,
        entryHash: last.entryHash,
        verificationMethod: `${log.issuer}#${last.keyRef}`,
      });
      const key = resolve(log.head.verificationMethod)!;
      expect(
        verify(
          Buffer.from(log.head.headSignature, "base64url"),
          headMessage("CDPUBA", log.head.seq, log.head.entryHash),
          key,
        ),
      ).toBe(true);
      for (const e of log.entries) {
        expect(
          verify(
            Buffer.from(e.headSignature, "base64url"),
            headMessage("CDPUBA", e.seq, e.entryHash),
            resolve(`${log.issuer}#${e.keyRef}`)!,
          ),
        ).toBe(true);
      }

      const forged = log.entries.map((e: object) => ({ ...e, schoolCode: log.schoolCode }));
      forged[0].createdAt = "2020-01-01T00:00:00.000Z";
      expect(checkChain(forged, sha256)).not.toEqual([]);
    });

    it("proves each diploma's inclusion in its batch entry, and lists its status changes", async () => {
      const log = (
        await callRoute(logRoute.loader, routeArgs(publicGet("/issuers/CDPUBA/log.json"), { code: "CDPUBA" }))
      ).json;
      for (const [i, id] of issuedA.entries()) {
        const answer = await callRoute(
          logProofRoute.loader,
          routeArgs(publicGet(`/credentials/${id}/log-proof.json`), { id }),
        );
        expect(answer.status).toBe(200);
        const proof = answer.json;
        expect(proof).toMatchObject({
          credential: `urn:uuid:${id}`,
          seq: 1,
          kind: "batch",
          leafIndex: i,
          leafCount: 5,
          log: log.id,
        });
        const entry = log.entries.find((e: { seq: number }) => e.seq === proof.seq);
        expect(proof.merkleRoot).toBe(entry.merkleRoot);
        expect(proof.entryHash).toBe(entry.entryHash);
        expect(verifyInclusion(proof.leaf, proof.proof, entry.merkleRoot, sha256)).toBe(true);
        // The leaf is the credential's canonical hash: a different leaf does not verify.
        expect(verifyInclusion("00".repeat(32), proof.proof, entry.merkleRoot, sha256)).toBe(false);
        if (id === revokedId) {
          expect(proof.statusChanges.map((c: { kind: string }) => c.kind)).toEqual(["revoke"]);
          const change = log.entries.find((e: { seq: number }) => e.seq === proof.statusChanges[0].seq);
          expect(verifyInclusion(proof.leaf, [], change.merkleRoot, sha256)).toBe(true);
        } else if (i !== 4) {
          expect(proof.statusChanges).toEqual([]);
        }
      }
      expect(
        fromHex((await callRoute(logProofRoute.loader, routeArgs(publicGet("/x"), { id: issuedB[0]! }))).json.leaf),
      ).toHaveLength(32);
    });

    it("answers 404 for a draft, a malformed id and an unknown school", async () => {
      for (const id of [draftId, "nope"]) {
        const answer = await callRoute(
          logProofRoute.loader,
          routeArgs(publicGet(`/credentials/${id}/log-proof.json`), { id }),
        );
        expect(answer.status).toBe(404);
        expect(answer.json).toMatchObject({ code: "not_found", message: expect.any(String) });
      }
      for (const code of ["NOSUCH", "x y", ""]) {
        const answer = await callRoute(logRoute.loader, routeArgs(publicGet(`/issuers/${code}/log.json`), { code }));
        expect(answer.status).toBe(404);
      }
    });
  });

  describe("GET /contexts/diploma/v1", () => {
    it("serves the bundled context as JSON-LD, byte for byte the hash docs/credential-format.md publishes", async () => {
      const answer = await callRoute(contextRoute.loader, routeArgs(publicGet("/contexts/diploma/v1")));
      expect(answer.status).toBe(200);
      expect(answer.headers.get("content-type")).toBe("application/ld+json");
      expect(answer.headers.get("access-control-allow-origin")).toBe("*");
      expect(answer.json).toEqual(BUNDLED_CONTEXTS.get(DIPLOMA_CONTEXT_URL));
      const hash = Buffer.from(sha256(answer.bytes)).toString("hex");
      expect(answer.headers.get("etag")).toBe(`"${hash}"`);
      expect(await readFile("docs/credential-format.md", "utf8")).toContain(hash);
    });
  });

  describe("GET /issuers/{code}", () => {
    it("shows an accredited school with the addresses verifiers fetch", async () => {
      const answer = await callRoute(
        issuerPageRoute.loader,
        routeArgs(publicGet("/issuers/CDPUBA"), { code: "CDPUBA" }),
      );
      expect(answer.status).toBe(200);
      expect(answer.json).toMatchObject({
        code: "CDPUBA",
        name: "Trường Cao đẳng Công khai A",
        status: "accredited",
        did: (await getVc(issuedA[0]!)).json.issuer.id,
        links: { didDocument: `${origin()}/issuers/CDPUBA/did.json`, log: `${origin()}/issuers/CDPUBA/log.json` },
      });
      expect(answer.json.statusLists.map((l: { id: string }) => l.id)).toEqual(["revocation-1", "suspension-1"]);
      expect((await getVc(issuedA[0]!)).json.issuer.url).toBe(`${origin()}/issuers/CDPUBA`);
    });

    it("keeps a suspended school's page without its verification links; no page for pending or unknown schools", async () => {
      await createOrganisation(t.db, { kind: "school", code: "CDSUSP", status: "suspended" });
      await createOrganisation(t.db, { kind: "school", code: "CDPEND", status: "pending" });
      const suspended = await callRoute(
        issuerPageRoute.loader,
        routeArgs(publicGet("/issuers/CDSUSP"), { code: "CDSUSP" }),
      );
      expect(suspended.status).toBe(200);
      expect(suspended.json).toMatchObject({ status: "suspended", links: null, statusLists: [] });
      for (const code of ["CDPEND", "NOSUCH", "<script>"]) {
        expect(
          (await callRoute(issuerPageRoute.loader, routeArgs(publicGet(`/issuers/${code}`), { code }))).status,
        ).toBe(404);
      }
    });
  });

  describe("the original register (/school/{code}/register)", () => {
    const revocationCount = async () =>
      Number(
        (
          await t.db
            .select({ n: count() })
            .from(registerEntries)
            .where(and(eq(registerEntries.organisationId, schoolA.id), eq(registerEntries.kind, "revoke")))
        )[0]!.n,
      );
    const registerOf = async (viewer: { get: (path: string) => Request }, code: string, query = "") =>
      callRoute(registerRoute.loader, routeArgs(viewer.get(`/school/${code}/register${query}`), { code }));

    it("lists every entry of the school's own register, newest first, and nothing of another school", async () => {
      const registrar = await signedInAs(t.db, "school_registrar", schoolA);
      const answer = await registerOf(registrar, "CDPUBA");
      expect(answer.status).toBe(200);
      const { entries, total } = answer.json;
      expect(total).toBe(5 + (await revocationCount()));
      expect(entries[0].kind).toBe("revoke");
      expect(entries.every((e: { serial: string }) => e.serial.startsWith("CDPUBA-"))).toBe(true);
      expect(entries.filter((e: { kind: string }) => e.kind === "issue")).toHaveLength(5);
      const byNumber = (await registerOf(registrar, "CDPUBA", "?sort=number")).json.entries;
      expect(byNumber[0]).toMatchObject({ registerNumber: "1/2026", kind: "issue" });
    });

    it("searches by name without diacritics, by register number, by serial and by entry kind", async () => {
      const principal = await signedInAs(t.db, "school_principal", schoolA);
      const byName = (await registerOf(principal, "CDPUBA", "?q=nguyen+van+duc&kind=issue")).json.entries;
      expect(byName.map((e: { fullName: string }) => e.fullName)).toEqual(["Nguyễn Văn Đức"]);
      expect(
        (await registerOf(principal, "CDPUBA", "?q=NGUYỄN+văn")).json.entries.every((e: { fullName: string }) =>
          e.fullName.startsWith("Nguyễn Văn"),
        ),
      ).toBe(true);
      const byNumber = (await registerOf(principal, "CDPUBA", `?q=${encodeURIComponent("2/2026")}`)).json.entries;
      expect(byNumber.map((e: { kind: string }) => e.kind).sort()).toEqual(["issue", "revoke"]);
      expect((await registerOf(principal, "CDPUBA", "?q=CDPUBA-000003")).json.entries).toHaveLength(1);
      const revocations = (await registerOf(principal, "CDPUBA", "?kind=revoke")).json;
      expect(revocations.total).toBe(await revocationCount());
      expect(revocations.entries.every((e: { kind: string }) => e.kind === "revoke")).toBe(true);
      // Bad values are dropped, not a server error.
      const odd = await registerOf(principal, "CDPUBA", "?year=abc&programme=%27&kind=delete&sort=evil&page=-3");
      expect(odd.status).toBe(200);
      expect(odd.json.query).toMatchObject({ sort: "newest", page: 1 });
    });

    it("answers 403 to another school's staff, a graduate and an employer", async () => {
      const employer = await createOrganisation(t.db, { kind: "employer" });
      for (const viewer of [
        await signedInAs(t.db, "school_principal", schoolB),
        await signedInAs(t.db, "school_admin", schoolB),
        await signedInAs(t.db, "graduate", null),
        await signedInAs(t.db, "employer_member", employer),
      ]) {
        for (const route of [registerRoute, registerCsvRoute, registerPdfRoute]) {
          const answer = await callRoute(
            route.loader,
            routeArgs(viewer.get("/school/CDPUBA/register"), { code: "CDPUBA" }),
          );
          expect(answer.status).toBe(403);
        }
      }
    });

    it("exports CSV with BOM, header and one line per diploma, with the filters applied; and a PDF", async () => {
      const registrar = await signedInAs(t.db, "school_registrar", schoolA);
      const csv = await callRoute(
        registerCsvRoute.loader,
        routeArgs(registrar.get("/school/CDPUBA/register.csv"), { code: "CDPUBA" }),
      );
      expect(csv.status).toBe(200);
      expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
      expect(csv.headers.get("content-disposition")).toMatch(/^attachment; filename="so-goc-CDPUBA-\d{8}\.csv"$/);
      expect([...csv.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      // (TextDecoder drops the BOM: the text starts with the header.)
      const lines = csv.text.split("\r\n").filter(Boolean);
      expect(lines[0]).toMatch(/^STT,Họ và tên,Ngày sinh/);
      expect(lines).toHaveLength(1 + 5);
      expect(lines[1]).toContain("CDPUBA-000001");
      expect(lines[2]).toMatch(/Thu hồi ngày \d\d\/\d\d\/\d{4}: Gian lận hồ sơ/);
      expect(csv.text).not.toContain("CDPUBB-");

      const filtered = await callRoute(
        registerCsvRoute.loader,
        routeArgs(registrar.get("/school/CDPUBA/register.csv?kind=revoke&year=2026"), { code: "CDPUBA" }),
      );
      expect(filtered.headers.get("content-disposition")).toMatch(/so-goc-CDPUBA-2026-\d{8}\.csv/);
      expect(filtered.text.split("\r\n").filter(Boolean)).toHaveLength(1 + (await revocationCount()));

      const pdf = await callRoute(
        registerPdfRoute.loader,
        routeArgs(registrar.get("/school/CDPUBA/register.pdf?q=duc"), { code: "CDPUBA" }),
      );
      expect(pdf.status).toBe(200);
      expect(pdf.headers.get("content-type")).toBe("application/pdf");
      expect(pdf.headers.get("content-disposition")).toMatch(/^attachment; filename="so-goc-CDPUBA-\d{8}\.pdf"$/);
      expect(new TextDecoder().decode(pdf.bytes.slice(0, 5))).toBe("%PDF-");
      // Too long to print at once: a clear refusal, not minutes of the server's time.
      expect(await exportRegisterPdf(t.db, { organisation: schoolA, filters: {}, maxLines: 4 })).toMatchObject({
        ok: false,
        code: "too_many_lines",
      });
    });
  });
});
