import type { English } from "../../define";
import type { vi } from "./vi";

export const en: English<typeof vi> = {
  "reports.form.intro":
    "If you suspect a diploma is fake, report it. The school and the ministry will look into it. No account needed.",
  "reports.form.qr": "QR code, link or serial number",
  "reports.form.qrHint": "Filled in when you come from the verify page. May be left empty.",
  "reports.form.description": "Description (required)",
  "reports.form.descriptionHint":
    "Why you suspect it: where you got the diploma, what looks wrong… 10 to 2000 characters.",
  "reports.form.email": "E-mail for updates (optional)",
  "reports.form.emailHint": "Only used to tell you when the report is handled; never made public.",
  "reports.form.verdict": "Verdict when reported: {verdict}",
  "reports.form.submit": "Send the report",
  "reports.form.fix": "Please correct the fields marked below.",
  "reports.validation.qrTooLong": "The QR code or serial is too long (at most 2000 characters).",
  "reports.validation.descriptionRequired": "Please describe why you are suspicious.",
  "reports.validation.descriptionTooShort": "The description is too short: at least 10 characters.",
  "reports.validation.descriptionTooLong": "The description can be at most 2000 characters.",
  "reports.validation.email": "The e-mail address is not valid.",
  "reports.validation.noteRequired": "To close a report, write the conclusion (at least 3 characters).",
  "reports.validation.noteTooLong": "The note can be at most 2000 characters.",
  "reports.error.rate_limited": "You have sent too many reports this hour. Please try again later.",
  "reports.nav": "Suspected fakes",
  "reports.list.submitted": "QR code / serial",
  "reports.list.verdict": "Verdict",
  "reports.list.note": "Public note",
  "reports.validation.outcome": "Please choose the outcome: the diploma is genuine or fake.",
  "reports.error.no_key":
    "The handling organisation has no active signing key, so the result cannot be signed yet. Create a signing key first.",
  "reports.outcome.genuine": "The diploma is genuine",
  "reports.outcome.fake": "The diploma is fake",
  "reports.panel.title": "What was reported",
  "reports.panel.outcome": "Outcome",
  "reports.panel.noteHint": "Shown on the case's public page: no personal data.",
  "reports.panel.resolve": "Conclude and sign the result",
  "reports.panel.resolved": "The report is concluded; its result is signed.",
  "reports.panel.document": "Signed result",
};
