import { type Database, withDefaultDb } from "~/lib/db.server";
import { fail, ok, type Result } from "~/lib/result";
import { recordAudit, type AuditActor } from "~/modules/audit/record-audit.server";
import { changesBetween } from "./changes";
import { resolveProgramme, type ProgrammeCodeIssue } from "./programme-code";
import {
  findProgramme,
  insertMissingProgrammeGroups,
  insertProgramme,
  loadProgrammeRulesContext,
  updateProgrammeRow,
} from "./queries.server";
import type { ProgrammeCreateInput, ProgrammeUpdateInput } from "./schema";

type RuleFailure = "unknown_level" | ProgrammeCodeIssue["code"];

/** The form field and message of a rule failure: the same rules, and texts, as the CSV import. */
function ruleError(issue: ProgrammeCodeIssue | { code: "unknown_level"; column: "level" }) {
  const field = issue.column === "level" ? "levelCode" : "code";
  return { [field]: `reference.error.${issue.code}` };
}

/** Creates a programme. The code is checked against its level and the fields in force; a missing group is created. */
export const createProgramme = withDefaultDb(async function createProgramme(
  db: Database,
  options: { input: ProgrammeCreateInput; actor: AuditActor },
): Promise<Result<{ code: string }, RuleFailure | "code_taken">> {
  const { input } = options;
  return db.transaction(async (tx) => {
    const context = await loadProgrammeRulesContext(tx);
    const level = context.levels.find((l) => l.code === input.levelCode);
    if (!level) return fail("unknown_level", ruleError({ code: "unknown_level", column: "level" }));
    const resolved = resolveProgramme(input.code, level, context);
    if (!resolved.ok) return fail(resolved.issue.code, ruleError(resolved.issue));
    const p = resolved.value;
    if (p.groupCode && p.fieldCode)
      await insertMissingProgrammeGroups(tx, [{ code: p.groupCode, fieldCode: p.fieldCode }]);
    const inserted = await insertProgramme(tx, {
      ...p,
      nameVi: input.nameVi,
      nameEn: input.nameEn,
      source: input.source,
    });
    if (!inserted) return fail("code_taken", { code: "reference.error.programmeCodeTaken" });
    await recordAudit(tx, options.actor, {
      action: "programme.create",
      entityType: "programme",
      entityId: p.code,
      details: { nameVi: input.nameVi, nameEn: input.nameEn, levelCode: p.levelCode, source: input.source },
    });
    return ok({ code: p.code });
  });
});

/**
 * Edits a programme's names, source and, for a legacy 8-digit code only, its level (a 7-digit code's first
 * digit is its level). The code itself never changes: diplomas will refer to it.
 */
export const updateProgramme = withDefaultDb(async function updateProgramme(
  db: Database,
  options: { code: string; input: ProgrammeUpdateInput; actor: AuditActor },
): Promise<Result<{ changed: boolean }, "not_found" | RuleFailure>> {
  const { input } = options;
  return db.transaction(async (tx) => {
    const found = await findProgramme(tx, options.code);
    if (!found) return fail("not_found");
    const before = found.programme;
    let levelCode = before.levelCode;
    if (before.isLegacy && input.levelCode && input.levelCode !== before.levelCode) {
      const context = await loadProgrammeRulesContext(tx);
      const level = context.levels.find((l) => l.code === input.levelCode);
      if (!level) return fail("unknown_level", ruleError({ code: "unknown_level", column: "level" }));
      levelCode = level.code;
    }
    const values = { nameVi: input.nameVi, nameEn: input.nameEn, source: input.source, levelCode };
    const changes = changesBetween(before, values);
    if (!changes) return ok({ changed: false });
    await updateProgrammeRow(tx, options.code, values);
    await recordAudit(tx, options.actor, {
      action: "programme.update",
      entityType: "programme",
      entityId: options.code,
      details: changes,
    });
    return ok({ changed: true });
  });
});

/** Deactivates (or reactivates) a programme: never deleted, since diplomas and licences refer to it. */
export const setProgrammeActive = withDefaultDb(async function setProgrammeActive(
  db: Database,
  options: { code: string; active: boolean; actor: AuditActor },
): Promise<Result<{ changed: boolean }, "not_found">> {
  return db.transaction(async (tx) => {
    const found = await findProgramme(tx, options.code);
    if (!found) return fail("not_found");
    if (found.programme.active === options.active) return ok({ changed: false });
    await updateProgrammeRow(tx, options.code, { active: options.active });
    await recordAudit(tx, options.actor, {
      action: options.active ? "programme.activate" : "programme.deactivate",
      entityType: "programme",
      entityId: options.code,
    });
    return ok({ changed: true });
  });
});
