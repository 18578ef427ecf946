import { z } from "zod";
import { cleanText } from "~/modules/reference/text";

export type { ProgrammeRequestStatus } from "../../../db/schema/programme-requests";

/** The forms of programme requests (messages are i18n keys, app/lib/i18n/messages/programme-requests). */

const optionalText = (max: number) =>
  z
    .string()
    .optional()
    .transform((v) => (v === undefined ? "" : cleanText(v)))
    .pipe(z.string().max(max, "programmeRequests.validation.tooLong"))
    .transform((v) => (v === "" ? null : v));

/** A school's request: the code the import named, its name and level if the school gives them. */
export const ProgrammeRequestSchema = z.object({
  programmeCode: z
    .string({ required_error: "form.required" })
    .trim()
    .pipe(
      z
        .string()
        .min(1, "form.required")
        .regex(/^\d{7,8}$/, "programmeRequests.validation.code"),
    ),
  programmeName: optionalText(300),
  /** The level as typed in the import file ("Cao đẳng", "cao dang", "6"…); unknown text is dropped. */
  level: optionalText(60),
});
export type ProgrammeRequestInput = z.infer<typeof ProgrammeRequestSchema>;

/** The ministry's answer. A refusal needs a note: the school must learn why. */
export const ProgrammeRequestAnswerSchema = z
  .object({
    id: z.string().uuid("form.invalid"),
    status: z.enum(["added", "refused"], { errorMap: () => ({ message: "form.invalid" }) }),
    adminNote: optionalText(2000),
  })
  .refine((a) => a.status !== "refused" || a.adminNote !== null, {
    path: ["adminNote"],
    message: "programmeRequests.validation.noteRequired",
  });
export type ProgrammeRequestAnswer = z.infer<typeof ProgrammeRequestAnswerSchema>;

export const PROGRAMME_REQUEST_FILTERS = ["pending", "added", "refused", "all"] as const;
export type ProgrammeRequestFilter = (typeof PROGRAMME_REQUEST_FILTERS)[number];

export function parseProgrammeRequestFilter(value: string | null): ProgrammeRequestFilter {
  return (PROGRAMME_REQUEST_FILTERS as readonly string[]).includes(value ?? "")
    ? (value as ProgrammeRequestFilter)
    : "pending";
}
