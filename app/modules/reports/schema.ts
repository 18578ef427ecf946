/**
 * Reports of a suspected fake diploma: the public form, the staff's status change, tracking codes. Pure.
 * Zod messages are i18n keys (reports namespace).
 */
import { base32crockford } from "@scure/base";
import { z } from "zod";
import { FAKE_REPORT_STATUSES, type FakeReportStatus } from "../../../db/schema/reports";
import type { FormFailure } from "~/lib/forms";
import { VERDICTS } from "~/modules/verification/verdict";

export type { FakeReportStatus };

/** What the report status-change action (status-action.server.ts) answers; the reports list reads it. */
export type ReportActionData =
  ({ ok: false; reportId: string } & Partial<FormFailure>) | { ok: true; reportId: string; trackingCode: string };

export const DESCRIPTION_MIN = 10;
export const DESCRIPTION_MAX = 2000;
export const SUBMITTED_TEXT_MAX = 2000;
export const NOTE_MAX = 2000;

/** 5 reports an hour per client address. */
export const FAKE_REPORT_RATE_LIMIT = { limit: 5, windowSeconds: 3600 } as const;

const trimmed = () =>
  z
    .string()
    .optional()
    .transform((v) => (v ?? "").trim());

export const FakeReportSchema = z.object({
  qr: trimmed().pipe(z.string().max(SUBMITTED_TEXT_MAX, "reports.validation.qrTooLong")),
  verdict: trimmed().transform((v) => ((VERDICTS as readonly string[]).includes(v) ? v : "")),
  description: trimmed().pipe(
    z
      .string()
      .min(1, "reports.validation.descriptionRequired")
      .min(DESCRIPTION_MIN, "reports.validation.descriptionTooShort")
      .max(DESCRIPTION_MAX, "reports.validation.descriptionTooLong"),
  ),
  email: trimmed().pipe(
    z.union([z.literal(""), z.string().max(254, "reports.validation.email").email("reports.validation.email")]),
  ),
});
export type FakeReportInput = z.infer<typeof FakeReportSchema>;

export const CLOSED_STATUSES: readonly FakeReportStatus[] = ["closed_genuine", "closed_fake"];

/** received → investigating → closed_genuine | closed_fake (closing straight from received is allowed). Closed is final. */
export function nextStatuses(from: FakeReportStatus): FakeReportStatus[] {
  if (from === "received") return ["investigating", "closed_genuine", "closed_fake"];
  if (from === "investigating") return ["closed_genuine", "closed_fake"];
  return [];
}

export const ReportStatusSchema = z
  .object({
    reportId: z.string().uuid("reports.error.not_found"),
    status: z.enum(FAKE_REPORT_STATUSES, { message: "reports.validation.status" }),
    note: trimmed().pipe(z.string().max(NOTE_MAX, "reports.validation.noteTooLong")),
  })
  .superRefine((v, ctx) => {
    if (CLOSED_STATUSES.includes(v.status) && v.note.length < 3)
      ctx.addIssue({ code: "custom", path: ["note"], message: "reports.validation.noteRequired" });
  });

// Tracking codes: "VB-XXXXX-XXXXX", 10 random Crockford base32 characters (50 bits).
export function newTrackingCode(
  random: (n: number) => Uint8Array = (n) => crypto.getRandomValues(new Uint8Array(n)),
): string {
  const chars = base32crockford.encode(random(7)).slice(0, 10);
  return `VB-${chars.slice(0, 5)}-${chars.slice(5)}`;
}

/** A typed tracking code, normalised (case, spaces, Crockford's look-alikes), or null when it cannot be one. */
export function normaliseTrackingCode(input: string): string | null {
  if (input.length > 40) return null;
  const body = input.toUpperCase().replace(/^VB/, "").replace(/[\s-]/g, "").replace(/[IL]/g, "1").replace(/O/g, "0");
  if (!/^[0-9A-HJKMNP-TV-Z]{10}$/.test(body)) return null;
  return `VB-${body.slice(0, 5)}-${body.slice(5)}`;
}
