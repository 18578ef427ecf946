/**
 * The verdict the verify page shows from its own check alone, when there is no server verdict to show (offline:
 * after one visit the service worker keeps the page and the trust registry). The signature is checked against the
 * kept registry; the status lists cannot be fetched, so a genuine signature is at best `status_unknown` — never
 * `valid`. Pure.
 */
import { decodeQrPayload } from "../qr/payload";
import type { BrowserVerdict } from "./check-in-browser";
import type { VerificationResult } from "./verdict";

export const OFFLINE_REASON = {
  code: "status_offline",
  vi: "Không kiểm tra được trạng thái khi ngoại tuyến (thu hồi, đình chỉ). Hãy kiểm tra lại khi có mạng.",
  en: "The status (revoked, suspended) cannot be checked while offline. Check again when online.",
} as const;

/** The browser's verdict as a VerificationResult; null when there was no usable registry (nothing to show). */
export function offlineVerification(qrText: string, browser: BrowserVerdict): VerificationResult | null {
  if (browser.signature === null) return null;
  const decoded = decodeQrPayload(qrText);
  if (!decoded.ok || browser.verdict === "malformed")
    return { verdict: "malformed", reasons: [], diploma: null, issuer: null };
  const f = decoded.fields;
  return {
    verdict: browser.verdict,
    reasons: browser.problem === "status_unavailable" ? [{ ...OFFLINE_REASON }] : [],
    diploma: {
      holderName: f.holderName,
      holderNameTruncated: f.holderNameTruncated,
      programmeCode: f.programmeCode,
      programmeName: null,
      levelCode: f.levelCode,
      classification: f.classification,
      graduationYear: f.graduationYear,
      issueDate: f.issueDate,
      serial: f.serial,
      credentialId: f.credentialId,
    },
    issuer: {
      code: f.schoolCode,
      name: browser.school?.name ?? null,
      did: browser.school?.did ?? null,
      accredited: browser.school !== null,
    },
  };
}
