import type { MailOutboxRow } from "~db/schema";
import { openMailSecrets } from "~/modules/mail/mail-secrets.server";

/** A stored mail's text as its recipient reads it: its sealed link or claim code opened (the outbox keeps them sealed). */
export function mailText(mail: Pick<MailOutboxRow, "id" | "bodyText">): string {
  return openMailSecrets(mail).text;
}
