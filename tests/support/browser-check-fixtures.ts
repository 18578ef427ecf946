/**
 * A small world for the browser's independent check: a ministry key and a signed trust registry listing one
 * school, signed status lists of that school, and a genuine QR code — all built with the portal's own pure code.
 */
import { gzipSync } from "node:zlib";
import { createProof } from "~/modules/credentials/eddsa-rdfc-2022";
import { createJcsProof } from "~/modules/credentials/eddsa-jcs-2022";
import { buildTrustRegistry, type KeyForPublication } from "~/modules/keys/did-documents";
import { issuerDid, ministryDid, verificationMethodId } from "~/modules/keys/did-web";
import { encodeQrPayload, type QrPayloadInput } from "~/modules/qr/payload";
import { generatePrivateKey, publicKeyOf, sign } from "~/modules/signing/ed25519";
import { encodeEd25519PublicKey } from "~/modules/signing/multikey";
import { qrDiploma } from "./qr-fixture";
import { emptyBitstring, encodeStatusList, withBit } from "~/modules/status/bitstring";
import { buildStatusListCredential } from "~/modules/status/status-list-credential";
import type { PinnedKey } from "~/modules/verification/check-trust-registry";

export const ORIGIN = "https://vanbang.example.vn";
export const SCHOOL = "CDCNHN";
export const ISSUED = new Date("2026-07-01T02:00:00Z");
export const NOW = new Date("2026-07-01T03:00:00Z");

export const ministryKey = generatePrivateKey();
export const schoolKey = generatePrivateKey();
export const schoolDid = issuerDid(ORIGIN, SCHOOL);
export const schoolKeyId = verificationMethodId(schoolDid, "key-1");
export const pinned: PinnedKey[] = [
  {
    id: verificationMethodId(ministryDid(ORIGIN), "key-1"),
    publicKeyMultibase: encodeEd25519PublicKey(publicKeyOf(ministryKey)),
  },
];

export function schoolKeyRow(overrides: Partial<KeyForPublication> = {}): KeyForPublication {
  return {
    keyRef: "key-1",
    publicKeyMultibase: encodeEd25519PublicKey(publicKeyOf(schoolKey)),
    status: "active",
    activatedAt: new Date("2025-01-01T00:00:00Z"),
    retiredAt: null,
    compromisedFrom: null,
    ...overrides,
  };
}

/** The ministry's signed registry (by `signer`, the ministry key unless given). */
export function signedRegistry(options: { keys?: KeyForPublication[]; signer?: Uint8Array; issued?: Date } = {}) {
  const registry = buildTrustRegistry({
    url: `${ORIGIN}/trust-registry.json`,
    issuer: ministryDid(ORIGIN),
    issued: options.issued ?? ISSUED,
    schools: [
      {
        code: SCHOOL,
        name: "Trường Cao đẳng Công nghệ Hà Nội",
        nameEn: null,
        did: schoolDid,
        provinceCode: "01",
        provinceName: "Thành phố Hà Nội",
        schoolType: "cao_dang",
        accreditedAt: new Date("2024-09-01T02:00:00Z"),
        keys: options.keys ?? [schoolKeyRow()],
      },
    ],
  });
  return createJcsProof(registry as unknown as Record<string, unknown>, {
    verificationMethod: pinned[0]!.id,
    privateKey: options.signer ?? ministryKey,
    created: "2026-07-01T02:00:00Z",
  });
}

export const listPath = (purpose: "revocation" | "suspension", n = 1) => `/issuers/${SCHOOL}/status/${purpose}-${n}`;

/** A status list of the school with `set` bits on, signed by the school's key (the generic JSON-LD pipeline). */
export async function signedStatusList(
  purpose: "revocation" | "suspension",
  set: number[] = [],
  options: { privateKey?: Uint8Array; keyId?: string } = {},
) {
  let bits = emptyBitstring();
  for (const index of set) bits = withBit(bits, index, true);
  const unsigned = buildStatusListCredential({
    url: `${ORIGIN}${listPath(purpose)}`,
    issuer: schoolDid,
    purpose,
    encodedList: encodeStatusList(bits, (b) => new Uint8Array(gzipSync(b))),
    validFrom: ISSUED,
  });
  return createProof(unsigned, {
    privateKey: options.privateKey ?? schoolKey,
    verificationMethod: options.keyId ?? schoolKeyId,
    created: "2026-07-01T02:30:00Z",
  });
}

export const REVOCATION_INDEX = 123_456;
export const SUSPENSION_INDEX = 4_242;

/** The shared QR fixture's diploma, signed by this world's school key. */
export const qrInput: QrPayloadInput = qrDiploma(publicKeyOf(schoolKey), {
  schoolCode: SCHOOL,
  serial: "CDCNHN-000123",
  revocation: { listNumber: 1, index: REVOCATION_INDEX },
  suspension: { listNumber: 1, index: SUSPENSION_INDEX },
});

export function qrText(input: QrPayloadInput = qrInput, key = schoolKey): string {
  return encodeQrPayload(input, (m) => sign(m, key), { baseUrl: ORIGIN });
}
