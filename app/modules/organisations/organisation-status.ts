import type { OrganisationStatus } from "../../../db/schema/accounts";
import { fail, ok, type Result } from "~/lib/result";

/**
 * The ministry's decisions on a school or employer, and the statuses each may start from. Pure: no I/O.
 *
 *   pending ──accredit──▶ accredited ──suspend──▶ suspended
 *      │                     ▲                       │
 *      └──reject──▶ rejected ┘(accredit)  reinstate ─┘
 *
 * A rejected organisation may still be accredited once it has fixed what the ministry asked for: otherwise it
 * would have to register again under a new code, and a school's code is its public identifier.
 */
export const STATUS_CHANGES = ["accredit", "reject", "suspend", "reinstate"] as const;
export type StatusChange = (typeof STATUS_CHANGES)[number];

interface Transition {
  from: readonly OrganisationStatus[];
  to: OrganisationStatus;
  /** A refusal or a suspension must say why: the organisation is told, and the audit trail keeps it. */
  reasonRequired: boolean;
}

export const STATUS_TRANSITIONS: Record<StatusChange, Transition> = {
  accredit: { from: ["pending", "rejected"], to: "accredited", reasonRequired: false },
  reject: { from: ["pending"], to: "rejected", reasonRequired: true },
  suspend: { from: ["accredited"], to: "suspended", reasonRequired: true },
  reinstate: { from: ["suspended"], to: "accredited", reasonRequired: false },
};

export const REASON_MAX_LENGTH = 1000;

export type StatusChangeError = "invalid_transition" | "reason_required";

/** Decides whether `change` may be applied to an organisation in status `current`, and what it leads to. */
export function planStatusChange(
  current: OrganisationStatus,
  change: StatusChange,
  reason: string | null | undefined,
): Result<{ from: OrganisationStatus; to: OrganisationStatus; reason: string | null }, StatusChangeError> {
  const transition = STATUS_TRANSITIONS[change];
  if (!transition.from.includes(current)) return fail("invalid_transition");
  const trimmed = reason?.trim() ? reason.trim() : null;
  if (transition.reasonRequired && !trimmed)
    return fail("reason_required", { reason: "organisations.error.reason_required" });
  return ok({ from: current, to: transition.to, reason: trimmed });
}

/** The decisions the ministry can take on an organisation in status `current` (what the status form offers). */
export function availableStatusChanges(current: OrganisationStatus): StatusChange[] {
  return STATUS_CHANGES.filter((change) => STATUS_TRANSITIONS[change].from.includes(current));
}

/** The audit action that records a status change. */
export function statusChangeAction(change: StatusChange): `organisation.${StatusChange}` {
  return `organisation.${change}`;
}

/** The audit actions that make up an organisation's status history, registration included. */
export const STATUS_HISTORY_ACTIONS: readonly string[] = [
  "organisation.register",
  ...STATUS_CHANGES.map(statusChangeAction),
];
