/**
 * The diploma's QR payload, version 1: a URL of QR alphanumeric characters only,
 *   {ORIGIN}/V/{BASE32(record ‖ signature)}
 * whose record carries the diploma's essential fields and whose Ed25519 signature (by the school's key, over
 * "VBQR1" ‖ record) checks offline. The byte layout, and why it is so, is in docs/qr-payload.md: keep the two in
 * step. Pure code: runs in Node and in the browser (TextEncoder, TextDecoder, no node: imports).
 */
import { bytesToHex, concatBytes, hexToBytes } from "@noble/hashes/utils.js";
import type { Classification } from "../../../db/schema/diplomas";
import { verify } from "../signing/ed25519";
import type { TRAINING_LEVELS } from "../reference/levels";
import { cleanText } from "../reference/text";
import { decodeBase32, encodeBase32 } from "./base32";
import { isCanonicalUuid } from "~/lib/uuid";

/** An Ed25519 verify: @noble/ed25519's by default (browser and server); the server passes Node's built-in one. */
export type Ed25519Verify = (signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array) => boolean;

export const QR_PAYLOAD_VERSION = 1;
/** Domain separation: the school's key also signs credentials, status lists and log heads. */
export const QR_SIGNATURE_DOMAIN = "VBQR1";
/** Alphanumeric capacity of QR version 10 at error correction M (ISO/IEC 18004, table 7). */
export const QR_MAX_CHARS = 311;
/** The holder's name is cut (and flagged) beyond this many UTF-8 bytes, or sooner when the URL would not fit. */
export const HOLDER_NAME_MAX_BYTES = 64;
/** Below this name budget the other fields or the origin are unreasonably long: the encoder refuses. */
const HOLDER_NAME_MIN_BUDGET = 16;
const SERIAL_MAX_BYTES = 32;
const SIGNATURE_BYTES = 64;
const FIXED_BYTES = 34; // version … revocation index
const STATUS_ENTRY_BYTES = 5;
/** Longest input the decoder looks at; a real payload URL is at most QR_MAX_CHARS. */
const MAX_INPUT_CHARS = 4096;
const PATH_PREFIX = "/V/";

export type QrTrainingLevel = (typeof TRAINING_LEVELS)[number]["code"];

/** Wire codes: frozen for version 1, whatever order the application's lists take later. */
const LEVEL_CODES = { so_cap: 0, trung_hoc_nghe: 1, trung_cap: 2, cao_dang: 3 } as const satisfies Record<
  QrTrainingLevel,
  number
>;
const CLASSIFICATION_CODES = {
  xuat_sac: 0,
  gioi: 1,
  kha: 2,
  trung_binh_kha: 3,
  trung_binh: 4,
} as const satisfies Record<Classification, number>;
const LEVEL_BY_CODE = invert(LEVEL_CODES);
const CLASSIFICATION_BY_CODE = invert(CLASSIFICATION_CODES);

const FLAG_NAME_TRUNCATED = 0b100;
const FLAG_SUSPENSION = 0b010;
const FLAG_RESERVED = 0b001;
const PROGRAMME_EIGHT_DIGITS = 0x8000_0000;
const PROGRAMME_RESERVED = 0x7800_0000;

/** A position in a W3C Bitstring Status List of the school. */
export interface QrStatusEntry {
  listNumber: number; // 0–65,535
  index: number; // 0–16,777,215
}

/** What the issuer puts in the QR code. */
export interface QrPayloadInput {
  schoolCode: string; // the did:web issuer's code, e.g. "CDCNHN"
  /** The first 4 bytes of the school's Ed25519 public key, 8 hex digits (see keyTagOf). */
  keyTag: string;
  credentialId: string; // UUID
  serial: string; // số hiệu
  holderName: string;
  programmeCode: string; // 7 digits, or 8 for legacy codes
  levelCode: QrTrainingLevel;
  classification: Classification;
  graduationYear: number;
  issueDate: string; // YYYY-MM-DD
  revocation: QrStatusEntry;
  suspension?: QrStatusEntry | null;
}

/** What a QR code says, as decoded. `holderName` is a prefix of the full name when `holderNameTruncated`. */
export interface QrPayloadFields extends Omit<QrPayloadInput, "suspension"> {
  holderNameTruncated: boolean;
  suspension: QrStatusEntry | null;
}

export type QrDecodeFailure = "not_ours" | "malformed" | "unsupported_version";

export interface QrDecoded {
  ok: true;
  version: typeof QR_PAYLOAD_VERSION;
  /** The origin the URL named, lower case ("https://vanbang.gdnn.gov.vn"); null when only the path or payload came. */
  origin: string | null;
  fields: QrPayloadFields;
  /** Exactly what the school signed: "VBQR1" ‖ record. */
  signedMessage: Uint8Array;
  signature: Uint8Array;
}

export type QrDecodeResult = QrDecoded | { ok: false; reason: QrDecodeFailure; message: string };

export interface EncodeQrPayloadOptions {
  /** The portal's public origin (PUBLIC_ORIGIN), e.g. "https://vanbang.gdnn.gov.vn"; upper-cased in the URL. */
  baseUrl: string;
}

export interface DecodeQrPayloadOptions {
  /** When given, a URL naming any other origin is refused as not_ours (a path or bare payload is still read). */
  expectedOrigins?: readonly string[];
}

export type QrPayloadErrorCode = "invalid_field" | "invalid_base_url" | "does_not_fit" | "invalid_signature_length";

/** A caller's bug: the fields were not validated, or the configuration is wrong. */
export class QrPayloadError extends Error {
  constructor(
    readonly code: QrPayloadErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "QrPayloadError";
  }
}

/** The key tag of a school key: its first 4 bytes in hex. The verifier picks the key whose tag matches. */
export function keyTagOf(publicKey: Uint8Array): string {
  return bytesToHex(publicKey.subarray(0, 4));
}

/**
 * Builds the QR text (a URL) for a diploma. Signs "VBQR1" ‖ record with `sign`. Throws QrPayloadError on
 * invalid fields or base URL; a long name is cut at a word boundary and flagged, never refused.
 */
export function encodeQrPayload(
  input: QrPayloadInput,
  sign: (message: Uint8Array) => Uint8Array,
  options: EncodeQrPayloadOptions,
): string {
  const origin = normaliseBaseUrl(options.baseUrl);
  const fields = checkInput(input);
  const prefix = origin + PATH_PREFIX;
  const payloadBytes = Math.floor(((QR_MAX_CHARS - prefix.length) * 5) / 8);
  const otherBytes = recordLength({ ...fields, holderName: "" }) + SIGNATURE_BYTES;
  const nameBudget = Math.min(HOLDER_NAME_MAX_BYTES, payloadBytes - otherBytes);
  if (nameBudget < HOLDER_NAME_MIN_BUDGET) {
    throw new QrPayloadError(
      "does_not_fit",
      `only ${nameBudget} bytes left for the holder's name: origin or other fields too long`,
    );
  }
  const holderName = truncateUtf8(fields.holderName, nameBudget);
  const final = { ...fields, holderName, holderNameTruncated: holderName !== fields.holderName };
  const problem = fieldProblem(final);
  if (problem) throw new Error(`bug: the truncated name is not canonical (${problem})`);
  const record = encodeRecord(final);
  const signature = sign(signedMessageOf(record));
  if (!(signature instanceof Uint8Array) || signature.length !== SIGNATURE_BYTES) {
    throw new QrPayloadError("invalid_signature_length", "the signer must return a 64-byte Ed25519 signature");
  }
  const url = prefix + encodeBase32(concatBytes(record, signature));
  if (url.length > QR_MAX_CHARS) throw new Error(`bug: QR payload of ${url.length} characters`);
  return url;
}

/**
 * The QR text as the decoder reads it: ASCII space, tab, CR and LF removed at both ends, ASCII a–z upper-cased.
 * Nothing else is changed: any other character (NBSP, U+FEFF, U+3000, U+2028, "ı", "ſ", "ß", a ligature…) stays
 * and makes the text unreadable. String.prototype.trim and toUpperCase are Unicode-wide ("ı" → "I", "ß" → "SS"),
 * which would accept texts docs/qr-payload.md section 1 refuses.
 */
export function normaliseQrText(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isAsciiSpace(text.charCodeAt(start))) start++;
  while (end > start && isAsciiSpace(text.charCodeAt(end - 1))) end--;
  return text.slice(start, end).replace(/[a-z]+/g, (letters) => letters.toUpperCase());
}

/** Space, tab, LF, CR: the only whitespace a QR reader or a paste adds around the text. */
function isAsciiSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

/** Reads a QR text: the URL in any (ASCII) case, its path "/V/…", or the bare payload. Never throws. */
export function decodeQrPayload(text: unknown, options: DecodeQrPayloadOptions = {}): QrDecodeResult {
  try {
    return decode(text, options);
  } catch {
    return fail("malformed", "unreadable payload"); // defensive: decode() reports every failure as a value
  }
}

/** True when the school's key (the one whose tag the payload names) signed this payload. */
export function verifyQrSignature(
  decoded: QrDecoded,
  publicKey: Uint8Array,
  verifySignature: Ed25519Verify = verify,
): boolean {
  return (
    publicKey.length === 32 &&
    keyTagOf(publicKey) === decoded.fields.keyTag &&
    verifySignature(decoded.signature, decoded.signedMessage, publicKey)
  );
}

/** Where a verifier finds the rest, relative to the portal's origin (docs/qr-payload.md, sections 4, 6 and 7). */
export function qrPayloadPaths(
  fields: Pick<QrPayloadFields, "schoolCode" | "credentialId" | "revocation" | "suspension">,
) {
  const issuer = `/issuers/${fields.schoolCode}`;
  return {
    didDocument: `${issuer}/did.json`,
    credential: `/credentials/${fields.credentialId}/vc.json`,
    revocationList: `${issuer}/status/revocation-${fields.revocation.listNumber}`,
    suspensionList: fields.suspension ? `${issuer}/status/suspension-${fields.suspension.listNumber}` : null,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Decoding

function decode(text: unknown, options: DecodeQrPayloadOptions): QrDecodeResult {
  if (typeof text !== "string") return fail("not_ours", "not text");
  const upper = normaliseQrText(text);
  if (upper.length > MAX_INPUT_CHARS) return fail("not_ours", "far longer than a diploma QR code");
  const url = /^(HTTPS?:\/\/[A-Z0-9.-]+(?::[0-9]{1,5})?)?\/V\/(.*)$/s.exec(upper);
  let origin: string | null = null;
  let payload: string;
  if (url) {
    origin = url[1] ? url[1].toLowerCase() : null;
    payload = url[2] ?? "";
  } else if (/^[A-Z2-7]+$/.test(upper)) {
    payload = upper;
  } else {
    return fail("not_ours", "not a diploma QR code of this registry");
  }
  if (origin && options.expectedOrigins && !options.expectedOrigins.some((o) => sameOrigin(o, origin!))) {
    return fail("not_ours", `a QR code of another site (${origin})`);
  }
  const bytes = decodeBase32(payload);
  if (!bytes) return fail("malformed", "the payload is not canonical base32 (A–Z, 2–7)");
  if (bytes.length === 0) return fail("malformed", "empty payload");
  if (bytes[0] !== QR_PAYLOAD_VERSION)
    return fail("unsupported_version", `payload version ${bytes[0]} is not supported`);
  const parsed = parseRecord(bytes);
  if (typeof parsed === "string") return fail("malformed", parsed);
  const record = bytes.subarray(0, parsed.recordLength);
  const signature = bytes.slice(parsed.recordLength);
  if (signature.length !== SIGNATURE_BYTES)
    return fail("malformed", `expected a 64-byte signature, found ${signature.length} bytes`);
  // One text per record: whatever parsed must re-encode to the same bytes (NFC, spaces, lengths, reserved bits).
  if (!equalBytes(encodeRecord(parsed.fields), record)) return fail("malformed", "a field is not in canonical form");
  return {
    ok: true,
    version: QR_PAYLOAD_VERSION,
    origin,
    fields: parsed.fields,
    signedMessage: signedMessageOf(record),
    signature,
  };
}

function parseRecord(bytes: Uint8Array): { fields: QrPayloadFields; recordLength: number } | string {
  const r = new Reader(bytes);
  r.u8(); // version, checked by the caller
  const attributes = r.u8();
  const level = LEVEL_BY_CODE.get(attributes >> 6);
  const classification = CLASSIFICATION_BY_CODE.get((attributes >> 3) & 0b111);
  if (!level || !classification) return "unknown level or classification";
  if (attributes & FLAG_RESERVED) return "reserved bit set";
  const keyTag = bytesToHex(r.bytes(4));
  const credentialId = formatUuid(r.bytes(16));
  const programme = r.u32();
  const graduationYear = 1900 + r.u8();
  const issueDate = formatDays(r.u16());
  const revocation = { listNumber: r.u16(), index: r.u24() };
  const suspension = attributes & FLAG_SUSPENSION ? { listNumber: r.u16(), index: r.u24() } : null;
  const schoolCode = r.string();
  const serial = r.string();
  const holderName = r.string();
  if (r.failed) return "the record ends early";
  if (programme & PROGRAMME_RESERVED) return "reserved programme bits set";
  const digits = programme & PROGRAMME_EIGHT_DIGITS ? 8 : 7;
  const value = programme & ~PROGRAMME_EIGHT_DIGITS;
  if (value >= 10 ** digits) return "programme code out of range";
  if (schoolCode === null || serial === null || holderName === null) return "a text field is not valid UTF-8";
  const fields: QrPayloadFields = {
    schoolCode,
    keyTag,
    credentialId,
    serial,
    holderName,
    holderNameTruncated: (attributes & FLAG_NAME_TRUNCATED) !== 0,
    programmeCode: String(value).padStart(digits, "0"),
    levelCode: level,
    classification,
    graduationYear,
    issueDate,
    revocation,
    suspension,
  };
  const problem = fieldProblem(fields);
  if (problem) return problem;
  return { fields, recordLength: r.offset };
}

class Reader {
  offset = 0;
  failed = false;
  private readonly decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
  constructor(private readonly data: Uint8Array) {}

  bytes(n: number): Uint8Array {
    if (this.offset + n > this.data.length) {
      this.failed = true;
      this.offset = this.data.length;
      return new Uint8Array(n);
    }
    const out = this.data.subarray(this.offset, this.offset + n);
    this.offset += n;
    return out;
  }
  u8(): number {
    return this.bytes(1)[0]!;
  }
  u16(): number {
    return readUint(this.bytes(2));
  }
  u24(): number {
    return readUint(this.bytes(3));
  }
  u32(): number {
    return readUint(this.bytes(4));
  }
  /** A length byte, then that many bytes of UTF-8; null when they are not UTF-8. */
  string(): string | null {
    const raw = this.bytes(this.u8());
    try {
      return this.decoder.decode(raw);
    } catch {
      return null;
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Encoding

function encodeRecord(fields: QrPayloadFields): Uint8Array {
  const school = utf8(fields.schoolCode);
  const serial = utf8(fields.serial);
  const name = utf8(fields.holderName);
  const out = new Uint8Array(recordLength(fields));
  let at = 0;
  const put = (bytes: ArrayLike<number>) => {
    out.set(bytes, at);
    at += bytes.length;
  };
  const attributes =
    (LEVEL_CODES[fields.levelCode] << 6) |
    (CLASSIFICATION_CODES[fields.classification] << 3) |
    (fields.holderNameTruncated ? FLAG_NAME_TRUNCATED : 0) |
    (fields.suspension ? FLAG_SUSPENSION : 0);
  put([QR_PAYLOAD_VERSION, attributes]);
  put(hexToBytes(fields.keyTag));
  put(hexToBytes(fields.credentialId.replace(/-/g, "")));
  const programme = Number(fields.programmeCode) + (fields.programmeCode.length === 8 ? PROGRAMME_EIGHT_DIGITS : 0);
  put(writeUint(programme, 4));
  put([fields.graduationYear - 1900]);
  put(writeUint(daysOf(fields.issueDate), 2));
  for (const entry of fields.suspension ? [fields.revocation, fields.suspension] : [fields.revocation]) {
    put(writeUint(entry.listNumber, 2));
    put(writeUint(entry.index, 3));
  }
  for (const text of [school, serial, name]) {
    put([text.length]);
    put(text);
  }
  return out;
}

function recordLength(fields: Pick<QrPayloadFields, "schoolCode" | "serial" | "holderName" | "suspension">): number {
  const strings = [fields.schoolCode, fields.serial, fields.holderName].reduce((n, s) => n + 1 + utf8(s).length, 0);
  return FIXED_BYTES + (fields.suspension ? STATUS_ENTRY_BYTES : 0) + strings;
}

function signedMessageOf(record: Uint8Array): Uint8Array {
  return concatBytes(utf8(QR_SIGNATURE_DOMAIN), record);
}

/** Validates the issuer's fields and brings the texts to canonical form; throws QrPayloadError. */
function checkInput(input: QrPayloadInput): QrPayloadFields {
  const fields: QrPayloadFields = {
    schoolCode: input.schoolCode,
    keyTag: String(input.keyTag).toLowerCase(),
    credentialId: String(input.credentialId).toLowerCase(),
    serial: cleanText(String(input.serial)),
    holderName: cleanText(String(input.holderName)),
    holderNameTruncated: false,
    programmeCode: input.programmeCode,
    levelCode: input.levelCode,
    classification: input.classification,
    graduationYear: input.graduationYear,
    issueDate: input.issueDate,
    revocation: input.revocation,
    suspension: input.suspension ?? null,
  };
  if (!fields.holderName || /[\p{Cc}\p{Cf}]/u.test(fields.holderName)) {
    throw new QrPayloadError("invalid_field", "holderName: empty or holds control characters");
  }
  const problem = fieldProblem({ ...fields, holderName: "x" }); // the name's length is handled by truncation
  if (problem) throw new QrPayloadError("invalid_field", problem);
  return fields;
}

/** Why a set of fields cannot be a version 1 record; null when it can. Shared by encoder and decoder. */
function fieldProblem(f: QrPayloadFields): string | null {
  if (!/^[A-Z0-9][A-Z0-9-]{1,19}$/.test(f.schoolCode)) return "schoolCode: 2–20 of A–Z 0–9 -";
  if (!/^[0-9a-f]{8}$/.test(f.keyTag)) return "keyTag: 8 hex digits";
  if (!isCanonicalUuid(f.credentialId)) return "credentialId: a UUID";
  if (!isCanonicalText(f.serial, SERIAL_MAX_BYTES)) return `serial: 1–${SERIAL_MAX_BYTES} bytes of printable text`;
  if (!isCanonicalText(f.holderName, HOLDER_NAME_MAX_BYTES))
    return `holderName: 1–${HOLDER_NAME_MAX_BYTES} bytes of printable text`;
  if (!/^[0-9]{7,8}$/.test(f.programmeCode)) return "programmeCode: 7 or 8 digits";
  if (!Object.hasOwn(LEVEL_CODES, f.levelCode)) return "levelCode: unknown";
  if (!Object.hasOwn(CLASSIFICATION_CODES, f.classification)) return "classification: unknown";
  if (!isIntegerIn(f.graduationYear, 1900, 2155)) return "graduationYear: 1900–2155";
  if (daysOf(f.issueDate) < 0) return "issueDate: a date from 1970-01-01 to 2149-06-06";
  for (const entry of f.suspension ? [f.revocation, f.suspension] : [f.revocation]) {
    if (!isIntegerIn(entry?.listNumber, 0, 0xffff) || !isIntegerIn(entry?.index, 0, 0xffffff)) {
      return "status entry: list number 0–65535, index 0–16777215";
    }
  }
  return null;
}

/** NFC, no control or format characters, single spaces, no spaces at the ends, 1..maxBytes UTF-8 bytes. */
function isCanonicalText(text: string, maxBytes: number): boolean {
  const length = utf8(text).length;
  return length >= 1 && length <= maxBytes && text === cleanText(text) && !/[\p{Cc}\p{Cf}]/u.test(text);
}

/**
 * The longest prefix of `name` of at most `maxBytes` UTF-8 bytes: whole words when one fits, otherwise whole
 * characters (a base letter is never parted from its combining marks).
 */
function truncateUtf8(name: string, maxBytes: number): string {
  if (utf8(name).length <= maxBytes) return name;
  const words = name.split(" ");
  let kept = "";
  for (const word of words) {
    const next = kept ? `${kept} ${word}` : word;
    if (utf8(next).length > maxBytes) break;
    kept = next;
  }
  if (kept) return kept;
  const chars = Array.from(name);
  let end = 0;
  let bytes = 0;
  while (end < chars.length && bytes + utf8(chars[end]!).length <= maxBytes) bytes += utf8(chars[end++]!).length;
  while (end > 0 && end < chars.length && /\p{M}/u.test(chars[end]!)) end--;
  return chars.slice(0, end).join("");
}

function normaliseBaseUrl(baseUrl: string): string {
  const origin = String(baseUrl).trim().replace(/\/$/, "").toUpperCase();
  if (!/^HTTPS?:\/\/[A-Z0-9.-]+(?::[0-9]{1,5})?$/.test(origin)) {
    throw new QrPayloadError(
      "invalid_base_url",
      `baseUrl must be scheme://host[:port], got ${JSON.stringify(baseUrl)}`,
    );
  }
  return origin;
}

function sameOrigin(a: string, b: string): boolean {
  return a.trim().replace(/\/$/, "").toLowerCase() === b.toLowerCase();
}

// ---------------------------------------------------------------------------------------------------------------
// Small helpers

const encoder = new TextEncoder();
const utf8 = (text: string) => encoder.encode(text);

function fail(reason: QrDecodeFailure, message: string): QrDecodeResult {
  return { ok: false, reason, message };
}

function invert<K extends string>(table: Record<K, number>): Map<number, K> {
  return new Map(Object.entries(table).map(([k, v]) => [v as number, k as K]));
}

function isIntegerIn(value: unknown, min: number, max: number): boolean {
  return typeof value === "number" && Number.isInteger(value) && value >= min && value <= max;
}

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a YYYY-MM-DD date that fits 16 bits; -1 when it is not one. */
function daysOf(date: string): number {
  if (typeof date !== "string" || !/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(date)) return -1;
  const ms = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== date) return -1;
  const days = ms / DAY_MS;
  return days >= 0 && days <= 0xffff ? days : -1;
}

function formatDays(days: number): string {
  return new Date(days * DAY_MS).toISOString().slice(0, 10);
}

function formatUuid(bytes: Uint8Array): string {
  const hex = bytesToHex(bytes);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function readUint(bytes: Uint8Array): number {
  return bytes.reduce((n, b) => n * 256 + b, 0);
}

function writeUint(value: number, length: number): number[] {
  return Array.from({ length }, (_, i) => Math.floor(value / 256 ** (length - 1 - i)) % 256);
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
