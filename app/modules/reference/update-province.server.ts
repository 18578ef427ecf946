import { type Database, withDefaultDb } from "~/lib/db.server";
import { fail, ok, type Result } from "~/lib/result";
import { recordAudit, type AuditActor } from "~/modules/audit/record-audit.server";
import { changesBetween } from "./changes";
import { findProvince, updateProvinceRow } from "./queries.server";
import type { ProvinceInput } from "./schema";

export interface UpdateProvinceOptions {
  input: ProvinceInput;
  actor: AuditActor;
}

/** Renames a province or changes its kind. Codes are fixed by the statistics office: they are not edited. */
export const updateProvince = withDefaultDb(async function updateProvince(
  db: Database,
  options: UpdateProvinceOptions,
): Promise<Result<{ changed: boolean }, "not_found">> {
  const { code, ...values } = options.input;
  return db.transaction(async (tx) => {
    const before = await findProvince(tx, code);
    if (!before) return fail("not_found");
    const changes = changesBetween(before, values);
    if (!changes) return ok({ changed: false });
    await updateProvinceRow(tx, code, values);
    await recordAudit(tx, options.actor, {
      action: "province.update",
      entityType: "province",
      entityId: code,
      details: changes,
    });
    return ok({ changed: true });
  });
});
