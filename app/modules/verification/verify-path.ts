/**
 * From whatever a visitor pasted, scanned or photographed to the verify page's path "/v/{payload}". Pure: used by
 * the /verify form in the browser and by its server-side fallback action.
 */
import { decodeQrPayload, normaliseQrText } from "../qr/payload";

/** The verify path of a QR text, or null when it is not one of this registry's diploma QR codes. */
export function verifyPathOf(text: unknown, options: { expectedOrigins?: readonly string[] } = {}): string | null {
  const decoded = decodeQrPayload(text, options);
  // A payload that decodes but whose signature is wrong still goes to the verify page: it must say "invalid".
  if (!decoded.ok || typeof text !== "string") return null;
  const upper = normaliseQrText(text);
  const at = upper.lastIndexOf("/V/");
  const payload = at >= 0 ? upper.slice(at + 3) : upper;
  return /^[A-Z2-7]+$/.test(payload) ? `/v/${payload}` : null;
}
