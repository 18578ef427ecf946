import type { LoaderFunctionArgs } from "@remix-run/node";
import { getEnv } from "~/lib/env.server";
import { publicError, publicJson } from "~/lib/public-json.server";
import { limitPublicRequest } from "~/lib/public-rate-limit.server";
import { getLogProof } from "~/modules/publication/get-log-proof.server";
import { parseUuid } from "~/lib/uuid";

/**
 * GET /credentials/{id}/log-proof.json: the issuance-log entry that recorded the credential, its leaf and the
 * Merkle inclusion proof, to check against /issuers/{code}/log.json (docs/issuance-log.md).
 */
export async function loader({ params, context }: LoaderFunctionArgs) {
  await limitPublicRequest(context);
  const id = parseUuid(params.id);
  if (!id) return publicError(404, "not_found", "There is no signed credential with this id.");
  const proof = await getLogProof({ id, origin: getEnv().PUBLIC_ORIGIN });
  if (!proof.ok) {
    return proof.code === "not_found"
      ? publicError(404, "not_found", "There is no signed credential with this id.")
      : publicError(404, "not_in_log", "This credential was not issued through a logged batch.");
  }
  // The batch entry's proof never changes; the list of later status changes may grow.
  return publicJson(proof.value, { maxAgeSeconds: 60, headers: { "X-Robots-Tag": "noindex" } });
}
