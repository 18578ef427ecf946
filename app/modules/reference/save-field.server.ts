import { type Database, withDefaultDb } from "~/lib/db.server";
import { fail, ok, type Result } from "~/lib/result";
import { recordAudit, type AuditActor } from "~/modules/audit/record-audit.server";
import { changesBetween } from "./changes";
import { findField, insertField, updateFieldRow } from "./queries.server";
import type { FieldInput } from "./schema";

export interface SaveFieldOptions {
  mode: "create" | "update";
  input: FieldInput;
  actor: AuditActor;
}

/** Creates a field (cấp II) or edits one's names and cao đẳng title. Fields are never deleted: programmes use them. */
export const saveField = withDefaultDb(async function saveField(
  db: Database,
  options: SaveFieldOptions,
): Promise<Result<{ changed: boolean }, "not_found" | "code_taken">> {
  const { code, ...values } = options.input;
  return db.transaction(async (tx) => {
    if (options.mode === "create") {
      if (!(await insertField(tx, { code, ...values })))
        return fail("code_taken", { code: "reference.error.fieldCodeTaken" });
      await recordAudit(tx, options.actor, {
        action: "field.create",
        entityType: "field",
        entityId: code,
        details: { ...values },
      });
      return ok({ changed: true });
    }
    const before = await findField(tx, code);
    if (!before) return fail("not_found");
    const changes = changesBetween(before, values);
    if (!changes) return ok({ changed: false });
    await updateFieldRow(tx, code, values);
    await recordAudit(tx, options.actor, {
      action: "field.update",
      entityType: "field",
      entityId: code,
      details: changes,
    });
    return ok({ changed: true });
  });
});
