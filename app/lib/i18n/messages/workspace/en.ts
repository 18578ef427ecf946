import type { English } from "../../define";
import type { vi } from "./vi";

export const en: English<typeof vi> = {
  "admin.title": "Ministry administration",
  "admin.intro": "Accredit schools and employers, manage the shared catalogues and follow the system's audit trail.",
  "school.title": "School workspace",
  "school.pending":
    "The school awaits the ministry's accreditation. You can prepare data but cannot sign diplomas yet.",
  "school.yourRoles": "Your roles at the school",
  "employer.yourRoles": "Your roles at the employer",
  "employer.title": "Employer workspace",
  "employer.pending":
    "The employer awaits the ministry's approval. You can draft job postings but not publish them yet.",
  "graduate.title": "My diplomas",
  "graduate.empty":
    "You have not claimed a diploma yet. When your school issues one, you will receive a claim code to add it to your account.",
  "org.province": "Province",
  "org.code": "Code",
  "org.status": "Status",
  "org.type": "Type",
  "admin.nav.overview": "Overview",
  "admin.nav.organisations": "Organisations",
  "admin.nav.reference": "Reference data",
  "admin.nav.audit": "Audit trail",
  "school.nav.overview": "Overview",
  "school.nav.members": "Staff",
  "school.nav.audit": "Audit trail",
  "employer.nav.overview": "Overview",
  "employer.nav.members": "Members",
  "adminOverview.pendingSchools": "Schools awaiting accreditation",
  "adminOverview.pendingEmployers": "Employers awaiting approval",
  "adminOverview.users": "User accounts",
  "adminOverview.review": "Review the list",
  "adminOverview.allOrganisations": "All organisations",
  "adminOverview.audit": "View the audit trail",
  "school.nav.keys": "Signing keys",
  "school.overview.waitingTitle": "Batches waiting for the principal's signature",
  "school.overview.waitingNone": "No batch is waiting for signature.",
  "school.overview.waitingItem": "{count, plural, one {# diploma} other {# diplomas}} · submitted by {by} at",
  "school.overview.sign": "Review and sign “{title}”",
  "school.overview.returnedTitle": "Batches sent back",
};
