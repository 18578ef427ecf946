import type { Diploma } from "../../../db/schema";

/** The register columns of a diploma as they stand when an entry is written (kept in the append-only register). */
export function registerSnapshot(d: Diploma): Record<string, unknown> {
  return {
    fullName: d.fullName,
    dateOfBirth: d.dateOfBirth,
    placeOfBirth: d.placeOfBirth,
    gender: d.gender,
    ethnicity: d.ethnicity,
    programmeCode: d.programmeCode,
    programmeName: d.programmeName,
    levelCode: d.levelCode,
    classification: d.classification,
    modeOfStudy: d.modeOfStudy,
    serial: d.serial,
    registerYear: d.registerYear,
    registerNumber: d.registerNumber,
    issueDate: d.issueDate,
    graduationDecisionNumber: d.graduationDecisionNumber,
    status: d.status,
  };
}
