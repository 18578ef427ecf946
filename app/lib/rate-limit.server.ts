import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import { rateLimitCounters, signInThrottles } from "../../db/schema";
import { type Executor, withDefaultDb } from "./db.server";

export interface RateLimitRule {
  /** Maximum hits within one window. */
  limit: number;
  windowSeconds: number;
}

export interface RateLimitDecision {
  allowed: boolean;
  hits: number;
  retryAfterSeconds: number;
}

/**
 * Counts a hit against `key` in the current fixed window and says whether it is within the limit.
 * Kept in the database so that every server process shares the count.
 */
export const hitRateLimit = withDefaultDb(async function hitRateLimit(
  db: Executor,
  key: string,
  rule: RateLimitRule,
  now: Date = new Date(),
): Promise<RateLimitDecision> {
  const windowMs = rule.windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const [row] = await db
    .insert(rateLimitCounters)
    .values({ key, windowStart, hits: 1 })
    .onConflictDoUpdate({
      target: [rateLimitCounters.key, rateLimitCounters.windowStart],
      set: { hits: sql`${rateLimitCounters.hits} + 1` },
    })
    .returning({ hits: rateLimitCounters.hits });
  const hits = row?.hits ?? 1;
  const retryAfterSeconds = Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000);
  return { allowed: hits <= rule.limit, hits, retryAfterSeconds };
});

/** The hits already counted against `key` in the current window, without adding one. */
export async function peekRateLimit(
  db: Executor,
  key: string,
  rule: RateLimitRule,
  now = new Date(),
): Promise<RateLimitDecision> {
  const windowMs = rule.windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const [row] = await db
    .select({ hits: rateLimitCounters.hits })
    .from(rateLimitCounters)
    .where(and(eq(rateLimitCounters.key, key), eq(rateLimitCounters.windowStart, windowStart)));
  const hits = row?.hits ?? 0;
  return {
    allowed: hits < rule.limit,
    hits,
    retryAfterSeconds: Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000),
  };
}

/** Forgets a key's counts (after a successful sign-in). */
export async function resetRateLimit(db: Executor, key: string): Promise<void> {
  await db.delete(rateLimitCounters).where(eq(rateLimitCounters.key, key));
}

/** Drops windows that ended long ago, and throttles quiet since then and not locked; run from housekeeping. */
export async function pruneRateLimits(db: Executor, olderThan: Date, now = new Date()): Promise<void> {
  await db.delete(rateLimitCounters).where(lt(rateLimitCounters.windowStart, olderThan));
  await db
    .delete(signInThrottles)
    .where(
      and(
        lt(signInThrottles.updatedAt, olderThan),
        or(isNull(signInThrottles.lockedUntil), lt(signInThrottles.lockedUntil, now)),
      ),
    );
}

/**
 * Growing delays instead of a hard lock: `freeAttempts` attempts go through at once; from then on each attempt
 * locks the key for `baseLockSeconds`, doubled at each further attempt, at most `maxLockSeconds`. The count is
 * forgotten after `forgetAfterSeconds` without an attempt, and at once on success (`clearThrottle`).
 */
export interface ThrottlePolicy {
  freeAttempts: number;
  baseLockSeconds: number;
  maxLockSeconds: number;
  forgetAfterSeconds: number;
}

export interface ThrottleDecision {
  allowed: boolean;
  /** Attempts counted, this one included (when allowed). */
  attempts: number;
  /** When refused: seconds until the lock ends (at least 1). */
  retryAfterSeconds: number;
}

/** The lock an attempt numbered `attempts` sets on its key, in seconds (0: none). */
export function lockSecondsAfter(attempts: number, policy: ThrottlePolicy): number {
  if (attempts < policy.freeAttempts) return 0;
  const doublings = Math.min(attempts - policy.freeAttempts, 30);
  return Math.min(policy.maxLockSeconds, policy.baseLockSeconds * 2 ** doublings);
}

/**
 * Takes an attempt on `key`, before the password is checked: refused while the key is locked (not counted then,
 * so hammering a locked key does not lengthen its lock); else counted, and, past the free attempts, the key is
 * locked at once, as if this attempt failed (a success clears it). Locking before checking means parallel guesses
 * cannot slip in while one is being checked. One row per key, updated under a row lock: shared by every process.
 */
export async function takeThrottle(
  db: Executor,
  key: string,
  policy: ThrottlePolicy,
  now: Date = new Date(),
): Promise<ThrottleDecision> {
  return db.transaction(async (tx) => {
    await tx.insert(signInThrottles).values({ key, attempts: 0, updatedAt: now }).onConflictDoNothing();
    const [row] = await tx.select().from(signInThrottles).where(eq(signInThrottles.key, key)).for("update");
    if (row?.lockedUntil && row.lockedUntil > now) {
      const retryAfterSeconds = Math.max(1, Math.ceil((row.lockedUntil.getTime() - now.getTime()) / 1000));
      return { allowed: false, attempts: row.attempts, retryAfterSeconds };
    }
    const forgotten = !row || now.getTime() - row.updatedAt.getTime() > policy.forgetAfterSeconds * 1000;
    const attempts = forgotten ? 1 : row.attempts + 1;
    const lockSeconds = lockSecondsAfter(attempts, policy);
    await tx
      .update(signInThrottles)
      .set({ attempts, updatedAt: now, lockedUntil: lockSeconds ? new Date(now.getTime() + lockSeconds * 1000) : null })
      .where(eq(signInThrottles.key, key));
    return { allowed: true, attempts, retryAfterSeconds: 0 };
  });
}

/** Forgets a throttle (after a successful sign-in or password reset). */
export async function clearThrottle(db: Executor, key: string): Promise<void> {
  await db.delete(signInThrottles).where(eq(signInThrottles.key, key));
}
