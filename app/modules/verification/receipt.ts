/**
 * A verification receipt: what the server verified about one QR code at one moment, for a verifier's file (an
 * employer's HR record). It states only what the server checked then — the verdict, the time (Vietnam time), the
 * serial, the issuer and the outcome of each check — never an opinion of the browser or anything not checked. Pure:
 * the checks are read from the verdict by the order the server checks in (verify-qr.server.ts: issuer accreditation
 * → signature → key validity on the issue date → status); a check after the first failure was not made.
 */
import { vietnamIso } from "~/lib/format-time";
import { translate } from "~/lib/i18n";
import type { Verdict, VerificationResult } from "./verdict";
import { VERDICT_TEXT } from "./verdict-text";

export const RECEIPT_CHECKS = ["issuer_accreditation", "signature", "key_validity", "status"] as const;
export type ReceiptCheck = (typeof RECEIPT_CHECKS)[number];
export type CheckOutcome = "passed" | "failed" | "unknown" | "not_checked";

export interface VerificationReceipt {
  type: "VerificationReceipt";
  /** The moment of the check, in Vietnam time (ISO 8601 with +07:00). */
  verifiedAt: string;
  verdict: Verdict;
  verdictText: { vi: string; en: string };
  serial: string | null;
  holderName: string | null;
  programme: string | null;
  issueDate: string | null;
  issuer: { code: string; name: string | null; did: string | null; accredited: boolean } | null;
  checks: { check: ReceiptCheck; outcome: CheckOutcome; vi: string; en: string }[];
  reasons: { code: string; vi: string; en: string }[];
  /** The verify page this receipt was made from. */
  verifyUrl: string;
  statement: { vi: string; en: string };
}

const CHECK_NAMES: Record<ReceiptCheck, { vi: string; en: string }> = {
  issuer_accreditation: { vi: "Đơn vị cấp được Bộ công nhận", en: "Issuer accredited by the ministry" },
  signature: { vi: "Chữ ký số của nhà trường", en: "The school's digital signature" },
  key_validity: { vi: "Khóa ký còn hiệu lực vào ngày cấp", en: "Signing key valid on the issue date" },
  status: { vi: "Tình trạng (thu hồi, đình chỉ, thay thế)", en: "Status (revoked, suspended, superseded)" },
};

export const OUTCOME_TEXT: Record<CheckOutcome, { vi: string; en: string }> = {
  passed: { vi: "Đạt", en: "Passed" },
  failed: { vi: "Không đạt", en: "Failed" },
  unknown: { vi: "Chưa kiểm tra được", en: "Could not be checked" },
  not_checked: { vi: "Không kiểm tra (dừng ở bước trước)", en: "Not checked (stopped at an earlier step)" },
};

/** The outcome of each check, by the verdict and the order of the checks. */
export function receiptChecks(
  result: Pick<VerificationResult, "verdict" | "issuer" | "reasons">,
): Record<ReceiptCheck, CheckOutcome> {
  const all = (issuer: CheckOutcome, signature: CheckOutcome, key: CheckOutcome, status: CheckOutcome) => ({
    issuer_accreditation: issuer,
    signature,
    key_validity: key,
    status,
  });
  switch (result.verdict) {
    case "malformed":
      return all("not_checked", "not_checked", "not_checked", "not_checked");
    case "unknown_issuer":
      // An accredited school whose keys do not include the signer's: the signature is not the school's.
      return result.issuer?.accredited && result.reasons.some((r) => r.code === "unknown_key")
        ? all("passed", "failed", "not_checked", "not_checked")
        : all("failed", "not_checked", "not_checked", "not_checked");
    case "invalid_signature":
      return all("passed", "failed", "not_checked", "not_checked");
    case "key_not_valid":
      return all("passed", "passed", "failed", "not_checked");
    case "status_unknown":
      return all("passed", "passed", "passed", "unknown");
    case "revoked":
    case "suspended":
    case "superseded":
      return all("passed", "passed", "passed", "failed");
    case "valid":
      return all("passed", "passed", "passed", "passed");
  }
}

export function buildReceipt(
  result: VerificationResult,
  options: { at: Date; verifyUrl: string },
): VerificationReceipt {
  const outcomes = receiptChecks(result);
  const d = result.diploma;
  return {
    type: "VerificationReceipt",
    verifiedAt: vietnamIso(options.at),
    verdict: result.verdict,
    verdictText: {
      vi: translate("vi", VERDICT_TEXT[result.verdict]),
      en: translate("en", VERDICT_TEXT[result.verdict]),
    },
    serial: d?.serial ?? null,
    holderName: d?.holderName ?? null,
    programme: d ? (d.programmeName ? `${d.programmeName} (${d.programmeCode})` : d.programmeCode) : null,
    issueDate: d?.issueDate ?? null,
    issuer: result.issuer ? { ...result.issuer } : null,
    checks: RECEIPT_CHECKS.map((check) => ({ check, outcome: outcomes[check], ...CHECK_NAMES[check] })),
    reasons: result.reasons.map((r) => ({ code: r.code, vi: r.vi, en: r.en })),
    verifyUrl: options.verifyUrl,
    statement: {
      vi: "Biên nhận này chỉ ghi lại kết quả máy chủ của Cổng Văn bằng số GDNN kiểm tra vào thời điểm trên. Tình trạng văn bằng có thể thay đổi sau đó: hãy kiểm tra lại tại đường liên kết xác thực.",
      en: "This receipt records only what the server of the Vocational Diploma Portal verified at the time above. The diploma's status may change afterwards: check again at the verification link.",
    },
  };
}
