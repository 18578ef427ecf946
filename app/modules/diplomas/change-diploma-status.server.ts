import { and, eq } from "drizzle-orm";
import { diplomas, organisations, registerEntries } from "../../../db/schema";
import { type Database, withDefaultDb } from "~/lib/db.server";
import { fail, ok, type Result } from "~/lib/result";
import { recordAudit, type AuditActor } from "~/modules/audit/record-audit.server";
import { refreshCandidatePool } from "~/modules/matching/queries.server";
import { appendLogEntry } from "~/modules/issuance-log/append-log-entry.server";
import { loadSigningKey } from "~/modules/keys/load-signing-key.server";
import { nodePrivateKey, signWithNode } from "~/modules/signing/ed25519-node.server";
import { setStatusBit } from "~/modules/status/status-lists.server";
import { statusTransition, type StatusChange } from "./diploma-status";
import { registerSnapshot } from "./register-snapshot";

export type ChangeDiplomaStatusError =
  "not_found" | "not_allowed" | "reason_required" | "no_active_key" | "key_unreadable";

/**
 * Revokes, suspends or reinstates an issued diploma. One transaction: the diploma's status, its bit in the
 * school's status list, a new register entry, a log entry with a freshly signed head, and the audit row.
 */
export const changeDiplomaStatus = withDefaultDb(async function changeDiplomaStatus(
  db: Database,
  options: { organisationId: string; diplomaId: string; change: StatusChange; reason: string; actor: AuditActor },
): Promise<Result<{ status: string }, ChangeDiplomaStatusError>> {
  const reason = options.reason.trim();
  const key = await loadSigningKey(db, { organisationId: options.organisationId });
  if (!key.ok) return fail(key.code);
  const nodeKey = nodePrivateKey(key.key.privateKey);

  return db.transaction(async (tx) => {
    // One change at a time per school: the log's sequence and the status bits stay consistent.
    const [school] = await tx
      .select({ code: organisations.code })
      .from(organisations)
      .where(eq(organisations.id, options.organisationId))
      .for("update");
    const [diploma] = await tx
      .select()
      .from(diplomas)
      .where(and(eq(diplomas.id, options.diplomaId), eq(diplomas.organisationId, options.organisationId)))
      .for("update");
    if (!school || !diploma) return fail("not_found");
    const transition = statusTransition(options.change, diploma.status);
    if (!transition.ok) return fail("not_allowed");
    if (transition.reasonRequired && reason.length < 3)
      return fail("reason_required", { reason: "diplomas.error.reason_required" });

    const now = new Date();
    if (options.change === "revoke") {
      await setStatusBit(tx, { listId: diploma.revocationListId!, index: diploma.revocationIndex!, value: true });
      if (diploma.status === "suspended")
        await setStatusBit(tx, { listId: diploma.suspensionListId!, index: diploma.suspensionIndex!, value: false });
    } else {
      await setStatusBit(tx, {
        listId: diploma.suspensionListId!,
        index: diploma.suspensionIndex!,
        value: options.change === "suspend",
      });
    }
    const [updated] = await tx
      .update(diplomas)
      .set({ status: transition.to, statusReason: reason || null, statusChangedAt: now, updatedAt: now })
      .where(eq(diplomas.id, diploma.id))
      .returning();
    await tx.insert(registerEntries).values({
      organisationId: options.organisationId,
      diplomaId: diploma.id,
      kind: options.change,
      snapshot: registerSnapshot(updated!),
      remarks: reason || null,
      createdBy: options.actor.userId,
    });
    await appendLogEntry(tx, {
      organisationId: options.organisationId,
      schoolCode: school.code,
      kind: options.change,
      leaves: [diploma.credentialHash!],
      signingKeyId: key.key.id,
      signHead: (message) => signWithNode(message, nodeKey),
      now,
    });
    // Only an issued diploma is matched: the candidate pool follows its status.
    if (diploma.claimedBy) await refreshCandidatePool(tx, diploma.claimedBy);
    await recordAudit(tx, options.actor, {
      action: `diploma.${options.change}`,
      entityType: "diploma",
      entityId: diploma.id,
      organisationId: options.organisationId,
      details: { serial: diploma.serial, reason: reason || null, from: diploma.status, to: transition.to },
    });
    return ok({ status: transition.to });
  });
});
