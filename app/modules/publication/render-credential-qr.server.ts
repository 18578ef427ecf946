import { type Executor, withDefaultDb } from "~/lib/db.server";
import { renderQrPng, renderQrSvg } from "~/modules/qr/qr-image.server";
import { parseUuid } from "~/lib/uuid";
import { findPublishedDiploma } from "./queries.server";

export type QrFormat = "svg" | "png";

export const QR_CONTENT_TYPES: Record<QrFormat, string> = { svg: "image/svg+xml", png: "image/png" };

/** The QR image of a signed diploma's payload (docs/qr-payload.md); null for a draft, an unknown or a malformed id. */
export const renderCredentialQr = withDefaultDb(async function renderCredentialQr(
  db: Executor,
  options: { id: string | undefined; format: QrFormat },
): Promise<string | Buffer | null> {
  const id = parseUuid(options.id);
  const diploma = id ? await findPublishedDiploma(db, id) : null;
  if (!diploma?.qrPayload) return null;
  return options.format === "svg" ? renderQrSvg(diploma.qrPayload) : renderQrPng(diploma.qrPayload);
});
