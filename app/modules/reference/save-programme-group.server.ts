import { type Database, withDefaultDb } from "~/lib/db.server";
import { fail, ok, type Result } from "~/lib/result";
import { recordAudit, type AuditActor } from "~/modules/audit/record-audit.server";
import { changesBetween } from "./changes";
import { findField, findProgrammeGroup, insertMissingProgrammeGroups, updateProgrammeGroupRow } from "./queries.server";
import type { ProgrammeGroupInput } from "./schema";

export interface SaveProgrammeGroupOptions {
  mode: "create" | "update";
  input: ProgrammeGroupInput;
  actor: AuditActor;
}

/**
 * Names a group (cấp III), or creates one ahead of its programmes. A group's code is its field's two digits
 * followed by two of its own, so the field must exist. Groups are otherwise created by programmes as needed.
 */
export const saveProgrammeGroup = withDefaultDb(async function saveProgrammeGroup(
  db: Database,
  options: SaveProgrammeGroupOptions,
): Promise<Result<{ changed: boolean }, "not_found" | "code_taken" | "unknown_field">> {
  const { code, nameVi } = options.input;
  return db.transaction(async (tx) => {
    if (options.mode === "create") {
      const fieldCode = code.slice(0, 2);
      if (!(await findField(tx, fieldCode)))
        return fail("unknown_field", { code: "reference.error.groupFieldUnknown" });
      const created = await insertMissingProgrammeGroups(tx, [{ code, fieldCode, nameVi }]);
      if (created.length === 0) return fail("code_taken", { code: "reference.error.groupCodeTaken" });
      await recordAudit(tx, options.actor, {
        action: "programme-group.create",
        entityType: "programme_group",
        entityId: code,
        details: { fieldCode, nameVi },
      });
      return ok({ changed: true });
    }
    const before = await findProgrammeGroup(tx, code);
    if (!before) return fail("not_found");
    const changes = changesBetween(before, { nameVi });
    if (!changes) return ok({ changed: false });
    await updateProgrammeGroupRow(tx, code, { nameVi });
    await recordAudit(tx, options.actor, {
      action: "programme-group.update",
      entityType: "programme_group",
      entityId: code,
      details: changes,
    });
    return ok({ changed: true });
  });
});
