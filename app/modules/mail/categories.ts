/**
 * Kinds of mail a person can receive, and which of them a person may turn off. Pure: no I/O.
 *
 * Every template belongs to exactly one category (`MAIL_TEMPLATE_CATEGORY`, checked by the type system). A category
 * marked `required` is a notice the portal must deliver (account security, legally required notices about one's own
 * diploma or organisation): it is always sent and the account page shows it without a switch.
 */
import type { MailTemplate } from "./templates";

export const MAIL_CATEGORIES = {
  /** Sign-up confirmation, password reset, invitations and roles: the account itself. */
  account: { required: true },
  /** Notices about one's own diploma: claim codes, corrections, revocations (legally required). */
  diploma: { required: true },
  /** Accreditation, refusal or suspension of one's organisation (legally required). */
  organisation: { required: true },
  /** Work in a school: batches waiting for signature, signed or sent back. */
  school_work: { required: false },
  /** Jobs: invitations, application status changes, new applications. */
  jobs: { required: false },
  /** Saved-search alerts (a daily digest). */
  job_alerts: { required: false },
  /** One's own requests, questions and petitions (cases), and, for staff, overdue cases (escalations). */
  cases: { required: true },
  /** Follow-up on reports of suspected fakes one filed. */
  reports: { required: false },
} as const satisfies Record<string, { required: boolean }>;

export type MailCategory = keyof typeof MAIL_CATEGORIES;

export const MAIL_CATEGORY_NAMES = Object.keys(MAIL_CATEGORIES) as MailCategory[];

/** The categories a person may switch off (shown with a switch on the account page). */
export const OPTIONAL_MAIL_CATEGORIES = MAIL_CATEGORY_NAMES.filter((c) => !MAIL_CATEGORIES[c].required);

/** Each template's category. Adding a template without a category is a type error. */
export const MAIL_TEMPLATE_CATEGORY = {
  confirm_email: "account",
  reset_password: "account",
  invitation: "account",
  role_granted: "account",
  fake_report_status: "reports",
  case_update: "cases",
  case_staff_alert: "cases",
  diploma_claim_code: "diploma",
  batch_submitted: "school_work",
  batch_signed: "school_work",
  batch_returned: "school_work",
  organisation_status: "organisation",
  job_invitation: "jobs",
  application_status: "jobs",
  application_received: "jobs",
  application_withdrawn: "jobs",
  job_alert_digest: "job_alerts",
} as const satisfies Record<MailTemplate["name"], MailCategory>;

/** Whether a mail of this template goes to a person who turned off `optOuts` (required categories always go). */
export function shouldSendMail(templateName: MailTemplate["name"], optOuts: readonly string[]): boolean {
  const category = MAIL_TEMPLATE_CATEGORY[templateName];
  return MAIL_CATEGORIES[category].required || !optOuts.includes(category);
}
