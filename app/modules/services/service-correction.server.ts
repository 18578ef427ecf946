/**
 * A correction request ends through the existing correction and signing flow (app/modules/diplomas): the officer
 * starts a correction of the diploma from the case (a new batch with one draft pointing at the old diploma, the
 * draft's id kept in the case's details), the registrar edits it and the principal signs it as any correction; then
 * the officer closes the case from the panel, which checks that the corrected diploma is signed and resolves the case
 * with it (outcome corrected, resultDiplomaId). The signing flow is left untouched: the case holds the link.
 */
import type { Database, Executor } from "~/lib/db.server";
import { isOpen, type CaseActorRole } from "~/modules/cases/case-transitions";
import { moveCase, type MoveCaseError } from "~/modules/cases/move-case.server";
import { lockCaseInScope, type CaseScope } from "~/modules/cases/queries.server";
import { startCorrection, type StartCorrectionError } from "~/modules/diplomas/start-correction.server";
import { inTransaction, Rollback } from "./in-transaction.server";
import { findSchoolDiploma } from "./queries.server";

interface CaseActionOptions {
  caseId: string;
  scope: CaseScope;
  actor: { userId: string; ip: string | null; role: CaseActorRole };
  origin: string;
  now?: Date;
}

export type ServiceCorrectionError =
  MoveCaseError | StartCorrectionError | "no_diploma" | "correction_not_started" | "correction_not_signed";

/** The draft of the corrected diploma a case handed over, from its details. */
export function correctionLinkOf(details: Record<string, unknown>): { diplomaId: string; batchId: string } | null {
  const link = details.correction as { diplomaId?: unknown; batchId?: unknown } | undefined;
  return typeof link?.diplomaId === "string" && typeof link.batchId === "string"
    ? { diplomaId: link.diplomaId, batchId: link.batchId }
    : null;
}

export async function startServiceCorrection(db: Executor, options: CaseActionOptions & { reason: string }) {
  return inTransaction<{ batchId: string; diplomaId: string }, ServiceCorrectionError>(db, async (tx) => {
    const kase = await lockCaseInScope(tx, options.caseId, options.scope);
    if (!kase || kase.kind !== "correction" || !kase.organisationId) throw new Rollback("not_found");
    if (!isOpen(kase.status) || kase.status === "awaiting_submitter") throw new Rollback("not_allowed_now");
    if (correctionLinkOf(kase.details)) throw new Rollback("already_started");
    if (!kase.diplomaId) throw new Rollback("no_diploma");
    // startCorrection opens its own transaction: given ours, it runs as a savepoint inside it.
    const started = await startCorrection(tx as unknown as Database, {
      organisationId: kase.organisationId,
      diplomaId: kase.diplomaId,
      kind: "correct",
      reason: options.reason,
      actor: options.actor,
    });
    if (!started.ok) throw new Rollback(started.code);
    const moved = await moveCase(tx, {
      caseId: kase.id,
      action: kase.status === "received" ? "accept" : "note",
      actor: options.actor,
      scope: options.scope,
      note: kase.status === "received" ? "Đã tiếp nhận; đang lập văn bằng chỉnh sửa." : undefined,
      internalNote: `Đã lập bản nháp văn bằng chỉnh sửa (lô ${started.value.batchId}).`,
      detailsPatch: { correction: { diplomaId: started.value.diplomaId, batchId: started.value.batchId } },
      origin: options.origin,
      now: options.now,
    });
    if (!moved.ok) throw new Rollback(moved.code);
    return started.value;
  });
}

export async function finishServiceCorrection(db: Executor, options: CaseActionOptions) {
  return inTransaction<{ diplomaId: string }, ServiceCorrectionError>(db, async (tx) => {
    const kase = await lockCaseInScope(tx, options.caseId, options.scope);
    if (!kase || kase.kind !== "correction" || !kase.organisationId) throw new Rollback("not_found");
    const link = correctionLinkOf(kase.details);
    if (!link) throw new Rollback("correction_not_started");
    const corrected = await findSchoolDiploma(tx, { organisationId: kase.organisationId, diplomaId: link.diplomaId });
    if (!corrected || corrected.status !== "issued") throw new Rollback("correction_not_signed");
    const moved = await moveCase(tx, {
      caseId: kase.id,
      action: "resolve",
      actor: options.actor,
      scope: options.scope,
      outcome: "corrected",
      note: `Đã cấp văn bằng chỉnh sửa, số hiệu ${corrected.serial}.`,
      resultDiplomaId: corrected.id,
      origin: options.origin,
      now: options.now,
    });
    if (!moved.ok) throw new Rollback(moved.code);
    return { diplomaId: corrected.id };
  });
}
