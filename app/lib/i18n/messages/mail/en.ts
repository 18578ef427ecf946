import type { English } from "../../define";
import type { vi } from "./vi";

export const en: English<typeof vi> = {
  "mail.category.account": "Account: confirmation, password reset, invitations, roles",
  "mail.category.diploma": "My diplomas: claim codes, corrections, revocations",
  "mail.category.organisation": "My organisation: accreditation, refusal, suspension",
  "mail.category.school_work": "School work: batches waiting for signature, signed, sent back",
  "mail.category.jobs": "Jobs: invitations, application status, new applications",
  "mail.category.job_alerts": "Job alerts for saved searches (daily digest)",
  "mail.category.reports": "Progress of reports of suspected fakes",
  "mail.category.cases": "My cases: online services, feedback, petitions, questions; overdue cases (staff)",
};
