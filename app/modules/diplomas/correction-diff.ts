import type { Classification, Gender, ModeOfStudy } from "../../../db/schema/diplomas";
import { CLASSIFICATION_LABELS, LEVEL_TITLES } from "~/modules/documents/labels";
import { formatDateVi } from "~/modules/reference/cell-values";
import { GENDER_LABELS_VI, MODE_OF_STUDY_LABELS_VI } from "~/modules/drafts/schema";

/**
 * A correction as the principal signs it: the diploma that stands and the draft that will replace it, field by field,
 * as printed (dates dd/mm/yyyy, labels in Vietnamese), each marked when it changes. Pure; the personal ID number is
 * compared by its keyed hash and shown masked only.
 */

export const COMPARED_FIELDS = [
  "fullName",
  "dateOfBirth",
  "placeOfBirth",
  "gender",
  "ethnicity",
  "personalId",
  "programmeCode",
  "level",
  "honorificTitle",
  "modeOfStudy",
  "classification",
  "graduationDate",
  "graduationDecisionNumber",
] as const;
export type ComparedField = (typeof COMPARED_FIELDS)[number];

export interface ComparableDiploma {
  fullName: string;
  dateOfBirth: string;
  placeOfBirth: string;
  gender: Gender;
  ethnicity: string;
  personalIdHash: string;
  personalIdMasked: string;
  programmeCode: string;
  programmeName: string;
  levelCode: string;
  honorificTitle: string | null;
  modeOfStudy: ModeOfStudy;
  classification: Classification;
  graduationDate: string;
  graduationDecisionNumber: string;
}

export interface FieldComparison {
  field: ComparedField;
  old: string;
  new: string;
  changed: boolean;
}

function printed(d: ComparableDiploma): Record<ComparedField, string> {
  return {
    fullName: d.fullName,
    dateOfBirth: formatDateVi(d.dateOfBirth),
    placeOfBirth: d.placeOfBirth,
    gender: GENDER_LABELS_VI[d.gender],
    ethnicity: d.ethnicity,
    personalId: d.personalIdMasked,
    programmeCode: `${d.programmeCode} — ${d.programmeName}`,
    level: LEVEL_TITLES[d.levelCode]?.level.vi ?? d.levelCode,
    honorificTitle: d.honorificTitle ?? "—",
    modeOfStudy: MODE_OF_STUDY_LABELS_VI[d.modeOfStudy],
    classification: CLASSIFICATION_LABELS[d.classification].vi,
    graduationDate: formatDateVi(d.graduationDate),
    graduationDecisionNumber: d.graduationDecisionNumber,
  };
}

export function compareDiplomas(old: ComparableDiploma, next: ComparableDiploma): FieldComparison[] {
  const a = printed(old);
  const b = printed(next);
  return COMPARED_FIELDS.map((field) => ({
    field,
    old: a[field],
    new: b[field],
    changed: field === "personalId" ? old.personalIdHash !== next.personalIdHash : a[field] !== b[field],
  }));
}
