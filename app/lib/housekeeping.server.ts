import { lt, or } from "drizzle-orm";
import { sessions, userTokens } from "../../db/schema";
import type { Database } from "./db.server";
import { pruneRateLimits } from "./rate-limit.server";

/** Drops what no longer matters: ended rate-limit windows, sessions and tokens long expired. */
export async function runHousekeeping(db: Database, now = new Date()): Promise<void> {
  const dayAgo = new Date(now.getTime() - 86400_000);
  const monthAgo = new Date(now.getTime() - 30 * 86400_000);
  await pruneRateLimits(db, dayAgo);
  await db.delete(sessions).where(or(lt(sessions.expiresAt, monthAgo), lt(sessions.revokedAt, monthAgo)));
  await db.delete(userTokens).where(lt(userTokens.expiresAt, monthAgo));
}
