import { and, eq, gt, isNull } from "drizzle-orm";
import { userTokens } from "../../../db/schema";
import { type Executor, withDefaultDb } from "~/lib/db.server";
import { generateToken, hashToken } from "~/lib/tokens.server";

export type TokenPurpose = "confirm_email" | "reset_password" | "invitation";

export const TOKEN_LIFETIME_MS: Record<TokenPurpose, number> = {
  confirm_email: 48 * 3600_000,
  reset_password: 3600_000,
  invitation: 7 * 86400_000,
};

/** Creates a one-time token and returns it in clear (to be mailed); only its hash is stored. */
export async function issueUserToken(tx: Executor, userId: string, purpose: TokenPurpose): Promise<string> {
  const token = generateToken();
  await tx.insert(userTokens).values({
    userId,
    purpose,
    tokenHash: hashToken(token),
    expiresAt: new Date(Date.now() + TOKEN_LIFETIME_MS[purpose]),
  });
  return token;
}

/** Marks a valid, unused, unexpired token as used and returns its user; null otherwise. Atomic. */
export async function consumeUserToken(
  tx: Executor,
  token: string,
  purposes: TokenPurpose[],
): Promise<{ userId: string; purpose: TokenPurpose } | null> {
  if (token.length > 100) return null;
  for (const purpose of purposes) {
    const [row] = await tx
      .update(userTokens)
      .set({ usedAt: new Date() })
      .where(
        and(
          eq(userTokens.tokenHash, hashToken(token)),
          eq(userTokens.purpose, purpose),
          isNull(userTokens.usedAt),
          gt(userTokens.expiresAt, new Date()),
        ),
      )
      .returning({ userId: userTokens.userId });
    if (row) return { userId: row.userId, purpose };
  }
  return null;
}

/** Whether a token is still usable, without using it (to show the form behind a link). */
export const peekUserToken = withDefaultDb(async function peekUserToken(
  db: Executor,
  token: string,
  purposes: TokenPurpose[],
): Promise<boolean> {
  if (token.length > 100) return false;
  const rows = await db
    .select({ purpose: userTokens.purpose })
    .from(userTokens)
    .where(
      and(eq(userTokens.tokenHash, hashToken(token)), isNull(userTokens.usedAt), gt(userTokens.expiresAt, new Date())),
    )
    .limit(1);
  return rows.length > 0 && purposes.includes(rows[0]!.purpose as TokenPurpose);
});
