import { randomUUID } from "node:crypto";
import { type Database, withDefaultDb } from "~/lib/db.server";
import { fail, ok, type Result } from "~/lib/result";
import { recordAudit, type AuditActor } from "~/modules/audit/record-audit.server";
import { findPendingReplacement, insertReplacementDraft, lockSchoolDiploma } from "./diploma-queries.server";
import { protectPersonalId, revealPersonalId } from "~/modules/drafts/personal-id.server";
import { insertBatch } from "~/modules/drafts/queries.server";

export type ReplacementKind = "correct" | "reissue";

export type StartCorrectionError =
  /** No such signed diploma at this school. */
  | "not_found"
  /** Revoked or already superseded: only an issued or suspended diploma can be corrected or reissued. */
  | "not_allowed"
  /** A correction or reissue of this diploma is already being prepared. */
  | "already_started"
  /** The stored personal ID number does not open (wrong key-encryption key): nothing to copy. */
  | "personal_id_unreadable"
  /** Every correction and reissue says why (the register's remarks). */
  | "reason_required";

export const REPLACEMENT_REASON_LIMITS = { min: 5, max: 500 } as const;

export interface StartCorrectionOptions {
  organisationId: string;
  diplomaId: string;
  kind: ReplacementKind;
  /** Why: what was wrong (a correction) or why a new copy is needed (a reissue). Kept with the draft, audited, and written into the register's remarks when the replacement is signed. */
  reason: string;
  actor: AuditActor & { userId: string };
}

const BATCH_TITLES: Record<ReplacementKind, (serial: string) => string> = {
  correct: (serial) => `Chỉnh sửa văn bằng ${serial}`,
  reissue: (serial) => `Cấp lại văn bằng ${serial}`,
};

/**
 * Starts a correction (chỉnh sửa) or a reissue (cấp lại) of a signed diploma: a new batch holding one draft,
 * prefilled from the old diploma and pointing at it (`supersedesId`). The registrar edits the draft and submits the
 * batch; when the principal signs it, the old diploma becomes superseded (sign-batch.server.ts) and both stay in
 * the register. One transaction with its audit row; the old diploma is locked so that two starts cannot race.
 */
export const startCorrection = withDefaultDb(async function startCorrection(
  db: Database,
  options: StartCorrectionOptions,
): Promise<Result<{ batchId: string; diplomaId: string }, StartCorrectionError>> {
  const ref = { organisationId: options.organisationId, diplomaId: options.diplomaId };
  const reason = options.reason.replace(/\s+/g, " ").trim();
  if (reason.length < REPLACEMENT_REASON_LIMITS.min || reason.length > REPLACEMENT_REASON_LIMITS.max) {
    return fail("reason_required", { reason: "issued.correction.reasonRequired" });
  }
  return db.transaction(async (tx) => {
    const old = await lockSchoolDiploma(tx, ref);
    if (!old || old.status === "draft") return fail("not_found");
    if ((old.status !== "issued" && old.status !== "suspended") || old.supersededById) return fail("not_allowed");
    if (await findPendingReplacement(tx, ref)) return fail("already_started");
    const personalId = revealPersonalId(old.id, old.personalIdCiphertext);
    if (personalId === null) return fail("personal_id_unreadable");

    const batch = await insertBatch(tx, {
      organisationId: options.organisationId,
      title: BATCH_TITLES[options.kind](old.serial ?? old.id),
      createdBy: options.actor.userId,
    });
    // A new id, so the personal ID is sealed again, bound to the new row.
    const diplomaId = randomUUID();
    await insertReplacementDraft(tx, {
      id: diplomaId,
      organisationId: options.organisationId,
      batchId: batch.id,
      supersedesId: old.id,
      // On a draft, the status reason says why it exists: the register entry written at signing follows it.
      statusReason: options.kind,
      replacementReason: reason,
      position: 1,
      email: old.email,
      fullName: old.fullName,
      dateOfBirth: old.dateOfBirth,
      placeOfBirth: old.placeOfBirth,
      gender: old.gender,
      ethnicity: old.ethnicity,
      ...protectPersonalId(diplomaId, personalId),
      programmeCode: old.programmeCode,
      programmeName: old.programmeName,
      levelCode: old.levelCode,
      modeOfStudy: old.modeOfStudy,
      classification: old.classification,
      honorificTitle: old.honorificTitle,
      graduationDate: old.graduationDate,
      graduationDecisionNumber: old.graduationDecisionNumber,
      createdBy: options.actor.userId,
    });
    await recordAudit(tx, options.actor, {
      action: options.kind === "correct" ? "diploma.start-correction" : "diploma.start-reissue",
      entityType: "diploma",
      entityId: old.id,
      organisationId: options.organisationId,
      details: { serial: old.serial, batchId: batch.id, draftId: diplomaId, reason },
    });
    return ok({ batchId: batch.id, diplomaId });
  });
});
