/** Claim codes: derived from the diploma id under a KEK-derived key, typed back by people. Pure. */
import { describe, expect, it } from "vitest";
import { claimCodeMatches, deriveClaimCode, formatClaimCode, normaliseClaimCode } from "~/modules/diplomas/claim-code";

describe("claim codes (pure)", () => {
  const key = new Uint8Array(32).fill(7);
  it("are 10 Crockford characters, stable per diploma, different between diplomas", () => {
    const a = deriveClaimCode(key, "0b0b7f2e-3c4d-4e5f-8a9b-0c1d2e3f4a5b");
    expect(a).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/);
    expect(deriveClaimCode(key, "0B0B7F2E-3C4D-4E5F-8A9B-0C1D2E3F4A5B")).toBe(a);
    expect(deriveClaimCode(key, "0b0b7f2e-3c4d-4e5f-8a9b-0c1d2e3f4a5c")).not.toBe(a);
    expect(deriveClaimCode(new Uint8Array(32).fill(8), "0b0b7f2e-3c4d-4e5f-8a9b-0c1d2e3f4a5b")).not.toBe(a);
  });
  it("are the codes already handed out: fixed vectors (the MAC's first 50 bits in Crockford base32)", () => {
    expect(deriveClaimCode(key, "0b0b7f2e-3c4d-4e5f-8a9b-0c1d2e3f4a5b")).toBe("CEKQEX0WX7");
    expect(
      deriveClaimCode(
        Uint8Array.from({ length: 32 }, (_, i) => i),
        "00000000-0000-4000-8000-000000000000",
      ),
    ).toBe("5F8AT0SFBV");
  });
  it("read back whatever way they are typed", () => {
    expect(normaliseClaimCode(" 7kq2m-xd4pa ")).toBe("7KQ2MXD4PA");
    expect(normaliseClaimCode("O1ILO-ABCDE")).toBe("01110ABCDE");
    expect(normaliseClaimCode("7KQ2M-XD4P")).toBeNull();
    expect(normaliseClaimCode("7KQ2M-XD4PU")).toBeNull(); // U is not in the alphabet
    expect(formatClaimCode("7KQ2MXD4PA")).toBe("7KQ2M-XD4PA");
  });
  it("match only the diploma's own code", () => {
    const id = "0b0b7f2e-3c4d-4e5f-8a9b-0c1d2e3f4a5b";
    const code = deriveClaimCode(key, id);
    expect(claimCodeMatches(key, id, code)).toBe(true);
    expect(claimCodeMatches(key, id, normaliseClaimCode(formatClaimCode(code).toLowerCase())!)).toBe(true);
    expect(claimCodeMatches(key, id, code.slice(0, 9) + (code[9] === "0" ? "1" : "0"))).toBe(false);
    expect(claimCodeMatches(key, "0b0b7f2e-3c4d-4e5f-8a9b-0c1d2e3f4a5c", code)).toBe(false);
  });
});
