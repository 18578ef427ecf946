import { createPublicKey, verify as nodeVerify } from "node:crypto";
import { readFileSync } from "node:fs";
import { base32nopad } from "@scure/base";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CLASSIFICATIONS } from "~db/schema/diplomas";
import { TRAINING_LEVELS } from "~/modules/reference/levels";
import { base32Length, decodeBase32, encodeBase32 } from "~/modules/qr/base32";
import {
  HOLDER_NAME_MAX_BYTES,
  QR_MAX_CHARS,
  QrPayloadError,
  decodeQrPayload,
  encodeQrPayload,
  keyTagOf,
  qrPayloadPaths,
  verifyQrSignature,
  type QrDecodeResult,
  type QrPayloadInput,
} from "~/modules/qr/payload";
import { qrMatrix } from "~/modules/qr/qr-image.server";
import { verifyPathOf } from "~/modules/verification/verify-path";
import { generatePrivateKey, publicKeyOf, sign } from "~/modules/signing/ed25519";
import { DOC_PATH, buildQrExample, exampleInDocument } from "../../scripts/qr-example";
import { QR_ALPHABET, exampleInput, exampleKey, qrDiploma } from "../support/qr-fixture";

const LONG_ORIGIN = "https://vanbang.gdnn.gov.vn";
const DEMO_ORIGIN = "http://localhost:3000";
const LONG_NAME = "Nguyễn Thị Phương Thảo Hoàng Lê Minh";

/**
 * The only normalisation section 1 allows, written independently of the decoder: ASCII space, tab, CR, LF off the
 * ends, ASCII a–z to A–Z.
 */
const asciiNormal = (text: string) =>
  text
    .replace(/^[ \t\r\n]+/, "")
    .replace(/[ \t\r\n]+$/, "")
    .replace(/[a-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 32));

const privateKey = generatePrivateKey();
const publicKey = publicKeyOf(privateKey);
const signer = (message: Uint8Array) => sign(message, privateKey);

/** The shared QR fixture's diploma, under this file's key. */
const diploma = (overrides: Partial<QrPayloadInput> = {}) => qrDiploma(publicKey, overrides);

/** The longest realistic diploma: long name, long serial, both status entries, the long origin. */
const worstCase = diploma({
  holderName: LONG_NAME,
  classification: "trung_binh_kha",
  suspension: { listNumber: 3, index: 131_071 },
});

function decodeOk(text: string, options?: Parameters<typeof decodeQrPayload>[1]) {
  const result = decodeQrPayload(text, options);
  if (!result.ok) throw new Error(`expected a decode, got ${result.reason}: ${result.message}`);
  return result;
}

/** Rejected: the decoder refuses it, or the signature does not verify under the school's key. */
function isRejected(
  result: QrDecodeResult,
  verifyWith: (r: Extract<QrDecodeResult, { ok: true }>) => boolean = (r) => verifyQrSignature(r, publicKey),
) {
  return !result.ok || !verifyWith(result);
}

// A fast Ed25519 check (OpenSSL) for the exhaustive loops; verifyQrSignature (noble) is exercised on a sample.
const nodePublicKey = createPublicKey({
  key: Buffer.concat([Buffer.from("302a300506032b6570032100", "hex"), Buffer.from(publicKey)]),
  format: "der",
  type: "spki",
});
const opensslVerifies = (r: Extract<QrDecodeResult, { ok: true }>) =>
  r.fields.keyTag === keyTagOf(publicKey) && nodeVerify(null, r.signedMessage, nodePublicKey, r.signature);

describe("base32 (RFC 4648, no padding, canonical)", () => {
  it("matches the RFC 4648 test vectors", () => {
    const vectors: Array<[string, string]> = [
      ["", ""],
      ["f", "MY"],
      ["fo", "MZXQ"],
      ["foo", "MZXW6"],
      ["foob", "MZXW6YQ"],
      ["fooba", "MZXW6YTB"],
      ["foobar", "MZXW6YTBOI"],
    ];
    for (const [plain, encoded] of vectors) {
      expect(encodeBase32(new TextEncoder().encode(plain))).toBe(encoded);
      expect(new TextDecoder().decode(decodeBase32(encoded)!)).toBe(plain);
    }
  });

  it("agrees with @scure/base on random bytes, both ways", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const text = encodeBase32(bytes);
        expect(text).toBe(base32nopad.encode(bytes));
        expect(text.length).toBe(base32Length(bytes.length));
        expect(decodeBase32(text)).toEqual(bytes);
      }),
    );
  });

  it("refuses non-canonical text: unused bits set, impossible lengths, other characters", () => {
    expect(decodeBase32("MZ")).toBeNull(); // "f" is MY: Z sets unused bits
    expect(decodeBase32("MZXR")).toBeNull(); // "fo" is MZXQ
    for (const length of [1, 3, 6, 9]) expect(decodeBase32("A".repeat(length))).toBeNull();
    for (const bad of ["my", "MY=", "M1", "M8", "MY ", "MÝ"]) expect(decodeBase32(bad)).toBeNull();
  });
});

describe("encodeQrPayload / decodeQrPayload", () => {
  it("round-trips every level and classification, 7- and 8-digit programme codes, with and without suspension", () => {
    for (const { code: levelCode } of TRAINING_LEVELS) {
      for (const classification of CLASSIFICATIONS) {
        for (const programmeCode of ["6480201", "40510106", "01234567"]) {
          for (const suspension of [null, { listNumber: 65_535, index: 16_777_215 }]) {
            const input = diploma({ levelCode, classification, programmeCode, suspension });
            const url = encodeQrPayload(input, signer, { baseUrl: DEMO_ORIGIN });
            const decoded = decodeOk(url);
            expect(decoded.version).toBe(1);
            expect(decoded.origin).toBe(DEMO_ORIGIN);
            expect(decoded.fields).toEqual({ ...input, holderNameTruncated: false });
            expect(verifyQrSignature(decoded, publicKey)).toBe(true);
          }
        }
      }
    }
  });

  it("writes an upper-case URL of QR alphanumeric characters at the portal's origin", () => {
    const url = encodeQrPayload(diploma(), signer, { baseUrl: "https://Vanbang.gdnn.gov.vn/" });
    expect(url).toMatch(/^HTTPS:\/\/VANBANG\.GDNN\.GOV\.VN\/V\/[A-Z2-7]+$/);
    expect(url.startsWith("HTTPS://VANBANG.GDNN.GOV.VN/V/A")).toBe(true); // version byte 0x01 → "A…"
  });

  it("signs 'VBQR1' ‖ record, and the signature is the payload's last 64 bytes", () => {
    const url = encodeQrPayload(diploma(), signer, { baseUrl: DEMO_ORIGIN });
    const decoded = decodeOk(url);
    const bytes = decodeBase32(url.split("/V/")[1]!)!;
    expect(new TextDecoder().decode(decoded.signedMessage.subarray(0, 5))).toBe("VBQR1");
    expect(decoded.signedMessage.subarray(5)).toEqual(bytes.subarray(0, bytes.length - 64));
    expect(decoded.signature).toEqual(bytes.subarray(bytes.length - 64));
  });

  it("reads the URL in any case, its path alone, the bare payload, with surrounding whitespace", () => {
    const url = encodeQrPayload(diploma(), signer, { baseUrl: LONG_ORIGIN });
    const path = url.slice(url.indexOf("/V/"));
    const payload = path.slice(3);
    for (const text of [
      url,
      url.toLowerCase(),
      ` \n${url}\t `,
      path,
      path.toLowerCase(),
      payload,
      ` ${payload.toLowerCase()} `,
    ]) {
      const decoded = decodeOk(text);
      expect(decoded.fields).toEqual({ ...diploma(), holderNameTruncated: false });
      expect(verifyQrSignature(decoded, publicKey)).toBe(true);
    }
    expect(decodeOk(path).origin).toBeNull();
    expect(decodeOk(url.toLowerCase()).origin).toBe(LONG_ORIGIN);
  });

  it("refuses another site's URL when the expected origins are given", () => {
    const url = encodeQrPayload(diploma(), signer, { baseUrl: LONG_ORIGIN });
    const elsewhere = url.replace("VANBANG.GDNN.GOV.VN", "VANBANG.EXAMPLE.COM");
    expect(decodeOk(elsewhere).origin).toBe("https://vanbang.example.com");
    expect(decodeQrPayload(elsewhere, { expectedOrigins: [LONG_ORIGIN] })).toMatchObject({
      ok: false,
      reason: "not_ours",
    });
    expect(decodeQrPayload(url, { expectedOrigins: [`${LONG_ORIGIN.toUpperCase()}/`] }).ok).toBe(true);
    expect(decodeQrPayload(url.slice(url.indexOf("/V/")), { expectedOrigins: [DEMO_ORIGIN] }).ok).toBe(true);
  });

  it("reports a payload of another version as unsupported_version", () => {
    const url = encodeQrPayload(diploma(), signer, { baseUrl: DEMO_ORIGIN });
    const bytes = decodeBase32(url.split("/V/")[1]!)!;
    for (const version of [0, 2, 255]) {
      bytes[0] = version;
      expect(decodeQrPayload(`/V/${encodeBase32(bytes)}`)).toMatchObject({ ok: false, reason: "unsupported_version" });
    }
  });

  it("does not verify under another key, nor under a key whose tag the payload does not name", () => {
    const decoded = decodeOk(encodeQrPayload(diploma(), signer, { baseUrl: DEMO_ORIGIN }));
    expect(verifyQrSignature(decoded, publicKeyOf(generatePrivateKey()))).toBe(false);
    expect(verifyQrSignature({ ...decoded, fields: { ...decoded.fields, keyTag: "00000000" } }, publicKey)).toBe(false);
    expect(verifyQrSignature(decoded, publicKey.subarray(0, 31))).toBe(false);
  });

  it("gives the verifier's links", () => {
    const decoded = decodeOk(
      encodeQrPayload(diploma({ suspension: { listNumber: 2, index: 5 } }), signer, { baseUrl: DEMO_ORIGIN }),
    );
    expect(qrPayloadPaths(decoded.fields)).toEqual({
      didDocument: "/issuers/CDCNHN/did.json",
      credential: "/credentials/3f2b6c1e-8a4d-4c2b-9e1f-0a1b2c3d4e5f/vc.json",
      revocationList: "/issuers/CDCNHN/status/revocation-1",
      suspensionList: "/issuers/CDCNHN/status/suspension-2",
    });
  });

  it("refuses invalid fields and base URLs with a typed error", () => {
    const bad: Array<Partial<QrPayloadInput>> = [
      { schoolCode: "cdcnhn" },
      { schoolCode: "A" },
      { keyTag: "xyz" },
      { credentialId: "not-a-uuid" },
      { serial: "" },
      { serial: "x".repeat(33) },
      { holderName: "  " },
      { holderName: "An\u200bNguyen" },
      { programmeCode: "648020" },
      { programmeCode: "648020a" },
      { levelCode: "dai_hoc" as never },
      { levelCode: "toString" as never },
      { classification: "yeu" as never },
      { graduationYear: 1899 },
      { graduationYear: 2025.5 },
      { issueDate: "2025-02-30" },
      { issueDate: "1969-12-31" },
      { revocation: { listNumber: 1, index: 2 ** 24 } },
      { suspension: { listNumber: -1, index: 0 } },
    ];
    for (const overrides of bad) {
      expect(
        () => encodeQrPayload(diploma(overrides), signer, { baseUrl: DEMO_ORIGIN }),
        JSON.stringify(overrides),
      ).toThrow(QrPayloadError);
    }
    for (const baseUrl of [
      "localhost:3000",
      "https://vanbang.gov.vn/portal",
      "https://[::1]:3000",
      "ftp://vanbang.gov.vn",
    ]) {
      expect(() => encodeQrPayload(diploma(), signer, { baseUrl }), baseUrl).toThrow(QrPayloadError);
    }
    expect(() => encodeQrPayload(diploma(), () => new Uint8Array(63), { baseUrl: DEMO_ORIGIN })).toThrow(
      QrPayloadError,
    );
  });

  it("normalises the texts it signs: NFC, single spaces", () => {
    const decomposed = "Nguye\u0302\u0303n  Va\u0306n   An ";
    const decoded = decodeOk(encodeQrPayload(diploma({ holderName: decomposed }), signer, { baseUrl: DEMO_ORIGIN }));
    expect(decoded.fields.holderName).toBe("Nguyễn Văn An");
  });
});

describe("normalisation: ASCII only (section 1)", () => {
  const url = encodeQrPayload(diploma(), signer, { baseUrl: LONG_ORIGIN });
  const start = url.indexOf("/V/") + 3;

  /**
   * A decodable text with `ascii` written at a position inside the signature (any 64 bytes decode; the signature
   * check comes later), in lower case: JavaScript's toUpperCase would turn `unicode` back into `ascii`.
   */
  function withLookalike(ascii: string, unicode: string) {
    const at = url.length - 30;
    const edited = url.slice(0, at) + ascii + url.slice(at + ascii.length);
    expect(decodeQrPayload(edited).ok, `the ASCII form ${ascii} decodes`).toBe(true);
    const lower = edited.toLowerCase();
    const at2 = lower.length - 30;
    return { ascii: lower, unicode: lower.slice(0, at2) + unicode + lower.slice(at2 + ascii.length) };
  }

  const caseMappings: [string, string, string][] = [
    ["ı", "I", "dotless i"],
    ["ſ", "S", "long s"],
    ["ß", "SS", "sharp s"],
    ["ﬀ", "FF", "ligature ff"],
    ["ﬁ", "FI", "ligature fi"],
    ["ﬂ", "FL", "ligature fl"],
    ["ﬃ", "FFI", "ligature ffi"],
    ["ﬄ", "FFL", "ligature ffl"],
    ["ﬅ", "ST", "ligature long s t"],
    ["ﬆ", "ST", "ligature st"],
  ];
  for (const [unicode, ascii, name] of caseMappings) {
    it(`refuses ${name} (${unicode}), which toUpperCase maps to ${ascii}`, () => {
      const texts = withLookalike(ascii, unicode);
      expect(texts.unicode.toUpperCase(), "JavaScript's upper-casing would read it").toBe(texts.ascii.toUpperCase());
      expect(decodeQrPayload(texts.ascii).ok, "ASCII lower case is read").toBe(true);
      expect(decodeQrPayload(texts.unicode)).toMatchObject({ ok: false, reason: "malformed" });
      expect(verifyPathOf(texts.unicode)).toBeNull();
      expect(verifyPathOf(texts.ascii)).toBe(`/v/${texts.ascii.slice(start).toUpperCase()}`);
    });
  }

  const spaces: [string, string][] = [
    ["\u00a0", "no-break space"],
    ["\ufeff", "byte order mark"],
    ["\u3000", "ideographic space"],
    ["\u2028", "line separator"],
    ["\u2029", "paragraph separator"],
    ["\u000b", "vertical tab"],
    ["\u000c", "form feed"],
  ];
  for (const [space, name] of spaces) {
    it(`refuses a text with a ${name} (U+${space.charCodeAt(0).toString(16).padStart(4, "0").toUpperCase()}) before or after it`, () => {
      expect(space.trim(), "String.prototype.trim would remove it").toBe("");
      for (const text of [space + url, url + space, space + url + space, ` ${space}${url}`, `${url}${space}\n`]) {
        expect(decodeQrPayload(text).ok, JSON.stringify(text.slice(0, 3))).toBe(false);
        expect(verifyPathOf(text)).toBeNull();
      }
      const path = url.slice(start - 3);
      expect(decodeQrPayload(path + space)).toMatchObject({ ok: false, reason: "malformed" });
      expect(decodeQrPayload(space + path)).toMatchObject({ ok: false, reason: "not_ours" });
    });
  }

  it("accepts ASCII lower case and ASCII space, tab, CR and LF at the ends, and nothing in between", () => {
    for (const text of [
      url.toLowerCase(),
      ` ${url}`,
      `${url}\n`,
      `\t\r\n ${url.toLowerCase()} \r\n\t`,
      `\r\n${url.slice(start - 3).toLowerCase()}\t`,
    ]) {
      expect(decodeOk(text).fields.serial).toBe(diploma().serial);
      expect(verifyPathOf(text)).toBe(`/v/${url.slice(start)}`);
    }
    for (const inner of [" ", "\t", "\n"]) {
      expect(decodeQrPayload(url.slice(0, start + 10) + inner + url.slice(start + 10)).ok, JSON.stringify(inner)).toBe(
        false,
      );
    }
  });
});

describe("size: QR version 10 at error correction M at most", () => {
  it("fits the worst realistic diploma at the long origin, and a typical one in version 9", () => {
    const worst = encodeQrPayload(worstCase, signer, { baseUrl: LONG_ORIGIN });
    expect(decodeOk(worst).fields.holderName).toBe(LONG_NAME); // whole, not truncated
    expect(worst.length).toBeLessThanOrEqual(QR_MAX_CHARS);
    expect(qrMatrix(worst).version).toBeLessThanOrEqual(10);

    const typical = encodeQrPayload(diploma({ serial: "000123" }), signer, { baseUrl: LONG_ORIGIN });
    expect(qrMatrix(typical).version).toBeLessThanOrEqual(9);
    console.info(
      `QR text: typical ${typical.length} chars (version ${qrMatrix(typical).version}), worst ${worst.length} chars (version ${qrMatrix(worst).version})`,
    );
  });

  it("cuts a name too long to fit at a word boundary, flags it, and still fits", () => {
    const name = `${LONG_NAME} Trần Ngọc Bích Hạnh Phúc Xuân`;
    for (const baseUrl of [DEMO_ORIGIN, LONG_ORIGIN, "https://cong-thong-tin-van-bang.gdnn.molisa.gov.vn:8443"]) {
      const url = encodeQrPayload({ ...worstCase, holderName: name }, signer, { baseUrl });
      const decoded = decodeOk(url);
      expect(url.length).toBeLessThanOrEqual(QR_MAX_CHARS);
      expect(qrMatrix(url).version).toBeLessThanOrEqual(10);
      expect(decoded.fields.holderNameTruncated).toBe(true);
      expect(name.startsWith(`${decoded.fields.holderName} `)).toBe(true);
      expect(verifyQrSignature(decoded, publicKey)).toBe(true);
    }
  });

  it(`never carries more than ${HOLDER_NAME_MAX_BYTES} bytes of name, even when there is room`, () => {
    const name = "Ă".repeat(40); // one 80-byte word: cut between characters
    const decoded = decodeOk(
      encodeQrPayload(diploma({ holderName: name, serial: "000123" }), signer, { baseUrl: DEMO_ORIGIN }),
    );
    expect(decoded.fields.holderName).toBe("Ă".repeat(32));
    expect(decoded.fields.holderNameTruncated).toBe(true);
    const exact = "Ă".repeat(32);
    expect(
      decodeOk(encodeQrPayload(diploma({ holderName: exact, serial: "000123" }), signer, { baseUrl: DEMO_ORIGIN }))
        .fields.holderNameTruncated,
    ).toBe(false);
  });

  it("never parts a letter from its combining mark when cutting inside a word", () => {
    const name = "A\u0301".repeat(3) + "Ʉ\u0308".repeat(30); // one word; Ʉ̈ has no precomposed form
    const decoded = decodeOk(encodeQrPayload(diploma({ holderName: name }), signer, { baseUrl: DEMO_ORIGIN }));
    expect(decoded.fields.holderNameTruncated).toBe(true);
    expect(decoded.fields.holderName.endsWith("Ʉ\u0308")).toBe(true);
  });

  it("refuses when the origin leaves no room for a name", () => {
    const baseUrl = `https://${"a".repeat(40)}.gov.vn`;
    const long = { ...worstCase, schoolCode: "A".repeat(20), serial: "X".repeat(32) };
    expect(() => encodeQrPayload(long, signer, { baseUrl })).toThrow(expect.objectContaining({ code: "does_not_fit" }));
  });
});

describe("tampering: every change to a genuine payload is rejected", () => {
  const url = encodeQrPayload(worstCase, signer, { baseUrl: LONG_ORIGIN });
  const options = { expectedOrigins: [LONG_ORIGIN] };

  it("the genuine payload verifies", () => {
    expect(verifyQrSignature(decodeOk(url, options), publicKey)).toBe(true);
  });

  // The exhaustive mutation test (docs/qr-payload.md section 7), the only one: tests/slow/verification-fuzz.test.ts
  // samples mutations at random instead of repeating it.
  it("every substitution over the QR alphanumeric alphabet at every position (exhaustive)", () => {
    let decodedButUnsigned = 0;
    let tried = 0;
    for (let i = 0; i < url.length; i++) {
      for (const c of QR_ALPHABET) {
        if (c === url[i]) continue;
        const mutated = url.slice(0, i) + c + url.slice(i + 1);
        const result = decodeQrPayload(mutated, options);
        // A space at either end is trimmed by design (section 1): then the rest must still be wrong.
        expect(isRejected(result, opensslVerifies), `position ${i} → ${JSON.stringify(c)}`).toBe(true);
        if (result.ok) decodedButUnsigned++;
        tried++;
      }
    }
    expect(tried).toBe(url.length * (QR_ALPHABET.length - 1)); // all positions × the whole QR alphabet
    expect(decodedButUnsigned).toBeGreaterThan(0); // the signature, not only the format, did some of the work
  }, 60_000);

  it("a substitution at every position, checked with verifyQrSignature (the browser's code path)", () => {
    for (let i = 0; i < url.length; i++) {
      const c = QR_ALPHABET[(QR_ALPHABET.indexOf(url[i]!) + 1 + (i % 44)) % QR_ALPHABET.length]!;
      const mutated = url.slice(0, i) + c + url.slice(i + 1);
      expect(isRejected(decodeQrPayload(mutated, options)), `position ${i} → ${c}`).toBe(true);
    }
  });

  it("every truncation, and extensions by every character", () => {
    const start = url.indexOf("/V/") + 3;
    for (let length = 0; length < url.length; length++) {
      expect(decodeQrPayload(url.slice(0, length), options).ok, `first ${length} characters`).toBe(false);
      // Dropping the origin and "/V/" leaves a path or a bare payload, both valid forms: cut into the payload.
      if (length >= start)
        expect(isRejected(decodeQrPayload(url.slice(length + 1), options), opensslVerifies), `from ${length + 1}`).toBe(
          true,
        );
    }
    // (Surrounding whitespace is tolerated by design: a trailing space is not an extension.)
    for (const c of QR_ALPHABET.replace(" ", "") + "abcxyz=/?#") {
      for (const extra of [c, c.repeat(2), c.repeat(8)])
        expect(decodeQrPayload(url + extra, options).ok, `+${extra}`).toBe(false);
    }
  });

  it("a deleted or inserted character anywhere in the payload", () => {
    const start = url.indexOf("/V/") + 3;
    for (let i = start; i < url.length; i++) {
      expect(isRejected(decodeQrPayload(url.slice(0, i) + url.slice(i + 1)), opensslVerifies), `deleted at ${i}`).toBe(
        true,
      );
      expect(
        isRejected(decodeQrPayload(url.slice(0, i) + "A" + url.slice(i)), opensslVerifies),
        `inserted at ${i}`,
      ).toBe(true);
    }
  });
});

describe("bad input: never throws, always refused or correctly decoded (property-based)", () => {
  const genuine = encodeQrPayload(worstCase, signer, { baseUrl: LONG_ORIGIN });

  /** A decode that succeeded must be exactly what the bytes say: re-encoding its record gives the same bytes. */
  function checkConsistent(text: string, options?: Parameters<typeof decodeQrPayload>[1]) {
    const result = decodeQrPayload(text, options);
    expect(result).toHaveProperty("ok");
    if (!result.ok) {
      expect(["not_ours", "malformed", "unsupported_version"]).toContain(result.reason);
      expect(result.message.length).toBeGreaterThan(0);
      return result;
    }
    const payload = asciiNormal(text).split("/V/").at(-1)!;
    const bytes = decodeBase32(payload)!;
    expect(result.signedMessage.subarray(5)).toEqual(bytes.subarray(0, bytes.length - 64));
    expect(result.signature).toEqual(bytes.subarray(bytes.length - 64));
    return result;
  }

  it("random strings of any characters", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 400 }), (text) => {
        expect(isRejected(checkConsistent(text), opensslVerifies)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it("random strings over the QR alphanumeric alphabet, alone and after the /V/ prefix", () => {
    const qrText = fc.string({ unit: fc.constantFrom(...QR_ALPHABET), maxLength: 320 });
    fc.assert(
      fc.property(qrText, fc.boolean(), (text, prefixed) => {
        expect(
          isRejected(checkConsistent(prefixed ? `HTTPS://VANBANG.GDNN.GOV.VN/V/${text}` : text), opensslVerifies),
        ).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it("random bytes encoded in base32, with and without a version-1 first byte", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 250 }), fc.boolean(), (bytes, v1) => {
        if (v1) bytes[0] = 1;
        const result = checkConsistent(`/V/${encodeBase32(bytes)}`);
        if (result.ok) expect(verifyQrSignature(result, publicKey)).toBe(false);
      }),
      { numRuns: 3000 },
    );
  });

  it("genuine records with random bytes changed, then re-encoded canonically: only the signature can tell", () => {
    const bytes = decodeBase32(genuine.split("/V/")[1]!)!;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat({ max: bytes.length - 1 }), fc.integer({ min: 1, max: 255 })), {
          minLength: 1,
          maxLength: 4,
        }),
        (changes) => {
          const copy = bytes.slice();
          for (const [at, xor] of changes) copy[at]! ^= xor;
          const changed = copy.some((b, i) => b !== bytes[i]);
          const result = checkConsistent(`${LONG_ORIGIN}/V/${encodeBase32(copy)}`);
          if (changed) expect(isRejected(result, opensslVerifies)).toBe(true);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("genuine payloads mutated by substitutions, insertions and deletions", () => {
    const edit = fc.tuple(
      fc.constantFrom("sub", "ins", "del"),
      fc.nat(),
      fc.constantFrom(...QR_ALPHABET, "a", "z", "\n", "é", "/"),
    );
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 5 }), (edits) => {
        let text = genuine;
        for (const [kind, position, c] of edits) {
          const i = position % (text.length + 1);
          text =
            kind === "ins"
              ? text.slice(0, i) + c + text.slice(i)
              : text.slice(0, i) + (kind === "sub" ? c : "") + text.slice(i + 1);
        }
        // Without expected origins another host would be read (and the phone would open that host anyway).
        const result = checkConsistent(text, { expectedOrigins: [LONG_ORIGIN] });
        const sameAsGenuine = asciiNormal(text) === genuine;
        if (result.ok && !sameAsGenuine) expect(opensslVerifies(result)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it("any valid diploma fields round-trip, and verify", () => {
    const vietnamese = fc.constantFrom(
      ..."aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ",
    );
    const word = fc
      .string({ unit: vietnamese, minLength: 1, maxLength: 8 })
      .map((w) => w[0]!.toUpperCase() + w.slice(1));
    const fields = fc.record({
      schoolCode: fc.stringMatching(/^[A-Z0-9][A-Z0-9-]{1,19}$/),
      credentialId: fc.uuid(),
      serial: fc.stringMatching(/^[A-Z0-9][A-Z0-9/-]{0,15}$/),
      holderName: fc.array(word, { minLength: 1, maxLength: 9 }).map((w) => w.join(" ")),
      programmeCode: fc.stringMatching(/^[0-9]{7,8}$/),
      levelCode: fc.constantFrom(...TRAINING_LEVELS.map((l) => l.code)),
      classification: fc.constantFrom(...CLASSIFICATIONS),
      graduationYear: fc.integer({ min: 1900, max: 2155 }),
      issueDate: fc
        .date({ min: new Date("1970-01-01"), max: new Date("2149-06-06"), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10)),
      revocation: fc.record({ listNumber: fc.nat(65_535), index: fc.nat(16_777_215) }),
      suspension: fc.option(fc.record({ listNumber: fc.nat(65_535), index: fc.nat(16_777_215) })),
    });
    fc.assert(
      fc.property(fields, fc.constantFrom(DEMO_ORIGIN, LONG_ORIGIN), (f, baseUrl) => {
        const input: QrPayloadInput = { ...f, keyTag: keyTagOf(publicKey) };
        const url = encodeQrPayload(input, signer, { baseUrl });
        expect(url.length).toBeLessThanOrEqual(QR_MAX_CHARS);
        const decoded = decodeOk(url);
        const { holderName, holderNameTruncated } = decoded.fields;
        expect({ ...decoded.fields, holderName: "", holderNameTruncated: false }).toEqual({
          ...input,
          holderName: "",
          suspension: input.suspension ?? null,
          holderNameTruncated: false,
        });
        if (holderNameTruncated) expect(input.holderName.startsWith(`${holderName} `)).toBe(true);
        else expect(holderName).toBe(input.holderName);
        expect(verifyQrSignature(decoded, publicKey)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("other portals' QR codes are not ours", () => {
    const others = [
      "https://example.com/",
      "https://vanbang.gdnn.gov.vn/credentials/3f2b6c1e-8a4d-4c2b-9e1f-0a1b2c3d4e5f/vc.json",
      "https://vneid.gov.vn/?qr=0123456789",
      "001099012345|123456789|Nguyễn Văn An|01011999|Nam|Số 1 Tràng Tiền, Hoàn Kiếm, Hà Nội|15072021",
      "HC1:6BFOXN%TS3DH0YOJ58S S-W5HDC *M0II5XHC9B5G2+$N IOP-IA%NFQGRJPC%OQHIZC4.OI1RM8ZA.A5:S9MKN4NN3F85QNCY0O%0VZ001HOC9JU0D0HT0HB2PL/IB*09B9LW4T*8+DCMH0LDK2%K:XFE70*LP$V25$0Q:J:4MO1P0%0L0HD+9E/HY+4J6TH48S%4K.GJ2PT3QY:GQ3TE2I+-CPHN6D7LLK*Y0Z.6A7S%JSYVL-9N4KF8Z7LCMQI09RQP%J3-RH3R",
      "shc:/56762909524320603460292437404460312229595326546034602925407728043360287028647167452228092861333145643765314159064022030645045908564355034142454136403706366541713724123638030437562204673740753232392543344332605736010645293161123274252843507672456365",
      "WIFI:S:vanbang;T:WPA;P:secret;;",
      "",
      "   ",
      "/V/",
      "HTTPS://VANBANG.GDNN.GOV.VN/V/",
    ];
    for (const text of others) {
      const result = decodeQrPayload(text);
      expect(result.ok, text).toBe(false);
      if (!result.ok) expect(["not_ours", "malformed"]).toContain(result.reason);
    }
    expect(decodeQrPayload("https://example.com/")).toMatchObject({ reason: "not_ours" });
    expect(decodeQrPayload("HC1:6BFOXN%TS3DH0YOJ58S")).toMatchObject({ reason: "not_ours" });
    for (const value of [null, undefined, 42, {}, ["/V/A"]])
      expect(decodeQrPayload(value)).toMatchObject({ ok: false, reason: "not_ours" });
    expect(decodeQrPayload("x".repeat(100_000)).ok).toBe(false);
    expect(decodeQrPayload(`/V/${"A".repeat(100_000)}`).ok).toBe(false);
  });
});

describe("docs/qr-payload.md", () => {
  it("holds the worked example exactly as the code produces it (regenerate: npx tsx scripts/qr-example.ts --write)", () => {
    expect(exampleInDocument(readFileSync(DOC_PATH, "utf8"))).toBe(buildQrExample());
  });

  it("the example verifies with the W3C test key", () => {
    const keyPair = JSON.parse(
      readFileSync(new URL("../fixtures/w3c-vc-di-eddsa/keyPair.json", import.meta.url), "utf8"),
    ) as { publicKeyMultibase: string };
    const { publicKey: key } = exampleKey();
    const url = /```text\n(HTTPS:\/\/[^\n]+)\n```/.exec(buildQrExample())![1]!;
    const decoded = decodeOk(url);
    expect(decoded.fields).toEqual({ ...exampleInput(), holderNameTruncated: false });
    expect(verifyQrSignature(decoded, key)).toBe(true);
    expect(buildQrExample()).toContain(keyPair.publicKeyMultibase);
  });
});
