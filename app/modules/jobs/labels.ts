/** The message key of each job and application value a page shows; one entry per value, checked by the type system. */
import type { MessageKey } from "~/lib/i18n";
import type { ApplicationStatus, CompanySize, EmploymentType, JobStatus } from "../../../db/schema/jobs";

export const EMPLOYMENT_TYPE_LABELS = {
  full_time: "jobs.type.full_time",
  part_time: "jobs.type.part_time",
  contract: "jobs.type.contract",
  temporary: "jobs.type.temporary",
  internship: "jobs.type.internship",
} as const satisfies Record<EmploymentType, MessageKey>;

export const JOB_STATUS_LABELS = {
  draft: "jobs.status.draft",
  published: "jobs.status.published",
  closed: "jobs.status.closed",
  expired: "jobs.status.expired",
} as const satisfies Record<JobStatus, MessageKey>;

export const APPLICATION_STATUS_LABELS = {
  new: "jobs.pipeline.status.new",
  shortlisted: "jobs.pipeline.status.shortlisted",
  interview: "jobs.pipeline.status.interview",
  offer: "jobs.pipeline.status.offer",
  hired: "jobs.pipeline.status.hired",
  rejected: "jobs.pipeline.status.rejected",
  withdrawn: "jobs.pipeline.status.withdrawn",
} as const satisfies Record<ApplicationStatus, MessageKey>;

export const COMPANY_SIZE_LABELS = {
  micro: "employers.size.micro",
  small: "employers.size.small",
  medium: "employers.size.medium",
  large: "employers.size.large",
} as const satisfies Record<CompanySize, MessageKey>;

/** A candidate's diploma as the employer sees it: valid, or not (whatever the reason). */
export const candidateVerdictLabel = (verdict: string): MessageKey =>
  verdict === "valid" ? "jobs.verdict.valid" : "jobs.verdict.not_valid";

/** The notice after an action on a job. */
export const JOB_NOTICE_LABELS = {
  created: "jobs.notice.created",
  saved: "jobs.notice.saved",
  publish: "jobs.notice.publish",
  close: "jobs.notice.close",
  reopen: "jobs.notice.reopen",
} as const satisfies Record<string, MessageKey>;
