import { getKeyRing, open, seal } from "~/modules/keys/key-encryption.server";
import { SEALED_MARKER, neutraliseMarkers, replaceSecrets } from "./secrets";

/** The associated data that binds a sealed secret to its mail: a marker copied into another mail does not open. */
const aadOf = (mailId: string) => `mail_outbox:${mailId}`;

/** The body to store: each secret sealed under the KEK's mail key, bound to the mail's id. Throws MissingKekError. */
export function sealMailSecrets(mailId: string, text: string, secrets: readonly string[]): string {
  if (secrets.length === 0) return neutraliseMarkers(text);
  const key = getKeyRing().mailSecrets;
  return replaceSecrets(
    neutraliseMarkers(text),
    secrets,
    (secret) => `{{sealed:${seal(key, Buffer.from(secret), aadOf(mailId))}}}`,
  );
}

/**
 * The mail as its recipient reads it: every sealed secret opened. `ok` is false when one did not open (the KEK
 * changed since it was written): that mail must not be sent with a broken link. (Enqueueing neutralises anything
 * that looked like a marker before sealing, so every marker in a stored body is one of ours.)
 */
export function openMailSecrets(mail: { id: string; bodyText: string }): { ok: boolean; text: string } {
  let ok = true;
  if (!new RegExp(SEALED_MARKER.source).test(mail.bodyText)) return { ok, text: mail.bodyText };
  const key = getKeyRing().mailSecrets;
  const text = mail.bodyText.replace(SEALED_MARKER, (marker, sealed: string) => {
    const opened = open(key, sealed, aadOf(mail.id));
    if (!opened) ok = false;
    return opened ? opened.toString("utf8") : marker;
  });
  return { ok, text };
}
