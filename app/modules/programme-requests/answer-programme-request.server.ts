import { type Database, withDefaultDb } from "~/lib/db.server";
import { fail, ok, type Result } from "~/lib/result";
import { recordAudit, type AuditActor } from "~/modules/audit/record-audit.server";
import { lockProgrammeRequest, programmeInCatalogue, updateProgrammeRequestAnswer } from "./queries.server";
import type { ProgrammeRequestAnswer } from "./schema";

/**
 * The ministry answers a school's programme request: added (the code must then be in the catalogue, so that the
 * school's import reads it) or refused, with a note the school reads. An answer may be changed later; each
 * change is audited with what it was before.
 */
export const answerProgrammeRequest = withDefaultDb(async function answerProgrammeRequest(
  db: Database,
  options: { answer: ProgrammeRequestAnswer; actor: AuditActor },
): Promise<Result<{ changed: boolean; programmeCode: string }, "not_found" | "programme_missing">> {
  const { answer, actor } = options;
  return db.transaction(async (tx) => {
    const request = await lockProgrammeRequest(tx, answer.id);
    if (!request) return fail("not_found");
    if (answer.status === "added" && !(await programmeInCatalogue(tx, request.programmeCode)))
      return fail("programme_missing");
    if (request.status === answer.status && request.adminNote === answer.adminNote)
      return ok({ changed: false, programmeCode: request.programmeCode });
    await updateProgrammeRequestAnswer(tx, {
      id: request.id,
      status: answer.status,
      adminNote: answer.adminNote,
      answeredBy: actor.userId,
    });
    await recordAudit(tx, actor, {
      action: "programme-request.answer",
      entityType: "programme_request",
      entityId: request.id,
      organisationId: request.organisationId,
      details: {
        programmeCode: request.programmeCode,
        from: request.status,
        to: answer.status,
        adminNote: answer.adminNote,
      },
    });
    return ok({ changed: true, programmeCode: request.programmeCode });
  });
});
