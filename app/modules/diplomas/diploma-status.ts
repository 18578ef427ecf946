import type { DiplomaStatus } from "../../../db/schema";

export type StatusChange = "revoke" | "suspend" | "reinstate";

/** Which changes a diploma's status allows. Pure; the only table of its kind. */
const TRANSITIONS: Record<
  StatusChange,
  { from: readonly DiplomaStatus[]; to: DiplomaStatus; reasonRequired: boolean }
> = {
  revoke: { from: ["issued", "suspended"], to: "revoked", reasonRequired: true },
  suspend: { from: ["issued"], to: "suspended", reasonRequired: true },
  reinstate: { from: ["suspended"], to: "issued", reasonRequired: false },
};

export function statusTransition(change: StatusChange, from: DiplomaStatus) {
  const rule = TRANSITIONS[change];
  return rule.from.includes(from)
    ? { ok: true as const, to: rule.to, reasonRequired: rule.reasonRequired }
    : { ok: false as const };
}
