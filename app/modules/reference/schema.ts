import { z } from "zod";
import { PROGRAMME_CSV_LIMITS, PROGRAMME_SOURCES } from "./programme-csv-format";
import { cleanText } from "./text";

/** Zod schemas of the reference-data forms and URL parameters. Messages are i18n keys (app/lib/i18n/messages/reference). */

const MAX = PROGRAMME_CSV_LIMITS.maxNameLength;

const requiredName = z
  .string({ required_error: "form.required" })
  .transform(cleanText)
  .pipe(z.string().min(1, "form.required").max(MAX, "reference.validation.tooLong"));

/** An optional name: empty becomes null. */
const optionalName = z
  .string()
  .optional()
  .transform((v) => (v === undefined ? "" : cleanText(v)))
  .pipe(z.string().max(MAX, "reference.validation.tooLong"))
  .transform((v) => (v === "" ? null : v));

const digits = (n: number, message: string) =>
  z
    .string({ required_error: "form.required" })
    .trim()
    .pipe(
      z
        .string()
        .min(1, "form.required")
        .regex(new RegExp(`^\\d{${n}}$`), message),
    );

export const provinceCodeField = digits(2, "reference.validation.provinceCode");
export const fieldCodeField = digits(2, "reference.validation.fieldCode");
export const groupCodeField = digits(4, "reference.validation.groupCode");
/** 7 digits, or a legacy 8-digit code. */
export const programmeCodeField = z
  .string({ required_error: "form.required" })
  .trim()
  .pipe(
    z
      .string()
      .min(1, "form.required")
      .regex(/^\d{7,8}$/, "reference.validation.programmeCode"),
  );
export const levelCodeField = z
  .string({ required_error: "form.required" })
  .trim()
  .min(1, "form.required")
  .max(40, "form.invalid");

export const PROVINCE_KINDS = ["tỉnh", "thành phố"] as const;
export const CAO_DANG_TITLES = ["kỹ sư thực hành", "cử nhân thực hành"] as const;
export const CROSSWALK_STATUSES = ["proposed", "confirmed"] as const;
export type CrosswalkStatus = (typeof CROSSWALK_STATUSES)[number];

export const ProvinceSchema = z.object({
  code: provinceCodeField,
  nameVi: requiredName,
  nameEn: optionalName,
  kind: z.enum(PROVINCE_KINDS, { errorMap: () => ({ message: "reference.validation.provinceKind" }) }),
});
export type ProvinceInput = z.infer<typeof ProvinceSchema>;

export const TrainingLevelSchema = z.object({
  code: levelCodeField,
  nameVi: requiredName,
  nameEn: requiredName,
});
export type TrainingLevelInput = z.infer<typeof TrainingLevelSchema>;

export const FieldSchema = z.object({
  code: fieldCodeField,
  nameVi: requiredName,
  nameEn: optionalName,
  caoDangTitle: z.enum(CAO_DANG_TITLES, { errorMap: () => ({ message: "reference.validation.caoDangTitle" }) }),
});
export type FieldInput = z.infer<typeof FieldSchema>;

export const ProgrammeGroupSchema = z.object({
  code: groupCodeField,
  nameVi: optionalName,
});
export type ProgrammeGroupInput = z.infer<typeof ProgrammeGroupSchema>;

const sourceField = z.enum(PROGRAMME_SOURCES, { errorMap: () => ({ message: "reference.validation.source" }) });

export const ProgrammeCreateSchema = z.object({
  code: programmeCodeField,
  nameVi: requiredName,
  nameEn: optionalName,
  levelCode: levelCodeField,
  source: sourceField.default("admin"),
});
export type ProgrammeCreateInput = z.infer<typeof ProgrammeCreateSchema>;

/** The code never changes once created (diplomas will point at it); a 7-digit code fixes the level too. */
export const ProgrammeUpdateSchema = z.object({
  nameVi: requiredName,
  nameEn: optionalName,
  levelCode: levelCodeField.optional(),
  source: sourceField,
});
export type ProgrammeUpdateInput = z.infer<typeof ProgrammeUpdateSchema>;

/** A programme key (6 digits), or a full 7-digit programme code whose level digit is dropped. */
export const programmeKeyField = z
  .string({ required_error: "form.required" })
  .trim()
  .pipe(
    z
      .string()
      .min(1, "form.required")
      .regex(/^\d{6,7}$/, "reference.validation.programmeKey"),
  )
  .transform((v) => (v.length === 7 ? v.slice(1) : v));
export const vscoCodeField = digits(4, "reference.validation.vscoCode");

export const CrosswalkAddSchema = z.object({
  intent: z.literal("add"),
  programmeKey: programmeKeyField,
  vscoCode: vscoCodeField,
  status: z.enum(CROSSWALK_STATUSES, { errorMap: () => ({ message: "form.invalid" }) }).default("proposed"),
});
export const CrosswalkRemoveSchema = z.object({
  intent: z.literal("remove"),
  programmeKey: digits(6, "reference.validation.programmeKey"),
  vscoCode: vscoCodeField,
});
export const CrosswalkStatusSchema = z.object({
  intent: z.literal("set-status"),
  programmeKey: digits(6, "reference.validation.programmeKey"),
  vscoCode: vscoCodeField,
  status: z.enum(CROSSWALK_STATUSES, { errorMap: () => ({ message: "form.invalid" }) }),
});

export const PROGRAMME_PAGE_SIZE = 50;

/** The programme list's URL parameters. A malformed one is dropped (the list falls back), never passed on. */
export const ProgrammeListQuerySchema = z.object({
  q: z
    .string()
    .transform((v) => cleanText(v).slice(0, 100))
    .optional()
    .catch(undefined),
  level: z
    .string()
    .regex(/^[a-z_]{1,40}$/)
    .optional()
    .catch(undefined),
  field: z
    .string()
    .regex(/^(\d{2}|legacy)$/)
    .optional()
    .catch(undefined),
  status: z.enum(["active", "inactive", "all"]).catch("all").default("all"),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
export type ProgrammeListQuery = z.infer<typeof ProgrammeListQuerySchema>;

export function parseProgrammeListQuery(searchParams: URLSearchParams): ProgrammeListQuery {
  const raw: Record<string, string> = {};
  for (const key of ["q", "level", "field", "status", "page"]) {
    const value = searchParams.get(key);
    if (value !== null && value !== "") raw[key] = value;
  }
  return ProgrammeListQuerySchema.parse(raw);
}

/** `?edit=01` style parameters on the list pages: the row to open in the edit form. */
export const editParam = (pattern: RegExp) => (value: string | null) =>
  value !== null && pattern.test(value) ? value : null;

/** `?saved=1` (saved) or `?saved=0` (nothing changed) after a redirect; anything else is ignored. */
export function savedParam(value: string | null): "1" | "0" | null {
  return value === "1" || value === "0" ? value : null;
}
