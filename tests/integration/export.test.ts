/**
 * `npm run export`: the files it writes, the manifest's hashes, and an independent verifier that trusts nothing but
 * the exported files and the bundled JSON-LD contexts: the ministry's DID document and signed trust registry, the
 * schools' DID documents, the credentials and the signed status lists.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { PNG } from "pngjs";
import jsQR from "jsqr";
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { diplomas, type Organisation } from "~db/schema";
import { readFileSync } from "node:fs";
import { createJcsProof, verifyJcsProof } from "~/modules/credentials/eddsa-jcs-2022";
import { verifyProof } from "~/modules/credentials/eddsa-rdfc-2022";
import { changeDiplomaStatus } from "~/modules/diplomas/change-diploma-status.server";
import { signBatch } from "~/modules/diplomas/sign-batch.server";
import { sha256 } from "~/modules/issuance-log/append-log-entry.server";
import { checkChain } from "~/modules/issuance-log/hash-chain";
import { ensureMinistryKey } from "~/modules/keys/ensure-ministry-key.server";
import { ensureSchoolKey } from "~/modules/keys/ensure-school-key.server";
import { exportPublicData, type ExportManifest } from "~/modules/publication/export-public-data.server";
import { getPinnedMinistryKeys } from "~/modules/verification/get-pinned-ministry-keys.server";
import { diplomaContext, isStandardContext } from "~/modules/publication/diploma-context";
import { generatePrivateKey, publicKeyOf } from "~/modules/signing/ed25519";
import { decodeEd25519PublicKey, encodeEd25519PublicKey } from "~/modules/signing/multikey";
import { decodeStatusList, getBit } from "~/modules/status/bitstring";
import { createSubmittedBatch } from "../support/diplomas";
import { createOrganisation } from "../support/factories";
import { createMember } from "../support/members";
import { testDatabaseKind, withTestDatabase } from "../support/test-database";

const ORIGIN = "https://vanbang.example.vn";

async function filesUnder(dir: string, prefix = ""): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await filesUnder(path.join(dir, entry.name), relative)));
    else out.push(relative);
  }
  return out.sort();
}

describe(`export (${testDatabaseKind()})`, () => {
  const t = withTestDatabase({ per: "file" });
  let outDir: string;
  let manifest: ExportManifest;
  let schoolA: Organisation;
  let issued: string[];
  let revokedId: string;
  let supersededId: string;
  let correctionId: string;
  let draftId: string;

  async function sign(school: Organisation, count: number, supersedes?: string[]) {
    const registrar = await createMember(t.db, "school_registrar", school);
    const principal = await createMember(t.db, "school_principal", school);
    const { batch } = await createSubmittedBatch(t.db, {
      organisationId: school.id,
      createdBy: registrar.id,
      count,
      supersedes,
    });
    const result = await signBatch(t.db, {
      organisationId: school.id,
      batchId: batch.id,
      signer: { userId: principal.id, name: "Phạm Thu Hằng", title: "Hiệu trưởng" },
      issuePlace: "Đà Nẵng",
      issueDate: "2026-06-20",
      publicOrigin: ORIGIN,
      actor: { userId: principal.id, ip: null },
    });
    expect(result.ok).toBe(true);
    const rows = await t.db
      .select({ id: diplomas.id })
      .from(diplomas)
      .where(eq(diplomas.batchId, batch.id))
      .orderBy(asc(diplomas.registerNumber));
    return { ids: rows.map((r) => r.id), principal };
  }

  beforeAll(async () => {
    await ensureMinistryKey(t.db);
    schoolA = await createOrganisation(t.db, { kind: "school", code: "CDEXPA" });
    const schoolB = await createOrganisation(t.db, { kind: "school", code: "CDEXPB" });
    for (const s of [schoolA, schoolB])
      await ensureSchoolKey(t.db, { organisationId: s.id, actor: { userId: null, ip: null } });
    const a = await sign(schoolA, 4);
    issued = a.ids;
    revokedId = issued[0]!;
    supersededId = issued[2]!;
    await changeDiplomaStatus(t.db, {
      organisationId: schoolA.id,
      diplomaId: revokedId,
      change: "revoke",
      reason: "Sai sót hồ sơ",
      actor: { userId: a.principal.id, ip: null },
    });
    correctionId = (await sign(schoolA, 1, [supersededId])).ids[0]!;
    await sign(schoolB, 2);
    const registrar = await createMember(t.db, "school_registrar", schoolA);
    draftId = (await createSubmittedBatch(t.db, { organisationId: schoolA.id, createdBy: registrar.id, count: 1 }))
      .diplomaIds[0]!;
    // A school that is no longer accredited: its diplomas' credentials are exported, its DID document is not.
    await createOrganisation(t.db, { kind: "school", code: "CDEXPS", status: "suspended" });

    outDir = await mkdtemp(path.join(tmpdir(), "vanbang-export-"));
    const result = await exportPublicData(t.db, { outDir, origin: ORIGIN, now: new Date("2026-06-21T03:00:00Z") });
    if (!result.ok) throw new Error(`export failed: ${result.code}`);
    manifest = result.value;
  });

  afterAll(async () => {
    if (outDir) await rm(outDir, { recursive: true, force: true });
  });

  const read = (relative: string) => readFile(path.join(outDir, ...relative.split("/")));
  const readJson = async (relative: string) => JSON.parse((await read(relative)).toString("utf8"));

  it("writes every signed credential and its QR image, each school's files, the registry and a manifest", async () => {
    const files = await filesUnder(outDir);
    const signedIds = [...issued, correctionId];
    for (const id of signedIds) {
      expect(files).toContain(`credentials/${id}.json`);
      expect(files).toContain(`credentials/${id}.qr.png`);
    }
    expect(files.some((f) => f.includes(draftId))).toBe(false);
    for (const code of ["CDEXPA", "CDEXPB"]) {
      for (const name of [
        "did.json",
        "log.json",
        "register.csv",
        "status/revocation-1.json",
        "status/suspension-1.json",
      ]) {
        expect(files).toContain(`issuers/${code}/${name}`);
      }
    }
    expect(files.some((f) => f.startsWith("issuers/CDEXPS/"))).toBe(false);
    expect(files).toEqual(expect.arrayContaining([".well-known/did.json", "trust-registry.json", "manifest.json"]));
    expect(manifest).toMatchObject({
      generatedAt: "2026-06-21T03:00:00.000Z",
      origin: ORIGIN,
      counts: { credentials: 7, qrImages: 7, issuers: 2, statusLists: 4, registerLines: 7, contexts: 1 },
    });

    const png = PNG.sync.read(await read(`credentials/${issued[1]}.qr.png`));
    const [row] = await t.db
      .select({ qrPayload: diplomas.qrPayload })
      .from(diplomas)
      .where(eq(diplomas.id, issued[1]!));
    expect(jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data).toBe(row!.qrPayload);
  });

  it("lists every other file in the manifest with its size and SHA-256", async () => {
    const onDisk = (await filesUnder(outDir)).filter((f) => f !== "manifest.json");
    expect(manifest.files.map((f) => f.path)).toEqual(onDisk);
    for (const file of manifest.files) {
      const bytes = await read(file.path);
      expect(bytes.length, file.path).toBe(file.bytes);
      expect(createHash("sha256").update(bytes).digest("hex"), file.path).toBe(file.sha256);
    }
    expect(await readJson("manifest.json")).toEqual(manifest);
  });

  it("writes our JSON-LD context (and no W3C or 1EdTech one) at its URL's path, with the SHA-256 the documents publish", async () => {
    const files = await filesUnder(outDir);
    expect(files.filter((f) => f.startsWith("contexts/"))).toEqual(["contexts/diploma/v1"]);
    expect(files.some((f) => /w3\.org|w3id|imsglobal|credentials\/v2|context-3/.test(f))).toBe(false);
    const entry = manifest.files.find((f) => f.path === "contexts/diploma/v1");
    // The hash docs/credential-format.md tells verifiers to pin, and the bytes /contexts/diploma/v1 serves.
    const documented = /```text\n([0-9a-f]{64})\n```/.exec(
      readFileSync(path.resolve("docs/credential-format.md"), "utf8"),
    )![1];
    expect(entry?.sha256).toBe(documented);
    expect((await read("contexts/diploma/v1")).toString("utf8")).toBe(diplomaContext().body);
    const credential = await readJson(`credentials/${issued[1]}.json`);
    expect(credential["@context"]).toContain("https://vanbang.gov.vn/contexts/diploma/v1");
  });

  it("writes the register CSV with its remarks, and the log as a chain that checks", async () => {
    const csv = (await read("issuers/CDEXPA/register.csv")).toString("utf8");
    expect(csv.startsWith("\uFEFFSTT,")).toBe(true);
    const lines = csv.split("\r\n").filter(Boolean);
    expect(lines).toHaveLength(1 + 5);
    expect(lines[1]).toMatch(/Thu hồi ngày .*: Sai sót hồ sơ/);
    expect(lines[3]).toMatch(/Được thay thế bởi văn bằng số hiệu CDEXPA-000005/);
    expect(lines[5]).toMatch(/Cấp thay thế văn bằng số hiệu CDEXPA-000003/);
    const log = await readJson("issuers/CDEXPA/log.json");
    expect(log.entries.map((e: { kind: string }) => e.kind)).toEqual(["batch", "revoke", "batch"]);
    expect(
      checkChain(
        log.entries.map((e: object) => ({ ...e, schoolCode: "CDEXPA" })),
        sha256,
      ),
    ).toEqual([]);
  });

  /**
   * An independent verifier: it reads only the exported files (and knows the bundled contexts), resolves did:web
   * identifiers to files the way did:web maps them to URLs, trusts the ministry's DID document it was given, and
   * accepts a diploma only if the registry lists its school and key, the proof verifies and no status bit is set.
   */
  async function verifyExported(
    id: string,
    pinnedMinistryKeys?: string[],
  ): Promise<"valid" | "revoked" | "suspended" | "untrusted" | "invalid"> {
    const host = new URL(ORIGIN).host;
    const ministry = await readJson(".well-known/did.json");
    const registry = await readJson("trust-registry.json");
    // Pinned (docs/publication.md): the registry's key must be one the verifier got out of band, whatever the
    // copy's own did.json says.
    const ministryKey = (vm: string) => {
      const m = ministry.verificationMethod.find((v: { id: string }) => v.id === vm);
      if (!m || ministry.id !== `did:web:${host}`) return null;
      if (pinnedMinistryKeys && !pinnedMinistryKeys.includes(m.publicKeyMultibase)) return null;
      return decodeEd25519PublicKey(m.publicKeyMultibase);
    };
    if (!verifyJcsProof(registry, ministryKey).verified) return "untrusted";

    const credential = await readJson(`credentials/${id}.json`);
    const issuer: string = credential.issuer.id;
    const school = registry.schools.find((s: { did: string }) => s.did === issuer);
    if (!school) return "untrusted";
    const didPath = `${issuer.replace(`did:web:${host}:`, "").split(":").join("/")}/did.json`;
    const didDocument = await readJson(didPath);
    const schoolKey = (vm: string) => {
      const method = didDocument.verificationMethod.find((m: { id: string }) => m.id === vm);
      const listed = school.keys.some((k: { id: string }) => k.id === vm);
      return method && listed && didDocument.id === issuer && didDocument.assertionMethod.includes(vm)
        ? decodeEd25519PublicKey(method.publicKeyMultibase)
        : null;
    };
    if (!(await verifyProof(credential, schoolKey)).verified) return "invalid";

    for (const status of credential.credentialStatus) {
      const listPath = `${status.statusListCredential.replace(`${ORIGIN}/`, "")}.json`;
      const list = await readJson(listPath);
      if (list.id !== status.statusListCredential || !(await verifyProof(list, schoolKey)).verified) return "invalid";
      const bits = decodeStatusList(list.credentialSubject.encodedList, (b) => new Uint8Array(gunzipSync(b)));
      if (!bits) return "invalid";
      if (getBit(bits, Number(status.statusListIndex)))
        return status.statusPurpose === "revocation" ? "revoked" : "suspended";
    }
    return "valid";
  }

  it("lets an independent verifier check the exported credentials with the exported files alone", async () => {
    expect(await verifyExported(issued[1]!)).toBe("valid");
    expect(await verifyExported(issued[3]!)).toBe("valid");
    expect(await verifyExported(correctionId)).toBe("valid");
    expect(await verifyExported(revokedId)).toBe("revoked");
    // A corrected diploma no longer stands: its revocation bit is set.
    expect(await verifyExported(supersededId)).toBe("revoked");
  });

  it("a verifier that pins the ministry's key refuses a copy whose did.json and registry were replaced, even consistently", async () => {
    const pinned = (await getPinnedMinistryKeys(t.db, { origin: ORIGIN })).map((k) => k.publicKeyMultibase);
    expect(pinned.length).toBeGreaterThan(0);
    expect(await verifyExported(issued[1]!, pinned)).toBe("valid");

    // A forger rewrites the copy: their own ministry key in .well-known/did.json, and a registry signed with it.
    const { writeFile } = await import("node:fs/promises");
    const ministryFile = path.join(outDir, ".well-known", "did.json");
    const registryFile = path.join(outDir, "trust-registry.json");
    const [ministryText, registryText] = await Promise.all([
      readFile(ministryFile, "utf8"),
      readFile(registryFile, "utf8"),
    ]);
    try {
      const forgedKey = generatePrivateKey();
      const ministry = JSON.parse(ministryText);
      const vm = ministry.verificationMethod[0].id as string;
      ministry.verificationMethod = [
        { ...ministry.verificationMethod[0], publicKeyMultibase: encodeEd25519PublicKey(publicKeyOf(forgedKey)) },
      ];
      const { proof: _, ...registry } = JSON.parse(registryText);
      await writeFile(ministryFile, JSON.stringify(ministry));
      await writeFile(
        registryFile,
        JSON.stringify(
          createJcsProof(registry, { verificationMethod: vm, privateKey: forgedKey, created: registry.issued }),
        ),
      );
      expect(await verifyExported(issued[1]!), "trusting the copy's own did.json").toBe("valid");
      expect(await verifyExported(issued[1]!, pinned), "pinning the ministry's key").toBe("untrusted");
    } finally {
      await Promise.all([writeFile(ministryFile, ministryText), writeFile(registryFile, registryText)]);
    }
  });

  it("a changed exported credential no longer verifies", async () => {
    const { writeFile } = await import("node:fs/promises");
    const file = path.join(outDir, "credentials", `${issued[3]}.json`);
    const credential = JSON.parse(await readFile(file, "utf8"));
    credential.credentialSubject.achievement.name = "Ngành khác";
    await writeFile(file, JSON.stringify(credential));
    expect(await verifyExported(issued[3]!)).toBe("invalid");
  });

  it("the script refuses bad arguments with its usage and exit code 2", () => {
    const run = (...args: string[]) =>
      spawnSync(process.execPath, ["--import", "tsx", "scripts/export.ts", ...args], {
        encoding: "utf8",
        timeout: 60_000,
        env: { ...process.env, LOG_LEVEL: "silent" },
      });
    for (const args of [[], ["--out"], ["--out", "x", "--bogus"], ["--out", "x", "--origin", "ftp://x"]]) {
      const result = run(...args);
      expect(result.status, args.join(" ")).toBe(2);
      expect(result.stderr).toContain("usage: npm run export -- --out DIR");
    }
  });

  it("verifies with an independent implementation (Digital Bazaar's jsonld-signatures and eddsa-rdfc-2022 suite)", async () => {
    const { default: jsigs } = await import("jsonld-signatures");
    const { DataIntegrityProof } = await import("@digitalbazaar/data-integrity");
    const { cryptosuite } = await import("@digitalbazaar/eddsa-rdfc-2022-cryptosuite");
    const { BUNDLED_CONTEXTS } = await import("~/modules/credentials/document-loader");
    const didDocument = await readJson("issuers/CDEXPA/did.json");
    // The verifier's own loader: the W3C and 1EdTech contexts it holds anyway; our context from the export, checked
    // against the manifest's SHA-256; the school's DID document as exported. Nothing else.
    const ours = manifest.files.find((f) => f.path === "contexts/diploma/v1")!;
    const oursBytes = await read(ours.path);
    expect(createHash("sha256").update(oursBytes).digest("hex")).toBe(ours.sha256);
    const exportedContexts = new Map([
      ["https://vanbang.gov.vn/contexts/diploma/v1", JSON.parse(oursBytes.toString("utf8"))],
    ]);
    const documentLoader = async (url: string) => {
      const context = exportedContexts.get(url) ?? (isStandardContext(url) ? BUNDLED_CONTEXTS.get(url) : undefined);
      if (context) return { contextUrl: null, documentUrl: url, document: context };
      const [did] = url.split("#");
      if (did === didDocument.id) {
        if (!url.includes("#")) return { contextUrl: null, documentUrl: url, document: didDocument };
        const method = didDocument.verificationMethod.find((m: { id: string }) => m.id === url);
        if (method)
          return {
            contextUrl: null,
            documentUrl: url,
            document: { "@context": "https://w3id.org/security/multikey/v1", ...method },
          };
      }
      throw new Error(`the independent verifier does not fetch ${url}`);
    };
    const suite = new DataIntegrityProof({ cryptosuite });
    const verify = (document: unknown) =>
      jsigs.verify(document, { suite, purpose: new jsigs.purposes.AssertionProofPurpose(), documentLoader });

    const credential = await readJson(`credentials/${issued[1]}.json`);
    const genuine = await verify(credential);
    expect(genuine.error ?? null).toBeNull();
    expect(genuine.verified).toBe(true);

    const tampered = structuredClone(credential);
    tampered.credentialSubject.name = "Nguyễn Văn Giả";
    expect((await verify(tampered)).verified).toBe(false);
  });
});
