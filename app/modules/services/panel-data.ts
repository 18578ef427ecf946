/** What the staff's case page shows in the online services' panel (certified copy, correction, confirmation). Pure. */

/** The diploma concerned, as the original register has it (never the personal ID number). */
export interface PanelDiploma {
  id: string;
  status: string;
  serial: string | null;
  fullName: string;
  dateOfBirth: string;
  programmeName: string;
  programmeCode: string;
  classification: string;
  graduationDate: string;
  issueDate: string | null;
  registerYear: number | null;
  registerNumber: number | null;
}

export interface PanelRequest {
  capacity: string | null;
  feeVnd: number;
  payment: { status: string; note?: string | null; confirmedAt?: string | null };
  /** A non-holder's identification of the diploma, as typed. */
  claimedDiploma: { schoolCode: string; serial: string; holderName: string; holderDateOfBirth: string } | null;
  copies?: number;
  delivery?: "electronic" | "post";
  postalAddress?: string | null;
  fields?: string[];
  correctValue?: string;
  agency?: { name: string; country: string; email: string };
  purpose?: string;
  language?: "vi" | "en";
}

export type ServiceIntent =
  | "service.confirm_payment"
  | "service.deliver_copy"
  | "service.sign_confirmation"
  | "service.start_correction"
  | "service.finish_correction";

export type ServicePanelData =
  | { kind: "none" }
  | {
      kind: "certified_copy" | "correction" | "confirmation";
      caseCode: string;
      open: boolean;
      request: PanelRequest;
      /** The diploma on the case, from the register; null when a non-holder's details matched none (the officer checks). */
      diploma: PanelDiploma | null;
      /** The signed copy or letter the case was resolved with (public at /documents/{id}). */
      resultDocumentId: string | null;
      /** A correction handed to the correction flow: the draft of the corrected diploma and its batch. */
      correction: { diplomaId: string; batchId: string; status: string; serial: string | null } | null;
      resultDiplomaId: string | null;
      /** The intents the viewer may use now. */
      intents: ServiceIntent[];
      /** The school's code (links to its copy register, the correction's batch). */
      schoolCode: string | null;
    };
