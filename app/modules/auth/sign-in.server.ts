import { eq } from "drizzle-orm";
import { users } from "../../../db/schema";
import { type Database, withDefaultDb } from "~/lib/db.server";
import { hitRateLimit, peekRateLimit, resetRateLimit } from "~/lib/rate-limit.server";
import { fail, ok, type Result } from "~/lib/result";
import { createSession } from "~/lib/session.server";
import { recordAudit } from "~/modules/audit/record-audit.server";
import { decoyPasswordHash, verifyPassword } from "./password.server";

export interface SignInOptions {
  email: string;
  password: string;
  ip: string | null;
  userAgent: string | null;
  /** Failed attempts allowed per e-mail (and 4× that per address) in 15 minutes. */
  maxAttempts: number;
}

export type SignInError = "invalid_credentials" | "email_not_confirmed" | "rate_limited";
const WINDOW_SECONDS = 15 * 60;

/**
 * Checks the password and opens a session. Every attempt counts against the e-mail (a success clears it);
 * only failures count against the client address, so that a school or company behind one shared address is
 * not locked out by its own successful sign-ins. An unknown e-mail costs the same scrypt time as a wrong password.
 */
export const signIn = withDefaultDb(async function signIn(
  db: Database,
  options: SignInOptions,
): Promise<Result<{ userId: string; setCookie: string }, SignInError> & { retryAfterSeconds?: number }> {
  const emailKey = `sign-in:email:${options.email}`;
  const ipKey = `sign-in:ip:${options.ip ?? "unknown"}`;
  const ipRule = { limit: options.maxAttempts * 4, windowSeconds: WINDOW_SECONDS };
  const [byEmail, byIp] = await Promise.all([
    hitRateLimit(db, emailKey, { limit: options.maxAttempts, windowSeconds: WINDOW_SECONDS }),
    peekRateLimit(db, ipKey, ipRule),
  ]);
  if (!byEmail.allowed || !byIp.allowed) {
    return { ...fail("rate_limited"), retryAfterSeconds: Math.max(byEmail.retryAfterSeconds, byIp.retryAfterSeconds) };
  }

  const [user] = await db
    .select({
      id: users.id,
      passwordHash: users.passwordHash,
      emailVerifiedAt: users.emailVerifiedAt,
      disabledAt: users.disabledAt,
    })
    .from(users)
    .where(eq(users.email, options.email))
    .limit(1);
  const matches = await verifyPassword(options.password, user?.passwordHash ?? (await decoyPasswordHash()));
  if (!user || !user.passwordHash || !matches || user.disabledAt) {
    await hitRateLimit(db, ipKey, ipRule);
    return fail("invalid_credentials");
  }
  if (!user.emailVerifiedAt) return fail("email_not_confirmed");

  return db.transaction(async (tx) => {
    await resetRateLimit(tx, emailKey);
    const session = await createSession(tx, { userId: user.id, ip: options.ip, userAgent: options.userAgent });
    await recordAudit(
      tx,
      { userId: user.id, ip: options.ip },
      { action: "user.sign-in", entityType: "session", entityId: session.sessionId },
    );
    return ok({ userId: user.id, setCookie: session.setCookie });
  });
});
