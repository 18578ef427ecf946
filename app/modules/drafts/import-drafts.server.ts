import { createHash, randomUUID } from "node:crypto";
import { type Database, withDefaultDb } from "~/lib/db.server";
import { ok } from "~/lib/result";
import { recordAudit, type AuditActor } from "~/modules/audit/record-audit.server";
import { vietnamDate } from "~/lib/format-time";
import { duplicateKey } from "./draft-row";
import {
  checkDraftTable,
  importReport,
  programmeCodesIn,
  rejectRows,
  type DraftImportCheck,
  type DraftImportReport,
  type RowIssue,
} from "./import-drafts";
import { hashPersonalId, protectPersonalId } from "./personal-id.server";
import {
  findConflictingDiplomas,
  insertDrafts,
  loadDraftRulesContext,
  lockBatch,
  lockOrganisationDrafts,
  type DraftRow,
} from "./queries.server";
import { readDraftFile } from "./read-draft-file.server";
import type { ImportMode } from "./schema";

export interface ImportDraftsOptions {
  organisationId: string;
  batchId: string;
  file: Uint8Array;
  fileName: string;
  /** "all": import only when every row is valid. "valid_only": import the valid rows of the file already reported. */
  mode: ImportMode;
  /** With "valid_only": the SHA-256 of the file the user saw the report of. */
  expectedSha256?: string;
  actor: AuditActor & { userId: string };
  /** Today in Vietnam (tests pin it). */
  today?: string;
}

export type ImportDraftsResult =
  | { ok: true; value: { imported: number; skipped: number; sha256: string } }
  | { ok: false; code: "not_found" | "batch_locked" }
  | {
      ok: false;
      code: "invalid_file" | "has_errors" | "file_changed" | "no_valid_rows";
      report: DraftImportReport;
      sha256: string;
    };

/** Rows whose graduate already has a draft or a diploma of the same programme at this school. */
function existingDuplicates(
  check: DraftImportCheck,
  hashes: Map<number, string>,
  conflicts: Awaited<ReturnType<typeof findConflictingDiplomas>>,
  batchId: string,
): Map<number, RowIssue[]> {
  const byKey = new Map(conflicts.map((c) => [duplicateKey(c.personalIdHash, c.programmeCode), c]));
  const rejections = new Map<number, RowIssue[]>();
  for (const r of check.valid) {
    const conflict = byKey.get(duplicateKey(hashes.get(r.row)!, r.values.programmeCode));
    if (!conflict) continue;
    const message =
      conflict.status !== "draft"
        ? "diplomas.import.duplicateIssued"
        : conflict.batchId === batchId
          ? "diplomas.import.duplicateInBatch"
          : "diplomas.import.duplicateDraft";
    rejections.set(r.row, [{ field: "personalId", message, params: { batch: conflict.batchTitle ?? "—" } }]);
  }
  return rejections;
}

/**
 * Imports drafts from a CSV or XLSX file into a draft batch, in ONE transaction: the chosen rows and one audit row,
 * or nothing. Every call reads and checks the whole file again — a second submit ("valid rows only") is trusted
 * for nothing but the choice, and only for the very file (same SHA-256) whose report the user saw.
 */
export const importDrafts = withDefaultDb(async function importDrafts(
  db: Database,
  options: ImportDraftsOptions,
): Promise<ImportDraftsResult> {
  const sha256 = createHash("sha256").update(options.file).digest("hex");
  // Parsing is CPU work: done before the transaction, so that no lock waits on it.
  const read = await readDraftFile(options.file, options.fileName);
  const ref = { organisationId: options.organisationId, batchId: options.batchId };

  return db.transaction(async (tx): Promise<ImportDraftsResult> => {
    const batch = await lockBatch(tx, ref);
    if (!batch) return { ok: false, code: "not_found" };
    if (batch.status !== "draft") return { ok: false, code: "batch_locked" };
    if (!read.ok) {
      const check: DraftImportCheck = {
        fileIssue: read.issue,
        headerRow: null,
        columns: {},
        rowCount: 0,
        valid: [],
        invalid: [],
      };
      return { ok: false, code: "invalid_file", report: importReport(check), sha256 };
    }

    await lockOrganisationDrafts(tx, options.organisationId);
    const context = await loadDraftRulesContext(tx, {
      programmeCodes: programmeCodesIn(read.sheet),
      today: options.today ?? vietnamDate(),
    });
    let check = checkDraftTable(read.sheet, context);
    if (check.fileIssue) return { ok: false, code: "invalid_file", report: importReport(check), sha256 };

    const hashes = new Map(check.valid.map((r) => [r.row, hashPersonalId(r.values.personalId)]));
    const conflicts = await findConflictingDiplomas(tx, {
      organisationId: options.organisationId,
      personalIdHashes: [...new Set(hashes.values())],
    });
    check = rejectRows(check, existingDuplicates(check, hashes, conflicts, batch.id));
    const report = importReport(check);

    if (check.invalid.length > 0) {
      if (options.mode === "all") return { ok: false, code: "has_errors", report, sha256 };
      if (options.expectedSha256 !== sha256) return { ok: false, code: "file_changed", report, sha256 };
      if (check.valid.length === 0) return { ok: false, code: "no_valid_rows", report, sha256 };
    }

    const rows: DraftRow[] = check.valid.map(({ values: { personalId, ...values } }) => {
      const id = randomUUID();
      return { id, ...values, ...protectPersonalId(id, personalId) };
    });
    await insertDrafts(tx, { ...ref, createdBy: options.actor.userId, rows });
    await recordAudit(tx, options.actor, {
      action: "diploma.draft-import",
      entityType: "diploma_batch",
      entityId: batch.id,
      organisationId: options.organisationId,
      details: {
        fileName: options.fileName,
        sha256,
        mode: options.mode,
        rows: check.rowCount,
        imported: rows.length,
        skipped: check.invalid.length,
        skippedRows: check.invalid.map((r) => r.row).slice(0, 200),
      },
    });
    return ok({ imported: rows.length, skipped: check.invalid.length, sha256 });
  });
});
