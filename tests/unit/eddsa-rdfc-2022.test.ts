/**
 * The W3C vc-di-eddsa test vectors (tests/fixtures/w3c-vc-di-eddsa, eddsa-rdfc-2022 and its employ/ set):
 * every intermediate value byte for byte, the signed credentials, and rejection of tampered ones.
 */
import { readFileSync } from "node:fs";
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";
import { describe, expect, it } from "vitest";
import {
  CREDENTIALS_EXAMPLES_V2_CONTEXT_URL,
  documentLoader,
  type DocumentLoader,
} from "~/modules/credentials/document-loader";
import {
  canonicalizeJsonLd,
  createProof,
  hashData,
  proofConfigFor,
  verifyProof,
  type JsonObject,
  type ProofOptions,
} from "~/modules/credentials/eddsa-rdfc-2022";
import { nodeSigner } from "~/modules/credentials/node-signer.server";
import { nobleSigner } from "~/modules/credentials/signer";
import { generatePrivateKey, publicKeyOf, sign } from "~/modules/signing/ed25519";
import { decodeEd25519PrivateKey, decodeEd25519PublicKey, encodeBase58btc } from "~/modules/signing/multikey";

const fixtures = new URL("../fixtures/", import.meta.url);
const read = (path: string) => readFileSync(new URL(path, fixtures), "utf8");
const readJson = (path: string) => JSON.parse(read(path)) as JsonObject;

const keyPair = readJson("w3c-vc-di-eddsa/keyPair.json") as { publicKeyMultibase: string; privateKeyMultibase: string };
const privateKey = decodeEd25519PrivateKey(keyPair.privateKeyMultibase)!;
const publicKey = decodeEd25519PublicKey(keyPair.publicKeyMultibase)!;
const VERIFICATION_METHOD = `did:key:${keyPair.publicKeyMultibase}#${keyPair.publicKeyMultibase}`;
const CREATED = "2023-02-24T23:36:38Z";
const resolveVectorKey = (verificationMethod: string) =>
  verificationMethod === VERIFICATION_METHOD ? publicKey : null;

// The employment vector uses the citizenship context, which the application does not bundle: the test adds it.
const CITIZENSHIP_V4RC1 = "https://w3id.org/citizenship/v4rc1";
const citizenshipContext = readJson("jsonld-contexts/citizenship-v4rc1.json");
const withCitizenship: DocumentLoader = async (url) =>
  url === CITIZENSHIP_V4RC1
    ? { contextUrl: null, documentUrl: url, document: citizenshipContext }
    : documentLoader(url);

const vectorSets = [
  {
    name: "alumni credential (eddsa-rdfc-2022/)",
    unsigned: "unsigned.json",
    dir: "eddsa-rdfc-2022/",
    loader: documentLoader,
  },
  {
    name: "employment authorisation (eddsa-rdfc-2022/employ/)",
    unsigned: "employmentAuth.json",
    dir: "eddsa-rdfc-2022/employ/",
    loader: withCitizenship,
  },
];

const proofOptions: ProofOptions = {
  type: "DataIntegrityProof",
  cryptosuite: "eddsa-rdfc-2022",
  created: CREATED,
  verificationMethod: VERIFICATION_METHOD,
  proofPurpose: "assertionMethod",
};

describe.each(vectorSets)("W3C vectors: $name", ({ unsigned, dir, loader }) => {
  const unsignedDocument = readJson(`w3c-vc-di-eddsa/${unsigned}`);
  const vector = (file: string) => read(`w3c-vc-di-eddsa/${dir}${file}`);
  const signedText = vector("signedDataInt.json");
  const signedDocument = JSON.parse(signedText) as JsonObject;

  it("reproduces every intermediate value byte for byte", async () => {
    const canonicalDocument = await canonicalizeJsonLd(unsignedDocument, loader);
    expect(canonicalDocument).toBe(vector("canonDocDataInt.txt"));
    expect(bytesToHex(sha256(utf8ToBytes(canonicalDocument)))).toBe(vector("docHashDataInt.txt"));

    const proofConfig = proofConfigFor(unsignedDocument, proofOptions);
    expect(JSON.stringify(proofConfig, null, 2)).toBe(vector("proofConfigDataInt.json"));
    const canonicalProofConfig = await canonicalizeJsonLd(proofConfig, loader);
    expect(canonicalProofConfig).toBe(vector("proofCanonDataInt.txt"));
    expect(bytesToHex(sha256(utf8ToBytes(canonicalProofConfig)))).toBe(vector("proofHashDataInt.txt"));

    const combined = hashData(canonicalProofConfig, canonicalDocument);
    expect(bytesToHex(combined)).toBe(vector("combinedHashDataInt.txt"));
    const signature = sign(combined, privateKey);
    expect(bytesToHex(signature)).toBe(vector("sigHexDataInt.txt"));
    expect(encodeBase58btc(signature)).toBe(vector("sigBTC58DataInt.txt"));
  });

  it("createProof produces the signed credential byte for byte, with a private key, noble or Node's Ed25519", async () => {
    const withKey = await createProof(unsignedDocument, {
      privateKey,
      verificationMethod: VERIFICATION_METHOD,
      created: CREATED,
      documentLoader: loader,
    });
    expect(JSON.stringify(withKey, null, 2)).toBe(signedText);
    for (const signer of [nobleSigner(privateKey, VERIFICATION_METHOD), nodeSigner(privateKey, VERIFICATION_METHOD)]) {
      const signed = await createProof(unsignedDocument, { signer, created: CREATED, documentLoader: loader });
      expect(JSON.stringify(signed, null, 2)).toBe(signedText);
    }
  });

  it("verifies the signed vector", async () => {
    expect(await verifyProof(signedDocument, resolveVectorKey, { documentLoader: loader })).toEqual({
      verified: true,
      verificationMethod: VERIFICATION_METHOD,
      proofPurpose: "assertionMethod",
      created: CREATED,
    });
  });

  it("rejects a changed field, a changed proofValue character and another key", async () => {
    const changedField = structuredClone(signedDocument);
    changedField.validFrom = "2023-01-02T00:00:00Z";
    expect(await verifyProof(changedField, resolveVectorKey, { documentLoader: loader })).toMatchObject({
      verified: false,
      reason: "invalid_signature",
    });

    const subjectChanged = structuredClone(signedDocument) as { credentialSubject: JsonObject };
    const [firstKey] = Object.keys(subjectChanged.credentialSubject).filter(
      (key) => typeof subjectChanged.credentialSubject[key] === "string" && key !== "id",
    );
    subjectChanged.credentialSubject[firstKey!] = `${String(subjectChanged.credentialSubject[firstKey!])}.`;
    expect(await verifyProof(subjectChanged, resolveVectorKey, { documentLoader: loader })).toMatchObject({
      verified: false,
      reason: "invalid_signature",
    });

    const proofValue = (signedDocument.proof as { proofValue: string }).proofValue;
    const middle = Math.floor(proofValue.length / 2);
    const otherCharacter = proofValue[middle] === "2" ? "3" : "2";
    const changedProofValue = structuredClone(signedDocument) as { proof: { proofValue: string } };
    changedProofValue.proof.proofValue = proofValue.slice(0, middle) + otherCharacter + proofValue.slice(middle + 1);
    expect(await verifyProof(changedProofValue, resolveVectorKey, { documentLoader: loader })).toMatchObject({
      verified: false,
      reason: "invalid_signature",
    });

    const otherKey = publicKeyOf(generatePrivateKey());
    expect(await verifyProof(signedDocument, () => otherKey, { documentLoader: loader })).toMatchObject({
      verified: false,
      reason: "invalid_signature",
    });
    expect(await verifyProof(signedDocument, () => null, { documentLoader: loader })).toMatchObject({
      verified: false,
      reason: "unknown_key",
    });
  });
});

describe("verifyProof returns a typed reason, never throws, on bad input", () => {
  const signed = readJson("w3c-vc-di-eddsa/eddsa-rdfc-2022/signedDataInt.json");
  const employ = readJson("w3c-vc-di-eddsa/eddsa-rdfc-2022/employ/signedDataInt.json");
  const withProof = (proof: unknown) => ({ ...signed, proof });
  const proof = signed.proof as JsonObject;

  it.each([
    ["a string", "not a credential", "malformed"],
    ["null", null, "malformed"],
    ["an array", [signed], "malformed"],
    ["no proof", { ...signed, proof: undefined }, "malformed"],
    ["a proof set", withProof([proof, proof]), "malformed"],
    ["a proof without a value", withProof({ ...proof, proofValue: undefined }), "malformed"],
    ["a proofValue that is not base58btc", withProof({ ...proof, proofValue: "uAAAA" }), "malformed"],
    ["a short signature", withProof({ ...proof, proofValue: encodeBase58btc(new Uint8Array(63)) }), "malformed"],
    ["a created that is no date", withProof({ ...proof, created: "yesterday" }), "malformed"],
    ["a verificationMethod that is a number", withProof({ ...proof, verificationMethod: 7 }), "malformed"],
    ["another cryptosuite", withProof({ ...proof, cryptosuite: "eddsa-jcs-2022" }), "unsupported_cryptosuite"],
    ["another proof type", withProof({ ...proof, type: "Ed25519Signature2020" }), "unsupported_cryptosuite"],
    ["another proof purpose", withProof({ ...proof, proofPurpose: "authentication" }), "wrong_proof_purpose"],
    [
      "a proof @context that is not a prefix",
      withProof({ ...proof, "@context": [CREDENTIALS_EXAMPLES_V2_CONTEXT_URL] }),
      "malformed",
    ],
    [
      "an unbundled context",
      { ...signed, "@context": [...(signed["@context"] as string[]), "https://evil.example/context"] },
      "unknown_context",
    ],
    ["an unbundled context (citizenship)", employ, "unknown_context"],
  ])("%s", async (_name, document, reason) => {
    await expect(verifyProof(document, resolveVectorKey)).resolves.toMatchObject({ verified: false, reason });
  });

  it("a term that no context defines is refused by safe mode", async () => {
    const document = { ...employ, undefinedTerm: "x" };
    const result = await verifyProof(document, resolveVectorKey, { documentLoader: withCitizenship });
    expect(result).toMatchObject({ verified: false, reason: "invalid_jsonld" });
  });

  it("a proof that names the document's @context verifies (spec §3.3.2 step 4)", async () => {
    const withContext = await createProof(readJson("w3c-vc-di-eddsa/unsigned.json"), {
      privateKey,
      verificationMethod: VERIFICATION_METHOD,
      created: CREATED,
    });
    const document = { ...withContext, proof: { ...withContext.proof, "@context": withContext["@context"] } };
    // The proof config was signed with the document's @context, so carrying it in the proof changes nothing.
    expect(await verifyProof(document, resolveVectorKey)).toMatchObject({ verified: true });
  });
});
