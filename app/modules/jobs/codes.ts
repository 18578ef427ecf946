import type { ApplicationStatus, CompanySize, ConsentPurpose, EmploymentType } from "../../../db/schema/jobs";

export type { EmploymentType };

// The codes are repeated here (type-checked against db/schema) so that browser code never imports the tables.
export const EMPLOYMENT_TYPES = [
  "full_time",
  "part_time",
  "contract",
  "temporary",
  "internship",
] as const satisfies readonly EmploymentType[];
export const COMPANY_SIZES = ["micro", "small", "medium", "large"] as const satisfies readonly CompanySize[];
export const CONSENT_PURPOSES = [
  "visible_to_employers",
  "may_be_contacted",
  "share_diplomas",
] as const satisfies readonly ConsentPurpose[];
export const APPLICATION_STATUSES = [
  "new",
  "shortlisted",
  "interview",
  "offer",
  "hired",
  "rejected",
  "withdrawn",
] as const satisfies readonly ApplicationStatus[];

export function isApplicationStatus(value: unknown): value is (typeof APPLICATION_STATUSES)[number] {
  return typeof value === "string" && (APPLICATION_STATUSES as readonly string[]).includes(value);
}
