/**
 * The verify page's independent check, computed in the visitor's browser (docs/verify-page.md):
 *   1. the ministry's trust registry, its eddsa-jcs-2022 proof checked against the ministry key the page pinned;
 *   2. the QR signature against the school's key as that registry lists it, and the key's validity on the issue
 *      date (docs/qr-payload.md, section 4);
 *   3. the school's status lists the QR code points into, each proof checked against the school's key, and the
 *      diploma's bit in each.
 * What cannot be fetched or verified gives status_unknown, never valid. I/O is passed in (fetchJson, gunzip), so
 * the whole check is unit-tested; the server's verdict is not an input.
 */
import { decodeQrPayload, keyTagOf, qrPayloadPaths, verifyQrSignature, type QrDecoded } from "../qr/payload";
import { decodeStatusListAsync, getBit } from "../status/bitstring";
import { checkStatusListCredential, type StatusPurposeName } from "../status/check-status-list";
import {
  checkTrustRegistry,
  type PinnedKey,
  type TrustedKey,
  type TrustedRegistry,
  type TrustedSchool,
} from "./check-trust-registry";
import { worstVerdict, type Verdict } from "./verdict";

/** The QR signature, checked against the registry. */
export type BrowserCheck = "passed" | "failed" | "unknown_issuer" | "key_not_valid" | "malformed";

/**
 * Why the browser could not reach a verdict of its own on the status (the verdict is then status_unknown):
 * the registry could not be fetched, failed the ministry's signature, or is past its validUntil; a status list
 * could not be fetched, or failed the school's signature (or is not the list the QR code names).
 */
export type BrowserProblem =
  "registry_unavailable" | "registry_unverified" | "registry_stale" | "status_unavailable" | "status_unverified";

export interface BrowserVerdict {
  verdict: Verdict;
  /** null when no usable registry was at hand. */
  signature: BrowserCheck | null;
  problem: BrowserProblem | null;
  /** The school as the verified registry lists it. */
  school: TrustedSchool | null;
}

export interface BrowserCheckDeps {
  /** GET a same-origin path as JSON; rejects on a network error or an HTTP error status. */
  fetchJson(path: string): Promise<unknown>;
  /** The ministry keys the page trusts for the registry. */
  pinnedKeys: readonly PinnedKey[];
  gunzip(bytes: Uint8Array): Promise<Uint8Array>;
  now: Date;
}

export const TRUST_REGISTRY_PATH = "/trust-registry.json";

const VERDICT_OF_SIGNATURE: Record<Exclude<BrowserCheck, "passed">, Verdict> = {
  failed: "invalid_signature",
  unknown_issuer: "unknown_issuer",
  key_not_valid: "key_not_valid",
  malformed: "malformed",
};

export async function verifyQrInBrowser(qrText: string, deps: BrowserCheckDeps): Promise<BrowserVerdict> {
  const decoded = decodeQrPayload(qrText);
  if (!decoded.ok) return { verdict: "malformed", signature: "malformed", problem: null, school: null };
  const unknown = (
    problem: BrowserProblem,
    signature: BrowserCheck | null = null,
    school: TrustedSchool | null = null,
  ): BrowserVerdict => ({
    verdict: "status_unknown",
    signature,
    problem,
    school,
  });

  let document: unknown;
  try {
    document = await deps.fetchJson(TRUST_REGISTRY_PATH);
  } catch {
    return unknown("registry_unavailable");
  }
  const registry = checkTrustRegistry(document, deps.pinnedKeys, deps.now);
  if (!registry.ok) return unknown("registry_unverified");

  const school = registry.registry.schools.find((s) => s.code === decoded.fields.schoolCode) ?? null;
  const signature = checkQrInBrowser(decoded, registry.registry);
  if (signature !== "passed") return { verdict: VERDICT_OF_SIGNATURE[signature], signature, problem: null, school };
  if (registry.stale) return unknown("registry_stale", signature, school);

  const paths = qrPayloadPaths(decoded.fields);
  const entries: { purpose: StatusPurposeName; path: string; index: number }[] = [
    { purpose: "revocation", path: paths.revocationList, index: decoded.fields.revocation.index },
  ];
  if (paths.suspensionList && decoded.fields.suspension) {
    entries.push({ purpose: "suspension", path: paths.suspensionList, index: decoded.fields.suspension.index });
  }
  const bits = await Promise.all(entries.map((entry) => readStatusBit(entry, school!, registry.registry.origin, deps)));
  if (bits.includes("status_unavailable")) return unknown("status_unavailable", signature, school);
  if (bits.includes("status_unverified")) return unknown("status_unverified", signature, school);
  const verdicts: Verdict[] = entries.map((entry, i) =>
    bits[i] === true ? (entry.purpose === "revocation" ? "revoked" : "suspended") : "valid",
  );
  return { verdict: worstVerdict(verdicts), signature, problem: null, school };
}

async function readStatusBit(
  entry: { purpose: StatusPurposeName; path: string; index: number },
  school: TrustedSchool,
  origin: string,
  deps: BrowserCheckDeps,
): Promise<boolean | "status_unavailable" | "status_unverified"> {
  let document: unknown;
  try {
    document = await deps.fetchJson(entry.path);
  } catch {
    return "status_unavailable";
  }
  const checked = checkStatusListCredential(document, {
    url: `${origin}${entry.path}`,
    purpose: entry.purpose,
    issuer: school.did,
    keys: school.keys,
  });
  if (!checked.ok) return "status_unverified";
  const bits = await decodeStatusListAsync(checked.encodedList, deps.gunzip);
  if (!bits || entry.index >= bits.length * 8) return "status_unverified";
  return getBit(bits, entry.index);
}

/** The QR signature against the school's keys in a verified registry (pure, synchronous). */
export function checkQrInBrowser(qr: string | QrDecoded, registry: TrustedRegistry): BrowserCheck {
  const decoded = typeof qr === "string" ? decodeQrPayload(qr) : qr;
  if (!decoded.ok) return "malformed";
  const school = registry.schools.find((s) => s.code === decoded.fields.schoolCode);
  if (!school) return "unknown_issuer";
  // A tag is not an identity: every listed key with that tag is tried (normally exactly one).
  const candidates = school.keys.filter((key) => keyTagOf(key.publicKey) === decoded.fields.keyTag);
  const signer = candidates.find((key) => verifyQrSignature(decoded, key.publicKey));
  if (!signer) return candidates.length > 0 ? "failed" : "unknown_issuer";
  return keyValidOn(signer, decoded.fields.issueDate) ? "passed" : "key_not_valid";
}

const DAY_MS = 86_400_000;

/**
 * The key could have signed a diploma issued on `issueDate`, a calendar day in Vietnam (UTC+7): not retired
 * before that day began, not compromised before it ended (the payload has no time of day, so a compromise during
 * the day taints it). The same rule as the server's (checks.server.ts, keyValidityProblem).
 */
export function keyValidOn(key: Pick<TrustedKey, "retiredAt" | "compromisedFrom">, issueDate: string): boolean {
  const dayStart = Date.parse(`${issueDate}T00:00:00+07:00`);
  if (Number.isNaN(dayStart)) return false;
  const at = (value: string | null) => (value === null ? null : Date.parse(value));
  const compromised = at(key.compromisedFrom);
  const retired = at(key.retiredAt);
  if (compromised !== null && !(compromised >= dayStart + DAY_MS)) return false;
  if (retired !== null && !(retired >= dayStart)) return false;
  return true;
}

/** The browser's verdict confirms the server's: the same, or "revoked" for a diploma the server knows was superseded. */
export function browserAgrees(server: Verdict, browser: Verdict): boolean {
  return browser === server || (server === "superseded" && browser === "revoked");
}
