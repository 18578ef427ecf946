import { and, count, desc, eq, inArray, type SQL } from "drizzle-orm";
import { auditLog, organisations, users } from "../../../db/schema";
import { type Executor, withDefaultDb } from "~/lib/db.server";

/**
 * Whose entries a reader may see. It is required, not optional, so that a viewer cannot forget to scope:
 * "all" is for the ministry, an organisation id (the one the guard resolved) for a school or employer.
 */
export type AuditScope = { all: true } | { organisationId: string };

export interface ListAuditEntriesOptions {
  scope: AuditScope;
  /** One action, e.g. "organisation.accredit", or several (an organisation's status history). */
  actions?: readonly string[];
  page: number;
  pageSize: number;
}

function scopeCondition(scope: AuditScope): SQL | undefined {
  return "organisationId" in scope ? eq(auditLog.organisationId, scope.organisationId) : undefined;
}

/** Audit entries, newest first, with the actor's e-mail and the organisation's name. Filtered in the query. */
export const listAuditEntries = withDefaultDb(async function listAuditEntries(
  db: Executor,
  options: ListAuditEntriesOptions,
) {
  const conditions: SQL[] = [];
  const scoped = scopeCondition(options.scope);
  if (scoped) conditions.push(scoped);
  if (options.actions)
    conditions.push(options.actions.length > 0 ? inArray(auditLog.action, [...options.actions]) : eq(auditLog.id, -1));
  const where = conditions.length > 0 ? and(...conditions) : undefined;
  const [entries, [counted]] = await Promise.all([
    db
      .select({
        id: auditLog.id,
        at: auditLog.at,
        action: auditLog.action,
        entityType: auditLog.entityType,
        entityId: auditLog.entityId,
        organisationId: auditLog.organisationId,
        organisationName: organisations.name,
        organisationCode: organisations.code,
        actorUserId: auditLog.actorUserId,
        actorEmail: users.email,
        actorIp: auditLog.actorIp,
        details: auditLog.details,
      })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorUserId))
      .leftJoin(organisations, eq(organisations.id, auditLog.organisationId))
      .where(where)
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(options.pageSize)
      .offset((options.page - 1) * options.pageSize),
    db.select({ total: count() }).from(auditLog).where(where),
  ]);
  return { entries, total: Number(counted?.total ?? 0) };
});

/** The distinct actions recorded within a scope, for the viewers' filter. */
export const listAuditActions = withDefaultDb(async function listAuditActions(
  db: Executor,
  scope: AuditScope,
): Promise<string[]> {
  const rows = await db
    .selectDistinct({ action: auditLog.action })
    .from(auditLog)
    .where(scopeCondition(scope))
    .orderBy(auditLog.action);
  return rows.map((r) => r.action);
});
