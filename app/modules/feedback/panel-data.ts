/** What the staff's case page shows in the feedback panel (questions, feedback, petitions, voters' petitions). */
export interface FeedbackPanelData {
  caseKind: string;
  topic: string | null;
  /** The officer may write and sign the answer now (the case is open and the viewer's to answer). */
  canAnswer: boolean;
  /** The signed answer, once given. */
  answer: string | null;
  documentId: string | null;
  /** The submitter agreed to publication (with personal data removed). */
  publishConsent: boolean;
  /** The case is answered, so its answer may be published (given the consent). */
  canPublish: boolean;
  /** The publish form's pre-fill: the last published text, else the redacted question and answer. */
  draft: { question: string; answer: string; topic: string };
  /** The library's entry, if any. */
  published: { id: string; withdrawn: boolean } | null;
  /** Voters' petitions: who sent it and for which session. */
  voterPetition: { deputy: string; province: string; session: string | null } | null;
}
