/** A graduate revokes one of their own share links: from then on it answers 410, never the diploma. */
import { type Executor, withDefaultDb } from "~/lib/db.server";
import { fail, ok, type Result } from "~/lib/result";
import { recordAudit, type AuditActor } from "~/modules/audit/record-audit.server";
import { markShareLinkRevoked } from "./queries.server";

export type RevokeShareLinkError = "not_found";

export const revokeShareLink = withDefaultDb(async function revokeShareLink(
  db: Executor,
  input: { linkId: string; actor: AuditActor & { userId: string }; now?: Date },
): Promise<Result<{ id: string }, RevokeShareLinkError>> {
  return db.transaction(async (tx) => {
    // Ownership in the query: another graduate's link (or an unknown or revoked one) is simply not found.
    const revoked = await markShareLinkRevoked(tx, {
      linkId: input.linkId,
      userId: input.actor.userId,
      at: input.now ?? new Date(),
    });
    if (!revoked) return fail("not_found");
    await recordAudit(tx, input.actor, {
      action: "share-link.revoke",
      entityType: "share_link",
      entityId: revoked.id,
      details: { diplomaId: revoked.diplomaId },
    });
    return ok({ id: revoked.id });
  });
});
