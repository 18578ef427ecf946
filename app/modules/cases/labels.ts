/** The message keys that name the case core's kinds, statuses, timeline events, actors and deadline states. Pure. */
import type { CaseKind, CaseStatus } from "../../../db/schema/cases";
import type { MessageKey } from "~/lib/i18n";
import type { CaseAction, CaseActorRole } from "./case-transitions";
import type { deadlineState } from "./working-days";

export const CASE_KIND_LABELS = {
  certified_copy: "cases.kind.certified_copy",
  correction: "cases.kind.correction",
  confirmation: "cases.kind.confirmation",
  question: "cases.kind.question",
  feedback: "cases.kind.feedback",
  petition: "cases.kind.petition",
  voter_petition: "cases.kind.voter_petition",
  fake_report: "cases.kind.fake_report",
} as const satisfies Record<CaseKind, MessageKey>;

export const CASE_STATUS_LABELS = {
  received: "cases.status.received",
  in_progress: "cases.status.in_progress",
  awaiting_submitter: "cases.status.awaiting_submitter",
  resolved: "cases.status.resolved",
  refused: "cases.status.refused",
  merged: "cases.status.merged",
  withdrawn: "cases.status.withdrawn",
} as const satisfies Record<CaseStatus, MessageKey>;

/** A timeline event's type: "submitted" (the first) or one of the actions. */
export const CASE_EVENT_LABELS = {
  submitted: "cases.event.submitted",
  accept: "cases.event.accept",
  assign: "cases.event.assign",
  forward: "cases.event.forward",
  request_info: "cases.event.request_info",
  supply_info: "cases.event.supply_info",
  resolve: "cases.event.resolve",
  refuse: "cases.event.refuse",
  merge: "cases.event.merge",
  withdraw: "cases.event.withdraw",
  rate: "cases.event.rate",
  escalate: "cases.event.escalate",
  note: "cases.event.note",
} as const satisfies Record<CaseAction | "submitted", MessageKey>;

export const CASE_ACTOR_LABELS = {
  submitter: "cases.actor.submitter",
  officer: "cases.actor.officer",
  ministry: "cases.actor.ministry",
  system: "cases.actor.system",
} as const satisfies Record<CaseActorRole, MessageKey>;

export const DEADLINE_STATE_LABELS = {
  none: "cases.deadline.none",
  paused: "cases.deadline.paused",
  on_time: "cases.deadline.on_time",
  due_today: "cases.deadline.due_today",
  overdue: "cases.deadline.overdue",
} as const satisfies Record<ReturnType<typeof deadlineState>, MessageKey>;

export function caseEventLabel(type: string): MessageKey {
  return Object.hasOwn(CASE_EVENT_LABELS, type)
    ? CASE_EVENT_LABELS[type as keyof typeof CASE_EVENT_LABELS]
    : CASE_EVENT_LABELS.note;
}
