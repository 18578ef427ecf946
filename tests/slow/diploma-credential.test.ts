/**
 * The diploma credential: every term maps under safe mode, the fast canonical N-Quads equal the generic pipeline's
 * byte for byte on generated diplomas (Vietnamese names, quotes, backslashes, control characters, emoji, long text,
 * optional fields absent), and what the fast path signs verifies with the generic verifier.
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { signFast, signGeneric } from "~/modules/credentials/benchmark-signing";
import {
  canonicalDiplomaNQuads,
  canonicalProofConfigNQuads,
  escapeNQuadsLiteral,
  signDiplomaCredential,
} from "~/modules/credentials/diploma-canonical";
import {
  buildDiplomaCredential,
  InvalidDiplomaInputError,
  type DiplomaCredentialInput,
} from "~/modules/credentials/diploma-credential";
import {
  canonicalizeJsonLd,
  createProof,
  proofConfigFor,
  verifyProof,
  type ProofOptions,
} from "~/modules/credentials/eddsa-rdfc-2022";
import { nodeSigner } from "~/modules/credentials/node-signer.server";
import { nobleSigner } from "~/modules/credentials/signer";
import { verifyCredential } from "~/modules/credentials/verify-credential";
import { CLASSIFICATIONS, GENDERS, MODES_OF_STUDY } from "~db/schema/diplomas";
import { generatePrivateKey, publicKeyOf } from "~/modules/signing/ed25519";
import { decodeEd25519PrivateKey, decodeEd25519PublicKey } from "~/modules/signing/multikey";

const privateKey = generatePrivateKey();
const publicKey = publicKeyOf(privateKey);
const ISSUER = "did:web:vanbang.gov.vn:issuers:CDCNHN";
const VERIFICATION_METHOD = `${ISSUER}#key-1`;
const CREATED = "2025-07-01T08:30:00Z";
const resolveKey = (verificationMethod: string) => (verificationMethod === VERIFICATION_METHOD ? publicKey : null);

const sampleDiploma: DiplomaCredentialInput = {
  id: "urn:uuid:7f0c1d52-8c1e-4f0b-9d55-3e2a1b4c5d6e",
  // The URLs a signed diploma carries (sign-batch.server.ts), with the portal at https://vanbang.gov.vn.
  issuer: { id: ISSUER, name: "Trường Cao đẳng Công nghệ Hà Nội", url: "https://vanbang.gov.vn/issuers/CDCNHN" },
  title: "Bằng tốt nghiệp cao đẳng",
  issueDate: "2025-07-01",
  graduate: {
    id: "urn:uuid:0b6e3f4a-2d1c-4e5f-8a9b-1c2d3e4f5a6b",
    fullName: "Nguyễn Thị Ánh Tuyết",
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
    fieldOfStudy: "Máy tính và công nghệ thông tin",
  },
  award: {
    modeOfStudy: "chinh_quy",
    classification: "kha",
    honorificTitle: "Kỹ sư thực hành",
    graduationDate: "2025-06-20",
    graduationDecisionNumber: "245/QĐ-CĐCN",
  },
  register: {
    serialNumber: "CĐ-2025-000123",
    registerNumber: 57,
    registerYear: 2025,
    issuePlace: "Hà Nội",
    signerName: "Trần Văn Bình",
    signerTitle: "Hiệu trưởng",
  },
  status: {
    revocation: {
      statusListCredential: "https://vanbang.gov.vn/issuers/CDCNHN/status/revocation-1",
      statusListIndex: 93211,
    },
    suspension: {
      statusListCredential: "https://vanbang.gov.vn/issuers/CDCNHN/status/suspension-1",
      statusListIndex: 4107,
    },
  },
};

// ---- Generated diplomas -------------------------------------------------------------------------------------

const FAMILY = [
  "Nguyễn",
  "Trần",
  "Lê",
  "Phạm",
  "Hoàng",
  "Huỳnh",
  "Phan",
  "Vũ",
  "Võ",
  "Đặng",
  "Bùi",
  "Đỗ",
  "Hồ",
  "Ngô",
  "Dương",
  "Lý",
];
const MIDDLE = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Ngọc", "Thanh", "Quốc", "Thị Ánh"];
const GIVEN = [
  "An",
  "Bình",
  "Cường",
  "Dũng",
  "Hương",
  "Khoa",
  "Lan",
  "Mỹ",
  "Nguyệt",
  "Phương",
  "Quỳnh",
  "Sơn",
  "Thảo",
  "Uyên",
  "Việt",
  "Yến",
  "Đạt",
  "Ưng",
];
const TRICKY_UNITS = [
  '"',
  "\\",
  "\n",
  "\r",
  "\t",
  "\b",
  "\f",
  "\u0000",
  "\u0001",
  "\u000B",
  "\u001F",
  "\u007F",
  "\u2028",
  "\u00A0",
  "'",
  "<",
  ">",
  "&",
  "ạ",
  "Ữ",
  "đ",
  "😀",
  "👨‍👩‍👧",
  "🇻🇳",
  "a",
  " ",
  "#",
  "^^",
  "@vi",
  "_:b0",
  " .",
];

const vietnameseName = fc
  .tuple(fc.constantFrom(...FAMILY), fc.constantFrom(...MIDDLE), fc.constantFrom(...GIVEN), fc.boolean())
  // Some are typed decomposed (NFD): the credential must carry them composed.
  .map(([family, middle, given, decomposed]) => {
    const name = `${family} ${middle} ${given}`;
    return decomposed ? name.normalize("NFD") : name;
  });
const trickyText = fc.string({ unit: fc.constantFrom(...TRICKY_UNITS), minLength: 1, maxLength: 40 });
const anyText = fc.oneof(
  { weight: 4, arbitrary: vietnameseName },
  { weight: 3, arbitrary: trickyText },
  { weight: 2, arbitrary: fc.tuple(vietnameseName, trickyText).map(([a, b]) => `${a}${b}`) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", minLength: 1, maxLength: 60 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", minLength: 1000, maxLength: 4000 }) },
);
const text = anyText.filter((value) => value.normalize("NFC").trim() !== "");
const optionalText = fc.option(text, { nil: undefined, freq: 3 });
const urnUuid = fc.uuid().map((uuid) => `urn:uuid:${uuid}`);
const isoDate = fc
  .date({ min: new Date("1950-01-01T00:00:00Z"), max: new Date("2040-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const schoolCode = fc.stringMatching(/^[A-Z][A-Z0-9]{2,9}$/);
const programmeCode = fc.stringMatching(/^([56]\d{6}|\d{8})$/);

const diplomaInput: fc.Arbitrary<DiplomaCredentialInput> = fc
  .record({
    // Distinct even while fast-check shrinks a failure: a shared id would be refused, hiding the real failure.
    ids: fc.uniqueArray(urnUuid, { minLength: 3, maxLength: 3 }),
    school: schoolCode,
    schoolName: text,
    title: text,
    issueDate: isoDate,
    fullName: text,
    dateOfBirth: isoDate,
    placeOfBirth: text,
    gender: fc.constantFrom(...GENDERS),
    ethnicity: text,
    programmeCode,
    programmeName: text,
    trainingLevel: text,
    fieldOfStudy: fc.option(text, { nil: null, freq: 3 }),
    modeOfStudy: fc.constantFrom(...MODES_OF_STUDY),
    classification: fc.constantFrom(...CLASSIFICATIONS),
    honorificTitle: optionalText,
    graduationDate: isoDate,
    graduationDecisionNumber: text,
    serialNumber: text,
    registerNumber: fc.integer({ min: 1, max: 2_000_000_000 }),
    registerYear: fc.integer({ min: 1990, max: 2100 }),
    issuePlace: text,
    signerName: text,
    signerTitle: text,
    revocationIndex: fc.integer({ min: 0, max: 131_071 }),
    suspensionIndex: fc.integer({ min: 0, max: 131_071 }),
    supersedesAnother: fc.boolean(),
  })
  .map((r) => ({
    id: r.ids[0]!,
    issuer: {
      id: `did:web:vanbang.gov.vn:issuers:${r.school}`,
      name: r.schoolName,
      url: `https://${r.school.toLowerCase()}.edu.vn/`,
    },
    title: r.title,
    issueDate: r.issueDate,
    graduate: {
      id: r.ids[1]!,
      fullName: r.fullName,
      dateOfBirth: r.dateOfBirth,
      placeOfBirth: r.placeOfBirth,
      gender: r.gender,
      ethnicity: r.ethnicity,
    },
    achievement: {
      id: `https://vanbang.gov.vn/issuers/${r.school}/programmes/${r.programmeCode}`,
      programmeCode: r.programmeCode,
      programmeName: r.programmeName,
      trainingLevel: r.trainingLevel,
      fieldOfStudy: r.fieldOfStudy,
    },
    award: {
      modeOfStudy: r.modeOfStudy,
      classification: r.classification,
      honorificTitle: r.honorificTitle,
      graduationDate: r.graduationDate,
      graduationDecisionNumber: r.graduationDecisionNumber,
    },
    register: {
      serialNumber: r.serialNumber,
      registerNumber: r.registerNumber,
      registerYear: r.registerYear,
      issuePlace: r.issuePlace,
      signerName: r.signerName,
      signerTitle: r.signerTitle,
    },
    status: {
      revocation: {
        statusListCredential: `https://vanbang.gov.vn/issuers/${r.school}/status/revocation-1`,
        statusListIndex: r.revocationIndex,
      },
      suspension: {
        statusListCredential: `https://vanbang.gov.vn/issuers/${r.school}/status/suspension-1`,
        statusListIndex: r.suspensionIndex,
      },
    },
    ...(r.supersedesAnother ? { supersedes: r.ids[2]! } : {}),
  }));

const DIFFERENTIAL_RUNS = 250;

describe("diploma credential", () => {
  it("is an OpenBadgeCredential whose every term maps (safe mode), without the personal ID number", async () => {
    const withPersonalId = {
      ...sampleDiploma,
      graduate: { ...sampleDiploma.graduate, personalId: "001203004567" },
    } as DiplomaCredentialInput;
    const credential = buildDiplomaCredential(withPersonalId);
    expect(credential["@context"]).toEqual([
      "https://www.w3.org/ns/credentials/v2",
      "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
      "https://vanbang.gov.vn/contexts/diploma/v1",
    ]);
    expect(credential.type).toEqual(["VerifiableCredential", "OpenBadgeCredential"]);
    expect(credential.credentialSubject.type).toEqual(["AchievementSubject"]);
    expect(credential.credentialSubject.achievement.achievementType).toBe("Diploma");
    expect(credential.credentialStatus.map((entry) => [entry.statusPurpose, entry.id, entry.statusListIndex])).toEqual([
      ["revocation", "https://vanbang.gov.vn/issuers/CDCNHN/status/revocation-1#93211", "93211"],
      ["suspension", "https://vanbang.gov.vn/issuers/CDCNHN/status/suspension-1#4107", "4107"],
    ]);
    expect(JSON.stringify(credential)).not.toContain("001203004567");
    expect(JSON.stringify(credential)).not.toMatch(/personalId/i);
    // Safe mode throws on any property or type that no context defines: this canonicalises only if all map.
    const nquads = await canonicalizeJsonLd(credential);
    // 34 statements always, honorificTitle and fieldOfStudy, 5 per status entry.
    expect(nquads.split("\n").filter(Boolean)).toHaveLength(46);
    // The only blank node is the criteria.
    expect(new Set(nquads.match(/_:\w+/g))).toEqual(new Set(["_:c14n0"]));
  });

  it.each([
    ["on the credential", (c: Record<string, unknown>) => ({ ...c, fullName: "x" })],
    [
      "on the subject",
      (c: Record<string, unknown>) => ({
        ...c,
        credentialSubject: { ...(c.credentialSubject as object), personalId: "001203004567" },
      }),
    ],
    [
      "a type",
      (c: Record<string, unknown>) => ({
        ...c,
        type: ["VerifiableCredential", "OpenBadgeCredential", "VietnameseDiploma"],
      }),
    ],
  ])("safe mode refuses a property no context defines (%s)", async (_where, change) => {
    const credential = change(buildDiplomaCredential(sampleDiploma) as unknown as Record<string, unknown>);
    await expect(canonicalizeJsonLd(credential)).rejects.toThrow(/[Ss]afe mode/);
  });

  it("stores Vietnamese text composed (NFC) and keeps optional fields out when absent", () => {
    const decomposed = {
      ...sampleDiploma,
      graduate: { ...sampleDiploma.graduate, fullName: "Nguyễn Thị Ánh Tuyết".normalize("NFD") },
    };
    expect(buildDiplomaCredential(decomposed).credentialSubject.name).toBe("Nguyễn Thị Ánh Tuyết".normalize("NFC"));
    const minimal = buildDiplomaCredential({
      ...sampleDiploma,
      award: { ...sampleDiploma.award, honorificTitle: null },
      achievement: { ...sampleDiploma.achievement, fieldOfStudy: undefined },
    });
    expect(minimal.credentialSubject).not.toHaveProperty("honorificTitle");
    expect(minimal.credentialSubject.achievement).not.toHaveProperty("fieldOfStudy");
    expect(minimal).not.toHaveProperty("supersedes");
  });

  it.each([
    ["a credential id that is not urn:uuid", { ...sampleDiploma, id: "https://example.com/1" }],
    ["an issuer that is not did:web", { ...sampleDiploma, issuer: { ...sampleDiploma.issuer, id: "did:key:z6Mk" } }],
    ["an impossible date", { ...sampleDiploma, issueDate: "2025-02-30" }],
    ["an empty name", { ...sampleDiploma, graduate: { ...sampleDiploma.graduate, fullName: "  " } }],
    ["a lone surrogate", { ...sampleDiploma, graduate: { ...sampleDiploma.graduate, fullName: "An \uD800" } }],
    [
      "an IRI with a space",
      { ...sampleDiploma, achievement: { ...sampleDiploma.achievement, id: "https://x.vn/a b" } },
    ],
    [
      "a fractional register number",
      { ...sampleDiploma, register: { ...sampleDiploma.register, registerNumber: 1.5 } },
    ],
    [
      "one status entry for both purposes",
      {
        ...sampleDiploma,
        status: { revocation: sampleDiploma.status.revocation, suspension: sampleDiploma.status.revocation },
      },
    ],
  ])("refuses input that no edge validation should have let through: %s", (_name, input) => {
    expect(() => buildDiplomaCredential(input as DiplomaCredentialInput)).toThrow(InvalidDiplomaInputError);
    expect(() => canonicalDiplomaNQuads(input as DiplomaCredentialInput)).toThrow(InvalidDiplomaInputError);
  });
});

describe("the fast path", () => {
  it("escapes literals as canonical N-Quads does", () => {
    expect(escapeNQuadsLiteral('a"b\\c\nd\re\tf\bg\fh\u0000i\u000Bj\u001Fk\u007Fl ạ😀\u2028')).toBe(
      'a\\"b\\\\c\\nd\\re\\tf\\bg\\fh\\u0000i\\u000Bj\\u001Fk\\u007Fl ạ😀\u2028',
    );
  });

  it("gives the generic pipeline's proof configuration", async () => {
    const options: ProofOptions = {
      type: "DataIntegrityProof",
      cryptosuite: "eddsa-rdfc-2022",
      created: CREATED,
      verificationMethod: VERIFICATION_METHOD,
      proofPurpose: "assertionMethod",
    };
    const credential = buildDiplomaCredential(sampleDiploma);
    expect(canonicalProofConfigNQuads(options)).toBe(await canonicalizeJsonLd(proofConfigFor(credential, options)));
  });

  it(`equals the generic pipeline byte for byte on ${DIFFERENTIAL_RUNS} generated diplomas, and what it signs verifies`, async () => {
    let compared = 0;
    let withBlankOptional = 0;
    const signer = nodeSigner(privateKey, VERIFICATION_METHOD);
    await fc.assert(
      fc.asyncProperty(diplomaInput, async (input) => {
        const credential = buildDiplomaCredential(input);
        expect(canonicalDiplomaNQuads(input)).toBe(await canonicalizeJsonLd(credential));
        const signed = await signDiplomaCredential(input, signer, { created: CREATED });
        expect(await verifyProof(signed, resolveKey)).toMatchObject({ verified: true });
        compared += 1;
        if (input.award.honorificTitle === undefined || input.achievement.fieldOfStudy === null) withBlankOptional += 1;
      }),
      { numRuns: DIFFERENTIAL_RUNS },
    );
    expect(compared).toBe(DIFFERENTIAL_RUNS);
    expect(withBlankOptional).toBeGreaterThan(0);
  }, 120_000);

  it("signs exactly what the generic createProof signs, with noble or Node's Ed25519", async () => {
    await fc.assert(
      fc.asyncProperty(diplomaInput, async (input) => {
        const generic = await createProof(buildDiplomaCredential(input), {
          privateKey,
          verificationMethod: VERIFICATION_METHOD,
          created: CREATED,
        });
        const fastNoble = await signDiplomaCredential(input, nobleSigner(privateKey, VERIFICATION_METHOD), {
          created: CREATED,
        });
        const fastNode = await signDiplomaCredential(input, nodeSigner(privateKey, VERIFICATION_METHOD), {
          created: CREATED,
        });
        expect(JSON.stringify(fastNoble)).toBe(JSON.stringify(generic));
        expect(JSON.stringify(fastNode)).toBe(JSON.stringify(generic));
      }),
      { numRuns: 30 },
    );
  }, 60_000);

  it("the benchmark's two functions give the same signed credential", async () => {
    const key = { privateKey, verificationMethod: VERIFICATION_METHOD };
    expect(JSON.stringify(await signFast(sampleDiploma, key, CREATED))).toBe(
      JSON.stringify(await signGeneric(sampleDiploma, key, CREATED)),
    );
  });
});

describe("verifyCredential", () => {
  it("accepts a signed diploma and rejects a tampered one, another key, a key of another issuer", async () => {
    const signed = await signDiplomaCredential(sampleDiploma, nobleSigner(privateKey, VERIFICATION_METHOD), {
      created: CREATED,
    });
    expect(await verifyCredential(signed, resolveKey)).toMatchObject({
      verified: true,
      verificationMethod: VERIFICATION_METHOD,
    });

    const raised = structuredClone(signed);
    raised.credentialSubject.classification = "Xuất sắc";
    expect(await verifyCredential(raised, resolveKey)).toMatchObject({ verified: false, reason: "invalid_signature" });

    const otherKey = publicKeyOf(generatePrivateKey());
    expect(await verifyCredential(signed, () => otherKey)).toMatchObject({
      verified: false,
      reason: "invalid_signature",
    });

    const foreignKey = "did:web:vanbang.gov.vn:issuers:OTHER#key-1";
    const foreign = await signDiplomaCredential(sampleDiploma, nobleSigner(privateKey, foreignKey), {
      created: CREATED,
    });
    expect(await verifyCredential(foreign, () => publicKey)).toMatchObject({
      verified: false,
      reason: "issuer_mismatch",
    });

    expect(await verifyCredential({ hello: "world" }, resolveKey)).toMatchObject({
      verified: false,
      reason: "not_a_credential",
    });
    expect(await verifyCredential(42, resolveKey)).toMatchObject({ verified: false, reason: "malformed" });
  });
});

describe("docs/credential-format.md", () => {
  it("shows the credential the code builds for its example, signed and verifiable", async () => {
    const markdown = readFileSync(new URL("../../docs/credential-format.md", import.meta.url), "utf8");
    const example = JSON.parse(markdown.split("```json\n")[1]!.split("\n```")[0]!) as Record<string, unknown>;
    const testKeys = JSON.parse(
      readFileSync(new URL("../fixtures/w3c-vc-di-eddsa/keyPair.json", import.meta.url), "utf8"),
    ) as Record<string, string>;
    const testPrivateKey = decodeEd25519PrivateKey(testKeys.privateKeyMultibase!)!;
    const testPublicKey = decodeEd25519PublicKey(testKeys.publicKeyMultibase!)!;
    const signedNow = await signDiplomaCredential(sampleDiploma, nobleSigner(testPrivateKey, VERIFICATION_METHOD), {
      created: CREATED,
    });
    expect(example).toEqual(signedNow);
    expect(await verifyCredential(example, (vm) => (vm === VERIFICATION_METHOD ? testPublicKey : null))).toMatchObject({
      verified: true,
    });
  });
});
