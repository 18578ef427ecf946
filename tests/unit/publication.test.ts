/**
 * The pure parts of what the portal publishes: credential ids in capability URLs, media-type negotiation, the
 * status list credential and the log document as built, the register's search and its lines.
 */
import { describe, expect, it } from "vitest";
import { buildLogDocument } from "~/modules/issuance-log/log-document";
import { accepts, inReadingOrder } from "~/modules/publication/media-types";
import { parseUuid } from "~/lib/uuid";
import { registerLines } from "~/modules/register/register-lines";
import { parseRegisterQuery, readSearchTerm, registerFilterParams } from "~/modules/register/schema";
import { buildStatusListCredential, STATUS_LIST_TTL_MS } from "~/modules/status/status-list-credential";

describe("credential ids in capability URLs", () => {
  it("accepts a UUID (any case, returned in lower case) and nothing else", () => {
    expect(parseUuid("7F0C1D52-8C1E-4F0B-9D55-3E2A1B4C5D6E")).toBe("7f0c1d52-8c1e-4f0b-9d55-3e2a1b4c5d6e");
    for (const bad of [
      undefined,
      "",
      "x",
      "7f0c1d52-8c1e-4f0b-9d55-3e2a1b4c5d6",
      "7f0c1d52-8c1e-4f0b-9d55-3e2a1b4c5d6e ",
      "7f0c1d528c1e4f0b9d553e2a1b4c5d6e",
    ]) {
      expect(parseUuid(bad)).toBeNull();
    }
  });
});

describe("media types", () => {
  it("gives application/vc only to a client that asks for it with a non-zero quality", () => {
    expect(accepts("application/vc", "application/vc")).toBe(true);
    expect(accepts("text/html, application/VC;q=0.9", "application/vc")).toBe(true);
    expect(accepts("application/vc;q=0", "application/vc")).toBe(false);
    expect(accepts("application/vc+ld+json, */*", "application/vc")).toBe(false);
    expect(accepts(null, "application/vc")).toBe(false);
  });

  it("puts @context first and proof last, keeping every member", () => {
    const stored = {
      id: "urn:x",
      type: ["VerifiableCredential"],
      proof: { type: "DataIntegrityProof" },
      issuer: "did:x",
      "@context": ["c"],
      serialNumber: "S-1",
    };
    const ordered = inReadingOrder(stored);
    expect(Object.keys(ordered)).toEqual(["@context", "id", "type", "issuer", "serialNumber", "proof"]);
    expect(ordered).toEqual(stored);
  });
});

describe("the status list credential", () => {
  it("has the W3C shape, names the list URL as its id and the school's DID as issuer", () => {
    const url = "https://vanbang.example.vn/issuers/CDCNHN/status/revocation-1";
    const credential = buildStatusListCredential({
      url,
      issuer: "did:web:vanbang.example.vn:issuers:CDCNHN",
      purpose: "revocation",
      encodedList: "uH4sI",
      validFrom: new Date("2026-06-15T03:04:05.678Z"),
    });
    expect(credential).toEqual({
      "@context": ["https://www.w3.org/ns/credentials/v2"],
      id: url,
      type: ["VerifiableCredential", "BitstringStatusListCredential"],
      issuer: "did:web:vanbang.example.vn:issuers:CDCNHN",
      validFrom: "2026-06-15T03:04:05Z",
      credentialSubject: {
        id: `${url}#list`,
        type: "BitstringStatusList",
        statusPurpose: "revocation",
        encodedList: "uH4sI",
        ttl: STATUS_LIST_TTL_MS,
      },
    });
  });
});

describe("the published log", () => {
  const entry = (seq: number, keyRef: string | null) => ({
    seq,
    kind: seq === 1 ? "batch" : "revoke",
    leafCount: 1,
    merkleRoot: "ab".repeat(32),
    prevHash: "0".repeat(64),
    entryHash: String(seq).repeat(64),
    createdAt: new Date(Date.UTC(2026, 5, 15, 3, 4, 5, 6)),
    keyRef,
    headSignature: "sig",
  });

  it("writes times with milliseconds and names the head's key as a DID URL", () => {
    const log = buildLogDocument({
      url: "https://x/issuers/A/log.json",
      schoolCode: "A",
      issuer: "did:web:x:issuers:A",
      entries: [entry(1, "key-1"), entry(2, "key-2")],
    });
    expect(log.entries[0]!.createdAt).toBe("2026-06-15T03:04:05.006Z");
    expect(log.head).toEqual({
      seq: 2,
      entryHash: "2".repeat(64),
      createdAt: "2026-06-15T03:04:05.006Z",
      verificationMethod: "did:web:x:issuers:A#key-2",
      headSignature: "sig",
    });
  });

  it("has no head before anything was signed", () => {
    expect(buildLogDocument({ url: "u", schoolCode: "A", issuer: "d", entries: [] })).toMatchObject({
      entries: [],
      head: null,
    });
  });
});

describe("the register's search", () => {
  it("reads register numbers, bare numbers and text", () => {
    expect(readSearchTerm("12/2026")).toEqual({ kind: "register_number", registerNumber: 12, registerYear: 2026 });
    expect(readSearchTerm("12 / 2026")).toEqual({ kind: "register_number", registerNumber: 12, registerYear: 2026 });
    expect(readSearchTerm("57")).toEqual({ kind: "number", registerNumber: 57, text: "57" });
    expect(readSearchTerm("nguyen van an")).toEqual({ kind: "text", text: "nguyen van an" });
  });

  it("drops bad values instead of failing, and composes the name it was typed with", () => {
    const query = parseRegisterQuery(
      new URLSearchParams("q=%20Nguye%CC%82%CC%83n%20%20An%20&year=20x6&programme=64802&kind=delete&sort=evil&page=0"),
    );
    expect(query).toEqual({
      q: "Nguyễn An",
      year: undefined,
      programme: undefined,
      kind: undefined,
      sort: "newest",
      page: 1,
    });
    expect(parseRegisterQuery(new URLSearchParams(`q=${"a".repeat(101)}`)).q).toBeUndefined();
    const good = parseRegisterQuery(
      new URLSearchParams("q=an&year=2026&programme=6480201&kind=revoke&sort=number&page=3"),
    );
    expect(good).toEqual({ q: "an", year: 2026, programme: "6480201", kind: "revoke", sort: "number", page: 3 });
    expect(registerFilterParams(good)).toBe("q=an&year=2026&programme=6480201&kind=revoke");
  });

  it("numbers the lines and writes each diploma's history in the remarks", () => {
    const base = {
      fullName: "Trần Thị Bình",
      dateOfBirth: "2003-01-02",
      placeOfBirth: "Hà Nội",
      gender: "nu" as const,
      ethnicity: "Kinh",
      programmeName: "Kế toán",
      classification: "kha" as const,
      modeOfStudy: "chinh_quy" as const,
      registerYear: 2026,
      issueDate: "2026-06-15",
      statusReason: null,
      statusChangedAt: null,
      supersedesSerial: null,
      supersededBySerial: null,
    };
    const lines = registerLines([
      {
        ...base,
        serial: "A-1",
        registerNumber: 1,
        status: "superseded",
        statusReason: "superseded",
        statusChangedAt: new Date("2026-07-01T02:00:00Z"),
        supersededBySerial: "A-3",
      },
      { ...base, serial: "A-2", registerNumber: 2, status: "issued" },
      { ...base, serial: "A-3", registerNumber: 3, status: "issued", supersedesSerial: "A-1" },
    ]);
    expect(lines.map((l) => [l.no, l.registerNumber, l.remarks])).toEqual([
      [1, "1/2026", "Được thay thế bởi văn bằng số hiệu A-3 ngày 01/07/2026"],
      [2, "2/2026", ""],
      [3, "3/2026", "Cấp thay thế văn bằng số hiệu A-1"],
    ]);
  });
});
