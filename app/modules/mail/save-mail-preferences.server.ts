import { eq } from "drizzle-orm";
import { users } from "../../../db/schema";
import { type Database, type Executor, withDefaultDb } from "~/lib/db.server";
import { recordAudit, type AuditActor } from "~/modules/audit/record-audit.server";
import { OPTIONAL_MAIL_CATEGORIES, type MailCategory } from "./categories";

/** The categories a person turned off (only optional ones are ever stored). */
export const getMailOptOuts = withDefaultDb(async function getMailOptOuts(
  db: Executor,
  userId: string,
): Promise<MailCategory[]> {
  const [row] = await db.select({ mailOptOuts: users.mailOptOuts }).from(users).where(eq(users.id, userId)).limit(1);
  const stored = new Set(row?.mailOptOuts ?? []);
  return OPTIONAL_MAIL_CATEGORIES.filter((c) => stored.has(c));
});

/**
 * Sets which optional mail a person receives: `enabled` lists the optional categories they keep; every other optional
 * category is turned off. Required categories cannot be turned off and are ignored here.
 */
export const saveMailPreferences = withDefaultDb(async function saveMailPreferences(
  db: Database,
  options: { userId: string; enabled: readonly string[]; actor: AuditActor },
): Promise<MailCategory[]> {
  const keep = new Set(options.enabled);
  const optOuts = OPTIONAL_MAIL_CATEGORIES.filter((c) => !keep.has(c));
  await db.transaction(async (tx) => {
    await tx.update(users).set({ mailOptOuts: optOuts }).where(eq(users.id, options.userId));
    await recordAudit(tx, options.actor, {
      action: "user.mail-preferences",
      entityType: "user",
      entityId: options.userId,
      details: { optOuts },
    });
  });
  return optOuts;
});
