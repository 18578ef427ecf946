import { randomUUID } from "node:crypto";
import { type Database, withDefaultDb } from "~/lib/db.server";
import { fail, ok, type Result } from "~/lib/result";
import { recordAudit, type AuditActor } from "~/modules/audit/record-audit.server";
import { vietnamDate } from "~/lib/format-time";
import { cleanCellText } from "~/modules/reference/cell-values";
import { formFieldErrors, validateDraftRow, type DraftValues } from "./draft-row";
import { hashPersonalId, protectPersonalId } from "./personal-id.server";
import {
  findConflictingDiplomas,
  findDraft,
  loadDraftRulesContext,
  lockBatch,
  lockOrganisationDrafts,
  insertDrafts,
  updateDraftRow,
} from "./queries.server";
import type { DraftRawRow } from "./schema";

export interface SaveDraftOptions {
  organisationId: string;
  batchId: string;
  /** The draft to overwrite; absent for a new draft. */
  diplomaId?: string;
  /** The form as submitted: validated here, with the rules that need the database. */
  input: DraftRawRow;
  actor: AuditActor & { userId: string };
  /** Today in Vietnam (tests pin it). */
  today?: string;
}

export type SaveDraftFailure = "not_found" | "draft_not_found" | "batch_locked" | "invalid" | "duplicate";

/** The values a draft is compared on to tell what an edit changed (the personal ID by its hash). */
const COMPARED: (keyof Omit<DraftValues, "personalId">)[] = [
  "fullName",
  "dateOfBirth",
  "placeOfBirth",
  "gender",
  "ethnicity",
  "programmeCode",
  "programmeName",
  "levelCode",
  "modeOfStudy",
  "classification",
  "honorificTitle",
  "graduationDate",
  "graduationDecisionNumber",
  "email",
];

/**
 * Adds a draft to a batch, or edits one, while the batch is a draft. The row is validated like an imported one;
 * a graduate who already has a draft or a diploma of the same programme at the school is refused. The audit row
 * names the fields that changed, never their values (they are personal data).
 */
export const saveDraft = withDefaultDb(async function saveDraft(
  db: Database,
  options: SaveDraftOptions,
): Promise<Result<{ diplomaId: string; changed: boolean }, SaveDraftFailure>> {
  const ref = { organisationId: options.organisationId, batchId: options.batchId };
  return db.transaction(async (tx) => {
    const batch = await lockBatch(tx, ref);
    if (!batch) return fail("not_found");
    if (batch.status !== "draft") return fail("batch_locked");
    const before = options.diplomaId ? await findDraft(tx, { ...ref, diplomaId: options.diplomaId }) : null;
    if (options.diplomaId && !before) return fail("draft_not_found");

    await lockOrganisationDrafts(tx, options.organisationId);
    const context = await loadDraftRulesContext(tx, {
      programmeCodes: [cleanCellText(options.input.programmeCode)],
      today: options.today ?? vietnamDate(),
    });
    const result = validateDraftRow(options.input, context);
    if (!result.ok) return fail("invalid", formFieldErrors(result.issues));
    const { personalId, ...values } = result.value;

    const hash = hashPersonalId(personalId);
    const excludeIds = [options.diplomaId, before?.supersedesId].filter((id): id is string => Boolean(id));
    const conflicts = await findConflictingDiplomas(tx, {
      organisationId: options.organisationId,
      personalIdHashes: [hash],
      excludeIds,
    });
    if (conflicts.some((c) => c.programmeCode === values.programmeCode)) {
      return fail("duplicate", { personalId: "diplomas.validation.duplicateExisting" });
    }

    if (before) {
      const changed = COMPARED.filter((k) => before[k] !== values[k]);
      if (before.personalIdHash !== hash) changed.push("personalId" as never);
      if (changed.length === 0) return ok({ diplomaId: before.id, changed: false });
      await updateDraftRow(
        tx,
        { ...ref, diplomaId: before.id },
        { ...values, ...protectPersonalId(before.id, personalId) },
      );
      await recordAudit(tx, options.actor, {
        action: "diploma.draft-update",
        entityType: "diploma",
        entityId: before.id,
        organisationId: options.organisationId,
        details: { batchId: batch.id, fields: changed },
      });
      return ok({ diplomaId: before.id, changed: true });
    }

    // The id is made here, so that the sealed personal ID is bound to it (AAD) in the same INSERT.
    const diplomaId = randomUUID();
    await insertDrafts(tx, {
      ...ref,
      createdBy: options.actor.userId,
      rows: [{ id: diplomaId, ...values, ...protectPersonalId(diplomaId, personalId) }],
    });
    await recordAudit(tx, options.actor, {
      action: "diploma.draft-create",
      entityType: "diploma",
      entityId: diplomaId,
      organisationId: options.organisationId,
      details: { batchId: batch.id, programmeCode: values.programmeCode },
    });
    return ok({ diplomaId, changed: true });
  });
});
