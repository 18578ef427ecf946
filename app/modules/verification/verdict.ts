/**
 * The verdicts of a diploma check — the one vocabulary shared by the verify page (browser), the server-side
 * check and the API. Pure.
 */
export const VERDICTS = [
  "valid",
  "revoked",
  "suspended",
  "superseded",
  "invalid_signature",
  "unknown_issuer",
  "key_not_valid",
  "malformed",
  "status_unknown",
] as const;
export type Verdict = (typeof VERDICTS)[number];

/** Worst first: when several checks fail, the first verdict in this order is the one shown. */
export const VERDICT_PRECEDENCE: readonly Verdict[] = [
  "malformed",
  "unknown_issuer",
  "invalid_signature",
  "key_not_valid",
  "revoked",
  "superseded",
  "suspended",
  "status_unknown",
  "valid",
];

export function worstVerdict(verdicts: readonly Verdict[]): Verdict {
  for (const v of VERDICT_PRECEDENCE) if (verdicts.includes(v)) return v;
  return "valid";
}

/** What a verifier may show of a diploma: the minimum, never the personal ID number. */
export interface MinimalDiploma {
  holderName: string;
  holderNameTruncated: boolean;
  programmeCode: string;
  programmeName: string | null;
  levelCode: string;
  classification: string;
  graduationYear: number;
  issueDate: string;
  serial: string;
  credentialId: string;
}

export interface IssuerSummary {
  code: string;
  name: string | null;
  did: string | null;
  accredited: boolean;
}

/** What a verifier may show of an organisation's signed document (a certified copy, a confirmation letter, a reply). */
export interface SignedDocumentFacts {
  /** The credential type: CertifiedCopyCredential, DiplomaConfirmationCredential, CaseReplyCredential… */
  type: string;
  /** The document's title, as signed. */
  name: string;
  /** Who signed it: the school's or the ministry's name. */
  issuerName: string;
  /** When it was signed (the proof's time, ISO). */
  signedAt: string | null;
  /** Its public page on this portal. */
  url: string | null;
}

export interface VerificationResult {
  verdict: Verdict;
  /** Machine-readable reasons (codes) with plain words in Vietnamese and English. */
  reasons: { code: string; vi: string; en: string }[];
  diploma: MinimalDiploma | null;
  issuer: IssuerSummary | null;
  /** For revoked/suspended: when, and the public reason if any; for superseded: the current diploma. */
  status?: {
    changedAt: string | null;
    supersededBy: string | null;
    /** Revoked or suspended: the reason the school published with the change (public by design), or null. */
    reason?: string | null;
  };
  /** Set when the file checked was an organisation's signed document rather than a diploma. */
  document?: SignedDocumentFacts;
}
