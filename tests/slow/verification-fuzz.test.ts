/**
 * The QR payload decoder under random and mutated input (fast-check), and the rule of docs/qr-payload.md section 7:
 * every single-character change of a genuine QR text is rejected, by the decoder (with the expected origin) or by
 * the signature. Pure: the signature is checked against the key that signed, as a verifier with the registry would.
 * Here the changes are sampled; the exhaustive run (all positions × the QR alphabet) is in qr-payload.test.ts.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeQrPayload, verifyQrSignature } from "~/modules/qr/payload";
import { toVcApiResponse } from "~/modules/verification/vc-api";
import { VERDICTS } from "~/modules/verification/verdict";
import { QR_ALPHABET, QR_ORIGIN as ORIGIN, exampleInput, exampleKey, signedQrText } from "../support/qr-fixture";

// The worked example of docs/qr-payload.md (the shared QR fixture), signed with the W3C test key.
const { privateKey, publicKey } = exampleKey();
const genuine = signedQrText(exampleInput(), privateKey, ORIGIN);

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
    const anything = fc.oneof(
      fc.string({ maxLength: 500 }),
      fc.string({ unit: "binary", maxLength: 500 }),
      base32,
      base32.map((p) => `${ORIGIN}/V/${p}`),
      bytesAsText,
      fc.anything(),
    );
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
      fc.record({
        kind: fc.constant("replace" as const),
        at: fc.nat(),
        char: fc.string({ minLength: 1, maxLength: 1, unit: "binary" }),
      }),
      fc.record({
        kind: fc.constant("insert" as const),
        at: fc.nat(),
        char: fc.string({ minLength: 1, maxLength: 3, unit: "binary" }),
      }),
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
        const same =
          text
            .replace(/^[ \t\r\n]+/, "")
            .replace(/[ \t\r\n]+$/, "")
            .replace(/[a-z]/g, (c) => c.toUpperCase()) === genuine;
        expect(accepted(text)).toBe(same);
      }),
      { numRuns: 3000 },
    );
  });

  it("rejects single-character changes over the whole QR alphabet at random positions (sampled)", () => {
    fc.assert(
      fc.property(fc.nat({ max: genuine.length - 1 }), fc.constantFrom(...QR_ALPHABET), (i, c) => {
        fc.pre(c !== genuine[i]);
        const mutated = genuine.slice(0, i) + c + genuine.slice(i + 1);
        // A space at either end is trimmed by design (section 1): then the rest must still be wrong.
        expect(accepted(mutated), `a change at ${i} to ${JSON.stringify(c)}`).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});

describe("the VC-API response shape", () => {
  it("lists the checks passed before the failing one and one error per reason", () => {
    for (const verdict of VERDICTS) {
      const response = toVcApiResponse({
        verdict,
        reasons: [{ code: "x", vi: "x", en: "why" }],
        diploma: null,
        issuer: null,
      });
      expect(response.warnings).toEqual([]);
      expect(response.errors.length).toBe(verdict === "valid" ? 0 : 1);
      expect(response.checks.length).toBe(verdict === "valid" ? 4 : response.checks.length);
    }
  });
});
