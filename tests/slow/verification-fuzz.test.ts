/**
 * The QR payload decoder under random and mutated input (fast-check), and the rule of docs/qr-payload.md section 7:
 * every single-character change of a genuine QR text is rejected, by the decoder (with the expected origin) or by
 * the signature. Pure: the signature is checked against the key that signed, as a verifier with the registry would.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeQrPayload, encodeQrPayload, keyTagOf, verifyQrSignature, type QrPayloadInput } from "~/modules/qr/payload";
import { generatePrivateKey, publicKeyOf, sign } from "~/modules/signing/ed25519";
import { toVcApiResponse } from "~/modules/verification/vc-api";
import { VERDICTS } from "~/modules/verification/verdict";

const ORIGIN = "https://vanbang.gdnn.gov.vn";
const QR_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";
const privateKey = generatePrivateKey();
const publicKey = publicKeyOf(privateKey);

const input: QrPayloadInput = {
  schoolCode: "CDCNHN",
  keyTag: keyTagOf(publicKey),
  credentialId: "0b4a2c1e-5f3d-4e6a-9b8c-7d1e2f3a4b5c",
  serial: "CĐ-2025-000123",
  holderName: "Nguyễn Thị Phương Thảo",
  programmeCode: "6480201",
  levelCode: "cao_dang",
  classification: "gioi",
  graduationYear: 2025,
  issueDate: "2025-07-15",
  revocation: { listNumber: 1, index: 48213 },
  suspension: { listNumber: 1, index: 90412 },
};
const genuine = encodeQrPayload(input, (m) => sign(m, privateKey), { baseUrl: ORIGIN });

/** What the server's verifier accepts before the status check: ours, well-formed, signed by the school's key. */
function accepted(text: unknown): boolean {
  const decoded = decodeQrPayload(text, { expectedOrigins: [ORIGIN] });
  return decoded.ok && verifyQrSignature(decoded, publicKey);
}

describe("QR payload decoding under attack", () => {
  it("accepts the genuine text (the baseline of the mutation tests)", () => {
    expect(accepted(genuine)).toBe(true);
  });

  it("never throws on random strings, random base32, random bytes or non-strings", () => {
    const base32 = fc.string({ unit: fc.constantFrom(..."ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"), maxLength: 400 });
    const bytesAsText = fc.uint8Array({ maxLength: 600 }).map((b) => new TextDecoder().decode(b));
    const anything = fc.oneof(fc.string({ maxLength: 500 }), fc.string({ unit: "binary", maxLength: 500 }), base32, base32.map((p) => `${ORIGIN}/V/${p}`), bytesAsText, fc.anything());
    fc.assert(
      fc.property(anything, (text) => {
        const decoded = decodeQrPayload(text, { expectedOrigins: [ORIGIN] });
        expect(typeof decoded.ok).toBe("boolean");
        if (!decoded.ok) expect(decoded.message.length).toBeGreaterThan(0);
        expect(accepted(text)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it("never throws on mutated genuine payloads, and accepts none that changed (beyond case and outer spaces)", () => {
    const edit = fc.oneof(
      fc.record({ kind: fc.constant("replace" as const), at: fc.nat(), char: fc.string({ minLength: 1, maxLength: 1, unit: "binary" }) }),
      fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), char: fc.string({ minLength: 1, maxLength: 3, unit: "binary" }) }),
      fc.record({ kind: fc.constant("delete" as const), at: fc.nat(), char: fc.constant("") }),
      fc.record({ kind: fc.constant("truncate" as const), at: fc.nat(), char: fc.constant("") }),
    );
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => {
        let text = genuine;
        for (const e of edits) {
          const at = e.at % (text.length + 1);
          if (e.kind === "replace") text = text.slice(0, at) + e.char + text.slice(at + 1);
          else if (e.kind === "insert") text = text.slice(0, at) + e.char + text.slice(at);
          else if (e.kind === "delete") text = text.slice(0, at) + text.slice(at + 1);
          else text = text.slice(0, at);
        }
        const same = text.replace(/^[ \t\r\n]+/, "").replace(/[ \t\r\n]+$/, "").replace(/[a-z]/g, (c) => c.toUpperCase()) === genuine;
        expect(accepted(text)).toBe(same);
      }),
      { numRuns: 3000 },
    );
  });

  it("rejects EVERY single-character change of the genuine text: all positions × the whole QR alphabet", () => {
    let tried = 0;
    for (let i = 0; i < genuine.length; i++) {
      for (const c of QR_ALPHABET) {
        if (c === genuine[i]) continue;
        const mutated = genuine.slice(0, i) + c + genuine.slice(i + 1);
        // A space at either end is trimmed by design (section 1): then the rest must still be wrong.
        if (accepted(mutated)) throw new Error(`accepted a change at ${i} to ${JSON.stringify(c)}: ${mutated}`);
        tried++;
      }
    }
    expect(tried).toBe(genuine.length * (QR_ALPHABET.length - 1));
  }, 30_000);
});

describe("the VC-API response shape", () => {
  it("lists the checks passed before the failing one and one error per reason", () => {
    for (const verdict of VERDICTS) {
      const response = toVcApiResponse({ verdict, reasons: [{ code: "x", vi: "x", en: "why" }], diploma: null, issuer: null });
      expect(response.warnings).toEqual([]);
      expect(response.errors.length).toBe(verdict === "valid" ? 0 : 1);
      expect(response.checks.length).toBe(verdict === "valid" ? 4 : response.checks.length);
    }
  });
});
