/** The message keys of each verdict's heading and explanation (the page, the receipt). Pure. */
import type { MessageKey } from "~/lib/i18n";
import type { Verdict } from "./verdict";

export const VERDICT_TEXT: Record<Verdict, MessageKey> = {
  valid: "verify.verdict.valid",
  revoked: "verify.verdict.revoked",
  suspended: "verify.verdict.suspended",
  superseded: "verify.verdict.superseded",
  invalid_signature: "verify.verdict.invalid_signature",
  unknown_issuer: "verify.verdict.unknown_issuer",
  key_not_valid: "verify.verdict.key_not_valid",
  malformed: "verify.verdict.malformed",
  status_unknown: "verify.verdict.status_unknown",
};

export const EXPLAIN_TEXT: Record<Verdict, MessageKey> = {
  valid: "verify.explain.valid",
  revoked: "verify.explain.revoked",
  suspended: "verify.explain.suspended",
  superseded: "verify.explain.superseded",
  invalid_signature: "verify.explain.invalid_signature",
  unknown_issuer: "verify.explain.unknown_issuer",
  key_not_valid: "verify.explain.key_not_valid",
  malformed: "verify.explain.malformed",
  status_unknown: "verify.explain.status_unknown",
};
