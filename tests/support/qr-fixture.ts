/**
 * The QR fixture: one diploma's QR fields, the W3C test key and the worked example of docs/qr-payload.md, shared
 * by the unit tests and scripts/qr-example.ts (which writes the example into the document).
 */
import { encodeQrPayload, keyTagOf, type QrPayloadInput } from "~/modules/qr/payload";
import { publicKeyOf, sign } from "~/modules/signing/ed25519";
import { decodeEd25519PrivateKey } from "~/modules/signing/multikey";

/** The portal's public origin, as printed in real QR codes. */
export const QR_ORIGIN = "https://vanbang.gdnn.gov.vn";
/** The QR alphanumeric alphabet: what a substitution in a printed code can turn a character into. */
export const QR_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";

/** privateKeyMultibase of tests/fixtures/w3c-vc-di-eddsa/keyPair.json (a public test key: never use it for real). */
const W3C_TEST_PRIVATE_KEY = "z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq";

/** The W3C vc-di-eddsa test key pair: fixed, so that signatures made with it are reproducible. */
export function exampleKey() {
  const privateKey = decodeEd25519PrivateKey(W3C_TEST_PRIVATE_KEY)!;
  return { privateKey, publicKey: publicKeyOf(privateKey) };
}

/** A cao đẳng diploma of school CDCNHN (Nguyễn Văn An, khá, no suspension entry) whose key is `publicKey`. */
export function qrDiploma(publicKey: Uint8Array, overrides: Partial<QrPayloadInput> = {}): QrPayloadInput {
  return {
    schoolCode: "CDCNHN",
    keyTag: keyTagOf(publicKey),
    credentialId: "3f2b6c1e-8a4d-4c2b-9e1f-0a1b2c3d4e5f",
    serial: "CĐ-2025-000123",
    holderName: "Nguyễn Văn An",
    programmeCode: "6480201",
    levelCode: "cao_dang",
    classification: "kha",
    graduationYear: 2025,
    issueDate: "2025-07-15",
    revocation: { listNumber: 1, index: 123_456 },
    suspension: null,
    ...overrides,
  };
}

/** The fields of the worked example of docs/qr-payload.md, under the W3C test key (the field order is the document's). */
export function exampleInput(): QrPayloadInput {
  return qrDiploma(exampleKey().publicKey, {
    credentialId: "0b4a2c1e-5f3d-4e6a-9b8c-7d1e2f3a4b5c",
    holderName: "Nguyễn Thị Phương Thảo",
    classification: "gioi",
    revocation: { listNumber: 1, index: 48213 },
    suspension: { listNumber: 1, index: 90412 },
  });
}

/** The QR text of `input` signed with `privateKey`, at `baseUrl`. */
export function signedQrText(input: QrPayloadInput, privateKey: Uint8Array, baseUrl = QR_ORIGIN): string {
  return encodeQrPayload(input, (m) => sign(m, privateKey), { baseUrl });
}
