/**
 * Someone opens a share link (/s/{token}): in force, the view is counted and the diploma's QR text is verified
 * exactly as the QR page does; expired or revoked, nothing of the diploma is given.
 */
import { type Executor, withDefaultDb } from "~/lib/db.server";
import type { VerificationResult } from "~/modules/verification/verdict";
import { verifyQrText } from "~/modules/verification/verify-qr.server";
import { openShareLinkRow } from "./queries.server";
import { SHARE_TOKEN } from "./schema";

export type OpenedShareLink =
  { state: "active"; payload: string; result: VerificationResult } | { state: "expired" | "revoked" | "not_found" };

/** The payload part of a stored QR text ("HTTPS://…/V/{payload}"). */
export function payloadOf(qrText: string): string {
  const upper = qrText.toUpperCase();
  return upper.slice(upper.lastIndexOf("/V/") + 3);
}

export const openShareLink = withDefaultDb(async function openShareLink(
  db: Executor,
  input: { token: string; origin: string; now?: Date },
): Promise<OpenedShareLink> {
  if (!SHARE_TOKEN.test(input.token)) return { state: "not_found" };
  const opened = await openShareLinkRow(db, { token: input.token, at: input.now ?? new Date() });
  if (opened.state !== "active") return { state: opened.state };
  const payload = payloadOf(opened.qrPayload);
  const result = await verifyQrText(db, `/V/${payload}`, { origin: input.origin });
  return { state: "active", payload, result };
});
