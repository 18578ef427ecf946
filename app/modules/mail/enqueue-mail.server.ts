import { eq } from "drizzle-orm";
import { mailOutbox, users } from "../../../db/schema";
import type { Executor } from "~/lib/db.server";
import { getEnv } from "~/lib/env.server";
import { MAIL_CATEGORIES, MAIL_TEMPLATE_CATEGORY, shouldSendMail } from "./categories";
import { mailPreferencesFooter, renderMail, type MailTemplate } from "./templates";

/**
 * Puts a mail in the outbox, inside the caller's transaction: it leaves only if the change that caused it
 * commits. Delivery happens afterwards (deliver-mail.server.ts).
 *
 * Pass `recipientUserId` whenever the recipient has an account: the mail is then skipped when that person turned
 * its category off (app/modules/mail/categories.ts; required categories are always sent). Returns whether a mail
 * was queued.
 */
export async function enqueueMail(
  tx: Executor,
  options: { to: string; locale: "vi" | "en"; template: MailTemplate; recipientUserId?: string },
): Promise<boolean> {
  if (options.recipientUserId) {
    const [recipient] = await tx
      .select({ mailOptOuts: users.mailOptOuts })
      .from(users)
      .where(eq(users.id, options.recipientUserId))
      .limit(1);
    if (recipient && !shouldSendMail(options.template.name, recipient.mailOptOuts)) return false;
  }
  const rendered = renderMail(options.template, options.locale);
  // A mail that may be turned off says where: the account page's mail section.
  const optional = !MAIL_CATEGORIES[MAIL_TEMPLATE_CATEGORY[options.template.name]].required;
  const footer = optional
    ? `\n\n-- \n${mailPreferencesFooter(options.locale, `${getEnv().PUBLIC_ORIGIN}/account#mail`)}`
    : "";
  await tx.insert(mailOutbox).values({
    toAddress: options.to,
    subject: rendered.subject,
    bodyText: rendered.text + footer,
    template: options.template.name,
  });
  return true;
}
