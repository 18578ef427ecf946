import { and, eq, isNull, ne } from "drizzle-orm";
import { sessions, users } from "../../../db/schema";
import { type Database, withDefaultDb } from "~/lib/db.server";
import { clearThrottle } from "~/lib/rate-limit.server";
import { fail, ok, type Result } from "~/lib/result";
import { recordAudit, type AuditActor } from "~/modules/audit/record-audit.server";
import { enqueueMail } from "~/modules/mail/enqueue-mail.server";
import { hashPassword, verifyPassword } from "./password.server";
import { accountThrottleKey } from "./sign-in.server";
import { consumeUserToken, issueUserToken } from "./user-tokens.server";

/** Changes a signed-in user's password and signs out every other session of theirs. */
export const changePassword = withDefaultDb(async function changePassword(
  db: Database,
  options: { userId: string; sessionId: string; currentPassword: string; newPassword: string; actor: AuditActor },
): Promise<Result<null, "wrong_password">> {
  const [user] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, options.userId));
  if (!user?.passwordHash || !(await verifyPassword(options.currentPassword, user.passwordHash))) {
    return fail("wrong_password", { currentPassword: "auth.error.wrong_password" });
  }
  const passwordHash = await hashPassword(options.newPassword);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, passwordChangedAt: new Date() }).where(eq(users.id, options.userId));
    await tx
      .update(sessions)
      .set({ revokedAt: new Date() })
      .where(and(eq(sessions.userId, options.userId), ne(sessions.id, options.sessionId), isNull(sessions.revokedAt)));
    await recordAudit(tx, options.actor, {
      action: "user.change-password",
      entityType: "user",
      entityId: options.userId,
    });
  });
  return ok(null);
});

/**
 * Mails a reset link if the account exists. Says nothing either way to the caller's user, so the form
 * cannot be used to find out which addresses have accounts.
 */
export const requestPasswordReset = withDefaultDb(async function requestPasswordReset(
  db: Database,
  options: { email: string; publicOrigin: string; actor: AuditActor },
): Promise<void> {
  await db.transaction(async (tx) => {
    const [user] = await tx
      .select({ id: users.id, fullName: users.fullName, locale: users.locale })
      .from(users)
      .where(and(eq(users.email, options.email), isNull(users.disabledAt)));
    if (!user) return;
    const token = await issueUserToken(tx, user.id, "reset_password");
    await enqueueMail(tx, {
      to: options.email,
      locale: user.locale === "en" ? "en" : "vi",
      template: {
        name: "reset_password",
        params: { fullName: user.fullName, link: `${options.publicOrigin}/reset-password?token=${token}` },
      },
    });
    await recordAudit(
      tx,
      { ...options.actor, userId: user.id },
      { action: "user.request-password-reset", entityType: "user", entityId: user.id },
    );
  });
});

/**
 * Sets a password from a mailed link: a reset, or an invited member's first password. Using the link also
 * proves the address, and every existing session is signed out; sign-in delays on the account from unknown devices end.
 */
export const resetPassword = withDefaultDb(async function resetPassword(
  db: Database,
  options: { token: string; password: string; actor: AuditActor },
): Promise<Result<{ userId: string }, "invalid_token">> {
  const passwordHash = await hashPassword(options.password);
  return db.transaction(async (tx) => {
    const consumed = await consumeUserToken(tx, options.token, ["reset_password", "invitation"]);
    if (!consumed) return fail("invalid_token");
    const now = new Date();
    const [user] = await tx
      .update(users)
      .set({ passwordHash, passwordChangedAt: now })
      .where(eq(users.id, consumed.userId))
      .returning({ emailVerifiedAt: users.emailVerifiedAt, email: users.email });
    // Proof of the mailbox: the account's delays from unknown devices end (sign-in.server.ts).
    if (user) await clearThrottle(tx, accountThrottleKey(user.email));
    if (!user?.emailVerifiedAt)
      await tx.update(users).set({ emailVerifiedAt: now }).where(eq(users.id, consumed.userId));
    await tx
      .update(sessions)
      .set({ revokedAt: now })
      .where(and(eq(sessions.userId, consumed.userId), isNull(sessions.revokedAt)));
    await recordAudit(
      tx,
      { ...options.actor, userId: consumed.userId },
      {
        action: consumed.purpose === "invitation" ? "user.accept-invitation" : "user.reset-password",
        entityType: "user",
        entityId: consumed.userId,
      },
    );
    return ok({ userId: consumed.userId });
  });
});

/** Confirms an e-mail address from the link mailed at sign-up. */
export const confirmEmail = withDefaultDb(async function confirmEmail(
  db: Database,
  options: { token: string; actor: AuditActor },
): Promise<Result<null, "invalid_token">> {
  return db.transaction(async (tx) => {
    const consumed = await consumeUserToken(tx, options.token, ["confirm_email"]);
    if (!consumed) return fail("invalid_token");
    await tx
      .update(users)
      .set({ emailVerifiedAt: new Date() })
      .where(and(eq(users.id, consumed.userId), isNull(users.emailVerifiedAt)));
    await recordAudit(
      tx,
      { ...options.actor, userId: consumed.userId },
      { action: "user.confirm-email", entityType: "user", entityId: consumed.userId },
    );
    return ok(null);
  });
});
