/**
 * School signing keys and the published identity: keys sealed at accreditation, loading with the right and a
 * wrong KEK, rotation, compromise and the diplomas it flags, the DID documents and the ministry-signed trust
 * registry as their routes serve them, and who may change a school's keys.
 */
import { randomBytes } from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { auditLog, diplomas, organisations, programmes, signingKeys, type Organisation, type Role } from "~db/schema";
import { getEnv } from "~/lib/env.server";
import { verifyJcsProof } from "~/modules/credentials/eddsa-jcs-2022";
import { ensureKeysForAccreditedSchools, ensureSchoolKey } from "~/modules/keys/ensure-school-key.server";
import { ensureMinistryKey } from "~/modules/keys/ensure-ministry-key.server";
import { keyRingFrom, useKeyRing, type KeyRing } from "~/modules/keys/key-encryption.server";
import { loadSigningKey } from "~/modules/keys/load-signing-key.server";
import { markKeyCompromised } from "~/modules/keys/mark-key-compromised.server";
import { rotateSchoolKey } from "~/modules/keys/rotate-school-key.server";
import { changeOrganisationStatus } from "~/modules/organisations/change-organisation-status.server";
import { publicKeyOf } from "~/modules/signing/ed25519";
import {
  decodeEd25519PublicKey,
  encodeBase58btc,
  encodeEd25519PrivateKey,
  encodeEd25519PublicKey,
} from "~/modules/signing/multikey";
import * as wellKnownDid from "~/routes/[.]well-known.did[.]json";
import * as issuerDidRoute from "~/routes/issuers.$code.did[.]json";
import * as schoolKeys from "~/routes/school.$code.keys";
import * as trustRegistryRoute from "~/routes/trust-registry[.]json";
import { createOrganisation, createUser } from "../support/factories";
import { createMember } from "../support/members";
import { callRoute, routeArgs, signedInAs } from "../support/routes";
import { testDatabaseKind, withTestDatabase } from "../support/test-database";

const IP = "203.0.113.9";

describe(`signing keys (${testDatabaseKind()})`, () => {
  const t = withTestDatabase();
  let ring: KeyRing;

  beforeEach(() => {
    ring = keyRingFrom(randomBytes(32));
    useKeyRing(ring);
  });

  const origin = () => getEnv().PUBLIC_ORIGIN;
  const host = () => new URL(origin()).host.replace(":", "%3A");

  const keyRowsOf = (organisationId: string | null) =>
    t.db
      .select()
      .from(signingKeys)
      .where(organisationId ? eq(signingKeys.organisationId, organisationId) : isNull(signingKeys.organisationId))
      .orderBy(signingKeys.keyRef);

  async function accreditedSchool() {
    const school = await createOrganisation(t.db, { kind: "school", status: "pending" });
    const admin = await createMember(t.db, "ministry_admin", null);
    const result = await changeOrganisationStatus(t.db, {
      organisationId: school.id,
      change: "accredit",
      actor: { userId: admin.id, ip: IP },
    });
    expect(result.ok).toBe(true);
    return school;
  }

  const publicGet = (path: string) => new Request(`${origin()}${path}`);

  /** A signed-in member (cookie), with request builders. */
  const as = (role: Role, organisation: Organisation | null) => signedInAs(t.db, role, organisation);

  let diplomaCounter = 0;
  /** A signed diploma row written straight to the table: only what the compromise query reads matters. */
  async function insertSignedDiploma(organisationId: string, signingKeyId: string, signedAt: Date) {
    const [programme] = await t.db
      .select({ code: programmes.code, levelCode: programmes.levelCode })
      .from(programmes)
      .limit(1);
    const creator = await createUser(t.db);
    const n = ++diplomaCounter;
    const [row] = await t.db
      .insert(diplomas)
      .values({
        organisationId,
        status: "issued",
        fullName: `Nguyễn Văn ${n}`,
        dateOfBirth: "2000-01-01",
        placeOfBirth: "Hà Nội",
        gender: "nam",
        ethnicity: "Kinh",
        personalIdCiphertext: "sealed",
        personalIdHash: `hash-${n}`,
        programmeCode: programme!.code,
        programmeName: "Chương trình thử",
        levelCode: programme!.levelCode,
        modeOfStudy: "chinh_quy",
        classification: "kha",
        graduationDate: "2025-06-30",
        graduationDecisionNumber: `QĐ-${n}`,
        serial: `SH-${String(n).padStart(6, "0")}`,
        registerYear: 2025,
        registerNumber: n,
        signingKeyId,
        signedAt,
        credential: { n },
        createdBy: creator.id,
      })
      .returning({ id: diplomas.id });
    return row!.id;
  }

  describe("a school's key at accreditation", () => {
    it("creates exactly one active key, sealed: the private key is in no column in clear, and the right KEK opens it", async () => {
      const school = await accreditedSchool();

      const rows = await keyRowsOf(school.id);
      expect(rows).toHaveLength(1);
      const row = rows[0]!;
      expect(row).toMatchObject({
        status: "active",
        keyRef: "key-1",
        kekId: ring.kekId,
        retiredAt: null,
        compromisedFrom: null,
      });
      expect(row.publicKeyMultibase).toMatch(/^z6Mk/);

      const loaded = await loadSigningKey(t.db, { organisationId: school.id });
      if (!loaded.ok) throw new Error(loaded.message);
      expect(loaded.key).toMatchObject({ id: row.id, keyRef: "key-1", publicKeyMultibase: row.publicKeyMultibase });
      expect(loaded.key.privateKey).toHaveLength(32);
      expect(encodeEd25519PublicKey(publicKeyOf(loaded.key.privateKey))).toBe(row.publicKeyMultibase);

      // Neither the row nor the audit trail holds the private key in any usual encoding.
      const secret = Buffer.from(loaded.key.privateKey);
      const encodings = [
        secret.toString("hex"),
        secret.toString("base64"),
        secret.toString("base64url"),
        encodeBase58btc(secret),
        encodeEd25519PrivateKey(secret),
      ];
      const audit = await t.db.select().from(auditLog).where(eq(auditLog.organisationId, school.id));
      const stored = JSON.stringify([row, audit]);
      for (const encoded of encodings) expect(stored).not.toContain(encoded);
      expect(Buffer.from(row.privateKeyCiphertext, "base64url").indexOf(secret)).toBe(-1);

      expect(audit.map((a) => a.action)).toEqual(["organisation.accredit", "signing-key.create"]);
      expect(audit[1]).toMatchObject({
        entityType: "signing_key",
        entityId: row.id,
        actorIp: IP,
        details: { keyRef: "key-1", reason: "accreditation" },
      });
    });

    it("does not accredit when the key cannot be stored: status and key are one transaction", async () => {
      const school = await createOrganisation(t.db, { kind: "school", status: "pending" });
      const admin = await createMember(t.db, "ministry_admin", null);
      await t.db.execute(
        sql`create function refuse_key() returns trigger language plpgsql as $$ begin raise exception 'keys unavailable'; end $$`,
      );
      await t.db.execute(
        sql`create trigger refuse_key before insert on signing_keys for each row execute function refuse_key()`,
      );

      await expect(
        changeOrganisationStatus(t.db, {
          organisationId: school.id,
          change: "accredit",
          actor: { userId: admin.id, ip: IP },
        }),
      ).rejects.toThrow();
      const [row] = await t.db
        .select({ status: organisations.status })
        .from(organisations)
        .where(eq(organisations.id, school.id));
      expect(row!.status).toBe("pending");
    });

    it("keeps the key through suspension and reinstatement; an employer gets none", async () => {
      const school = await accreditedSchool();
      const admin = await createMember(t.db, "ministry_admin", null);
      const actor = { userId: admin.id, ip: IP };
      await changeOrganisationStatus(t.db, { organisationId: school.id, change: "suspend", reason: "Kiểm tra", actor });
      await changeOrganisationStatus(t.db, { organisationId: school.id, change: "reinstate", actor });
      expect((await keyRowsOf(school.id)).map((k) => [k.keyRef, k.status])).toEqual([["key-1", "active"]]);

      const employer = await createOrganisation(t.db, { kind: "employer", status: "pending" });
      await changeOrganisationStatus(t.db, { organisationId: employer.id, change: "accredit", actor });
      expect(await keyRowsOf(employer.id)).toHaveLength(0);
      expect(await ensureSchoolKey(t.db, { organisationId: employer.id, actor })).toEqual({
        ok: false,
        code: "not_found",
      });
    });

    it("backfills keys for schools accredited without one, and the ministry's key, once", async () => {
      const a = await createOrganisation(t.db, { kind: "school", status: "accredited" });
      const b = await createOrganisation(t.db, { kind: "school", status: "accredited" });
      const pending = await createOrganisation(t.db, { kind: "school", status: "pending" });

      expect(await ensureKeysForAccreditedSchools(t.db)).toEqual({ ministryKeyCreated: true, schoolKeysCreated: 2 });
      expect(await ensureKeysForAccreditedSchools(t.db)).toEqual({ ministryKeyCreated: false, schoolKeysCreated: 0 });
      expect(await keyRowsOf(a.id)).toHaveLength(1);
      expect(await keyRowsOf(b.id)).toHaveLength(1);
      expect(await keyRowsOf(pending.id)).toHaveLength(0);
      const ministry = await keyRowsOf(null);
      expect(ministry.map((k) => [k.keyRef, k.status])).toEqual([["key-1", "active"]]);
      const loaded = await loadSigningKey(t.db, { organisationId: null });
      expect(loaded.ok && loaded.key.publicKeyMultibase).toBe(ministry[0]!.publicKeyMultibase);
    });
  });

  describe("loading a key", () => {
    it("is key_unreadable, with a message, under another KEK or when the ciphertext is damaged; no_active_key without a key", async () => {
      const school = await accreditedSchool();

      const otherRing = keyRingFrom(randomBytes(32));
      const wrongKek = await loadSigningKey(t.db, { organisationId: school.id, ring: otherRing });
      expect(wrongKek).toMatchObject({ ok: false, code: "key_unreadable" });
      expect(!wrongKek.ok && wrongKek.message).toContain(ring.kekId);
      useKeyRing(otherRing);
      expect(await loadSigningKey(t.db, { organisationId: school.id })).toMatchObject({
        ok: false,
        code: "key_unreadable",
      });
      useKeyRing(ring);

      // Same KEK, damaged bytes.
      const [row] = await keyRowsOf(school.id);
      const bytes = Buffer.from(row!.privateKeyCiphertext, "base64url");
      bytes[20]! ^= 0x01;
      await t.db
        .update(signingKeys)
        .set({ privateKeyCiphertext: bytes.toString("base64url") })
        .where(eq(signingKeys.id, row!.id));
      const damaged = await loadSigningKey(t.db, { organisationId: school.id });
      expect(damaged).toMatchObject({ ok: false, code: "key_unreadable" });
      expect(!damaged.ok && damaged.message).toMatch(/does not open/);

      // Another school's sealed key copied onto this row: the AAD (the row id) refuses it.
      const other = await accreditedSchool();
      const [otherRow] = await keyRowsOf(other.id);
      await t.db
        .update(signingKeys)
        .set({ privateKeyCiphertext: otherRow!.privateKeyCiphertext })
        .where(eq(signingKeys.id, row!.id));
      expect(await loadSigningKey(t.db, { organisationId: school.id })).toMatchObject({
        ok: false,
        code: "key_unreadable",
      });

      const keyless = await createOrganisation(t.db, { kind: "school", status: "accredited" });
      expect(await loadSigningKey(t.db, { organisationId: keyless.id })).toMatchObject({
        ok: false,
        code: "no_active_key",
      });
    });
  });

  describe("rotation", () => {
    it("leaves one active and one retired key, both published; the new key is the one loaded", async () => {
      const school = await accreditedSchool();
      const admin = await createMember(t.db, "school_admin", school);

      const rotated = await rotateSchoolKey(t.db, { organisationId: school.id, actor: { userId: admin.id, ip: IP } });
      if (!rotated.ok) throw new Error(rotated.code);
      expect(rotated.value.active.keyRef).toBe("key-2");
      expect(rotated.value.retired?.keyRef).toBe("key-1");

      const rows = await keyRowsOf(school.id);
      expect(rows.map((k) => [k.keyRef, k.status])).toEqual([
        ["key-1", "retired"],
        ["key-2", "active"],
      ]);
      expect(rows[0]!.retiredAt!.getTime()).toBe(rows[1]!.activatedAt.getTime());
      const loaded = await loadSigningKey(t.db, { organisationId: school.id });
      expect(loaded.ok && loaded.key.keyRef).toBe("key-2");

      const did = `did:web:${host()}:issuers:${school.code}`;
      const doc = await callRoute(
        issuerDidRoute.loader,
        routeArgs(publicGet(`/issuers/${school.code}/did.json`), { code: school.code }),
      );
      expect(doc.status).toBe(200);
      expect(doc.body.verificationMethod.map((m: { id: string }) => m.id)).toEqual([`${did}#key-1`, `${did}#key-2`]);
      expect(doc.body.assertionMethod).toEqual([`${did}#key-1`, `${did}#key-2`]);
      expect(doc.body.verificationMethod.map((m: { publicKeyMultibase: string }) => m.publicKeyMultibase)).toEqual(
        rows.map((r) => r.publicKeyMultibase),
      );

      const audit = await t.db
        .select({ action: auditLog.action })
        .from(auditLog)
        .where(eq(auditLog.organisationId, school.id))
        .orderBy(auditLog.id);
      expect(audit.map((a) => a.action).slice(-2)).toEqual(["signing-key.create", "signing-key.rotate"]);
    });

    it("is refused to a school that is not accredited", async () => {
      const school = await createOrganisation(t.db, { kind: "school", status: "suspended" });
      const admin = await createMember(t.db, "school_admin", school);
      expect(await rotateSchoolKey(t.db, { organisationId: school.id, actor: { userId: admin.id, ip: IP } })).toEqual({
        ok: false,
        code: "not_accredited",
      });
    });
  });

  describe("compromise", () => {
    it("lists exactly the diplomas the key signed at or after the date, publishes the date and activates a replacement", async () => {
      const school = await accreditedSchool();
      const otherSchool = await accreditedSchool();
      const admin = await createMember(t.db, "school_admin", school);
      const [key] = await keyRowsOf(school.id);
      const [otherKey] = await keyRowsOf(otherSchool.id);
      const from = new Date("2025-03-01T01:30:00Z");

      await insertSignedDiploma(school.id, key!.id, new Date(from.getTime() - 1000)); // before: still trusted
      const atTheInstant = await insertSignedDiploma(school.id, key!.id, from);
      const after = await insertSignedDiploma(school.id, key!.id, new Date("2025-04-15T03:00:00Z"));
      await insertSignedDiploma(otherSchool.id, otherKey!.id, new Date("2025-04-15T03:00:00Z")); // another school's key

      const actor = { userId: admin.id, ip: IP };
      const result = await markKeyCompromised(t.db, {
        organisationId: school.id,
        keyId: key!.id,
        compromisedFrom: from,
        reason: "Máy tính bị đánh cắp",
        actor,
      });
      if (!result.ok) throw new Error(result.code);
      expect(result.value.affected.total).toBe(2);
      expect(result.value.affected.diplomas.map((d) => d.id)).toEqual([atTheInstant, after]);
      expect(result.value.key).toMatchObject({
        keyRef: "key-1",
        status: "compromised",
        compromiseReason: "Máy tính bị đánh cắp",
      });
      expect(result.value.key.compromisedFrom!.toISOString()).toBe(from.toISOString());
      expect(result.value.replacement?.keyRef).toBe("key-2");
      expect((await keyRowsOf(school.id)).map((k) => [k.keyRef, k.status])).toEqual([
        ["key-1", "compromised"],
        ["key-2", "active"],
      ]);

      const [audit] = await t.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.organisationId, school.id), eq(auditLog.action, "signing-key.compromise")));
      expect(audit!.details).toMatchObject({
        keyRef: "key-1",
        affectedCount: 2,
        affectedDiplomaIds: [atTheInstant, after],
        replacementKeyRef: "key-2",
      });

      // Published: the DID document marks the key revoked from the date; the registry carries its whole life.
      const doc = await callRoute(
        issuerDidRoute.loader,
        routeArgs(publicGet(`/issuers/${school.code}/did.json`), { code: school.code }),
      );
      expect(doc.body.verificationMethod[0]).toMatchObject({
        id: expect.stringMatching(/#key-1$/),
        revoked: "2025-03-01T01:30:00Z",
      });
      expect(doc.body.verificationMethod[1].revoked).toBeUndefined();
      await ensureMinistryKey(t.db);
      const registry = await callRoute(trustRegistryRoute.loader, routeArgs(publicGet("/trust-registry.json")));
      const entry = registry.body.schools.find((s: { code: string }) => s.code === school.code);
      expect(entry.keys[0]).toMatchObject({
        status: "compromised",
        compromisedFrom: "2025-03-01T01:30:00Z",
        retiredAt: expect.any(String),
      });
      expect(entry.keys[1]).toMatchObject({ status: "active", retiredAt: null, compromisedFrom: null });

      // The page lists them too.
      const page = await callRoute(
        schoolKeys.loader,
        routeArgs((await asAdminOf(school)).get(`/school/${school.code}/keys?affected=key-1`), { code: school.code }),
      );
      expect(page.body.affected).toMatchObject({ keyRef: "key-1", total: 2 });

      expect(
        await markKeyCompromised(t.db, {
          organisationId: school.id,
          keyId: key!.id,
          compromisedFrom: from,
          reason: "lại",
          actor,
        }),
      ).toEqual({
        ok: false,
        code: "already_compromised",
      });
    });

    async function asAdminOf(school: Organisation) {
      return as("school_admin", school);
    }

    it("requires a reason and a date not in the future; only the school's own keys", async () => {
      const school = await accreditedSchool();
      const other = await accreditedSchool();
      const admin = await createMember(t.db, "school_admin", school);
      const actor = { userId: admin.id, ip: IP };
      const [key] = await keyRowsOf(school.id);
      const [otherKey] = await keyRowsOf(other.id);

      expect(
        await markKeyCompromised(t.db, {
          organisationId: school.id,
          keyId: key!.id,
          compromisedFrom: new Date(),
          reason: "  ",
          actor,
        }),
      ).toMatchObject({
        ok: false,
        code: "reason_required",
      });
      const tomorrow = new Date(Date.now() + 24 * 3600_000);
      expect(
        await markKeyCompromised(t.db, {
          organisationId: school.id,
          keyId: key!.id,
          compromisedFrom: tomorrow,
          reason: "x",
          actor,
        }),
      ).toMatchObject({
        ok: false,
        code: "compromised_from_in_future",
      });
      expect(
        await markKeyCompromised(t.db, {
          organisationId: school.id,
          keyId: otherKey!.id,
          compromisedFrom: new Date(),
          reason: "x",
          actor,
        }),
      ).toEqual({
        ok: false,
        code: "not_found",
      });
      expect((await keyRowsOf(other.id))[0]!.status).toBe("active");
      expect((await keyRowsOf(school.id))[0]!.status).toBe("active");
    });
  });

  describe("published identity", () => {
    it("serves a school's DID document with its keys as Multikey, cacheable and readable cross-origin", async () => {
      const school = await accreditedSchool();
      const [key] = await keyRowsOf(school.id);
      const did = `did:web:${host()}:issuers:${school.code}`;
      expect(did).toContain("%3A"); // PUBLIC_ORIGIN has a port in tests: did:web percent-encodes it

      const res = await callRoute(
        issuerDidRoute.loader,
        routeArgs(publicGet(`/issuers/${school.code}/did.json`), { code: school.code }),
      );
      expect(res.status).toBe(200);
      expect(res.headers.get("cache-control")).toBe("public, max-age=300");
      expect(res.headers.get("access-control-allow-origin")).toBe("*");
      expect(res.body).toEqual({
        "@context": ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"],
        id: did,
        verificationMethod: [
          { id: `${did}#key-1`, type: "Multikey", controller: did, publicKeyMultibase: key!.publicKeyMultibase },
        ],
        assertionMethod: [`${did}#key-1`],
      });
    });

    it("answers 404 JSON for an unknown, a non-accredited or a malformed school code", async () => {
      const pending = await createOrganisation(t.db, { kind: "school", status: "pending" });
      const school = await accreditedSchool();
      for (const code of ["NOSUCH", pending.code, school.code.toLowerCase(), "..%2F", "A".repeat(80)]) {
        const res = await callRoute(issuerDidRoute.loader, routeArgs(publicGet(`/issuers/${code}/did.json`), { code }));
        expect(res.status).toBe(404);
        expect(res.body).toEqual({ code: "not_found" });
        expect(res.headers.get("cache-control")).toBe("no-store");
      }
    });

    it("publishes a trust registry that verifies with the ministry key of /.well-known/did.json, and fails when altered", async () => {
      const a = await accreditedSchool();
      const b = await accreditedSchool();
      const pending = await createOrganisation(t.db, { kind: "school", status: "pending" });
      const admin = await createMember(t.db, "school_admin", a);
      await rotateSchoolKey(t.db, { organisationId: a.id, actor: { userId: admin.id, ip: IP } });

      expect((await callRoute(trustRegistryRoute.loader, routeArgs(publicGet("/trust-registry.json")))).status).toBe(
        503,
      ); // no ministry key yet
      expect((await callRoute(wellKnownDid.loader, routeArgs(publicGet("/.well-known/did.json")))).status).toBe(404);
      await ensureMinistryKey(t.db);

      const ministry = await callRoute(wellKnownDid.loader, routeArgs(publicGet("/.well-known/did.json")));
      expect(ministry.status).toBe(200);
      const ministryDid = `did:web:${host()}`;
      expect(ministry.body).toMatchObject({ id: ministryDid, assertionMethod: [`${ministryDid}#key-1`] });

      const res = await callRoute(trustRegistryRoute.loader, routeArgs(publicGet("/trust-registry.json")));
      expect(res.status).toBe(200);
      expect(res.headers.get("access-control-allow-origin")).toBe("*");
      const registry = res.body;
      expect(registry).toMatchObject({ issuer: ministryDid, id: `${origin()}/trust-registry.json` });
      expect(Date.parse(registry.validUntil) - Date.parse(registry.issued)).toBe(24 * 3600_000);
      expect(registry.schools.map((s: { code: string }) => s.code).sort()).toEqual([a.code, b.code].sort());
      expect(registry.schools.some((s: { code: string }) => s.code === pending.code)).toBe(false);
      const entryA = registry.schools.find((s: { code: string }) => s.code === a.code);
      expect(entryA).toMatchObject({
        did: `did:web:${host()}:issuers:${a.code}`,
        status: "accredited",
        province: { code: "01" },
      });
      expect(entryA.keys.map((k: { id: string; status: string }) => [k.id.split("#")[1], k.status])).toEqual([
        ["key-1", "retired"],
        ["key-2", "active"],
      ]);
      expect(entryA.keys[0].retiredAt).toBe(entryA.keys[1].activatedAt);
      expect(registry.proof).toMatchObject({
        type: "DataIntegrityProof",
        cryptosuite: "eddsa-jcs-2022",
        verificationMethod: `${ministryDid}#key-1`,
      });

      // A verifier: the ministry's public key from its DID document, nothing else.
      const keyFor = (vm: string) => {
        const method = ministry.body.verificationMethod.find((m: { id: string }) => m.id === vm);
        return method ? decodeEd25519PublicKey(method.publicKeyMultibase) : null;
      };
      expect(verifyJcsProof(registry, keyFor)).toMatchObject({ verified: true });

      const forged = structuredClone(registry);
      forged.schools[0].keys[0].publicKeyMultibase = encodeEd25519PublicKey(randomBytes(32));
      expect(verifyJcsProof(forged, keyFor)).toEqual({ verified: false, reason: "bad_signature" });
      const renamed = structuredClone(registry);
      renamed.schools[1].name = "Trường giả mạo";
      expect(verifyJcsProof(renamed, keyFor)).toEqual({ verified: false, reason: "bad_signature" });
      const extended = structuredClone(registry);
      extended.validUntil = "2099-01-01T00:00:00Z";
      expect(verifyJcsProof(extended, keyFor)).toEqual({ verified: false, reason: "bad_signature" });
    });

    it("answers 503 when the ministry key cannot be decrypted", async () => {
      await ensureMinistryKey(t.db);
      useKeyRing(keyRingFrom(randomBytes(32)));
      const res = await callRoute(trustRegistryRoute.loader, routeArgs(publicGet("/trust-registry.json")));
      expect(res).toMatchObject({ status: 503, body: { code: "registry_unavailable" } });
    });

    it("rate-limits a client that keeps asking, with Retry-After", async () => {
      const clientIp = "192.0.2.77";
      let last: Awaited<ReturnType<typeof callRoute>> | undefined;
      for (let i = 0; i < 70 && last?.status !== 429; i++) {
        last = await callRoute(
          issuerDidRoute.loader,
          routeArgs(publicGet("/issuers/NOSUCH/did.json"), { code: "NOSUCH" }, clientIp),
        );
      }
      expect(last!.status).toBe(429);
      expect(last!.body).toEqual({ code: "rate_limited" });
      expect(Number(last!.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
      // Another client is not affected.
      expect(
        (
          await callRoute(
            issuerDidRoute.loader,
            routeArgs(publicGet("/issuers/NOSUCH/did.json"), { code: "NOSUCH" }, "192.0.2.78"),
          )
        ).status,
      ).toBe(404);
    });
  });

  describe("/school/$code/keys", () => {
    it("lets a school administrator see, rotate and report; refuses another school's administrator and a registrar (403)", async () => {
      const schoolA = await accreditedSchool();
      const schoolB = await accreditedSchool();
      const adminA = await as("school_admin", schoolA);
      const registrarA = await as("school_registrar", schoolA);
      const pathA = `/school/${schoolA.code}/keys`;
      const pathB = `/school/${schoolB.code}/keys`;

      const page = await callRoute(schoolKeys.loader, routeArgs(adminA.get(pathA), { code: schoolA.code }));
      expect(page.status).toBe(200);
      expect(page.body.keys).toMatchObject([{ keyRef: "key-1", status: "active", signedCount: 0 }]);
      expect(page.body.school.did).toBe(`did:web:${host()}:issuers:${schoolA.code}`);

      expect(
        (
          await callRoute(
            schoolKeys.action,
            routeArgs(adminA.post(pathB, { intent: "rotate", confirm: "yes" }), { code: schoolB.code }),
          )
        ).status,
      ).toBe(403);
      expect((await callRoute(schoolKeys.loader, routeArgs(adminA.get(pathB), { code: schoolB.code }))).status).toBe(
        403,
      );
      expect(
        (
          await callRoute(
            schoolKeys.action,
            routeArgs(registrarA.post(pathA, { intent: "rotate", confirm: "yes" }), { code: schoolA.code }),
          )
        ).status,
      ).toBe(403);
      expect(
        (await callRoute(schoolKeys.loader, routeArgs(registrarA.get(pathA), { code: schoolA.code }))).status,
      ).toBe(403);
      expect((await keyRowsOf(schoolA.id)).map((k) => k.status)).toEqual(["active"]);
      expect((await keyRowsOf(schoolB.id)).map((k) => k.status)).toEqual(["active"]);

      const unconfirmed = await callRoute(
        schoolKeys.action,
        routeArgs(adminA.post(pathA, { intent: "rotate" }), { code: schoolA.code }),
      );
      expect(unconfirmed).toMatchObject({
        status: 400,
        body: { intent: "rotate", ok: false, fieldErrors: { confirm: "keys.error.confirm_required" } },
      });
      const rotated = await callRoute(
        schoolKeys.action,
        routeArgs(adminA.post(pathA, { intent: "rotate", confirm: "yes" }), { code: schoolA.code }),
      );
      expect(rotated).toMatchObject({
        status: 200,
        body: { intent: "rotate", ok: true, activeKeyRef: "key-2", retiredKeyRef: "key-1" },
      });

      // Reporting another school's key through one's own school finds nothing.
      const [keyB] = await keyRowsOf(schoolB.id);
      const foreign = await callRoute(
        schoolKeys.action,
        routeArgs(
          adminA.post(pathA, {
            intent: "compromise",
            keyId: keyB!.id,
            compromisedFrom: "2025-01-01T00:00",
            reason: "thử",
          }),
          { code: schoolA.code },
        ),
      );
      expect(foreign).toMatchObject({ status: 404, body: { ok: false, formError: "keys.error.not_found" } });
      expect((await keyRowsOf(schoolB.id))[0]!.status).toBe("active");
    });

    it("gives bad compromise input back with a message key per field and what was typed", async () => {
      const school = await accreditedSchool();
      const admin = await as("school_admin", school);
      const [key] = await keyRowsOf(school.id);
      const path = `/school/${school.code}/keys`;

      const bad = await callRoute(
        schoolKeys.action,
        routeArgs(
          admin.post(path, { intent: "compromise", keyId: key!.id, compromisedFrom: "2025-02-30T08:00", reason: "" }),
          { code: school.code },
        ),
      );
      expect(bad.status).toBe(400);
      expect(bad.body).toMatchObject({
        values: { compromisedFrom: "2025-02-30T08:00" },
        fieldErrors: { compromisedFrom: "keys.error.compromised_from", reason: "keys.error.reason_required" },
      });

      const done = await callRoute(
        schoolKeys.action,
        routeArgs(
          admin.post(path, {
            intent: "compromise",
            keyId: key!.id,
            compromisedFrom: "2025-03-01T08:30",
            reason: "Lộ mật khẩu",
          }),
          { code: school.code },
        ),
      );
      expect(done.status).toBe(200);
      // Vietnam time: 08:30 +07:00.
      expect(done.body).toMatchObject({
        ok: true,
        keyRef: "key-1",
        replacementKeyRef: "key-2",
        affected: { total: 0, compromisedFrom: "2025-03-01T01:30:00.000Z" },
      });
    });
  });
});
