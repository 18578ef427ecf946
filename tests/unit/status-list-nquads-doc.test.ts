/**
 * docs/publication.md spells out the canonical N-Quads a status list's proof signs, so that a verifier can check a
 * list without a JSON-LD library. These tests hold the document's templates and worked example to the code: the
 * builder, the jsonld-free canonical form the browser uses, the generic JSON-LD pipeline, and the signature.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { canonicalizeJsonLd } from "~/modules/credentials/eddsa-rdfc-2022";
import { canonicalProofConfigNQuads, hashData, type ProofOptions } from "~/modules/credentials/rdfc-nquads";
import { verify } from "~/modules/signing/ed25519";
import { decodeBase58btc, decodeEd25519PublicKey } from "~/modules/signing/multikey";
import { decodeStatusList, getBit } from "~/modules/status/bitstring";
import { canonicalStatusListNQuads } from "~/modules/status/check-status-list";
import { buildStatusListCredential, type StatusListCredential } from "~/modules/status/status-list-credential";

const DOC = readFileSync(path.resolve(__dirname, "../../docs/publication.md"), "utf8");
const KEY = JSON.parse(readFileSync(path.resolve(__dirname, "../fixtures/w3c-vc-di-eddsa/keyPair.json"), "utf8")) as {
  publicKeyMultibase: string;
};

/** The fenced blocks between <!-- name:start --> and <!-- name:end -->. */
function blocks(name: string): string[] {
  const start = DOC.indexOf(`<!-- ${name}:start -->`);
  const end = DOC.indexOf(`<!-- ${name}:end -->`);
  expect(start, `${name} markers`).toBeGreaterThan(0);
  expect(end).toBeGreaterThan(start);
  return [...DOC.slice(start, end).matchAll(/```(?:text|json)\n([\s\S]*?)```/g)].map((m) => m[1]!);
}

const fill = (template: string, values: Record<string, string>) =>
  template.replace(/\{([A-Z_]+)\}/g, (_, name: string) => values[name]!);
const sha256Hex = (text: string) => createHash("sha256").update(text).digest("hex");

describe("docs/publication.md: a status list's signed bytes", () => {
  const [listJson, listNQuads, proofNQuads] = blocks("status-list-example");
  const signed = JSON.parse(listJson!) as StatusListCredential & { proof: ProofOptions & { proofValue: string } };
  const { proof, ...unsigned } = signed;
  const { proofValue, ...options } = proof;

  it("the example list is what the portal's builder makes", () => {
    const built = buildStatusListCredential({
      url: unsigned.id,
      issuer: unsigned.issuer,
      purpose: unsigned.credentialSubject.statusPurpose,
      encodedList: unsigned.credentialSubject.encodedList,
      validFrom: new Date(unsigned.validFrom),
    });
    expect(built).toEqual(unsigned);
  });

  it("the template, filled with the example's values, is the code's canonical form and the generic JSON-LD pipeline's", async () => {
    const [listTemplate] = blocks("status-list-nquads-template");
    const [proofTemplate] = blocks("status-list-proof-template");
    const filled = fill(listTemplate!, {
      URL: unsigned.id,
      ISSUER: unsigned.issuer,
      VALID_FROM: unsigned.validFrom,
      PURPOSE: unsigned.credentialSubject.statusPurpose,
      ENCODED_LIST: unsigned.credentialSubject.encodedList,
      TTL: String(unsigned.credentialSubject.ttl),
    });
    expect(filled).toBe(listNQuads);
    expect(canonicalStatusListNQuads(unsigned)).toBe(filled);
    expect(await canonicalizeJsonLd(unsigned)).toBe(filled);
    expect(filled.endsWith(" .\n")).toBe(true);
    expect(filled.split("\n")).toHaveLength(10); // nine lines, each ending with LF

    const filledProof = fill(proofTemplate!, {
      CREATED: options.created,
      VERIFICATION_METHOD: options.verificationMethod,
    });
    expect(filledProof).toBe(proofNQuads);
    expect(canonicalProofConfigNQuads(options)).toBe(filledProof);
    expect(await canonicalizeJsonLd({ "@context": unsigned["@context"], ...options })).toBe(filledProof);
  });

  it("the hashes and the signature check as the document says, and bit 42 is set", () => {
    const section = DOC.slice(
      DOC.indexOf("<!-- status-list-example:start -->"),
      DOC.indexOf("<!-- status-list-example:end -->"),
    );
    expect(section).toContain(`The canonical list (SHA-256 \`${sha256Hex(listNQuads!)}\`)`);
    expect(section).toContain(`The canonical proof options (SHA-256 \`${sha256Hex(proofNQuads!)}\`)`);
    const publicKey = decodeEd25519PublicKey(KEY.publicKeyMultibase)!;
    expect(DOC).toContain(KEY.publicKeyMultibase);
    const signature = decodeBase58btc(proofValue)!;
    expect(verify(signature, hashData(proofNQuads!, listNQuads!), publicKey)).toBe(true);
    const changed = listNQuads!.replace('"revocation"', '"suspension"');
    expect(verify(signature, hashData(proofNQuads!, changed), publicKey)).toBe(false);

    const bits = decodeStatusList(unsigned.credentialSubject.encodedList, (b) => new Uint8Array(gunzipSync(b)))!;
    expect(bits.length * 8).toBe(131_072);
    expect(bits[5]).toBe(0x20);
    expect(getBit(bits, 42)).toBe(true);
    expect(bits.filter((b) => b !== 0)).toHaveLength(1);
  });
});
