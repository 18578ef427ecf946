import { and, asc, eq, inArray, lt, sql } from "drizzle-orm";
import { mailOutbox } from "../../../db/schema";
import type { Database } from "~/lib/db.server";
import { logger } from "~/lib/logger.server";
import { openMailSecrets } from "./mail-secrets.server";
import { removeSealedSecrets } from "./secrets";

export interface MailTransport {
  send(mail: { from: string; to: string; subject: string; text: string }): Promise<void>;
}

/** SMTP through nodemailer, e.g. SMTP_URL=smtps://user:pass@relay.example.vn:465. */
export async function createSmtpTransport(smtpUrl: string): Promise<MailTransport> {
  const { default: nodemailer } = await import("nodemailer");
  const transporter = nodemailer.createTransport(smtpUrl);
  return {
    async send(mail) {
      await transporter.sendMail(mail);
    },
  };
}

const MAX_ATTEMPTS = 5;

class UnopenableMailError extends Error {
  constructor() {
    super("a sealed link or claim code did not open: KEY_ENCRYPTION_KEY changed since the mail was written");
  }
}

/**
 * Sends pending mail from the outbox, oldest first, marking each sent or counting the failed attempt. A sealed
 * link or claim code is opened only to be sent; the sent row keeps the mail without it.
 * With no transport (MAIL_TRANSPORT=outbox) mail stays in the outbox, where the demo mailbox page shows it.
 */
export async function deliverPendingMail(
  db: Database,
  transport: MailTransport,
  from: string,
  batchSize = 20,
): Promise<number> {
  const pending = await db
    .select()
    .from(mailOutbox)
    .where(and(eq(mailOutbox.status, "pending"), lt(mailOutbox.attempts, MAX_ATTEMPTS)))
    .orderBy(asc(mailOutbox.createdAt))
    .limit(batchSize);
  let sent = 0;
  for (const mail of pending) {
    // Claim the row, so that two server processes never send the same mail.
    const claimed = await db
      .update(mailOutbox)
      .set({ status: "sending", attempts: sql`${mailOutbox.attempts} + 1` })
      .where(and(eq(mailOutbox.id, mail.id), eq(mailOutbox.status, "pending")))
      .returning({ id: mailOutbox.id, attempts: mailOutbox.attempts });
    if (claimed.length === 0) continue;
    try {
      const opened = openMailSecrets(mail);
      if (!opened.ok) throw new UnopenableMailError();
      await transport.send({ from, to: mail.toAddress, subject: mail.subject, text: opened.text });
      await db
        .update(mailOutbox)
        .set({ status: "sent", sentAt: new Date(), lastError: null, bodyText: removeSealedSecrets(mail.bodyText) })
        .where(eq(mailOutbox.id, mail.id));
      sent++;
    } catch (error) {
      const attempts = claimed[0]!.attempts;
      const message = error instanceof Error ? error.message : String(error);
      await db
        .update(mailOutbox)
        .set({
          // A secret sealed under another KEK will not open on a retry either.
          status: attempts >= MAX_ATTEMPTS || error instanceof UnopenableMailError ? "failed" : "pending",
          lastError: message.slice(0, 500),
        })
        .where(eq(mailOutbox.id, mail.id));
      logger.warn("mail delivery failed", { mailId: mail.id, attempts, error: message });
    }
  }
  return sent;
}

/** Puts mail left "sending" by a process that died back in the queue. */
export async function requeueStuckMail(db: Database): Promise<void> {
  await db
    .update(mailOutbox)
    .set({ status: "pending" })
    .where(inArray(mailOutbox.status, ["sending"]));
}
