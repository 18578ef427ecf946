import { createHash } from "node:crypto";
import { type Database, withDefaultDb } from "~/lib/db.server";
import { ok } from "~/lib/result";
import { recordAudit, type AuditActor } from "~/modules/audit/record-audit.server";
import { readProgrammeCsv, type ProgrammeCsvReport } from "./programme-csv";
import {
  insertMissingProgrammeGroups,
  listProgrammeGroupCodes,
  listProgrammeSnapshots,
  loadProgrammeRulesContext,
  upsertProgrammes,
  type NewProgramme,
} from "./queries.server";

export interface ImportProgrammesOptions {
  file: Uint8Array | string;
  fileName: string | null;
  /** Check the file and count what would change, without writing anything. */
  dryRun?: boolean;
  actor: AuditActor;
}

export interface ImportProgrammesSummary {
  rowCount: number;
  created: number;
  updated: number;
  unchanged: number;
  groupsCreated: number;
  dryRun: boolean;
}

export type ImportProgrammesResult =
  { ok: true; value: ImportProgrammesSummary } | { ok: false; code: "invalid_file"; report: ProgrammeCsvReport };

/**
 * Imports a full programme list, all or nothing: when any row is invalid nothing is written and the report
 * says why, row by row. Otherwise one transaction inserts new programmes, updates the names, level and source
 * of existing ones, creates missing groups and records ONE audit row with the counts. Programmes missing from
 * the file are left as they are (deactivating is a separate, deliberate act), and so is `active`.
 */
export const importProgrammes = withDefaultDb(async function importProgrammes(
  db: Database,
  options: ImportProgrammesOptions,
): Promise<ImportProgrammesResult> {
  return db.transaction(async (tx) => {
    // Read the rules inside the transaction, so the file is checked against the fields it is written with.
    const report = readProgrammeCsv(options.file, await loadProgrammeRulesContext(tx));
    if (!report.ok) return { ok: false as const, code: "invalid_file" as const, report };

    const existing = new Map((await listProgrammeSnapshots(tx)).map((p) => [p.code, p]));
    const knownGroups = new Set(await listProgrammeGroupCodes(tx));
    const writes: NewProgramme[] = [];
    const missingGroups = new Map<string, string>();
    let created = 0;
    let updated = 0;
    for (const row of report.rows) {
      if (row.groupCode && row.fieldCode && !knownGroups.has(row.groupCode))
        missingGroups.set(row.groupCode, row.fieldCode);
      const before = existing.get(row.code);
      const next: NewProgramme = {
        code: row.code,
        nameVi: row.nameVi,
        nameEn: row.nameEn === undefined ? (before?.nameEn ?? null) : row.nameEn,
        levelCode: row.levelCode,
        fieldCode: row.fieldCode,
        groupCode: row.groupCode,
        programmeKey: row.programmeKey,
        isLegacy: row.isLegacy,
        source: row.source ?? before?.source ?? "imported",
      };
      if (!before) created++;
      else if (
        before.nameVi !== next.nameVi ||
        before.nameEn !== next.nameEn ||
        before.levelCode !== next.levelCode ||
        before.source !== next.source
      )
        updated++;
      else continue;
      writes.push(next);
    }
    const summary: ImportProgrammesSummary = {
      rowCount: report.rows.length,
      created,
      updated,
      unchanged: report.rows.length - created - updated,
      groupsCreated: missingGroups.size,
      dryRun: Boolean(options.dryRun),
    };
    if (options.dryRun || writes.length === 0) return ok(summary);

    await insertMissingProgrammeGroups(
      tx,
      [...missingGroups].map(([code, fieldCode]) => ({ code, fieldCode })),
    );
    await upsertProgrammes(tx, writes);
    const bytes = typeof options.file === "string" ? new TextEncoder().encode(options.file) : options.file;
    await recordAudit(tx, options.actor, {
      action: "programme.import",
      entityType: "programme",
      details: {
        fileName: options.fileName,
        sha256: createHash("sha256").update(bytes).digest("hex"),
        rows: summary.rowCount,
        created,
        updated,
        unchanged: summary.unchanged,
        groupsCreated: summary.groupsCreated,
      },
    });
    return ok(summary);
  });
});
