/**
 * Opens a case of any kind: draws its public code, sets its deadline on the working-day calendar, writes the case,
 * its first timeline event and the audit row in one transaction, and tells the submitter and the handling staff.
 * Kind-specific checks (which diploma, which fields) belong to the kind's own use-case, which calls this one, in
 * its transaction when it writes more (attachments).
 */
import type { Case } from "../../../db/schema";
import type { Executor } from "~/lib/db.server";
import { fail, ok, type Result } from "~/lib/result";
import { recordAudit, type AuditActor } from "~/modules/audit/record-audit.server";
import { kindRule, type CaseKind } from "./case-kinds";
import { insertCase, insertCaseEvent, drawCaseCode, loadCalendarExceptions, loadKindSettings } from "./queries.server";
import { tellStaff, tellSubmitter } from "./tell-people.server";
import { dueOnFor, vnDayOf } from "./working-days";

export interface CaseSubmitter {
  /** The signed-in person, when there is one. */
  userId: string | null;
  name?: string | null;
  email?: string | null;
  phone?: string | null;
  /** self, representative, relative, heir, citizen, business, school_staff, employer, deputy… */
  capacity?: string | null;
  anonymous?: boolean;
}

export interface OpenCaseOptions {
  kind: CaseKind;
  submitter: CaseSubmitter;
  /** The handling school; null = the ministry. */
  organisationId: string | null;
  department?: string | null;
  topic?: string | null;
  title: string;
  body: string;
  diplomaId?: string | null;
  details?: Record<string, unknown>;
  assemblySession?: string | null;
  publishConsent?: boolean;
  /** Who acts, for the audit row (the submitter, or the ministry's officer entering a voters' petition). */
  actor: AuditActor;
  /** Whether the actor is ministry staff (required for kinds entered by staff). */
  actorIsStaff?: boolean;
  origin: string;
  /** When it was received (defaults to now; a clock for tests and imports). */
  receivedAt?: Date;
}

export type OpenCaseError = "identity_required" | "staff_only";

export async function openCase(db: Executor, options: OpenCaseOptions): Promise<Result<Case, OpenCaseError>> {
  const rule = kindRule(options.kind);
  const s = options.submitter;
  if (rule.identity === "account" && !s.userId) return fail("identity_required");
  if (rule.identity === "contact" && !s.userId && !(s.name && s.email)) return fail("identity_required");
  if (rule.identity === "staff" && !options.actorIsStaff) return fail("staff_only");
  const anonymous = rule.identity === "optional" && Boolean(s.anonymous ?? !s.userId);
  const receivedAt = options.receivedAt ?? new Date();
  return db.transaction(async (tx) => {
    const settings = await loadKindSettings(tx, options.kind);
    const today = vnDayOf(receivedAt);
    const calendar = await loadCalendarExceptions(tx, today);
    const dueOn = dueOnFor(
      receivedAt,
      { workingDays: settings.workingDays, cutoffHour: settings.cutoffHour },
      calendar,
    );
    const code = await drawCaseCode(tx, rule.prefix, Number(today.slice(0, 4)));
    const kase = await insertCase(tx, {
      code,
      kind: options.kind,
      status: "received",
      submitterUserId: s.userId,
      submitterCapacity: s.capacity ?? null,
      submitterName: anonymous ? null : (s.name ?? null),
      submitterEmail: s.email ?? null,
      submitterPhone: anonymous ? null : (s.phone ?? null),
      anonymous,
      organisationId: options.organisationId,
      department: options.department ?? null,
      topic: options.topic ?? null,
      title: options.title,
      body: options.body,
      diplomaId: options.diplomaId ?? null,
      details: { ...(options.details ?? {}), feeVnd: settings.feeVnd },
      assemblySession: options.assemblySession ?? null,
      publishConsent: options.publishConsent ?? false,
      receivedAt,
      dueOn,
      createdAt: receivedAt,
      updatedAt: receivedAt,
    });
    await insertCaseEvent(tx, {
      caseId: kase.id,
      at: receivedAt,
      type: "submitted",
      actorUserId: options.actor.userId,
      actorRole: options.actorIsStaff ? "ministry" : "submitter",
      toStatus: "received",
    });
    await recordAudit(tx, options.actor, {
      action: "case.open",
      entityType: "case",
      entityId: kase.id,
      organisationId: kase.organisationId,
      details: { code, kind: options.kind, dueOn },
    });
    await tellSubmitter(tx, kase, "submitted", { origin: options.origin, note: null });
    await tellStaff(tx, kase, "submitted", { origin: options.origin, exceptUserId: options.actor.userId });
    return ok(kase);
  });
}
