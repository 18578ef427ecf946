import type { MessageKey } from "~/lib/i18n";
import type { Verdict } from "./verdict";

/** The name of each verdict, as the verify pages and the reports show it. */
export const VERDICT_LABELS = {
  valid: "verify.verdict.valid",
  revoked: "verify.verdict.revoked",
  suspended: "verify.verdict.suspended",
  superseded: "verify.verdict.superseded",
  invalid_signature: "verify.verdict.invalid_signature",
  unknown_issuer: "verify.verdict.unknown_issuer",
  key_not_valid: "verify.verdict.key_not_valid",
  malformed: "verify.verdict.malformed",
  status_unknown: "verify.verdict.status_unknown",
} as const satisfies Record<Verdict, MessageKey>;
