/** A graduate makes a share link to one of their own diplomas, with the expiry they chose. */
import { type Executor, withDefaultDb } from "~/lib/db.server";
import { fail, ok, type Result } from "~/lib/result";
import { generateToken } from "~/lib/tokens.server";
import { recordAudit, type AuditActor } from "~/modules/audit/record-audit.server";
import { findOwnSignedDiploma, insertShareLink } from "./queries.server";
import { expiresAtFor, type ShareExpiry } from "./schema";

export type CreateShareLinkError = "not_found";

export const createShareLink = withDefaultDb(async function createShareLink(
  db: Executor,
  input: { diplomaId: string; expiry: ShareExpiry; actor: AuditActor & { userId: string }; now?: Date },
): Promise<Result<{ id: string; token: string }, CreateShareLinkError>> {
  const now = input.now ?? new Date();
  return db.transaction(async (tx) => {
    const diploma = await findOwnSignedDiploma(tx, { userId: input.actor.userId, diplomaId: input.diplomaId });
    if (!diploma) return fail("not_found");
    const expiresAt = expiresAtFor(input.expiry, now);
    const link = await insertShareLink(tx, {
      diplomaId: diploma.id,
      userId: input.actor.userId,
      token: generateToken(),
      expiresAt,
    });
    await recordAudit(tx, input.actor, {
      action: "share-link.create",
      entityType: "share_link",
      entityId: link.id,
      details: {
        diplomaId: diploma.id,
        serial: diploma.serial,
        expiry: input.expiry,
        expiresAt: expiresAt?.toISOString() ?? null,
      },
    });
    return ok(link);
  });
});
