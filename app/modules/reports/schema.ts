/**
 * Reports of a suspected fake diploma (a kind of case on the case core): the public form and the staff's verdict.
 * Pure. Zod messages are i18n keys (reports namespace).
 */
import { z } from "zod";
import { VERDICTS } from "~/modules/verification/verdict";

export const DESCRIPTION_MIN = 10;
export const DESCRIPTION_MAX = 2000;
export const SUBMITTED_TEXT_MAX = 2000;
export const NOTE_MAX = 2000;
/** The case's title: the description's beginning, on one line. */
export const TITLE_MAX = 120;

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

/** A fake report's outcome: the diploma turned out genuine, or fake. */
export const FAKE_REPORT_OUTCOMES = ["genuine", "fake"] as const;
export type FakeReportOutcome = (typeof FAKE_REPORT_OUTCOMES)[number];

/** The staff's verdict: the outcome and its public note (shown on the case's public page: no personal data). */
export const ResolveFakeReportSchema = z.object({
  outcome: z.enum(FAKE_REPORT_OUTCOMES, { message: "reports.validation.outcome" }),
  note: trimmed().pipe(
    z.string().min(3, "reports.validation.noteRequired").max(NOTE_MAX, "reports.validation.noteTooLong"),
  ),
});
export type ResolveFakeReportInput = z.infer<typeof ResolveFakeReportSchema>;

/** The case's title from the reporter's description: its beginning, on one line. */
export function reportTitle(description: string): string {
  const line = description.replace(/\s+/g, " ").trim();
  return line.length <= TITLE_MAX ? line : `${line.slice(0, TITLE_MAX - 1)}…`;
}
