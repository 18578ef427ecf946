import { mailOutbox } from "../../../db/schema";
import type { Executor } from "~/lib/db.server";
import { renderMail, type MailTemplate } from "./templates";

/**
 * Puts a mail in the outbox, inside the caller's transaction: it leaves only if the change that caused it
 * commits. Delivery happens afterwards (deliver-mail.server.ts).
 */
export async function enqueueMail(
  tx: Executor,
  options: { to: string; locale: "vi" | "en"; template: MailTemplate },
): Promise<void> {
  const rendered = renderMail(options.template, options.locale);
  await tx.insert(mailOutbox).values({
    toAddress: options.to,
    subject: rendered.subject,
    bodyText: rendered.text,
    template: options.template.name,
  });
}
