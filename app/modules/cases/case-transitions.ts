/**
 * The case state machine, shared by every kind. Pure: given a case, an action and who asks, it says what the case
 * becomes, or why not. The use-case around it (move-case.server.ts) loads, decides, writes, audits and tells.
 *
 *   received ──accept──▶ in_progress ──resolve──▶ resolved ──rate──▶ (rated)
 *      │  ▲                 │   ▲  
 *      │  └──forward        │   └──supply_info── awaiting_submitter ◀──request_info── (received | in_progress)
 *      └──refuse / merge / withdraw (from any open status) ──▶ refused | merged | withdrawn
 */
import type { CaseStatus } from "../../../db/schema/cases";
import { fail, ok, type Result } from "~/lib/result";
import { kindRule, type CaseKind } from "./case-kinds";

export const CASE_ACTIONS = [
  "accept",
  "assign",
  "forward",
  "request_info",
  "supply_info",
  "resolve",
  "refuse",
  "merge",
  "withdraw",
  "rate",
  "escalate",
  "note",
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

export const OPEN_STATUSES = ["received", "in_progress", "awaiting_submitter"] as const satisfies readonly CaseStatus[];
export const CLOSED_STATUSES = ["resolved", "refused", "merged", "withdrawn"] as const satisfies readonly CaseStatus[];

export function isOpen(status: CaseStatus): boolean {
  return (OPEN_STATUSES as readonly CaseStatus[]).includes(status);
}

/** Who acts: the submitter, the handling organisation's officer, the ministry (triage, oversight), the system. */
export type CaseActorRole = "submitter" | "officer" | "ministry" | "system";

export type TransitionError =
  | "not_allowed_now" // the action exists but not in this status
  | "not_allowed_for_kind" // merge/forward on a kind that has none
  | "not_your_part" // e.g. a submitter trying to resolve
  | "already_rated"
  | "note_required"; // refusing needs a reason, resolving a note

export interface TransitionInput {
  kind: CaseKind;
  status: CaseStatus;
  rated: boolean;
  action: CaseAction;
  actor: CaseActorRole;
  /** The public note or reason given with the action (trimmed). */
  note: string;
}

export interface Transition {
  toStatus: CaseStatus;
  /** The clock: pause (waiting for the submitter), resume, or leave it. */
  clock: "pause" | "resume" | "keep";
  /** Whether the case closes with this move (closed_at, closed_late are set). */
  closes: boolean;
}

const WHO_MAY: Record<CaseAction, readonly CaseActorRole[]> = {
  accept: ["officer", "ministry"],
  assign: ["officer", "ministry"],
  forward: ["ministry"],
  request_info: ["officer", "ministry"],
  supply_info: ["submitter"],
  resolve: ["officer", "ministry"],
  refuse: ["officer", "ministry"],
  merge: ["ministry"],
  withdraw: ["submitter"],
  rate: ["submitter"],
  escalate: ["system"],
  note: ["officer", "ministry"],
};

const FROM: Record<CaseAction, readonly CaseStatus[]> = {
  accept: ["received"],
  assign: OPEN_STATUSES,
  forward: ["received", "in_progress"],
  request_info: ["received", "in_progress"],
  supply_info: ["awaiting_submitter"],
  resolve: ["received", "in_progress"],
  refuse: OPEN_STATUSES,
  merge: ["received", "in_progress"],
  withdraw: OPEN_STATUSES,
  rate: ["resolved", "refused"],
  escalate: ["received", "in_progress"],
  note: [...OPEN_STATUSES, ...CLOSED_STATUSES],
};

/** The actions `actor` may take on a case now (to show only the buttons that work). */
export function availableActions(
  input: Omit<TransitionInput, "action" | "note" | "actor">,
  actor: CaseActorRole,
): CaseAction[] {
  return CASE_ACTIONS.filter((action) => decideTransition({ ...input, action, actor, note: "(a note)" }).ok);
}

export function decideTransition(input: TransitionInput): Result<Transition, TransitionError> {
  const { action, status } = input;
  const rule = kindRule(input.kind);
  if (!WHO_MAY[action].includes(input.actor)) return fail("not_your_part");
  if ((action === "merge" && !rule.mergeable) || (action === "forward" && !rule.forwardable))
    return fail("not_allowed_for_kind");
  if (!FROM[action].includes(status)) return fail("not_allowed_now");
  if (action === "rate" && input.rated) return fail("already_rated");
  if ((action === "refuse" || action === "resolve" || action === "request_info") && input.note.length < 3)
    return fail("note_required");
  switch (action) {
    case "accept":
      return ok({ toStatus: "in_progress", clock: "keep", closes: false });
    case "forward":
      return ok({ toStatus: "received", clock: "keep", closes: false });
    case "request_info":
      return ok({ toStatus: "awaiting_submitter", clock: "pause", closes: false });
    case "supply_info":
      return ok({ toStatus: "in_progress", clock: "resume", closes: false });
    case "resolve":
      return ok({ toStatus: "resolved", clock: "keep", closes: true });
    case "refuse":
      return ok({ toStatus: "refused", clock: status === "awaiting_submitter" ? "resume" : "keep", closes: true });
    case "merge":
      return ok({ toStatus: "merged", clock: "keep", closes: true });
    case "withdraw":
      return ok({ toStatus: "withdrawn", clock: status === "awaiting_submitter" ? "resume" : "keep", closes: true });
    default:
      // assign, rate, escalate, note: the status stays.
      return ok({ toStatus: status, clock: "keep", closes: false });
  }
}
