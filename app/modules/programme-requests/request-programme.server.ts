import { type Database, withDefaultDb } from "~/lib/db.server";
import { fail, ok, type Result } from "~/lib/result";
import { recordAudit, type AuditActor } from "~/modules/audit/record-audit.server";
import { TRAINING_LEVELS, matchLevel } from "~/modules/reference/levels";
import type { ProgrammeRequest } from "../../../db/schema";
import { findSchoolProgrammeRequest, insertProgrammeRequest, programmeInCatalogue } from "./queries.server";
import type { ProgrammeRequestInput } from "./schema";

export interface RequestProgrammeOptions {
  organisationId: string;
  input: ProgrammeRequestInput;
  actor: AuditActor & { userId: string };
}

/**
 * A school asks the ministry to add a programme missing from the catalogue. Once per school and code: asking again
 * answers the request already made (whatever its status), without a second row or audit entry.
 */
export const requestProgramme = withDefaultDb(async function requestProgramme(
  db: Database,
  options: RequestProgrammeOptions,
): Promise<Result<{ request: ProgrammeRequest; created: boolean }, "programme_exists">> {
  const { organisationId, input, actor } = options;
  return db.transaction(async (tx) => {
    const existing = await findSchoolProgrammeRequest(tx, { organisationId, programmeCode: input.programmeCode });
    if (existing) return ok({ request: existing, created: false });
    if (await programmeInCatalogue(tx, input.programmeCode)) return fail("programme_exists");
    const levelCode = input.level ? (matchLevel(input.level, TRAINING_LEVELS)?.code ?? null) : null;
    const created = await insertProgrammeRequest(tx, {
      organisationId,
      programmeCode: input.programmeCode,
      programmeName: input.programmeName,
      levelCode,
      requestedBy: actor.userId,
    });
    // Two clicks at once: the other transaction's row won the unique index.
    if (!created)
      return ok({
        request: (await findSchoolProgrammeRequest(tx, { organisationId, programmeCode: input.programmeCode }))!,
        created: false,
      });
    await recordAudit(tx, actor, {
      action: "programme-request.create",
      entityType: "programme_request",
      entityId: created.id,
      organisationId,
      details: { programmeCode: created.programmeCode, programmeName: created.programmeName, levelCode },
    });
    return ok({ request: created, created: true });
  });
});
