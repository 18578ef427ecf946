/**
 * Moves a case on: accept, assign, forward, ask the submitter for more (the clock pauses), resume, resolve, refuse,
 * merge, withdraw, rate, escalate, or add a note. One transaction: the case under its row lock (found within the
 * actor's scope, so a case of someone else answers like one that does not exist), the state machine's decision
 * (case-transitions.ts), the change, its timeline event and its audit row; then the submitter and staff are told.
 */
import type { Case, CaseEvent, CaseStatus } from "../../../db/schema";
import type { Executor } from "~/lib/db.server";
import { fail, ok, type Result } from "~/lib/result";
import { recordAudit, type AuditActor } from "~/modules/audit/record-audit.server";
import {
  decideTransition,
  isOpen,
  type CaseAction,
  type CaseActorRole,
  type TransitionError,
} from "./case-transitions";
import { kindRule } from "./case-kinds";
import {
  findCaseByCode,
  insertCaseEvent,
  loadCalendarExceptions,
  lockCaseInScope,
  updateCase,
  type CaseScope,
} from "./queries.server";
import { tellStaff, tellSubmitter, type CaseNews } from "./tell-people.server";
import { dueOnAfterPause, vnDayOf } from "./working-days";

export interface MoveCaseOptions {
  caseId: string;
  action: CaseAction;
  actor: AuditActor & { role: CaseActorRole };
  /** Whose cases the actor may touch (part of the lookup). */
  scope: CaseScope;
  /** Shown on the public timeline (no personal data): a refusal's reason, the answer's summary, what is missing. */
  note?: string;
  /** Seen only by the handling staff. */
  internalNote?: string;
  /** resolve: the kind's outcome (answered, delivered_electronic, delivered_post, genuine, fake, corrected…). */
  outcome?: string;
  /** resolve: the signed reply or result, and the corrected diploma of a correction. */
  resultDocumentId?: string | null;
  resultDiplomaId?: string | null;
  /** rate */
  rating?: number;
  ratingComment?: string;
  /** assign */
  assigneeUserId?: string | null;
  department?: string | null;
  /** forward: the school that will handle it (null: back to the ministry). */
  forwardToOrganisationId?: string | null;
  /** merge: the code of the case it duplicates. */
  mergeIntoCode?: string;
  /** Kept on the event (a tracking number, a payment's evidence…). */
  data?: Record<string, unknown>;
  /** Merged into the case's details (delivery, tracking number…). */
  detailsPatch?: Record<string, unknown>;
  origin: string;
  now?: Date;
}

export type MoveCaseError =
  TransitionError | "not_found" | "invalid_rating" | "merge_target_not_found" | "forward_target_invalid";

const NEWS: Partial<Record<CaseAction, CaseNews>> = {
  accept: "accepted",
  forward: "forwarded",
  request_info: "request_info",
  supply_info: "info_supplied",
  resolve: "resolved",
  refuse: "refused",
  merge: "merged",
  withdraw: "withdrawn",
};

export async function moveCase(
  db: Executor,
  options: MoveCaseOptions,
): Promise<Result<{ case: Case; event: CaseEvent }, MoveCaseError>> {
  const note = (options.note ?? "").trim();
  const now = options.now ?? new Date();
  if (options.action === "rate" && !(Number.isInteger(options.rating) && options.rating! >= 1 && options.rating! <= 5))
    return fail("invalid_rating");
  return db.transaction(async (tx) => {
    const kase = await lockCaseInScope(tx, options.caseId, options.scope);
    if (!kase) return fail("not_found");
    const decision = decideTransition({
      kind: kase.kind,
      status: kase.status,
      rated: kase.rating !== null,
      action: options.action,
      actor: options.actor.role,
      note,
    });
    if (!decision.ok) return decision;
    const { toStatus, clock, closes } = decision.value;
    const patch: Partial<Case> = { status: toStatus };
    const data: Record<string, unknown> = { ...(options.data ?? {}) };

    if (clock === "pause") patch.pausedAt = now;
    if (clock === "resume" && kase.pausedAt) {
      patch.pausedAt = null;
      if (kase.dueOn) {
        const calendar = await loadCalendarExceptions(tx, vnDayOf(now));
        patch.dueOn = dueOnAfterPause(kase.dueOn, kase.pausedAt, now, calendar);
        data.dueOnBefore = kase.dueOn;
        data.dueOnAfter = patch.dueOn;
      }
    }
    if (closes) {
      patch.closedAt = now;
      patch.closedLate = kase.dueOn ? vnDayOf(now) > kase.dueOn : false;
    }
    switch (options.action) {
      case "resolve":
        patch.outcome = options.outcome ?? "answered";
        patch.outcomeNote = note;
        if (options.resultDocumentId !== undefined) patch.resultDocumentId = options.resultDocumentId;
        if (options.resultDiplomaId !== undefined) patch.resultDiplomaId = options.resultDiplomaId;
        break;
      case "refuse":
        patch.outcome = "refused";
        patch.outcomeNote = note;
        break;
      case "withdraw":
        patch.outcome = "withdrawn";
        break;
      case "rate":
        patch.rating = options.rating!;
        patch.ratingComment = options.ratingComment?.trim() || null;
        patch.ratedAt = now;
        data.rating = options.rating;
        break;
      case "assign":
        if (options.assigneeUserId !== undefined) patch.assigneeUserId = options.assigneeUserId;
        if (options.department !== undefined) patch.department = options.department;
        data.assigneeUserId = patch.assigneeUserId ?? kase.assigneeUserId;
        data.department = patch.department ?? kase.department;
        break;
      case "forward": {
        const to = options.forwardToOrganisationId ?? null;
        if (to === kase.organisationId) return fail("forward_target_invalid");
        patch.organisationId = to;
        patch.assigneeUserId = null;
        data.fromOrganisationId = kase.organisationId;
        data.toOrganisationId = to;
        break;
      }
      case "merge": {
        const target = options.mergeIntoCode ? await findCaseByCode(tx, options.mergeIntoCode) : null;
        if (
          !target ||
          target.id === kase.id ||
          kindRule(target.kind).family !== kindRule(kase.kind).family ||
          (!isOpen(target.status) && target.status !== "resolved")
        )
          return fail("merge_target_not_found");
        patch.mergedIntoId = target.id;
        patch.outcome = "merged";
        data.mergedInto = target.code;
        break;
      }
      case "escalate":
        patch.escalatedAt = now;
        break;
    }
    if (options.detailsPatch) patch.details = { ...kase.details, ...options.detailsPatch };

    const updated = await updateCase(tx, kase.id, patch);
    const event = await insertCaseEvent(tx, {
      caseId: kase.id,
      at: now,
      type: options.action,
      actorUserId: options.actor.userId,
      actorRole: options.actor.role,
      fromStatus: kase.status,
      toStatus: toStatus as CaseStatus,
      publicNote: note || null,
      internalNote: options.internalNote?.trim() || null,
      data: Object.keys(data).length > 0 ? data : null,
    });
    await recordAudit(tx, options.actor, {
      action: "case.move",
      entityType: "case",
      entityId: kase.id,
      organisationId: updated.organisationId,
      details: { code: kase.code, caseAction: options.action, from: kase.status, to: toStatus },
    });
    const news = NEWS[options.action];
    if (news) await tellSubmitter(tx, updated, news, { origin: options.origin, note: note || null });
    if (options.action === "forward" || options.action === "supply_info" || options.action === "withdraw")
      await tellStaff(tx, updated, options.action === "forward" ? "forwarded" : (news ?? "assigned"), {
        origin: options.origin,
        exceptUserId: options.actor.userId,
      });
    if (options.action === "escalate")
      await tellStaff(tx, updated, "escalated", { origin: options.origin, heads: true, mail: true });
    if (options.action === "assign" && patch.assigneeUserId)
      await tellStaff(tx, updated, "assigned", { origin: options.origin, exceptUserId: options.actor.userId });
    return ok({ case: updated, event });
  });
}
