import type { LoaderFunctionArgs } from "@remix-run/node";
import { publicBody, publicError } from "~/lib/public-json.server";
import { limitPublicRequest } from "~/lib/public-rate-limit.server";
import { QR_CONTENT_TYPES, renderCredentialQr } from "~/modules/publication/render-credential-qr.server";

/** GET /credentials/{id}/qr.svg: the diploma's QR code (docs/qr-payload.md). */
export async function loader({ params, context }: LoaderFunctionArgs) {
  await limitPublicRequest(context);
  const image = await renderCredentialQr({ id: params.id, format: "svg" });
  if (!image) return publicError(404, "not_found", "There is no signed credential with this id.");
  // The payload is fixed when the diploma is signed: the image never changes.
  return publicBody(image, QR_CONTENT_TYPES.svg, {
    maxAgeSeconds: 31_536_000,
    immutable: true,
    headers: { "X-Robots-Tag": "noindex" },
  });
}
