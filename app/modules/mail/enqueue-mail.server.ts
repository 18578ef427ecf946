import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { mailOutbox, users } from "../../../db/schema";
import type { Executor } from "~/lib/db.server";
import { getEnv } from "~/lib/env.server";
import { logger } from "~/lib/logger.server";
import { MissingKekError } from "~/modules/keys/key-encryption.server";
import { MAIL_CATEGORIES, MAIL_TEMPLATE_CATEGORY, shouldSendMail } from "./categories";
import { sealMailSecrets } from "./mail-secrets.server";
import { REMOVED_SECRET, neutraliseMarkers, replaceSecrets, secretsOf } from "./secrets";
import { mailPreferencesFooter, renderMail, type MailTemplate } from "./templates";

/**
 * Puts a mail in the outbox, inside the caller's transaction: it leaves only if the change that caused it
 * commits. Delivery happens afterwards (deliver-mail.server.ts). A one-time link's token or a claim code is
 * stored sealed under the KEK, never in clear (app/modules/mail/secrets.ts).
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
  const id = randomUUID();
  const text = rendered.text + footer;
  const secrets = secretsOf(options.template);
  let bodyText: string;
  let failure: string | null = null;
  try {
    bodyText = sealMailSecrets(id, text, secrets);
  } catch (error) {
    if (!(error instanceof MissingKekError)) throw error;
    // A deployment without its KEK cannot keep the secret safely: the mail is kept without it, as failed.
    bodyText = replaceSecrets(neutraliseMarkers(text), secrets, () => REMOVED_SECRET);
    failure = error.message;
    logger.error("mail not sent: its secret cannot be sealed", { template: options.template.name, reason: failure });
  }
  await tx.insert(mailOutbox).values({
    id,
    toAddress: options.to,
    subject: rendered.subject,
    bodyText,
    template: options.template.name,
    ...(failure ? { status: "failed", lastError: failure } : {}),
  });
  return true;
}
