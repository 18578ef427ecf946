import { and, desc, eq, inArray, like, lt, sql } from "drizzle-orm";
import { mailOutbox } from "../../../db/schema";
import { type Executor, withDefaultDb } from "~/lib/db.server";
import { openMailSecrets } from "./mail-secrets.server";
import { MAIL_TEMPLATE_SECRETS, REMOVED_SECRET } from "./secrets";

/**
 * The latest mail as its recipients read it, sealed links and claim codes opened: for the demo mailbox only
 * (demo mode), which stands in for the recipients' inboxes.
 */
export const listRecentMail = withDefaultDb(async function listRecentMail(db: Executor, limit: number = 50) {
  const rows = await db.select().from(mailOutbox).orderBy(desc(mailOutbox.createdAt)).limit(limit);
  return rows.map((row) => ({ ...row, bodyText: openMailSecrets(row).text }));
});

/**
 * Undelivered mail whose secret has outlived its use (a reset link after an hour, a confirmation after two days…)
 * keeps no sealed secret: its body loses it and its status becomes "expired". Returns how many mails expired.
 */
export async function expireMailSecrets(db: Executor, now = new Date()): Promise<number> {
  let expired = 0;
  for (const [template, rule] of Object.entries(MAIL_TEMPLATE_SECRETS)) {
    if (!rule) continue;
    const rows = await db
      .update(mailOutbox)
      .set({
        status: "expired",
        bodyText: sql`regexp_replace(${mailOutbox.bodyText}, '\\{\\{sealed:[A-Za-z0-9_-]+\\}\\}', ${REMOVED_SECRET}, 'g')`,
      })
      .where(
        and(
          eq(mailOutbox.template, template),
          inArray(mailOutbox.status, ["pending", "failed", "held"]),
          lt(mailOutbox.createdAt, new Date(now.getTime() - rule.lifetimeMs)),
          like(mailOutbox.bodyText, "%{{sealed:%"),
        ),
      )
      .returning({ id: mailOutbox.id });
    expired += rows.length;
  }
  return expired;
}
