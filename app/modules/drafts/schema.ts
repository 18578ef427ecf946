import { z } from "zod";
import type { Classification, Gender, ModeOfStudy } from "../../../db/schema/diplomas";
import { foldVietnameseKey } from "~/lib/fold-vietnamese";
import { CLASSIFICATION_LABELS } from "~/modules/documents/labels";

export type { Classification };
export { REGISTER_ENTRY_KINDS } from "../../../db/schema/diplomas";
import {
  charLength,
  cleanCellText,
  isVietnameseLetterText,
  matchLabel,
  normaliseApostrophes,
  parseDateCell,
  type CellValue,
} from "~/modules/reference/cell-values";

/**
 * Zod schemas of the registrar's forms and of one graduate's row (form or file). Messages are i18n keys
 * (app/lib/i18n/messages/diplomas). The rules that need the database (the programme, duplicates) and today's
 * date are in draft-row.ts.
 */

// The codes are repeated here (type-checked against db/schema) so that browser code never imports the tables.
export const GENDER_CODES = ["nam", "nu"] as const satisfies readonly Gender[];
export const MODE_OF_STUDY_CODES = ["chinh_quy", "vua_lam_vua_hoc", "tu_xa"] as const satisfies readonly ModeOfStudy[];
export const CLASSIFICATION_CODES = [
  "xuat_sac",
  "gioi",
  "kha",
  "trung_binh_kha",
  "trung_binh",
] as const satisfies readonly Classification[];
type Exhaustive<A extends readonly string[], T extends string> = [T] extends [A[number]] ? true : never;
const _exhaustive: [
  Exhaustive<typeof GENDER_CODES, Gender>,
  Exhaustive<typeof MODE_OF_STUDY_CODES, ModeOfStudy>,
  Exhaustive<typeof CLASSIFICATION_CODES, Classification>,
] = [true, true, true];
void _exhaustive;

/** The printed Vietnamese label of each code. */
export const GENDER_LABELS_VI: Record<Gender, string> = { nam: "Nam", nu: "Nữ" };
export const MODE_OF_STUDY_LABELS_VI: Record<ModeOfStudy, string> = {
  chinh_quy: "Chính quy",
  vua_lam_vua_hoc: "Vừa làm vừa học",
  tu_xa: "Từ xa",
};

/** What a person may type for each code, folded (see matchLabel): labels, codes and common English words. */
const GENDER_INPUTS: Record<string, Gender> = { nam: "nam", male: "nam", nu: "nu", female: "nu" };
const MODE_OF_STUDY_INPUTS: Record<string, ModeOfStudy> = {
  "chinh quy": "chinh_quy",
  "vua lam vua hoc": "vua_lam_vua_hoc",
  vlvh: "vua_lam_vua_hoc",
  "tu xa": "tu_xa",
};
/** The Vietnamese labels (documents/labels.ts), folded: "xuat sac", "gioi", "kha", "trung binh kha", "trung binh". */
const CLASSIFICATION_INPUTS: Record<string, Classification> = Object.fromEntries(
  CLASSIFICATION_CODES.map((c) => [foldVietnameseKey(CLASSIFICATION_LABELS[c].vi), c]),
);

export const DRAFT_LIMITS = {
  fullName: { min: 2, max: 120 },
  placeOfBirth: 200,
  ethnicity: 50,
  decisionNumber: 50,
  batchTitle: 200,
  email: 254,
  /** At least this old on the graduation date. */
  minimumAge: 14,
} as const;

/** The fields of a draft, in the order of the form, the template and the report. `level` is optional: it is derived. */
export const DRAFT_FIELDS = [
  "fullName",
  "dateOfBirth",
  "placeOfBirth",
  "gender",
  "ethnicity",
  "personalId",
  "programmeCode",
  "level",
  "modeOfStudy",
  "classification",
  "graduationDate",
  "graduationDecisionNumber",
  "email",
] as const;
export type DraftField = (typeof DRAFT_FIELDS)[number];

const M = {
  required: "diplomas.validation.required",
  fullNameLength: "diplomas.validation.fullNameLength",
  fullNameLetters: "diplomas.validation.fullNameLetters",
  date: "diplomas.validation.date",
  placeOfBirthLength: "diplomas.validation.placeOfBirthLength",
  gender: "diplomas.validation.gender",
  ethnicity: "diplomas.validation.ethnicity",
  personalId: "diplomas.validation.personalId",
  personalIdLeadingZero: "diplomas.validation.personalIdLeadingZero",
  programmeCode: "diplomas.validation.programmeCode",
  modeOfStudy: "diplomas.validation.modeOfStudy",
  classification: "diplomas.validation.classification",
  decisionNumber: "diplomas.validation.decisionNumber",
  batchTitle: "diplomas.validation.batchTitle",
  email: "diplomas.validation.email",
} as const;

/** A field read by `parse`: the value, or the message key of why not. */
function cellField<T>(parse: (value: CellValue) => T | { error: string }) {
  return z
    .custom<CellValue>(() => true)
    .transform((value, ctx): T => {
      const result = parse(value);
      if (typeof result === "object" && result !== null && "error" in result) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: result.error });
        return z.NEVER;
      }
      return result as T;
    });
}

const required = (text: string) => text === "";

export function parseFullName(value: CellValue): string | { error: string } {
  const text = normaliseApostrophes(cleanCellText(value));
  if (required(text)) return { error: M.required };
  const length = charLength(text);
  if (length < DRAFT_LIMITS.fullName.min || length > DRAFT_LIMITS.fullName.max) return { error: M.fullNameLength };
  if (!isVietnameseLetterText(text)) return { error: M.fullNameLetters };
  return text;
}

export function parseDate(value: CellValue): string | { error: string } {
  if (cleanCellText(value) === "") return { error: M.required };
  return parseDateCell(value) ?? { error: M.date };
}

function parsePlaceOfBirth(value: CellValue): string | { error: string } {
  const text = cleanCellText(value);
  if (required(text)) return { error: M.required };
  if (charLength(text) > DRAFT_LIMITS.placeOfBirth) return { error: M.placeOfBirthLength };
  return text;
}

export function parseGender(value: CellValue): Gender | { error: string } {
  if (cleanCellText(value) === "") return { error: M.required };
  return matchLabel(value, GENDER_INPUTS) ?? { error: M.gender };
}

function parseEthnicity(value: CellValue): string | { error: string } {
  const text = normaliseApostrophes(cleanCellText(value));
  if (required(text)) return { error: M.required };
  if (charLength(text) > DRAFT_LIMITS.ethnicity || !isVietnameseLetterText(text)) return { error: M.ethnicity };
  return text;
}

/**
 * The personal ID number (số định danh cá nhân): exactly 12 digits, spaces ignored. Nothing is derived from the
 * digits. Eleven digits is almost always a spreadsheet that read the number as a number and dropped its leading 0:
 * said so, rather than guessed.
 */
export function parsePersonalId(value: CellValue): string | { error: string } {
  const text = cleanCellText(value).replace(/\s/g, "");
  if (required(text)) return { error: M.required };
  if (/^\d{12}$/.test(text)) return text;
  if (/^\d{11}$/.test(text)) return { error: M.personalIdLeadingZero };
  return { error: M.personalId };
}

function parseProgrammeCode(value: CellValue): string | { error: string } {
  const text = cleanCellText(value);
  if (required(text)) return { error: M.required };
  return /^\d{7,8}$/.test(text) ? text : { error: M.programmeCode };
}

export function parseModeOfStudy(value: CellValue): ModeOfStudy | { error: string } {
  if (cleanCellText(value) === "") return { error: M.required };
  return matchLabel(value, MODE_OF_STUDY_INPUTS) ?? { error: M.modeOfStudy };
}

export function parseClassification(value: CellValue): Classification | { error: string } {
  if (cleanCellText(value) === "") return { error: M.required };
  return matchLabel(value, CLASSIFICATION_INPUTS) ?? { error: M.classification };
}

/** A graduation decision number such as "123/QĐ-CĐCN": 1–50 characters, with a digit; letters, digits, / - . _ ( ) and spaces. */
function parseDecisionNumber(value: CellValue): string | { error: string } {
  const text = cleanCellText(value);
  if (required(text)) return { error: M.required };
  if (
    charLength(text) > DRAFT_LIMITS.decisionNumber ||
    !/^[\p{L}\p{M}\p{N} ./_()-]+$/u.test(text) ||
    !/\d/.test(text)
  ) {
    return { error: M.decisionNumber };
  }
  return text;
}

/**
 * The graduate's e-mail address, where their claim code is mailed: optional (empty is null), one address, lower-cased.
 * Deliberately plain: a local part of the usual characters, a domain of at least two labels, no spaces or commas (two
 * addresses in one cell are refused rather than guessed).
 */
export function parseEmail(value: CellValue): string | null | { error: string } {
  const text = cleanCellText(value).trim();
  if (text === "") return null;
  if (
    text.length > DRAFT_LIMITS.email ||
    !/^[A-Za-z0-9._%+'-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/.test(
      text,
    )
  ) {
    return { error: M.email };
  }
  return text.toLowerCase();
}

/**
 * One graduate's row, from the draft form (strings) or a file (strings, numbers, dates). `level` is optional: the
 * level comes from the programme, and a level that is given must agree with it (checked in draft-row.ts).
 */
export const DraftInputSchema = z.object({
  fullName: cellField(parseFullName),
  dateOfBirth: cellField(parseDate),
  placeOfBirth: cellField(parsePlaceOfBirth),
  gender: cellField(parseGender),
  ethnicity: cellField(parseEthnicity),
  personalId: cellField(parsePersonalId),
  programmeCode: cellField(parseProgrammeCode),
  level: cellField((v) => cleanCellText(v) || null),
  modeOfStudy: cellField(parseModeOfStudy),
  classification: cellField(parseClassification),
  graduationDate: cellField(parseDate),
  graduationDecisionNumber: cellField(parseDecisionNumber),
  email: cellField(parseEmail),
});
export type DraftInput = z.infer<typeof DraftInputSchema>;
export type DraftRawRow = Partial<Record<DraftField, CellValue>>;

export const BatchSchema = z.object({
  title: z
    .string({ required_error: M.required })
    .transform((v) => cleanCellText(v))
    .pipe(z.string().min(1, M.required).max(DRAFT_LIMITS.batchTitle, M.batchTitle)),
});
export type BatchInput = z.infer<typeof BatchSchema>;

/** The longest reason a principal may give for sending a batch back. */
export const RETURN_REASON_MAX = 1000;

/** The choice made after a report with errors: import nothing until the file is fixed, or only the valid rows. */
export const IMPORT_MODES = ["all", "valid_only"] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

export const ImportOptionsSchema = z.object({
  mode: z.enum(IMPORT_MODES).catch("all").default("all"),
  /** The SHA-256 of the file whose report the user saw: "valid rows only" imports that file and no other. */
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional()
    .catch(undefined),
});

/** A submitted draft form as a raw row (strings only; files are ignored), for validateDraftRow. */
export function draftRawRowFromForm(form: FormData): DraftRawRow {
  const row: DraftRawRow = {};
  for (const field of DRAFT_FIELDS) {
    const value = form.get(field);
    if (typeof value === "string") row[field] = value.slice(0, 1000);
  }
  return row;
}
