import { z } from "zod";
import { SCHOOL_TYPES } from "../../../db/schema/accounts";
import { normaliseTaxCode } from "~/modules/employers/tax-code";

export { SCHOOL_TYPES };

export const emailField = z.string().trim().toLowerCase().max(254, "validation.email").email("validation.email");
export const passwordField = z.string().min(10, "validation.password").max(200, "validation.password");
const fullNameField = z.string().trim().min(2, "validation.fullName").max(120, "validation.fullName");
const provinceField = z.string().regex(/^\d{2}$/, "validation.province");

/** A school's code names its did:web issuer, so it must be URL- and DID-safe. */
export const schoolCodeField = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9][A-Z0-9-]{1,19}$/, "validation.schoolCode");
/** Mã số thuế: 10 digits, or 13 with a branch suffix 001–999 (written 0101234567-001); see employers/tax-code.ts. */
export const taxCodeField = z.string().transform((v, ctx) => {
  const r = normaliseTaxCode(v);
  if (r.ok) return r.value;
  ctx.addIssue({ code: "custom", message: "validation.taxCode" });
  return z.NEVER;
});

export const SignInSchema = z.object({
  email: emailField,
  password: z.string().min(1, "form.required").max(200, "validation.password"),
  redirectTo: z.string().optional(),
});

const base = { email: emailField, password: passwordField, passwordConfirm: z.string(), fullName: fullNameField };

const optional = <T extends z.ZodTypeAny>(inner: T) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : null))
    .pipe(inner.nullable());
/** What a school or employer supplies for the ministry's check, besides its name and code (all optional). */
const organisationContact = {
  contactPhone: optional(z.string().regex(/^\+?[\d\s.-]{8,20}$/, "employers.validation.phone")),
  website: optional(
    z
      .string()
      .url("employers.validation.url")
      .startsWith("https://", "employers.validation.url")
      .max(300, "employers.validation.url"),
  ),
  registrationDocument: optional(z.string().max(200, "validation.registrationDocument")),
};

export const SignUpSchema = z
  .discriminatedUnion(
    "accountType",
    [
      z.object({ accountType: z.literal("graduate"), ...base }),
      z.object({
        accountType: z.literal("school"),
        ...base,
        orgName: z.string().trim().min(2, "validation.orgName").max(200, "validation.orgName"),
        schoolCode: schoolCodeField,
        schoolType: z.enum(SCHOOL_TYPES, { message: "validation.schoolType" }),
        provinceCode: provinceField,
        ...organisationContact,
      }),
      z.object({
        accountType: z.literal("employer"),
        ...base,
        orgName: z.string().trim().min(2, "validation.orgName").max(200, "validation.orgName"),
        taxCode: taxCodeField,
        provinceCode: provinceField,
        ...organisationContact,
      }),
    ],
    { errorMap: () => ({ message: "validation.accountType" }) },
  )
  .refine((v) => v.password === v.passwordConfirm, {
    path: ["passwordConfirm"],
    message: "auth.error.password_mismatch",
  });
export type SignUpInput = z.infer<typeof SignUpSchema>;

export const ChangePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "form.required"),
    newPassword: passwordField,
    passwordConfirm: z.string(),
  })
  .refine((v) => v.newPassword === v.passwordConfirm, {
    path: ["passwordConfirm"],
    message: "auth.error.password_mismatch",
  });

export const ForgotPasswordSchema = z.object({ email: emailField });

export const ResetPasswordSchema = z
  .object({ token: z.string().min(10).max(100), password: passwordField, passwordConfirm: z.string() })
  .refine((v) => v.password === v.passwordConfirm, {
    path: ["passwordConfirm"],
    message: "auth.error.password_mismatch",
  });

/** Only same-site paths: an open redirect would let a phishing link bounce through the portal. */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/dashboard"): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  return to;
}
