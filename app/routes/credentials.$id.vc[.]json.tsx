import type { LoaderFunctionArgs } from "@remix-run/node";
import { publicError, publicJson } from "~/lib/public-json.server";
import { limitPublicRequest } from "~/lib/public-rate-limit.server";
import { parseUuid } from "~/lib/uuid";
import { credentialHeaders, inReadingOrder } from "~/modules/publication/media-types";
import { findPublishedDiploma } from "~/modules/publication/queries.server";

/**
 * GET /credentials/{id}/vc.json: the signed diploma credential, at its capability URL (the id is a random UUID).
 * Revoked, suspended and superseded diplomas are served too: their status is in the status lists, not here.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await limitPublicRequest(context);
  const id = parseUuid(params.id);
  const diploma = id ? await findPublishedDiploma(id) : null;
  if (!diploma) return publicError(404, "not_found", "There is no signed credential with this id.");
  // A signed credential never changes; what may change is its status, published elsewhere.
  return publicJson(inReadingOrder(diploma.credential), {
    maxAgeSeconds: 86_400,
    immutable: true,
    headers: { ...credentialHeaders(request), "X-Robots-Tag": "noindex" },
  });
}
