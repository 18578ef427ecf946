import { z } from "zod";
import { APPLICATION_STATUSES, COMPANY_SIZES, CONSENT_PURPOSES, EMPLOYMENT_TYPES } from "./codes";

/** Form inputs of the jobs area: employer profile, job posting, graduate preferences, filters. Messages are i18n keys. */

export const JOB_LIMITS = {
  title: 200,
  description: 10_000,
  skills: 30,
  skill: 60,
  programmes: 10,
  note: 2000,
  message: 2000,
} as const;
/** Salaries in VND per month: above this is a typo. */
export const SALARY_MAX_VND = 10_000_000_000;

/** Fields that a form sends several times (checkboxes, multiple selects): joined with commas before parsing. */
export const MULTI_FIELDS = ["provinceCodes", "jobTypes", "diplomaIds", "programmeCodes"] as const;

/** FormData → FormData where each multi-valued field is one comma-separated value, for parseForm. */
export function joinMultiFields(formData: FormData): FormData {
  const out = new FormData();
  const multi = new Set<string>(MULTI_FIELDS);
  for (const [key, value] of formData) if (!multi.has(key) && typeof value === "string") out.set(key, value);
  for (const key of multi) {
    const values = formData.getAll(key).filter((v): v is string => typeof v === "string" && v.length > 0);
    if (values.length > 0) out.set(key, values.join(","));
  }
  return out;
}

const list = <I extends z.ZodTypeAny>(max: number, item: I, message: string) =>
  z
    .string()
    .optional()
    .transform((v) => [
      ...new Set(
        (v ?? "")
          .split(/[,;\n]/)
          .map((s) => s.trim())
          .filter(Boolean),
      ),
    ])
    .pipe(z.array(item).max(max, message));

const optionalText = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, message)
    .optional()
    .transform((v) => (v ? v : null));

/** "15.000.000", "15 000 000" or "15000000" VND; empty: none. */
const vnd = z
  .string()
  .optional()
  .transform((v) => (v ?? "").replace(/[\s.,_]/g, ""))
  .pipe(z.string().regex(/^\d{0,11}$/, "jobs.validation.salary"))
  .transform((v) => (v === "" ? null : Number(v)))
  .refine((v) => v === null || v <= SALARY_MAX_VND, "jobs.validation.salary");

export const JobSchema = z
  .object({
    title: z.string().trim().min(3, "jobs.validation.title").max(JOB_LIMITS.title, "jobs.validation.title"),
    description: z
      .string()
      .trim()
      .min(10, "jobs.validation.description")
      .max(JOB_LIMITS.description, "jobs.validation.description"),
    programmeCodes: list(
      JOB_LIMITS.programmes,
      z.string().regex(/^\d{7,8}$/, "jobs.validation.programmeCode"),
      "jobs.validation.programmesTooMany",
    ),
    occupationCode: z
      .string()
      .trim()
      .optional()
      .transform((v) => (v ? v : null))
      .pipe(
        z
          .string()
          .regex(/^\d{4}$/, "jobs.validation.occupationCode")
          .nullable(),
      ),
    minLevelCode: z.string().min(1, "jobs.validation.minLevel"),
    provinceCodes: list(34, z.string().regex(/^\d{2}$/, "jobs.validation.province"), "jobs.validation.province"),
    remote: z
      .string()
      .optional()
      .transform((v) => v === "on" || v === "true"),
    salaryMinVnd: vnd,
    salaryMaxVnd: vnd,
    salaryNegotiable: z
      .string()
      .optional()
      .transform((v) => v === "on" || v === "true"),
    employmentType: z.enum(EMPLOYMENT_TYPES, { message: "jobs.validation.employmentType" }),
    openings: z.coerce
      .number({ message: "jobs.validation.openings" })
      .int("jobs.validation.openings")
      .min(1, "jobs.validation.openings")
      .max(10_000, "jobs.validation.openings"),
    skills: list(
      JOB_LIMITS.skills,
      z.string().max(JOB_LIMITS.skill, "jobs.validation.skill"),
      "jobs.validation.skillsTooMany",
    ),
    deadline: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "jobs.validation.deadline"),
  })
  .superRefine((v, ctx) => {
    if (v.programmeCodes.length === 0 && !v.occupationCode)
      ctx.addIssue({ code: "custom", path: ["programmeCodes"], message: "jobs.validation.target" });
    if (v.provinceCodes.length === 0 && !v.remote)
      ctx.addIssue({ code: "custom", path: ["provinceCodes"], message: "jobs.validation.where" });
    if (v.salaryMinVnd !== null && v.salaryMaxVnd !== null && v.salaryMinVnd > v.salaryMaxVnd) {
      ctx.addIssue({ code: "custom", path: ["salaryMaxVnd"], message: "jobs.validation.salaryRange" });
    }
    if (!v.salaryNegotiable && v.salaryMinVnd === null && v.salaryMaxVnd === null) {
      ctx.addIssue({ code: "custom", path: ["salaryMinVnd"], message: "jobs.validation.salaryOrNegotiable" });
    }
  });
export type JobInput = z.infer<typeof JobSchema>;

export const JobActionSchema = z.object({ intent: z.enum(["save", "publish", "close", "reopen"]) });

export const EmployerProfileSchema = z.object({
  name: z.string().trim().min(2, "employers.validation.name").max(200, "employers.validation.name"),
  provinceCode: z.string().regex(/^\d{2}$/, "jobs.validation.province"),
  industry: optionalText(200, "employers.validation.tooLong"),
  size: z
    .string()
    .optional()
    .transform((v) => (v ? v : null))
    .pipe(z.enum(COMPANY_SIZES, { message: "employers.validation.size" }).nullable()),
  contactName: optionalText(200, "employers.validation.tooLong"),
  contactEmail: z
    .string()
    .trim()
    .toLowerCase()
    .optional()
    .transform((v) => (v ? v : null))
    .pipe(z.string().email("validation.email").max(254, "validation.email").nullable()),
  contactPhone: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : null))
    .pipe(
      z
        .string()
        .regex(/^\+?[\d\s.-]{8,20}$/, "employers.validation.phone")
        .nullable(),
    ),
  website: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : null))
    .pipe(
      z
        .string()
        .url("employers.validation.url")
        .startsWith("https://", "employers.validation.url")
        .max(300, "employers.validation.url")
        .nullable(),
    ),
  logoUrl: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : null))
    .pipe(
      z
        .string()
        .url("employers.validation.url")
        .startsWith("https://", "employers.validation.url")
        .max(300, "employers.validation.url")
        .nullable(),
    ),
  description: optionalText(4000, "employers.validation.tooLong"),
});
export type EmployerProfileInput = z.infer<typeof EmployerProfileSchema>;

export const GraduatePreferencesSchema = z.object({
  provinceCodes: list(34, z.string().regex(/^\d{2}$/, "jobs.validation.province"), "jobs.validation.province"),
  salaryExpectationVnd: vnd,
  jobTypes: list(
    EMPLOYMENT_TYPES.length,
    z.enum(EMPLOYMENT_TYPES, { message: "jobs.validation.employmentType" }),
    "jobs.validation.employmentType",
  ),
  skills: list(
    JOB_LIMITS.skills,
    z.string().max(JOB_LIMITS.skill, "jobs.validation.skill"),
    "jobs.validation.skillsTooMany",
  ),
});
export type GraduatePreferencesInput = z.infer<typeof GraduatePreferencesSchema>;

export const ConsentSchema = z.object({
  purpose: z.enum(CONSENT_PURPOSES, { message: "form.required" }),
  granted: z.enum(["true", "false"]).transform((v) => v === "true"),
});

/** Filters of the job lists and of "Việc làm phù hợp" (URL parameters; bad values are dropped, not errors). */
export interface JobFilters {
  q?: string;
  province?: string;
  minSalary?: number;
  level?: string;
  /** Employment types, any of them (URL: `type`, repeated or comma-separated). */
  types?: string[];
}

/** The URL parameters the filters read: a page opened with none of them shows the graduate's own preferences. */
export const JOB_FILTER_PARAMS = ["q", "province", "minSalary", "level", "type"] as const;

export function parseJobFilters(params: URLSearchParams): JobFilters {
  const filters: JobFilters = {};
  const q = params.get("q")?.trim();
  if (q && q.length <= 200) filters.q = q;
  const province = params.get("province");
  if (province && /^\d{2}$/.test(province)) filters.province = province;
  const minSalary = params.get("minSalary")?.replace(/[\s.,]/g, "");
  if (minSalary && /^\d{1,11}$/.test(minSalary)) filters.minSalary = Number(minSalary);
  const level = params.get("level");
  if (level && /^[a-z_]{2,30}$/.test(level)) filters.level = level;
  const types = [...new Set(params.getAll("type").flatMap((v) => v.split(",")))].filter((v) =>
    (EMPLOYMENT_TYPES as readonly string[]).includes(v),
  );
  if (types.length > 0) filters.types = types;
  return filters;
}

/** The filters as URL parameters (the saved searches' stored form): employment types comma-joined under `type`. */
export function jobFiltersRecord(filters: JobFilters): Record<string, string> {
  const out: Record<string, string> = {};
  if (filters.q) out.q = filters.q;
  if (filters.province) out.province = filters.province;
  if (filters.minSalary !== undefined) out.minSalary = String(filters.minSalary);
  if (filters.level) out.level = filters.level;
  if (filters.types?.length) out.type = filters.types.join(",");
  return out;
}

export const ApplySchema = z.object({
  diplomaIds: list(10, z.string().uuid("form.required"), "form.required"),
  message: optionalText(JOB_LIMITS.message, "jobs.validation.message"),
});

export const PipelineSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("status"),
    applicationId: z.string().uuid("form.required"),
    status: z.enum(APPLICATION_STATUSES, { message: "jobs.validation.status" }),
  }),
  z.object({
    intent: z.literal("note"),
    applicationId: z.string().uuid("form.required"),
    note: z.string().trim().min(1, "jobs.validation.note").max(JOB_LIMITS.note, "jobs.validation.note"),
  }),
]);
