/**
 * The verdict the verify page can give with no network (after one visit, the service worker keeps the page and the
 * trust registry): the QR signature is checked in the browser against the cached registry, but the status cannot
 * be, so a genuine signature is at best `status_unknown` — never `valid`. Pure.
 */
import { decodeQrPayload } from "../qr/payload";
import { checkQrInBrowser, type BrowserCheck } from "./check-in-browser";
import type { Verdict, VerificationResult } from "./verdict";

const VERDICT_OF: Record<BrowserCheck, Verdict> = {
  passed: "status_unknown",
  failed: "invalid_signature",
  unknown_issuer: "unknown_issuer",
  key_not_valid: "key_not_valid",
  malformed: "malformed",
};

export const OFFLINE_REASON = {
  code: "status_offline",
  vi: "Không kiểm tra được trạng thái khi ngoại tuyến (thu hồi, đình chỉ). Hãy kiểm tra lại khi có mạng.",
  en: "The status (revoked, suspended) cannot be checked while offline. Check again when online.",
} as const;

export function offlineVerification(qrText: string, registry: unknown): { result: VerificationResult; check: BrowserCheck } {
  const check = checkQrInBrowser(qrText, registry);
  const decoded = decodeQrPayload(qrText);
  const verdict = VERDICT_OF[check];
  if (!decoded.ok || check === "malformed") return { check, result: { verdict: "malformed", reasons: [], diploma: null, issuer: null } };
  const f = decoded.fields;
  const schools = (registry as { schools?: unknown } | null)?.schools;
  const school = Array.isArray(schools) ? (schools.find((s: { code?: unknown }) => s?.code === f.schoolCode) as { name?: unknown; did?: unknown } | undefined) : undefined;
  return {
    check,
    result: {
      verdict,
      reasons: verdict === "status_unknown" ? [{ ...OFFLINE_REASON }] : [],
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
        name: typeof school?.name === "string" ? school.name : null,
        did: typeof school?.did === "string" ? school.did : null,
        accredited: !!school,
      },
    },
  };
}
