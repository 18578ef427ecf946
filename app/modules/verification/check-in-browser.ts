/**
 * The verify page's second opinion, computed in the visitor's browser: the QR signature against the school's key
 * as the ministry's trust registry lists it. Pure (the page fetches /trust-registry.json and passes it in); the
 * server's verdict stays authoritative for the status (revoked, suspended, superseded).
 */
import { decodeQrPayload, keyTagOf, verifyQrSignature } from "../qr/payload";
import { decodeEd25519PublicKey } from "../signing/multikey";

export type BrowserCheck = "passed" | "failed" | "unknown_issuer" | "key_not_valid" | "malformed";

interface RegistryKey {
  publicKeyMultibase?: unknown;
  retiredAt?: unknown;
  compromisedFrom?: unknown;
}

/** Checks `qrText` (the "/v/{payload}" path or the payload) against a parsed trust registry (any JSON). */
export function checkQrInBrowser(qrText: string, registry: unknown): BrowserCheck {
  const decoded = decodeQrPayload(qrText);
  if (!decoded.ok) return "malformed";
  const schools = (registry as { schools?: unknown } | null)?.schools;
  if (!Array.isArray(schools)) return "unknown_issuer";
  const school = schools.find((s: { code?: unknown }) => s?.code === decoded.fields.schoolCode) as { keys?: unknown } | undefined;
  if (!school || !Array.isArray(school.keys)) return "unknown_issuer";
  for (const key of school.keys as RegistryKey[]) {
    const publicKey = typeof key?.publicKeyMultibase === "string" ? decodeEd25519PublicKey(key.publicKeyMultibase) : null;
    if (!publicKey || keyTagOf(publicKey) !== decoded.fields.keyTag) continue;
    if (!verifyQrSignature(decoded, publicKey)) return "failed";
    return keyValidOn(key, decoded.fields.issueDate) ? "passed" : "key_not_valid";
  }
  return "unknown_issuer";
}

/**
 * The key was neither compromised nor retired before the issue date. Dates only: the QR code carries the issue day,
 * so a key retired later that same day still counts (the server, which knows the signing time, is stricter).
 */
function keyValidOn(key: RegistryKey, issueDate: string): boolean {
  const day = (value: unknown) => (typeof value === "string" && /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : null);
  const compromised = day(key.compromisedFrom);
  const retired = day(key.retiredAt);
  if (compromised && compromised <= issueDate) return false;
  if (retired && retired < issueDate) return false;
  return true;
}
