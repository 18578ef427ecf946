/**
 * What the services' signed documents say about a diploma: the register's fields (never the personal ID number), a
 * certified copy's marks, a confirmation letter's statement in the language asked for. Pure.
 */
import { CLASSIFICATION_LABELS } from "~/modules/documents/labels";
import type { SchoolDiploma } from "./queries.server";

function classificationText(code: string, language: "vi" | "en"): string {
  const label = (CLASSIFICATION_LABELS as Record<string, { vi: string; en: string }>)[code];
  return label ? label[language] : code;
}

/** The diploma as the original register holds it. */
export function registerFields(d: SchoolDiploma, language: "vi" | "en" = "vi"): Record<string, unknown> {
  return {
    serial: d.serial,
    registerNumber: d.registerNumber,
    registerYear: d.registerYear,
    holderName: d.fullName,
    dateOfBirth: d.dateOfBirth,
    programmeCode: d.programmeCode,
    programmeName: d.programmeName,
    levelCode: d.levelCode,
    classification: classificationText(d.classification, language),
    graduationDate: d.graduationDate,
    issueDate: d.issueDate,
    issuePlace: d.issuePlace,
    signerName: d.signerName,
    signerTitle: d.signerTitle,
  };
}

/** A certified copy's subject: marked as a copy, pointing at the diploma's credential, with its copy register number. */
export function certifiedCopySubject(options: {
  diploma: SchoolDiploma;
  caseCode: string;
  copyNumber: number;
  year: number;
  copies: number;
}): Record<string, unknown> {
  return {
    type: "CertifiedCopy",
    isCopy: true,
    kind: "Bản sao từ sổ gốc",
    caseCode: options.caseCode,
    copyOf: options.diploma.credentialId,
    copyNumber: options.copyNumber,
    copyRegisterYear: options.year,
    copies: options.copies,
    diploma: registerFields(options.diploma),
  };
}

/** A confirmation letter's subject: to whom, why, and the statement about the diploma in the language asked for. */
export function confirmationSubject(options: {
  diploma: SchoolDiploma;
  schoolName: string;
  caseCode: string;
  agency: { name: string; country: string };
  purpose: string;
  language: "vi" | "en";
}): Record<string, unknown> {
  const d = options.diploma;
  const statement =
    options.language === "en"
      ? `${options.schoolName} confirms that ${d.fullName}, born on ${d.dateOfBirth}, was awarded the diploma ` +
        `no. ${d.serial} in ${d.programmeName} on ${d.issueDate}, entered in the original register under number ` +
        `${d.registerNumber}/${d.registerYear}. The diploma stands as issued.`
      : `${options.schoolName} xác nhận ông/bà ${d.fullName}, sinh ngày ${d.dateOfBirth}, đã được cấp văn bằng ` +
        `số hiệu ${d.serial}, ngành, nghề ${d.programmeName}, ngày cấp ${d.issueDate}, số vào sổ gốc ` +
        `${d.registerNumber}/${d.registerYear}. Văn bằng hiện có hiệu lực.`;
  return {
    type: "DiplomaConfirmation",
    kind: options.language === "en" ? "Letter confirming a diploma" : "Văn bản xác nhận văn bằng",
    caseCode: options.caseCode,
    recipient: { recipientName: options.agency.name, recipientCountry: options.agency.country },
    purpose: options.purpose,
    language: options.language,
    statement,
    diploma: registerFields(d, options.language),
  };
}
