/**
 * The online diploma services' request forms, parsed at the edge (Zod; messages are catalogue keys). One schema per
 * service over a shared part: who asks (self, a representative, a relative or heir where the law allows), and which
 * diploma (one of the signed-in graduate's claimed diplomas, or serial + holder's name + date of birth at a school).
 */
import { z } from "zod";
import type { CaseKind } from "~/modules/cases/case-kinds";

/** The services' URL slugs (/services/{slug}) and their case kinds. */
export const SERVICE_SLUGS = {
  "certified-copy": "certified_copy",
  correction: "correction",
  confirmation: "confirmation",
} as const satisfies Record<string, CaseKind>;
export type ServiceSlug = keyof typeof SERVICE_SLUGS;
export type ServiceKind = (typeof SERVICE_SLUGS)[ServiceSlug];

export function serviceKindOf(slug: string | undefined): ServiceKind | null {
  return slug && Object.hasOwn(SERVICE_SLUGS, slug) ? SERVICE_SLUGS[slug as ServiceSlug] : null;
}

export function serviceSlugOf(kind: ServiceKind): ServiceSlug {
  return (Object.keys(SERVICE_SLUGS) as ServiceSlug[]).find((s) => SERVICE_SLUGS[s] === kind)!;
}

export const CAPACITIES = ["self", "representative", "relative", "heir"] as const;
export type Capacity = (typeof CAPACITIES)[number];

/** Who may ask for what: a relative or heir only for a certified copy (NĐ 23/2015 art. 20, *check*). */
export function capacityAllowed(kind: ServiceKind, capacity: Capacity): boolean {
  return capacity === "self" || capacity === "representative" || kind === "certified_copy";
}

/** The fields of a diploma a correction may be about. */
export const CORRECTION_FIELDS = [
  "fullName",
  "dateOfBirth",
  "placeOfBirth",
  "gender",
  "ethnicity",
  "programmeName",
  "classification",
  "graduationDate",
  "other",
] as const;
export type CorrectionField = (typeof CORRECTION_FIELDS)[number];

export const DELIVERIES = ["electronic", "post"] as const;
export const LETTER_LANGUAGES = ["vi", "en"] as const;

const text = (max: number, required: "services.form.error.required" | null = "services.form.error.required") =>
  required
    ? z.string().trim().min(1, required).max(max, "services.form.error.tooLong")
    : z.string().trim().max(max, "services.form.error.tooLong").optional().default("");

const common = {
  capacity: z.enum(CAPACITIES, { message: "services.form.error.capacity" }),
  diplomaId: z.string().trim().optional().default(""),
  schoolCode: z.string().trim().max(20).optional().default(""),
  serial: text(40, null),
  holderName: text(200, null),
  holderDateOfBirth: z.string().trim().optional().default(""),
  name: text(200),
  email: z.string().trim().max(254).email("services.form.error.email"),
  phone: text(32, null),
  note: text(2000, null),
};

/** The shared checks: one of the holder's own diplomas, or the three identifying fields and the school. */
function checkDiploma(data: { capacity: Capacity } & Record<string, unknown>, ctx: z.RefinementCtx) {
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  if (data.capacity === "self") {
    if (!uuid.test(String(data.diplomaId)))
      ctx.addIssue({ code: "custom", path: ["diplomaId"], message: "services.form.error.diploma" });
    return;
  }
  if (!data.schoolCode) ctx.addIssue({ code: "custom", path: ["schoolCode"], message: "services.form.error.school" });
  if (!data.serial) ctx.addIssue({ code: "custom", path: ["serial"], message: "services.form.error.required" });
  if (!data.holderName) ctx.addIssue({ code: "custom", path: ["holderName"], message: "services.form.error.required" });
  const dob = String(data.holderDateOfBirth);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(dob) || Number.isNaN(Date.parse(dob)))
    ctx.addIssue({ code: "custom", path: ["holderDateOfBirth"], message: "services.form.error.date" });
}

export const CertifiedCopySchema = z
  .object({
    ...common,
    copies: z.coerce
      .number({ message: "services.form.error.copies" })
      .int("services.form.error.copies")
      .min(1, "services.form.error.copies")
      .max(10, "services.form.error.copies"),
    delivery: z.enum(DELIVERIES, { message: "services.form.error.delivery" }),
    postalAddress: text(500, null),
  })
  .superRefine((data, ctx) => {
    checkDiploma(data, ctx);
    if (data.delivery === "post" && data.postalAddress.length < 10)
      ctx.addIssue({ code: "custom", path: ["postalAddress"], message: "services.form.error.postalAddress" });
  });

export const CorrectionSchema = z
  .object({
    ...common,
    correctValue: text(1000),
  })
  .superRefine((data, ctx) => {
    checkDiploma(data, ctx);
    if (!capacityAllowed("correction", data.capacity))
      ctx.addIssue({ code: "custom", path: ["capacity"], message: "services.form.error.capacityNotAllowed" });
  });

export const ConfirmationSchema = z
  .object({
    ...common,
    agencyName: text(300),
    agencyCountry: text(100),
    agencyEmail: z.string().trim().max(254).email("services.form.error.email"),
    purpose: text(500),
    language: z.enum(LETTER_LANGUAGES, { message: "services.form.error.language" }),
  })
  .superRefine((data, ctx) => {
    checkDiploma(data, ctx);
    if (!capacityAllowed("confirmation", data.capacity))
      ctx.addIssue({ code: "custom", path: ["capacity"], message: "services.form.error.capacityNotAllowed" });
  });

export const SERVICE_SCHEMAS = {
  certified_copy: CertifiedCopySchema,
  correction: CorrectionSchema,
  confirmation: ConfirmationSchema,
} as const;

export type CertifiedCopyInput = z.infer<typeof CertifiedCopySchema>;
export type CorrectionInput = z.infer<typeof CorrectionSchema>;
export type ConfirmationInput = z.infer<typeof ConfirmationSchema>;
export type ServiceInput =
  | ({ kind: "certified_copy" } & CertifiedCopyInput)
  | ({ kind: "correction"; fields: CorrectionField[] } & CorrectionInput)
  | ({ kind: "confirmation" } & ConfirmationInput);

/** The correction's fields, from the form's checkboxes (any unknown value is dropped). */
export function parseCorrectionFields(values: readonly unknown[]): CorrectionField[] {
  return CORRECTION_FIELDS.filter((f) => values.includes(f));
}
