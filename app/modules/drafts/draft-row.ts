import { matchLevel, type LevelInfo } from "~/modules/reference/levels";
import { addYears } from "~/modules/reference/cell-values";
import { honorificTitleFor } from "./honorific-title";
import {
  DRAFT_FIELDS,
  DRAFT_LIMITS,
  DraftInputSchema,
  type DraftField,
  type DraftInput,
  type DraftRawRow,
} from "./schema";
import type { Classification, Gender, ModeOfStudy } from "../../../db/schema/diplomas";

/**
 * One graduate's row checked against every rule: the Zod schema (formats), then the rules that need the programme
 * list and today's date. Pure: the draft form and the file import both call it, with a context the caller loads.
 */

export interface ProgrammeInfo {
  code: string;
  nameVi: string;
  levelCode: string;
  fieldCode: string | null;
  active: boolean;
}

export interface DraftRulesContext {
  /** Today in Vietnam, yyyy-mm-dd (vietnamDate() in app/lib/format-time.ts). */
  today: string;
  /** The programmes the rows name (others are simply unknown). */
  programmes: ReadonlyMap<string, ProgrammeInfo>;
  levels: readonly LevelInfo[];
  /** Field code → the title of its cao đẳng graduates. */
  caoDangTitles: ReadonlyMap<string, string>;
}

/** A draft as it is stored: every value normalised, the level, programme name and title derived. */
export interface DraftValues {
  fullName: string;
  dateOfBirth: string;
  placeOfBirth: string;
  gender: Gender;
  ethnicity: string;
  personalId: string;
  programmeCode: string;
  programmeName: string;
  levelCode: string;
  modeOfStudy: ModeOfStudy;
  classification: Classification;
  honorificTitle: string | null;
  graduationDate: string;
  graduationDecisionNumber: string;
  /** Where the claim code is mailed at signing; null when the list gives none. */
  email: string | null;
}

/** Why a field was refused: an i18n key, and the values its message names. */
export interface FieldIssue {
  message: string;
  params?: Record<string, string | number>;
}
export type DraftFieldIssues = Partial<Record<DraftField, FieldIssue>>;

export type DraftRowResult = { ok: true; value: DraftValues } | { ok: false; issues: DraftFieldIssues };

/** The rules that need the programme list and today's date, on the fields whose format is right. */
function ruleIssues(input: Partial<DraftInput>, context: DraftRulesContext): DraftFieldIssues {
  const issues: DraftFieldIssues = {};
  const programme = input.programmeCode ? context.programmes.get(input.programmeCode) : undefined;
  if (input.programmeCode && !programme) {
    issues.programmeCode = { message: "diplomas.validation.programmeUnknown", params: { code: input.programmeCode } };
  } else if (programme && !programme.active) {
    issues.programmeCode = { message: "diplomas.validation.programmeInactive", params: { code: programme.code } };
  }

  // A level that is given must be the programme's: the level is never taken from the row.
  if (input.level && programme) {
    const given = matchLevel(input.level, context.levels);
    const expected = context.levels.find((l) => l.code === programme.levelCode);
    if (!given) {
      issues.level = {
        message: "diplomas.validation.levelUnknown",
        params: { allowed: context.levels.map((l) => l.nameVi).join(", ") },
      };
    } else if (given.code !== programme.levelCode) {
      issues.level = {
        message: "diplomas.validation.levelMismatch",
        params: { given: given.nameVi, expected: expected?.nameVi ?? programme.levelCode, code: programme.code },
      };
    }
  }

  if (input.dateOfBirth && input.dateOfBirth > context.today)
    issues.dateOfBirth = { message: "diplomas.validation.dateInFuture" };
  if (input.graduationDate && input.graduationDate > context.today) {
    issues.graduationDate = { message: "diplomas.validation.dateInFuture" };
  } else if (input.graduationDate && input.dateOfBirth && !issues.dateOfBirth) {
    if (input.graduationDate < addYears(input.dateOfBirth, DRAFT_LIMITS.minimumAge)) {
      issues.dateOfBirth = { message: "diplomas.validation.tooYoung", params: { age: DRAFT_LIMITS.minimumAge } };
    }
  }
  return issues;
}

/**
 * Validates one row: every field's format (its first problem), and the rules that need the context on the fields
 * whose format is right, so a report lists all of a row's problems at once. The same messages reach the form and
 * the import report.
 */
export function validateDraftRow(raw: DraftRawRow, context: DraftRulesContext): DraftRowResult {
  const input: Partial<DraftInput> = {};
  const issues: DraftFieldIssues = {};
  for (const field of DRAFT_FIELDS) {
    const parsed = DraftInputSchema.shape[field].safeParse(raw[field]);
    if (parsed.success) (input as Record<string, unknown>)[field] = parsed.data;
    else issues[field] = { message: parsed.error.issues[0]?.message ?? "diplomas.validation.required" };
  }
  for (const [field, issue] of Object.entries(ruleIssues(input, context)) as [DraftField, FieldIssue][])
    issues[field] ??= issue;
  if (Object.keys(issues).length > 0) return { ok: false, issues };

  const valid = input as DraftInput;
  const programme = context.programmes.get(valid.programmeCode)!;
  return {
    ok: true,
    value: {
      fullName: valid.fullName,
      dateOfBirth: valid.dateOfBirth,
      placeOfBirth: valid.placeOfBirth,
      gender: valid.gender,
      ethnicity: valid.ethnicity,
      personalId: valid.personalId,
      programmeCode: programme.code,
      programmeName: programme.nameVi,
      levelCode: programme.levelCode,
      modeOfStudy: valid.modeOfStudy,
      classification: valid.classification,
      honorificTitle: honorificTitleFor(programme, context.caoDangTitles),
      graduationDate: valid.graduationDate,
      graduationDecisionNumber: valid.graduationDecisionNumber,
      email: valid.email,
    },
  };
}

/** The field errors of a form: message keys only (the form's messages take no parameters). */
export function formFieldErrors(issues: DraftFieldIssues): Record<string, string> {
  return Object.fromEntries(Object.entries(issues).map(([field, issue]) => [field, issue!.message]));
}

/** A personal ID number as school staff see it: only its last four digits. */
export function maskPersonalId(personalId: string): string {
  return `${"•".repeat(Math.max(0, personalId.length - 4))}${personalId.slice(-4)}`;
}

/** The key two drafts of one graduate in one programme share (in a file, before hashing). */
export function duplicateKey(personalId: string, programmeCode: string): string {
  return `${personalId}|${programmeCode}`;
}
