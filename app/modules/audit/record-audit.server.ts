import { auditLog } from "../../../db/schema";
import type { Executor } from "~/lib/db.server";
import type { AuditAction, AuditDetails } from "./audit-labels";

export interface AuditActor {
  userId: string | null;
  ip: string | null;
}

export interface AuditEntry {
  /** noun.verb, e.g. "user.sign-up": one of AUDIT_ACTIONS, each with a label for people (audit-labels.ts). */
  action: AuditAction;
  entityType: string;
  entityId?: string | null;
  organisationId?: string | null;
  /** Keys from AUDIT_DETAIL_KEYS, each with a label. */
  details?: AuditDetails;
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
