import { and, desc, eq, gt, isNull } from "drizzle-orm";
import { sessions } from "../../../db/schema";
import { type Executor, withDefaultDb } from "~/lib/db.server";

/** A user's live sessions, newest first. */
export const listActiveSessions = withDefaultDb(async function listActiveSessions(db: Executor, userId: string) {
  return db
    .select({ id: sessions.id, createdAt: sessions.createdAt, ip: sessions.ip, userAgent: sessions.userAgent })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), gt(sessions.expiresAt, new Date())))
    .orderBy(desc(sessions.createdAt))
    .limit(50);
});

/** Revokes one of the user's own sessions; ownership is part of the query. Returns whether one was revoked. */
export async function revokeOwnSession(db: Executor, options: { userId: string; sessionId: string }): Promise<boolean> {
  const rows = await db
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(sessions.id, options.sessionId), eq(sessions.userId, options.userId), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id });
  return rows.length > 0;
}
