/**
 * What each kind of case is: its code prefix, who may send it, who handles it, its default deadline and fee, and
 * which moves it allows. Pure. The administrator may change a kind's deadline and fee (table case_kind_settings);
 * these are the defaults until then.
 */
import { CASE_KINDS, type CaseKind } from "../../../db/schema/cases";

export { CASE_KINDS, type CaseKind };

/**
 * Who must be known to send a case of a kind:
 * - account: a signed-in person (online diploma services: the register answers only its holder or their proxy);
 * - contact: a name and an e-mail address, with or without an account (feedback, questions, petitions: NĐ 20/2008
 *   does not take anonymous feedback);
 * - staff: entered by the ministry (voters' petitions come by official letter from the National Assembly);
 * - optional: may be anonymous (reports of suspected fakes).
 */
export type IdentityRule = "account" | "contact" | "staff" | "optional";

/** The families of kinds, each with its code prefix and its pages. */
export type CaseFamily = "service" | "feedback" | "fake_report";

export interface KindRule {
  family: CaseFamily;
  /** The public code's prefix: DV-2026-000123. */
  prefix: string;
  identity: IdentityRule;
  /** Handled by a school (the diploma's) or by the ministry, which may forward to a school. */
  handler: "school" | "ministry_or_school";
  defaultWorkingDays: number;
  /** A request received at or after this hour counts from the next working day. */
  cutoffHour: number;
  defaultFeeVnd: number;
  /** The ministry may merge a duplicate into another case of the same family. */
  mergeable: boolean;
  /** The ministry may forward it to a school (or back). */
  forwardable: boolean;
}

/**
 * The defaults. Deadlines: a certified copy the same working day, or the next after 15:00 (NĐ 23/2015 art. 21,
 * *check*); feedback 10 working days (NĐ 20/2008, *check*); the others are the ministry's working targets, editable.
 * Fees are placeholders the administrator sets (each school publishes its own): 0 until then, shown as "free".
 */
/** What the three online diploma services share: sent by an account, handled by the diploma's school. */
const SERVICE = {
  family: "service",
  prefix: "DV",
  identity: "account",
  handler: "school",
  cutoffHour: 15,
  defaultFeeVnd: 0,
  mergeable: false,
  forwardable: false,
} as const;

/** What feedback, questions, petitions (and the fake reports) share: the ministry or a school, mergeable, forwardable. */
const FEEDBACK = {
  family: "feedback",
  prefix: "PA",
  identity: "contact",
  handler: "ministry_or_school",
  defaultWorkingDays: 10,
  cutoffHour: 17,
  defaultFeeVnd: 0,
  mergeable: true,
  forwardable: true,
} as const;

export const KIND_RULES = {
  certified_copy: { ...SERVICE, defaultWorkingDays: 0 },
  correction: { ...SERVICE, defaultWorkingDays: 5 },
  confirmation: { ...SERVICE, defaultWorkingDays: 3 },
  question: FEEDBACK,
  feedback: FEEDBACK,
  petition: FEEDBACK,
  voter_petition: { ...FEEDBACK, prefix: "CT", identity: "staff", defaultWorkingDays: 20 },
  fake_report: { ...FEEDBACK, family: "fake_report", prefix: "GB", identity: "optional" },
} as const satisfies Record<CaseKind, KindRule>;

export function kindRule(kind: CaseKind): KindRule {
  return KIND_RULES[kind];
}

export const SERVICE_KINDS = CASE_KINDS.filter((k) => KIND_RULES[k].family === "service");
export const FEEDBACK_KINDS = CASE_KINDS.filter((k) => KIND_RULES[k].family === "feedback");

export function isCaseKind(value: string): value is CaseKind {
  return (CASE_KINDS as readonly string[]).includes(value);
}

/** {prefix}-{year}-{number, 6 digits at least}: DV-2026-000123. */
export function formatCaseCode(prefix: string, year: number, n: number): string {
  return `${prefix}-${year}-${String(n).padStart(6, "0")}`;
}

/**
 * A typed case code, normalised (case, spaces, dashes left out), or null when it cannot be one. Accepts the new
 * codes (DV-2026-000123) and the tracking codes of fake reports sent before the case core (VB-XXXXX-XXXXX).
 */
export function normaliseCaseCode(input: string): string | null {
  if (input.length > 40) return null;
  const compact = input.toUpperCase().replace(/[\s-]/g, "");
  const modern = /^([A-Z]{2})(\d{4})(\d{1,9})$/.exec(compact);
  if (modern && Object.values(KIND_RULES).some((r) => r.prefix === modern[1]))
    return formatCaseCode(modern[1]!, Number(modern[2]), Number(modern[3]));
  if (compact.startsWith("VB")) {
    const body = compact.slice(2).replace(/[IL]/g, "1").replace(/O/g, "0");
    if (/^[0-9A-HJKMNP-TV-Z]{10}$/.test(body)) return `VB-${body.slice(0, 5)}-${body.slice(5)}`;
  }
  return null;
}
