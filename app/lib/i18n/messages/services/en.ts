import type { English } from "../../define";
import type { vi } from "./vi";

export const en: English<typeof vi> = {
  "services.document.pageTitle": "Signed document",
  "services.document.valid": "Valid document",
  "services.document.invalid": "Document not valid",
  "services.document.reasons": "Reasons",
  "services.document.kind": "Kind of document",
  "services.document.title": "Title",
  "services.document.signedBy": "Signed by",
  "services.document.signedAt": "Signed at",
  "services.document.page": "Where to check it",
  "services.document.content": "What the document says",
  "services.document.downloadPdf": "Download the PDF",
  "services.document.downloadJson": "Download the signed document (JSON)",
  "services.document.verifyElsewhere": "Check another document",
  "services.document.type.certified_copy": "Certified copy of a diploma from the original register",
  "services.document.type.confirmation_letter": "Letter confirming a diploma",
  "services.document.type.case_reply": "Reply",
  "services.document.type.case_result": "Result of a case",
};
