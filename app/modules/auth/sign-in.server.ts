import { eq } from "drizzle-orm";
import { users } from "../../../db/schema";
import { type Database, withDefaultDb } from "~/lib/db.server";
import {
  clearThrottle,
  hitRateLimit,
  peekRateLimit,
  resetRateLimit,
  takeThrottle,
  type ThrottlePolicy,
} from "~/lib/rate-limit.server";
import { fail, ok, type Result } from "~/lib/result";
import { createSession } from "~/lib/session.server";
import { recordAudit } from "~/modules/audit/record-audit.server";
import { deviceCookieAfterSignIn, knownDeviceFor } from "./device-cookie.server";
import { decoyPasswordHash, verifyPassword } from "./password.server";

export interface SignInOptions {
  email: string;
  password: string;
  ip: string | null;
  userAgent: string | null;
  /** The request's Cookie header: a device cookie in it may name this account (device-cookie.server.ts). */
  cookieHeader?: string | null;
  /** Attempts before the delays start, per account from unknown devices and per known device (the address allows 4× that per account). */
  maxAttempts: number;
}

export type SignInError = "invalid_credentials" | "email_not_confirmed" | "rate_limited";
const WINDOW_SECONDS = 15 * 60;

/** Growing delays after `maxAttempts` attempts: 1 minute, then 2, 4 … at most an hour; forgotten after a quiet day. */
export function signInThrottlePolicy(maxAttempts: number): ThrottlePolicy {
  return { freeAttempts: maxAttempts, baseLockSeconds: 60, maxLockSeconds: 3600, forgetAfterSeconds: 86400 };
}

/** The keys of an account's throttle from unknown devices: also cleared by a password reset. */
export const accountThrottleKey = (email: string) => `sign-in:account:${email}`;

/**
 * Checks the password and opens a session, slowing guessing down without letting a stranger lock the owner out
 * (OWASP's device cookies; README, Decisions: "No lockout by a stranger"):
 *  - from a device on which this account signed in before (a valid device cookie naming it), attempts count only
 *    against that device, with growing delays after `maxAttempts`; failures elsewhere do not touch it;
 *  - from any other device, attempts count against the account from unknown devices, with growing delays after
 *    `maxAttempts` (1 minute, 2, 4 … at most an hour): never a hard lock, always a Retry-After;
 *  - and against the client address for this account (4 × `maxAttempts` per 15 minutes), plus a backstop across
 *    accounts (20 × `maxAttempts` failures per 15 minutes per address, against password spraying): a school behind
 *    one shared address is not held up by one colleague's mistyping.
 * Every attempt is counted before the password is checked (parallel guesses cannot slip past), a success clears
 * the counts. An unknown e-mail costs the same scrypt time as a wrong password.
 */
export const signIn = withDefaultDb(async function signIn(
  db: Database,
  options: SignInOptions,
): Promise<
  Result<{ userId: string; setCookie: string; deviceSetCookie: string | null }, SignInError> & {
    retryAfterSeconds?: number;
  }
> {
  const policy = signInThrottlePolicy(options.maxAttempts);
  const ip = options.ip ?? "unknown";
  const addressAccountKey = `sign-in:ip-account:${ip}:${options.email}`;
  const addressKey = `sign-in:ip:${ip}`;
  const addressRule = { limit: options.maxAttempts * 20, windowSeconds: WINDOW_SECONDS };
  const limited = (retryAfterSeconds: number) => ({ ...fail("rate_limited" as const), retryAfterSeconds });

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

  // A known device has its own budget; once that is spent, it is treated as any other device.
  const device = user ? knownDeviceFor(options.cookieHeader, user.id) : null;
  let throttleKey = device ? `sign-in:device:${device.nonce}` : null;
  if (throttleKey && !(await takeThrottle(db, throttleKey, policy)).allowed) throttleKey = null;
  const fromKnownDevice = throttleKey !== null;

  if (!throttleKey) {
    const [byAddress, byAddressAccount] = await Promise.all([
      peekRateLimit(db, addressKey, addressRule),
      hitRateLimit(db, addressAccountKey, { limit: options.maxAttempts * 4, windowSeconds: WINDOW_SECONDS }),
    ]);
    if (!byAddress.allowed) return limited(byAddress.retryAfterSeconds);
    if (!byAddressAccount.allowed) return limited(byAddressAccount.retryAfterSeconds);
    throttleKey = accountThrottleKey(options.email);
    const byAccount = await takeThrottle(db, throttleKey, policy);
    if (!byAccount.allowed) return limited(byAccount.retryAfterSeconds);
  }

  const matches = await verifyPassword(options.password, user?.passwordHash ?? (await decoyPasswordHash()));
  if (!user || !user.passwordHash || !matches || user.disabledAt) {
    if (!fromKnownDevice) await hitRateLimit(db, addressKey, addressRule);
    return fail("invalid_credentials");
  }
  // The right password: the counts it added are forgotten.
  await clearThrottle(db, throttleKey);
  if (!fromKnownDevice) await resetRateLimit(db, addressAccountKey);
  if (!user.emailVerifiedAt) return fail("email_not_confirmed");

  return db.transaction(async (tx) => {
    const session = await createSession(tx, { userId: user.id, ip: options.ip, userAgent: options.userAgent });
    await recordAudit(
      tx,
      { userId: user.id, ip: options.ip },
      { action: "user.sign-in", entityType: "session", entityId: session.sessionId },
    );
    return ok({
      userId: user.id,
      setCookie: session.setCookie,
      deviceSetCookie: deviceCookieAfterSignIn(options.cookieHeader, user.id),
    });
  });
});
