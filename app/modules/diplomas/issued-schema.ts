import { z } from "zod";
import { cleanCellText, parseDateCell } from "~/modules/reference/cell-values";
import { normaliseClaimCode } from "./claim-code";
import { parsePersonalId } from "~/modules/drafts/schema";

/**
 * Zod schemas of the signed-diploma forms: signing a batch, changing a diploma's status, starting a correction,
 * claiming a diploma, and the school list's filters. Messages are i18n keys (app/lib/i18n/messages/diplomas).
 */

export const ISSUE_TEXT_MAX = 100;
export const REASON_MIN = 3;
export const REASON_MAX = 500;

const text = (max: number, requiredKey: string, tooLongKey: string) =>
  z
    .string()
    .optional()
    .transform((v) => cleanCellText(v ?? ""))
    .pipe(z.string().min(1, requiredKey).max(max, tooLongKey));

const checked = (message: string) => z.literal("on", { errorMap: () => ({ message }) });

const isoDate = (requiredKey: string, invalidKey: string) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (!v?.trim()) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: requiredKey });
        return z.NEVER;
      }
      const iso = parseDateCell(v);
      if (!iso) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: invalidKey });
        return z.NEVER;
      }
      return iso;
    });

// ---------------------------------------------------------------------------------------------------------------
// Signing a batch

/**
 * The principal's signing form. The issue date may not be in the future (Vietnam's today) nor before the latest
 * graduation date of the batch; place and title default on the page (province, head of school) and may be edited.
 */
export function signBatchSchema(context: { today: string; latestGraduationDate: string | null }) {
  return z.object({
    issueDate: isoDate("issued.validation.required", "issued.validation.date")
      .refine((d) => d <= context.today, "issued.sign.validation.issueDateFuture")
      .refine(
        (d) => !context.latestGraduationDate || d >= context.latestGraduationDate,
        "issued.sign.validation.issueDateBeforeGraduation",
      ),
    issuePlace: text(ISSUE_TEXT_MAX, "issued.validation.required", "issued.validation.tooLong"),
    signerTitle: text(ISSUE_TEXT_MAX, "issued.validation.required", "issued.validation.tooLong"),
    confirm: checked("issued.sign.validation.confirm"),
  });
}

// ---------------------------------------------------------------------------------------------------------------
// A diploma's status

export const STATUS_INTENTS = ["revoke", "suspend", "reinstate"] as const;

/** Revoke and suspend need a reason (kept in the register's remarks); every change needs the box ticked. */
export const StatusChangeSchema = z
  .object({
    intent: z.enum(STATUS_INTENTS),
    reason: z
      .string()
      .optional()
      .transform((v) => (v ?? "").trim())
      .pipe(z.string().max(REASON_MAX, "issued.status.validation.reasonTooLong")),
    confirm: checked("issued.status.validation.confirm"),
  })
  .superRefine((value, ctx) => {
    if (value.intent !== "reinstate" && value.reason.length < REASON_MIN) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ["reason"],
        message: "issued.status.validation.reasonRequired",
      });
    }
  });

// ---------------------------------------------------------------------------------------------------------------
// Claims

export const ClaimSchema = z.object({
  claimCode: z
    .string()
    .optional()
    .transform((v, ctx) => {
      const code = normaliseClaimCode(v ?? "");
      if (!code) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          message: v?.trim() ? "issued.claim.validation.code" : "issued.validation.required",
        });
        return z.NEVER;
      }
      return code;
    }),
  personalId: z
    .string()
    .optional()
    .transform((v, ctx) => {
      const parsed = parsePersonalId(v ?? "");
      if (typeof parsed === "object") {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: parsed.error });
        return z.NEVER;
      }
      return parsed;
    }),
  dateOfBirth: isoDate("issued.validation.required", "issued.validation.date"),
});
export type ClaimInput = z.infer<typeof ClaimSchema>;

// ---------------------------------------------------------------------------------------------------------------
// The school's list

export const SIGNED_STATUS_FILTERS = ["issued", "revoked", "suspended", "superseded"] as const;

/** The list's query string; anything malformed is dropped rather than refused (a filter, not a form). */
export const DiplomaListQuerySchema = z.object({
  q: z
    .string()
    .optional()
    .transform((v) => cleanCellText(v ?? "").slice(0, 100) || undefined)
    .catch(undefined),
  programme: z
    .string()
    .regex(/^\d{7,8}$/)
    .optional()
    .catch(undefined),
  status: z.enum(SIGNED_STATUS_FILTERS).optional().catch(undefined),
  batch: z.string().uuid().optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
export type DiplomaListQuery = z.infer<typeof DiplomaListQuerySchema>;

/** The longest reason a principal may give for sending a batch back (kept with the batch's other rules). */
export { RETURN_REASON_MAX } from "~/modules/drafts/schema";
