/**
 * A VerificationResult in the shape of the W3C VC-API verifyCredential response:
 * `{ checks, warnings, errors }` (plus our `verdict`). `checks` names the checks that were run and passed;
 * each failure is an error in the RFC 9457 problem-details form the VC-API uses. Pure.
 */
import type { VerificationResult } from "./verdict";

export interface VcApiProblem {
  type: string;
  title: string;
  detail: string;
}

export interface VcApiVerifyResponse {
  checks: string[];
  warnings: VcApiProblem[];
  errors: VcApiProblem[];
  verdict: VerificationResult["verdict"];
  reasons: VerificationResult["reasons"];
}

/** The checks in the order they run; a verdict stops the run at its check. */
const CHECKS = ["issuer", "proof", "validity", "status"] as const;
const FAILED_AT: Record<VerificationResult["verdict"], (typeof CHECKS)[number] | null> = {
  valid: null,
  malformed: "issuer",
  unknown_issuer: "issuer",
  invalid_signature: "proof",
  key_not_valid: "validity",
  revoked: "status",
  superseded: "status",
  suspended: "status",
  status_unknown: "status",
};

export const VC_API_PROBLEM_TYPE_PREFIX = "https://vanbang.gdnn.gov.vn/problems/";

export function toVcApiResponse(result: VerificationResult): VcApiVerifyResponse {
  const failedAt = FAILED_AT[result.verdict];
  const passed = failedAt === null ? [...CHECKS] : CHECKS.slice(0, CHECKS.indexOf(failedAt));
  const errors =
    failedAt === null
      ? []
      : result.reasons
          .filter((r) => r.code !== "name_truncated" && r.code !== "genuine")
          .map((r) => ({ type: `${VC_API_PROBLEM_TYPE_PREFIX}${r.code}`, title: result.verdict, detail: r.en }));
  return { checks: passed, warnings: [], errors, verdict: result.verdict, reasons: result.reasons };
}
