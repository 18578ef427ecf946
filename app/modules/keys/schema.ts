import { z } from "zod";
import { vietnamIso } from "~/lib/format-time";
import type { MessageKey } from "~/lib/i18n";

/**
 * The forms of the school's keys page: Zod schemas whose messages are i18n keys, shared by the page and its action.
 */

/** The longest reason an administrator may give when reporting a compromised key (form and use-case agree). */
export const COMPROMISE_REASON_MAX_LENGTH = 1000;

/**
 * A date ("2025-03-01") or a datetime-local value ("2025-03-01T08:30") read as Vietnam time; null when it is
 * not one or names a day that does not exist (31 April).
 */
export function parseVietnamDateTime(text: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(text.trim());
  if (!match) return null;
  const [, y, mo, d, h = "00", mi = "00", s = "00"] = match;
  const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}+07:00`); // Asia/Ho_Chi_Minh: UTC+7 all year
  if (Number.isNaN(date.getTime())) return null;
  // Round trip: "2025-02-30" must not quietly become 2 March.
  return vietnamIso(date).startsWith(`${y}-${mo}-${d}T${h}:${mi}:${s}`) ? date : null;
}

export const RotateKeySchema = z.object({
  intent: z.literal("rotate"),
  confirm: z.enum(["yes"], { message: "keys.error.confirm_required" }),
});

export const CompromiseKeySchema = z.object({
  intent: z.literal("compromise"),
  keyId: z.string({ message: "keys.error.key" }).uuid("keys.error.key"),
  compromisedFrom: z.string({ message: "keys.error.compromised_from" }).transform((v, ctx) => {
    const date = parseVietnamDateTime(v);
    if (!date) {
      ctx.addIssue({ code: "custom", message: "keys.error.compromised_from" });
      return z.NEVER;
    }
    return date;
  }),
  reason: z
    .string({ message: "keys.error.reason_required" })
    .trim()
    .min(1, "keys.error.reason_required")
    .max(COMPROMISE_REASON_MAX_LENGTH, "keys.error.reason_too_long"),
});

/** The query string of the keys page: which compromised key's affected diplomas to list. */
export const AffectedQuerySchema = z.object({
  affected: z
    .string()
    .regex(/^key-\d{1,6}$/)
    .optional()
    .catch(undefined),
});

export interface KeyView {
  id: string;
  keyRef: string;
  verificationMethod: string;
  status: "active" | "retired" | "compromised";
  publicKeyMultibase: string;
  activatedAt: string;
  retiredAt: string | null;
  compromisedFrom: string | null;
  compromiseReason: string | null;
  signedCount: number;
}

export interface AffectedDiplomaView {
  id: string;
  fullName: string;
  serial: string | null;
  registerYear: number | null;
  registerNumber: number | null;
  status: string;
  signedAt: string;
}

export interface AffectedListView {
  keyRef: string;
  compromisedFrom: string;
  total: number;
  diplomas: AffectedDiplomaView[];
}

/** What the keys action answers; the page shows it above the lists. */
export type KeysActionResult =
  | { intent: "rotate"; ok: true; activeKeyRef: string; retiredKeyRef: string | null }
  | { intent: "rotate"; ok: false; fieldErrors: Record<string, string>; formError?: MessageKey }
  | { intent: "compromise"; ok: true; keyRef: string; replacementKeyRef: string | null; affected: AffectedListView }
  | {
      intent: "compromise";
      ok: false;
      values: Record<string, string>;
      fieldErrors: Record<string, string>;
      formError?: MessageKey;
    };
