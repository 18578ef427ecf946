import { type Database, withDefaultDb } from "~/lib/db.server";
import { fail, ok, type Result } from "~/lib/result";
import { recordAudit, type AuditActor } from "~/modules/audit/record-audit.server";
import {
  deleteCrosswalkPair,
  findCrosswalkPair,
  insertCrosswalkPair,
  programmeKeyExists,
  updateCrosswalkStatus,
} from "./queries.server";
import type { CrosswalkStatus } from "./schema";

/** One edit of the programme → occupation crosswalk (a programme key, level-independent, to a VSCO unit group). */
export type CrosswalkEdit =
  | { intent: "add"; programmeKey: string; vscoCode: string; status: CrosswalkStatus }
  | { intent: "remove"; programmeKey: string; vscoCode: string }
  | { intent: "set-status"; programmeKey: string; vscoCode: string; status: CrosswalkStatus };

export const editCrosswalk = withDefaultDb(async function editCrosswalk(
  db: Database,
  options: { edit: CrosswalkEdit; actor: AuditActor },
): Promise<Result<{ changed: boolean }, "unknown_programme" | "already_linked" | "not_found">> {
  const { edit } = options;
  const entityId = `${edit.programmeKey}:${edit.vscoCode}`;
  return db.transaction(async (tx) => {
    if (edit.intent === "add") {
      // Only keys of programmes that exist: a typo would otherwise link nothing, silently.
      if (!(await programmeKeyExists(tx, edit.programmeKey))) {
        return fail("unknown_programme", { programmeKey: "reference.error.unknownProgrammeKey" });
      }
      if (!(await insertCrosswalkPair(tx, edit)))
        return fail("already_linked", { vscoCode: "reference.error.alreadyLinked" });
      await recordAudit(tx, options.actor, {
        action: "crosswalk.add",
        entityType: "programme_occupation",
        entityId,
        details: { programmeKey: edit.programmeKey, vscoCode: edit.vscoCode, status: edit.status },
      });
      return ok({ changed: true });
    }
    if (edit.intent === "remove") {
      const removed = await deleteCrosswalkPair(tx, edit.programmeKey, edit.vscoCode);
      if (!removed) return fail("not_found");
      await recordAudit(tx, options.actor, {
        action: "crosswalk.remove",
        entityType: "programme_occupation",
        entityId,
        details: { programmeKey: edit.programmeKey, vscoCode: edit.vscoCode, status: removed.status },
      });
      return ok({ changed: true });
    }
    const before = await findCrosswalkPair(tx, edit.programmeKey, edit.vscoCode);
    if (!before) return fail("not_found");
    if (before.status === edit.status) return ok({ changed: false });
    await updateCrosswalkStatus(tx, edit.programmeKey, edit.vscoCode, edit.status);
    await recordAudit(tx, options.actor, {
      action: "crosswalk.set-status",
      entityType: "programme_occupation",
      entityId,
      details: { status: { from: before.status, to: edit.status } },
    });
    return ok({ changed: true });
  });
});
