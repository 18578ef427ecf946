/**
 * eddsa-jcs-2022 against the W3C test vectors (tests/fixtures/w3c-vc-di-eddsa/eddsa-jcs-2022/, see the README
 * there): every intermediate value and the signed credential, byte for byte.
 */
import { readFileSync } from "node:fs";
import { sha256 } from "@noble/hashes/sha2.js";
import { describe, expect, it } from "vitest";
import {
  canonicalJson,
  createJcsProof,
  jcsHashData,
  jcsProofConfig,
  verifyJcsProof,
} from "~/modules/credentials/eddsa-jcs-2022";
import { generatePrivateKey, publicKeyOf } from "~/modules/signing/ed25519";
import { decodeEd25519PrivateKey, decodeEd25519PublicKey, encodeBase58btc } from "~/modules/signing/multikey";

const fixture = (name: string) => readFileSync(new URL(`../fixtures/w3c-vc-di-eddsa/${name}`, import.meta.url), "utf8");
const vector = (name: string) => fixture(`eddsa-jcs-2022/${name}`);
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString("hex");
const utf8 = (text: string) => new TextEncoder().encode(text);

const keyPair = JSON.parse(fixture("keyPair.json")) as { publicKeyMultibase: string; privateKeyMultibase: string };
const privateKey = decodeEd25519PrivateKey(keyPair.privateKeyMultibase)!;
const publicKey = decodeEd25519PublicKey(keyPair.publicKeyMultibase)!;
const unsigned = JSON.parse(fixture("unsigned.json")) as Record<string, unknown>;
const proofConfigVector = JSON.parse(vector("proofConfigJCS.json")) as Record<string, unknown>;
const VERIFICATION_METHOD = proofConfigVector.verificationMethod as string;
const CREATED = proofConfigVector.created as string;
const keyFor = (vm: string) => (vm === VERIFICATION_METHOD ? publicKey : null);

describe("eddsa-jcs-2022: the W3C test vectors", () => {
  it("canonicalises the credential and hashes it (canonDocJCS, docHashJCS)", () => {
    const canonical = canonicalJson(unsigned);
    expect(canonical).toBe(vector("canonDocJCS.txt"));
    expect(hex(sha256(utf8(canonical)))).toBe(vector("docHashJCS.txt"));
  });

  it("builds the proof configuration with the document's @context, canonicalises and hashes it (proofConfigJCS, proofCanonJCS, proofHashJCS)", () => {
    const config = jcsProofConfig(unsigned, { verificationMethod: VERIFICATION_METHOD, created: CREATED });
    expect(JSON.stringify(config, null, 2)).toBe(vector("proofConfigJCS.json"));
    const canonical = canonicalJson(config);
    expect(canonical).toBe(vector("proofCanonJCS.txt"));
    expect(hex(sha256(utf8(canonical)))).toBe(vector("proofHashJCS.txt"));
  });

  it("combines the hashes proof first (combinedHashJCS)", () => {
    const config = jcsProofConfig(unsigned, { verificationMethod: VERIFICATION_METHOD, created: CREATED });
    expect(hex(jcsHashData(unsigned, config))).toBe(vector("combinedHashJCS.txt"));
  });

  it("signs to the published signature and signed credential (sigHexJCS, sigBTC58JCS, signedJCS)", () => {
    const signed = createJcsProof(unsigned, { verificationMethod: VERIFICATION_METHOD, created: CREATED, privateKey });
    const proofValue = signed.proof.proofValue!;
    expect(proofValue).toBe(vector("sigBTC58JCS.txt"));
    expect(encodeBase58btc(Buffer.from(vector("sigHexJCS.txt"), "hex"))).toBe(proofValue);
    expect(JSON.stringify(signed, null, 2)).toBe(vector("signedJCS.json"));
  });

  it("verifies the published signed credential", () => {
    const result = verifyJcsProof(JSON.parse(vector("signedJCS.json")), keyFor);
    expect(result).toEqual({
      verified: true,
      verificationMethod: VERIFICATION_METHOD,
      proofPurpose: "assertionMethod",
      created: CREATED,
    });
  });
});

describe("eddsa-jcs-2022: verification refuses", () => {
  const signed = () => JSON.parse(vector("signedJCS.json")) as Record<string, any>;

  it("a changed claim, a changed proof option, a changed signature", () => {
    const claim = signed();
    claim.credentialSubject.alumniOf = "The School of Forgeries";
    expect(verifyJcsProof(claim, keyFor)).toEqual({ verified: false, reason: "bad_signature" });

    const created = signed();
    created.proof.created = "2024-02-24T23:36:38Z";
    expect(verifyJcsProof(created, keyFor)).toEqual({ verified: false, reason: "bad_signature" });

    const signature = signed();
    const bytes = Buffer.from(vector("sigHexJCS.txt"), "hex");
    bytes[10]! ^= 1;
    signature.proof.proofValue = encodeBase58btc(bytes);
    expect(verifyJcsProof(signature, keyFor)).toEqual({ verified: false, reason: "bad_signature" });
  });

  it("a document whose @context does not start with the proof's", () => {
    const doc = signed();
    doc["@context"] = ["https://www.w3.org/ns/credentials/v2"];
    expect(verifyJcsProof(doc, keyFor)).toEqual({ verified: false, reason: "context_mismatch" });
  });

  it("an unknown key, another suite, garbage", () => {
    const doc = signed();
    doc.proof.verificationMethod = "did:example:someone-else#key";
    expect(verifyJcsProof(doc, keyFor)).toMatchObject({ verified: false });
    const rdfc = signed();
    rdfc.proof.cryptosuite = "eddsa-rdfc-2022";
    expect(verifyJcsProof(rdfc, keyFor)).toEqual({ verified: false, reason: "wrong_cryptosuite" });
    const badValue = signed();
    badValue.proof.proofValue = "not-multibase";
    expect(verifyJcsProof(badValue, keyFor)).toEqual({ verified: false, reason: "malformed_proof_value" });
    for (const junk of [null, 42, "x", [], {}, { proof: "x" }])
      expect(verifyJcsProof(junk, keyFor)).toEqual({ verified: false, reason: "no_proof" });
  });
});

describe("eddsa-jcs-2022: plain JSON without @context", () => {
  it("signs and verifies; the proof has no @context; any change breaks it", () => {
    const key = generatePrivateKey();
    const vm = "did:web:example.vn#key-1";
    const doc = {
      issuer: "did:web:example.vn",
      schools: [{ code: "CDA", name: "Trường Cao đẳng Ả", keys: [] }],
      n: 1.5,
    };
    const signed = createJcsProof(doc, { verificationMethod: vm, created: "2025-01-02T03:04:05Z", privateKey: key });
    expect(signed.proof["@context"]).toBeUndefined();
    const resolve = (id: string) => (id === vm ? publicKeyOf(key) : null);
    // Key order and whitespace do not matter: the canonical form does.
    const reordered = JSON.parse(
      JSON.stringify({ proof: signed.proof, n: 1.5, schools: signed.schools, issuer: signed.issuer }),
    );
    expect(verifyJcsProof(reordered, resolve)).toMatchObject({ verified: true });
    reordered.schools[0].name = "Trường Cao đẳng B";
    expect(verifyJcsProof(reordered, resolve)).toEqual({ verified: false, reason: "bad_signature" });
    expect(() => createJcsProof(signed, { verificationMethod: vm, privateKey: key })).toThrow();
    expect(() => createJcsProof(doc, { verificationMethod: vm, privateKey: key, created: "yesterday" })).toThrow();
  });
});
