import { describe, expect, it } from "vitest";
import { nextKeyRef } from "~/modules/keys/create-signing-key.server";
import { buildDidDocument, buildTrustRegistry } from "~/modules/keys/did-documents";
import { didWebHost, issuerDid, ministryDid, xsdDateTime } from "~/modules/keys/did-web";
import { parseVietnamDateTime } from "~/modules/keys/schema";

describe("did:web identifiers", () => {
  it("uses the host of the public origin, percent-encoding a port", () => {
    expect(ministryDid("https://vanbang.moet.gov.vn")).toBe("did:web:vanbang.moet.gov.vn");
    expect(issuerDid("https://vanbang.moet.gov.vn/", "CDCNHN")).toBe("did:web:vanbang.moet.gov.vn:issuers:CDCNHN");
    expect(didWebHost("http://localhost:3000")).toBe("localhost%3A3000");
    expect(issuerDid("http://127.0.0.1:8080", "TCKTDN")).toBe("did:web:127.0.0.1%3A8080:issuers:TCKTDN");
  });

  it("writes times without milliseconds", () => {
    expect(xsdDateTime(new Date("2025-03-01T01:30:00.123Z"))).toBe("2025-03-01T01:30:00Z");
  });
});

describe("key references", () => {
  it("counts up from the highest used, never reusing one", () => {
    expect(nextKeyRef([])).toBe("key-1");
    expect(nextKeyRef(["key-1", "key-2"])).toBe("key-3");
    expect(nextKeyRef(["key-2", "key-10", "other"])).toBe("key-11");
  });
});

describe("DID documents and the trust registry", () => {
  const did = "did:web:example.vn:issuers:CDA";
  const keys = [
    {
      keyRef: "key-1",
      publicKeyMultibase: "z6MkA",
      status: "compromised" as const,
      activatedAt: new Date("2024-01-01T00:00:00Z"),
      retiredAt: new Date("2025-04-01T00:00:00Z"),
      compromisedFrom: new Date("2025-03-01T00:00:00Z"),
    },
    {
      keyRef: "key-2",
      publicKeyMultibase: "z6MkB",
      status: "retired" as const,
      activatedAt: new Date("2025-04-01T00:00:00Z"),
      retiredAt: new Date("2025-05-01T00:00:00Z"),
      compromisedFrom: null,
    },
    {
      keyRef: "key-3",
      publicKeyMultibase: "z6MkC",
      status: "active" as const,
      activatedAt: new Date("2025-05-01T00:00:00Z"),
      retiredAt: null,
      compromisedFrom: null,
    },
  ];

  it("lists every key as Multikey in verificationMethod and assertionMethod, a compromised one with `revoked`", () => {
    const doc = buildDidDocument(did, keys);
    expect(doc["@context"]).toEqual(["https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"]);
    expect(doc.verificationMethod).toEqual([
      {
        id: `${did}#key-1`,
        type: "Multikey",
        controller: did,
        publicKeyMultibase: "z6MkA",
        revoked: "2025-03-01T00:00:00Z",
      },
      { id: `${did}#key-2`, type: "Multikey", controller: did, publicKeyMultibase: "z6MkB" },
      { id: `${did}#key-3`, type: "Multikey", controller: did, publicKeyMultibase: "z6MkC" },
    ]);
    expect(doc.assertionMethod).toEqual([`${did}#key-1`, `${did}#key-2`, `${did}#key-3`]);
  });

  it("gives each key's whole life in the registry, valid for a day", () => {
    const registry = buildTrustRegistry({
      url: "https://example.vn/trust-registry.json",
      issuer: "did:web:example.vn",
      issued: new Date("2025-06-01T00:00:00.500Z"),
      schools: [
        {
          code: "CDA",
          name: "Trường A",
          nameEn: null,
          did,
          provinceCode: "01",
          provinceName: "Hà Nội",
          schoolType: "cao_dang",
          accreditedAt: null,
          keys,
        },
      ],
    });
    expect(registry.issued).toBe("2025-06-01T00:00:00Z");
    expect(registry.validUntil).toBe("2025-06-02T00:00:00Z");
    expect(registry.schools[0]!.keys).toEqual([
      {
        id: `${did}#key-1`,
        type: "Multikey",
        publicKeyMultibase: "z6MkA",
        status: "compromised",
        activatedAt: "2024-01-01T00:00:00Z",
        retiredAt: "2025-04-01T00:00:00Z",
        compromisedFrom: "2025-03-01T00:00:00Z",
      },
      {
        id: `${did}#key-2`,
        type: "Multikey",
        publicKeyMultibase: "z6MkB",
        status: "retired",
        activatedAt: "2025-04-01T00:00:00Z",
        retiredAt: "2025-05-01T00:00:00Z",
        compromisedFrom: null,
      },
      {
        id: `${did}#key-3`,
        type: "Multikey",
        publicKeyMultibase: "z6MkC",
        status: "active",
        activatedAt: "2025-05-01T00:00:00Z",
        retiredAt: null,
        compromisedFrom: null,
      },
    ]);
  });
});

describe("the compromise form's date", () => {
  it("reads a date or a datetime-local value as Vietnam time (UTC+7)", () => {
    expect(parseVietnamDateTime("2025-03-01T08:30")?.toISOString()).toBe("2025-03-01T01:30:00.000Z");
    expect(parseVietnamDateTime("2025-03-01")?.toISOString()).toBe("2025-02-28T17:00:00.000Z");
    expect(parseVietnamDateTime("2025-03-01T08:30:15")?.toISOString()).toBe("2025-03-01T01:30:15.000Z");
  });

  it("refuses days that do not exist and anything else", () => {
    for (const bad of [
      "2025-02-30",
      "2025-04-31T10:00",
      "2025-13-01",
      "2025-03-01T24:00",
      "01/03/2025",
      "",
      "2025-03-01T08:30Z",
    ]) {
      expect(parseVietnamDateTime(bad)).toBeNull();
    }
  });
});
