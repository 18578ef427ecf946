/**
 * The verify page's pure helpers: from pasted or scanned text to "/v/{payload}" (verifyPathOf), the in-browser
 * signature check against a trust registry (checkQrInBrowser), and the key-validity rule it shares with the server.
 */
import { describe, expect, it } from "vitest";
import { generatePrivateKey, publicKeyOf } from "~/modules/signing/ed25519";
import { checkQrInBrowser, keyValidOn } from "~/modules/verification/check-in-browser";
import { keyValidityProblem } from "~/modules/verification/checks.server";
import type { TrustedRegistry } from "~/modules/verification/check-trust-registry";
import { verifyPathOf } from "~/modules/verification/verify-path";
import { QR_ORIGIN, qrDiploma, signedQrText } from "../support/qr-fixture";

const ORIGIN = QR_ORIGIN;
const privateKey = generatePrivateKey();
const publicKey = publicKeyOf(privateKey);

const url = signedQrText(qrDiploma(publicKey), privateKey, ORIGIN);
const payload = url.slice(url.indexOf("/V/") + 3);

function registry(
  key: Partial<{ retiredAt: string | null; compromisedFrom: string | null }> = {},
  listed = publicKey,
): TrustedRegistry {
  return {
    origin: ORIGIN,
    issued: "2025-07-01T00:00:00Z",
    validUntil: "2025-07-02T00:00:00Z",
    schools: [
      {
        code: "CDCNHN",
        name: null,
        did: "did:web:vanbang.gdnn.gov.vn:issuers:CDCNHN",
        keys: [
          {
            id: "did:web:vanbang.gdnn.gov.vn:issuers:CDCNHN#key-1",
            publicKey: listed,
            status: "active",
            retiredAt: null,
            compromisedFrom: null,
            ...key,
          },
        ],
      },
    ],
  };
}

describe("verifyPathOf", () => {
  it("finds the payload in the URL (any case, spaces around), its path, or the bare payload", () => {
    for (const text of [url, url.toLowerCase(), `  ${url}\n`, `/V/${payload}`, payload]) {
      expect(verifyPathOf(text, { expectedOrigins: [ORIGIN] })).toBe(`/v/${payload}`);
    }
  });

  it("refuses another site's QR code, garbage and non-text", () => {
    expect(verifyPathOf(url.replace("GDNN.GOV.VN", "EVIL.EXAMPLE"), { expectedOrigins: [ORIGIN] })).toBeNull();
    for (const text of ["", "xin chào", "https://example.com/", "/V/ABC", "/V/", 42, null])
      expect(verifyPathOf(text)).toBeNull();
  });
});

describe("checkQrInBrowser", () => {
  it("passes a genuine payload signed by the school's listed key", () => {
    expect(checkQrInBrowser(`/V/${payload}`, registry())).toBe("passed");
  });

  it("fails a payload whose signature was changed", () => {
    const at = payload.length - 20;
    const tampered = payload.slice(0, at) + (payload[at] === "A" ? "B" : "A") + payload.slice(at + 1);
    expect(checkQrInBrowser(`/V/${tampered}`, registry())).toBe("failed");
  });

  it("says unknown_issuer without the school or a key with the payload's tag, malformed for garbage", () => {
    expect(checkQrInBrowser(`/V/${payload}`, { ...registry(), schools: [] })).toBe("unknown_issuer");
    expect(checkQrInBrowser(`/V/${payload}`, registry({}, publicKeyOf(generatePrivateKey())))).toBe("unknown_issuer");
    expect(checkQrInBrowser("/V/ABC", registry())).toBe("malformed");
  });

  it("says key_not_valid when the key was compromised before the end of, or retired before the start of, the issue date (Vietnam time)", () => {
    // 2025-07-15 in Vietnam (UTC+7) runs from 2025-07-14T17:00Z to 2025-07-15T17:00Z.
    expect(checkQrInBrowser(`/V/${payload}`, registry({ compromisedFrom: "2025-07-15T08:00:00Z" }))).toBe(
      "key_not_valid",
    );
    expect(checkQrInBrowser(`/V/${payload}`, registry({ compromisedFrom: "2025-07-15T16:59:59Z" }))).toBe(
      "key_not_valid",
    );
    expect(checkQrInBrowser(`/V/${payload}`, registry({ compromisedFrom: "2025-07-15T17:00:00Z" }))).toBe("passed");
    expect(checkQrInBrowser(`/V/${payload}`, registry({ retiredAt: "2025-07-14T16:59:59Z" }))).toBe("key_not_valid");
    expect(checkQrInBrowser(`/V/${payload}`, registry({ retiredAt: "2025-07-14T23:00:00Z" }))).toBe("passed"); // retired during the issue day
    expect(
      checkQrInBrowser(
        `/V/${payload}`,
        registry({ retiredAt: "2025-07-15T23:00:00Z", compromisedFrom: "2025-08-01T00:00:00Z" }),
      ),
    ).toBe("passed");
  });

  it("applies the same key-validity rule as the server", () => {
    const instants = [
      "2025-07-14T16:59:59Z",
      "2025-07-14T17:00:00Z",
      "2025-07-15T08:00:00Z",
      "2025-07-15T16:59:59Z",
      "2025-07-15T17:00:00Z",
      "2025-07-16T00:00:00Z",
    ];
    for (const retiredAt of [null, ...instants]) {
      for (const compromisedFrom of [null, ...instants]) {
        const server = keyValidityProblem(
          {
            retiredAt: retiredAt ? new Date(retiredAt) : null,
            compromisedFrom: compromisedFrom ? new Date(compromisedFrom) : null,
          },
          "2025-07-15",
        );
        expect(keyValidOn({ retiredAt, compromisedFrom }, "2025-07-15"), `${retiredAt} / ${compromisedFrom}`).toBe(
          server === null,
        );
      }
    }
  });
});
