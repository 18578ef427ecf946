/**
 * Which parts of a mail are secrets that must not rest in the outbox in clear: the one-time token of a link that
 * signs someone in or sets a password, and a diploma's claim code. Pure: no I/O, no keys.
 *
 * The outbox keeps the mail readable with each secret replaced by a sealed marker, `{{sealed:…}}` (AES-256-GCM
 * under the KEK, bound to the mail's id: mail-secrets.server.ts); delivery opens the markers, and a delivered or
 * expired mail keeps only `[…]` in their place. A dump of the database therefore holds no usable secret.
 */
import type { MailTemplate } from "./templates";

type ParamsOf<N extends MailTemplate["name"]> = Extract<MailTemplate, { name: N }>["params"];

interface SecretRule<N extends MailTemplate["name"]> {
  /** The secret values in the mail's parameters (each replaced wherever it appears in the text). */
  secrets: (params: ParamsOf<N>) => Array<string | null>;
  /** How long an undelivered mail keeps its sealed secret: the lifetime of what it carries. */
  lifetimeMs: number;
}

/** The `token` query parameter of a link, or null. */
export function tokenOf(link: string): string | null {
  try {
    return new URL(link).searchParams.get("token");
  } catch {
    return null;
  }
}

const HOUR = 3600_000;

/**
 * Each template's secrets, or null when it carries none (checked by the type system: a new template must say).
 * The lifetimes match the tokens' (app/modules/auth/user-tokens.server.ts, checked by tests/unit/mail-secrets.test.ts);
 * a claim code does not expire, but a claim mail nobody delivered in 30 days never will be.
 */
export const MAIL_TEMPLATE_SECRETS: { [N in MailTemplate["name"]]: SecretRule<N> | null } = {
  confirm_email: { secrets: (p) => [tokenOf(p.link)], lifetimeMs: 48 * HOUR },
  reset_password: { secrets: (p) => [tokenOf(p.link)], lifetimeMs: HOUR },
  invitation: { secrets: (p) => [tokenOf(p.link)], lifetimeMs: 7 * 24 * HOUR },
  diploma_claim_code: { secrets: (p) => [p.claimCode], lifetimeMs: 30 * 24 * HOUR },
  role_granted: null,
  fake_report_status: null,
  case_update: null,
  case_staff_alert: null,
  batch_submitted: null,
  batch_signed: null,
  batch_returned: null,
  organisation_status: null,
  job_invitation: null,
  application_status: null,
  application_received: null,
  application_withdrawn: null,
  job_alert_digest: null,
};

/** The secrets a mail carries, longest first (so that no secret is replaced inside another). */
export function secretsOf(template: MailTemplate): string[] {
  const rule = MAIL_TEMPLATE_SECRETS[template.name] as SecretRule<MailTemplate["name"]> | null;
  if (!rule) return [];
  const values = rule.secrets(template.params as never).filter((v): v is string => typeof v === "string" && v !== "");
  return [...new Set(values)].sort((a, b) => b.length - a.length);
}

export const SEALED_MARKER = /\{\{sealed:([A-Za-z0-9_-]+)\}\}/g;

/** What a delivered or expired mail keeps where a secret was. */
export const REMOVED_SECRET = "[…]";

/** Text typed by someone (a name, a reason) that looks like a marker is changed so that it no longer is one. */
export function neutraliseMarkers(text: string): string {
  return text.replace(/\{\{sealed:/g, "{{ sealed:");
}

/** Replaces each secret in `text` with `mark(secret)`. */
export function replaceSecrets(text: string, secrets: readonly string[], mark: (secret: string) => string): string {
  let out = text;
  for (const secret of secrets) out = out.split(secret).join(mark(secret));
  return out;
}

/** Whether a stored body still holds a sealed secret. */
export function hasSealedSecrets(text: string): boolean {
  return new RegExp(SEALED_MARKER.source).test(text);
}

/** The stored body with every sealed secret removed (after delivery, or once the secret has expired). */
export function removeSealedSecrets(text: string): string {
  return text.replace(SEALED_MARKER, REMOVED_SECRET);
}
