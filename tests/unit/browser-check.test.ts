/**
 * The verify page's independent check in the browser, end to end with its I/O faked: the ministry's signature on
 * the trust registry (pinned key), the QR signature, the school's signed status lists and the diploma's bits.
 * Whatever cannot be fetched or verified gives status_unknown — never valid.
 */
import { describe, expect, it } from "vitest";
import { gunzip } from "~/lib/gunzip";
import { generatePrivateKey } from "~/modules/signing/ed25519";
import { browserAgrees, verifyQrInBrowser, type BrowserCheckDeps } from "~/modules/verification/check-in-browser";
import { checkTrustRegistry } from "~/modules/verification/check-trust-registry";
import {
  NOW,
  REVOCATION_INDEX,
  SCHOOL,
  SUSPENSION_INDEX,
  listPath,
  pinned,
  qrInput,
  qrText,
  schoolKeyRow,
  signedRegistry,
  signedStatusList,
} from "../support/browser-check-fixtures";

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe("checkTrustRegistry", () => {
  it("accepts the registry signed by a pinned ministry key and reads its schools and keys", () => {
    const checked = checkTrustRegistry(clone(signedRegistry()), pinned, NOW);
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.stale).toBe(false);
    expect(checked.registry.origin).toBe("https://vanbang.example.vn");
    expect(checked.registry.schools.map((s) => [s.code, s.keys.length])).toEqual([[SCHOOL, 1]]);
  });

  it("refuses a registry changed after signing (a key swapped in), or signed by a key that is not pinned", () => {
    const registry = clone(signedRegistry()) as unknown as { schools: { keys: { publicKeyMultibase: string }[] }[] };
    registry.schools[0]!.keys[0]!.publicKeyMultibase = schoolKeyRow({
      publicKeyMultibase: "z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK",
    }).publicKeyMultibase;
    expect(checkTrustRegistry(registry, pinned, NOW)).toEqual({ ok: false, reason: "bad_signature" });
    expect(checkTrustRegistry(clone(signedRegistry({ signer: generatePrivateKey() })), pinned, NOW)).toEqual({
      ok: false,
      reason: "bad_signature",
    });
    expect(checkTrustRegistry(clone(signedRegistry()), [], NOW)).toEqual({ ok: false, reason: "unknown_key" });
    expect(checkTrustRegistry({ schools: [] }, pinned, NOW)).toMatchObject({ ok: false });
    expect(checkTrustRegistry("registry", pinned, NOW)).toMatchObject({ ok: false });
  });

  it("says stale past validUntil (24 h after issue)", () => {
    const checked = checkTrustRegistry(clone(signedRegistry()), pinned, new Date("2026-07-02T02:00:00Z"));
    expect(checked).toMatchObject({ ok: true, stale: true });
  });
});

/** A fake same-origin server: path → JSON body (or a rejection for a network error). */
function deps(routes: Record<string, unknown>, now = NOW): BrowserCheckDeps {
  return {
    fetchJson: async (path) => {
      if (!(path in routes) || routes[path] === undefined) throw new Error(`offline: ${path}`);
      return clone(routes[path]);
    },
    pinnedKeys: pinned,
    gunzip: (bytes) => gunzip(bytes),
    now,
  };
}

async function world(options: { revoked?: boolean; suspended?: boolean } = {}) {
  return {
    "/trust-registry.json": signedRegistry(),
    [listPath("revocation")]: await signedStatusList("revocation", options.revoked ? [REVOCATION_INDEX] : [1, 2, 3]),
    [listPath("suspension")]: await signedStatusList("suspension", options.suspended ? [SUSPENSION_INDEX] : []),
  } as Record<string, unknown>;
}

describe("verifyQrInBrowser", () => {
  it("says valid for a genuine diploma whose bits are clear, revoked or suspended when its bit is set", async () => {
    expect(await verifyQrInBrowser(qrText(), deps(await world()))).toMatchObject({
      verdict: "valid",
      signature: "passed",
      problem: null,
    });
    expect(await verifyQrInBrowser(qrText(), deps(await world({ revoked: true })))).toMatchObject({
      verdict: "revoked",
      signature: "passed",
    });
    expect(await verifyQrInBrowser(qrText(), deps(await world({ suspended: true })))).toMatchObject({
      verdict: "suspended",
    });
    expect(await verifyQrInBrowser(qrText(), deps(await world({ revoked: true, suspended: true })))).toMatchObject({
      verdict: "revoked",
    });
    const noSuspension = await verifyQrInBrowser(
      qrText({ ...qrInput, suspension: null }),
      deps({ ...(await world()), [listPath("suspension")]: undefined }),
    );
    expect(noSuspension.verdict).toBe("valid");
  });

  it("says status_unknown, never valid, when a status list is missing, tampered or of another school key", async () => {
    const routes = await world({ revoked: true });
    const clear = await signedStatusList("revocation", []);
    const list = routes[listPath("revocation")] as typeof clear;
    const tampered = {
      ...list,
      credentialSubject: { ...list.credentialSubject, encodedList: clear.credentialSubject.encodedList },
    };
    expect(await verifyQrInBrowser(qrText(), deps({ ...routes, [listPath("revocation")]: tampered }))).toMatchObject({
      verdict: "status_unknown",
      signature: "passed",
      problem: "status_unverified",
    });
    expect(await verifyQrInBrowser(qrText(), deps({ ...routes, [listPath("revocation")]: undefined }))).toMatchObject({
      verdict: "status_unknown",
      problem: "status_unavailable",
    });
    const forged = await signedStatusList("revocation", [], { privateKey: generatePrivateKey() });
    expect(await verifyQrInBrowser(qrText(), deps({ ...routes, [listPath("revocation")]: forged }))).toMatchObject({
      verdict: "status_unknown",
    });
  });

  it("does not use a registry that fails the ministry's signature, nor an unreachable one, nor a stale one for the status", async () => {
    const routes = await world();
    const registry = clone(routes["/trust-registry.json"]) as { schools: { name: string }[] };
    registry.schools[0]!.name = "Trường giả mạo";
    expect(await verifyQrInBrowser(qrText(), deps({ ...routes, "/trust-registry.json": registry }))).toEqual({
      verdict: "status_unknown",
      signature: null,
      problem: "registry_unverified",
      school: null,
    });
    expect(await verifyQrInBrowser(qrText(), deps({ ...routes, "/trust-registry.json": undefined }))).toMatchObject({
      signature: null,
      problem: "registry_unavailable",
    });
    expect(await verifyQrInBrowser(qrText(), deps(routes, new Date("2026-07-03T00:00:00Z")))).toMatchObject({
      verdict: "status_unknown",
      signature: "passed",
      problem: "registry_stale",
    });
  });

  it("says invalid_signature, unknown_issuer, key_not_valid or malformed from the QR code alone", async () => {
    const routes = await world();
    const text = qrText();
    const at = text.length - 20;
    const tampered = text.slice(0, at) + (text[at] === "A" ? "B" : "A") + text.slice(at + 1);
    expect((await verifyQrInBrowser(tampered, deps(routes))).verdict).toBe("invalid_signature");
    expect((await verifyQrInBrowser(qrText({ ...qrInput, schoolCode: "KHAC" }), deps(routes))).verdict).toBe(
      "unknown_issuer",
    );
    const compromised = {
      ...routes,
      "/trust-registry.json": signedRegistry({
        keys: [
          schoolKeyRow({
            status: "compromised",
            compromisedFrom: new Date("2025-07-01T00:00:00Z"),
            retiredAt: new Date("2025-07-01T00:00:00Z"),
          }),
        ],
      }),
    };
    expect((await verifyQrInBrowser(text, deps(compromised))).verdict).toBe("key_not_valid");
    expect((await verifyQrInBrowser("/V/ABC", deps(routes))).verdict).toBe("malformed");
  });

  it("agrees with the server on the same verdict, and on revoked for a diploma the server knows was superseded", () => {
    expect(browserAgrees("valid", "valid")).toBe(true);
    expect(browserAgrees("superseded", "revoked")).toBe(true);
    expect(browserAgrees("valid", "status_unknown")).toBe(false);
    expect(browserAgrees("valid", "revoked")).toBe(false);
    expect(browserAgrees("revoked", "valid")).toBe(false);
  });
});
