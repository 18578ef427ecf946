/**
 * The browser's status-list check: the jsonld-free canonical form is byte-equal to the generic JSON-LD pipeline,
 * lists signed by the server's code verify, and any change, another list or a key that may not sign is refused.
 * And the bitstring read in the browser (DecompressionStream), with its size cap.
 */
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { gunzip } from "~/lib/gunzip";
import { canonicalizeJsonLd } from "~/modules/credentials/eddsa-rdfc-2022";
import { publicKeyOf, generatePrivateKey } from "~/modules/signing/ed25519";
import { decodeStatusListAsync, emptyBitstring, encodeStatusList, getBit, withBit } from "~/modules/status/bitstring";
import {
  canonicalStatusListNQuads,
  checkStatusListCredential,
  type ExpectedStatusList,
} from "~/modules/status/check-status-list";
import { buildStatusListCredential } from "~/modules/status/status-list-credential";
import {
  ORIGIN,
  listPath,
  schoolDid,
  schoolKey,
  schoolKeyId,
  signedStatusList,
} from "../support/browser-check-fixtures";

const gzip = (b: Uint8Array) => new Uint8Array(gzipSync(b));

const expected = (overrides: Partial<ExpectedStatusList> = {}): ExpectedStatusList => ({
  url: `${ORIGIN}${listPath("revocation")}`,
  purpose: "revocation",
  issuer: schoolDid,
  keys: [{ id: schoolKeyId, publicKey: publicKeyOf(schoolKey), retiredAt: null, compromisedFrom: null }],
  ...overrides,
});

describe("canonicalStatusListNQuads", () => {
  it("writes what the generic JSON-LD pipeline writes, for lists of every kind", async () => {
    const cases = [
      {
        url: "https://vanbang.example.vn/issuers/CDCNHN/status/revocation-1",
        purpose: "revocation" as const,
        set: [] as number[],
        at: "2026-07-01T02:00:00Z",
      },
      {
        url: "http://localhost:3000/issuers/TC-DL/status/suspension-7",
        purpose: "suspension" as const,
        set: [0, 131_071],
        at: "2025-12-31T23:59:59Z",
      },
      {
        url: "http://127.0.0.1:3310/issuers/CDCNHN/status/revocation-65535",
        purpose: "revocation" as const,
        set: [5, 77, 4242],
        at: "2024-02-29T12:00:00Z",
      },
    ];
    for (const c of cases) {
      let bits = emptyBitstring();
      for (const i of c.set) bits = withBit(bits, i, true);
      const list = buildStatusListCredential({
        url: c.url,
        issuer: `did:web:${new URL(c.url).host.replace(":", "%3A")}:issuers:X`,
        purpose: c.purpose,
        encodedList: encodeStatusList(bits, gzip),
        validFrom: new Date(c.at),
      });
      expect(canonicalStatusListNQuads(list)).toBe(await canonicalizeJsonLd(list));
    }
  });
});

describe("checkStatusListCredential", () => {
  it("accepts a list signed by the school's key, as the server signs it", async () => {
    const list = await signedStatusList("revocation", [42]);
    const checked = checkStatusListCredential(JSON.parse(JSON.stringify(list)), expected());
    expect(checked).toMatchObject({ ok: true, encodedList: list.credentialSubject.encodedList });
  });

  it("refuses a list whose bits were changed (a revocation hidden), or signed by another key", async () => {
    const list = await signedStatusList("revocation", [42]);
    const cleared = await signedStatusList("revocation", []);
    const tampered = {
      ...list,
      credentialSubject: { ...list.credentialSubject, encodedList: cleared.credentialSubject.encodedList },
    };
    expect(checkStatusListCredential(tampered, expected())).toEqual({ ok: false, reason: "bad_signature" });
    const forged = await signedStatusList("revocation", [], { privateKey: generatePrivateKey() });
    expect(checkStatusListCredential(forged, expected())).toEqual({ ok: false, reason: "bad_signature" });
    const otherKey = await signedStatusList("revocation", [], { keyId: `${schoolDid}#key-9` });
    expect(checkStatusListCredential(otherKey, expected())).toEqual({ ok: false, reason: "unknown_key" });
  });

  it("refuses another list, issuer or purpose than the QR code names", async () => {
    const list = await signedStatusList("revocation");
    expect(checkStatusListCredential(list, expected({ url: `${ORIGIN}/issuers/CDCNHN/status/revocation-2` }))).toEqual({
      ok: false,
      reason: "wrong_list",
    });
    expect(checkStatusListCredential(list, expected({ purpose: "suspension" }))).toEqual({
      ok: false,
      reason: "wrong_list",
    });
    expect(checkStatusListCredential(list, expected({ issuer: "did:web:vanbang.example.vn:issuers:OTHER" }))).toEqual({
      ok: false,
      reason: "wrong_list",
    });
  });

  it("refuses what is not the shape the portal publishes", async () => {
    const list = await signedStatusList("revocation");
    for (const bad of [
      null,
      "list",
      { ...list, extra: 1 },
      { ...list, "@context": [...list["@context"], "https://example.com/ctx"] },
      { ...list, credentialSubject: { ...list.credentialSubject, ttl: 1.5 } },
      { ...list, proof: [list.proof] },
      { ...list, proof: { ...list.proof, cryptosuite: "eddsa-jcs-2022" } },
      { ...list, proof: { ...list.proof, proofValue: "zabc" } },
    ]) {
      expect(checkStatusListCredential(bad, expected())).toMatchObject({ ok: false, reason: "unsupported" });
    }
  });

  it("refuses a list signed by a compromised key, or by a key retired before it was signed", async () => {
    const list = await signedStatusList("revocation");
    const key = expected().keys[0]!;
    expect(
      checkStatusListCredential(list, expected({ keys: [{ ...key, compromisedFrom: "2027-01-01T00:00:00Z" }] })),
    ).toEqual({ ok: false, reason: "unknown_key" });
    expect(
      checkStatusListCredential(list, expected({ keys: [{ ...key, retiredAt: "2026-07-01T02:00:00Z" }] })),
    ).toEqual({ ok: false, reason: "unknown_key" });
    expect(
      checkStatusListCredential(list, expected({ keys: [{ ...key, retiredAt: "2026-08-01T00:00:00Z" }] })),
    ).toMatchObject({ ok: true });
  });
});

describe("the bitstring in the browser", () => {
  it("decodes gzip + base64url multibase with DecompressionStream and reads the bits", async () => {
    let bits = emptyBitstring();
    for (const i of [0, 9, 123_456]) bits = withBit(bits, i, true);
    const decoded = (await decodeStatusListAsync(encodeStatusList(bits, gzip), (b) => gunzip(b)))!;
    expect([0, 9, 123_456, 1, 131_071].map((i) => getBit(decoded, i))).toEqual([true, true, true, false, false]);
  });

  it("refuses garbage, a short list, and a stream that inflates beyond the cap", async () => {
    for (const bad of [
      "",
      "H4sI",
      "u!!!",
      "u" + Buffer.from("not gzip").toString("base64url"),
      encodeStatusList(new Uint8Array(10), gzip),
    ]) {
      expect(await decodeStatusListAsync(bad, (b) => gunzip(b))).toBeNull();
    }
    const bomb = encodeStatusList(new Uint8Array(8 * 1024 * 1024), gzip); // 8 MiB of zeros: a few KB compressed
    expect(bomb.length).toBeLessThan(20_000);
    expect(await decodeStatusListAsync(bomb, (b) => gunzip(b))).toBeNull();
    await expect(gunzip(gzip(new Uint8Array(100)), 50)).rejects.toThrow(RangeError);
  });
});
