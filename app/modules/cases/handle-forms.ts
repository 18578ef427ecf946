/**
 * The forms of the staff's case page (/cases/{code}/handle) and the submitter's (/my/cases/{code}): one Zod schema
 * per intent, the ministry's departments, the outcomes an officer may record, and the notices shown after each
 * action. Pure: the pages and their actions share it.
 */
import { z } from "zod";
import type { MessageKey } from "~/lib/i18n";
import { ATTACHMENT_PURPOSES } from "./attachment-rules";
import type { CaseFamily } from "./case-kinds";

/**
 * The directorate's departments a ministry case can be assigned to (triage). A short fixed list, *unverified*: the
 * directorate's organisation chart changes by decision; a change here is a release, not data.
 */
export const MINISTRY_DEPARTMENTS = ["office", "training", "quality", "diplomas", "students", "legal"] as const;
export type MinistryDepartment = (typeof MINISTRY_DEPARTMENTS)[number];

export const DEPARTMENT_LABELS = {
  office: "cases.department.office",
  training: "cases.department.training",
  quality: "cases.department.quality",
  diplomas: "cases.department.diplomas",
  students: "cases.department.students",
  legal: "cases.department.legal",
} as const satisfies Record<MinistryDepartment, MessageKey>;

/**
 * What an officer may record with the page's plain "resolve" form, by family. Every family now ends through its
 * panel, which signs the reply or the result (a final reply is always a signed document) or, for a copy sent by post,
 * records it in the copy register: the lists are empty, so the plain form is not offered and a forged post is
 * refused. A kind without a signed result would list its outcomes here.
 */
export const OUTCOMES_BY_FAMILY: Record<CaseFamily, readonly CaseOutcome[]> = {
  service: [],
  feedback: [],
  fake_report: [],
};
export const CASE_OUTCOMES = ["delivered_electronic", "delivered_post", "answered", "genuine", "fake"] as const;
export type CaseOutcome = (typeof CASE_OUTCOMES)[number];

export const OUTCOME_LABELS = {
  delivered_electronic: "cases.outcome.delivered_electronic",
  delivered_post: "cases.outcome.delivered_post",
  answered: "cases.outcome.answered",
  genuine: "cases.outcome.genuine",
  fake: "cases.outcome.fake",
  refused: "cases.outcome.refused",
  merged: "cases.outcome.merged",
  withdrawn: "cases.outcome.withdrawn",
  corrected: "cases.outcome.corrected",
} as const satisfies Record<string, MessageKey>;

export const NOTE_MAX = 2000;

const note = (required: boolean) =>
  z
    .string()
    .optional()
    .transform((v) => (v ?? "").trim())
    .pipe(
      required
        ? z.string().min(3, "cases.error.note_required").max(NOTE_MAX, "form.invalid")
        : z.string().max(NOTE_MAX, "form.invalid"),
    );
const optionalUuid = z
  .string()
  .optional()
  .transform((v) => (v ?? "").trim().toLowerCase())
  .pipe(z.union([z.literal(""), z.string().uuid("form.invalid")]));

/** The staff's intents (each its own form on the page). */
export const StaffIntentSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("accept"), note: note(false) }),
  z.object({
    intent: z.literal("assign"),
    assigneeUserId: optionalUuid,
    department: z
      .string()
      .optional()
      .transform((v) => v ?? "")
      .pipe(z.union([z.literal(""), z.enum(MINISTRY_DEPARTMENTS, { message: "form.invalid" })])),
  }),
  z.object({ intent: z.literal("request_info"), note: note(true) }),
  z.object({
    intent: z.literal("resolve"),
    note: note(true),
    outcome: z.enum(CASE_OUTCOMES, { message: "form.invalid" }),
  }),
  z.object({ intent: z.literal("refuse"), note: note(true) }),
  z.object({
    intent: z.literal("merge"),
    mergeInto: z.string().trim().min(1, "cases.error.merge_target_not_found").max(40, "form.invalid"),
    note: note(false),
  }),
  z.object({
    intent: z.literal("forward"),
    /** A school's id, or "ministry" to take it back. */
    to: z.union([z.literal("ministry"), z.string().uuid("cases.error.forward_target_invalid")]),
    note: note(false),
  }),
  z.object({ intent: z.literal("note"), internalNote: note(true) }),
]);
export type StaffIntent = z.infer<typeof StaffIntentSchema>;

/** The fields (besides files) of an upload: the officer's or the submitter's. */
export const AttachSchema = z.object({
  purpose: z.enum(ATTACHMENT_PURPOSES, { message: "form.invalid" }),
  note: note(false),
});

/** The submitter's intents on their own case. */
export const SubmitterIntentSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("supply_info"), note: note(false) }),
  z.object({ intent: z.literal("withdraw"), note: note(false) }),
  z.object({
    intent: z.literal("rate"),
    rating: z.coerce
      .number({ message: "cases.error.invalid_rating" })
      .int("cases.error.invalid_rating")
      .min(1, "cases.error.invalid_rating")
      .max(5, "cases.error.invalid_rating"),
    comment: z
      .string()
      .optional()
      .transform((v) => (v ?? "").trim())
      .pipe(z.string().max(1000, "form.invalid")),
  }),
]);
export type SubmitterIntent = z.infer<typeof SubmitterIntentSchema>;

/** The notice shown after a successful action (the page's `?notice=`). */
export const CASE_NOTICES = {
  accept: "cases.notice.accept",
  assign: "cases.notice.assign",
  request_info: "cases.notice.request_info",
  resolve: "cases.notice.resolve",
  refuse: "cases.notice.refuse",
  merge: "cases.notice.merge",
  forward: "cases.notice.forward",
  note: "cases.notice.note",
  attach: "cases.notice.attach",
  supply_info: "cases.notice.supply_info",
  withdraw: "cases.notice.withdraw",
  rate: "cases.notice.rate",
} as const satisfies Record<string, MessageKey>;
export type CaseNotice = keyof typeof CASE_NOTICES;

export const ATTACHMENT_PURPOSE_LABELS = {
  evidence: "cases.purpose.evidence",
  authorisation: "cases.purpose.authorisation",
  receipt: "cases.purpose.receipt",
  identity: "cases.purpose.identity",
  other: "cases.purpose.other",
} as const satisfies Record<(typeof ATTACHMENT_PURPOSES)[number], MessageKey>;

/** How a submitter relates to the matter (cases.submitter_capacity), as the staff's page names it. */
export const CAPACITY_LABELS = {
  self: "cases.capacity.self",
  representative: "cases.capacity.representative",
  relative: "cases.capacity.relative",
  heir: "cases.capacity.heir",
  citizen: "cases.capacity.citizen",
  business: "cases.capacity.business",
  school_staff: "cases.capacity.school_staff",
  employer: "cases.capacity.employer",
  deputy: "cases.capacity.deputy",
} as const satisfies Record<string, MessageKey>;
