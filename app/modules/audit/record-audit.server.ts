import { auditLog } from "../../../db/schema";
import type { Executor } from "~/lib/db.server";

export interface AuditActor {
  userId: string | null;
  ip: string | null;
}

export interface AuditEntry {
  action: string; // verb.noun, e.g. "user.sign-up", "organisation.accredit"
  entityType: string;
  entityId?: string | null;
  organisationId?: string | null;
  details?: Record<string, unknown>;
}

/** Records who did what, when and from where. Call it inside the transaction of the change it records. */
export async function recordAudit(tx: Executor, actor: AuditActor, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    actorUserId: actor.userId,
    actorIp: actor.ip,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    organisationId: entry.organisationId ?? null,
    details: entry.details ?? null,
  });
}
