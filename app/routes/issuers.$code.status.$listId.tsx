import type { LoaderFunctionArgs } from "@remix-run/node";
import { getEnv } from "~/lib/env.server";
import { publicError, publicJson } from "~/lib/public-json.server";
import { limitPublicRequest } from "~/lib/public-rate-limit.server";
import { credentialHeaders } from "~/modules/publication/media-types";
import { getPublishedStatusList } from "~/modules/status/publish-status-list.server";
import { STATUS_LIST_TTL_MS } from "~/modules/status/status-list-credential";

/**
 * GET /issuers/{code}/status/{listId}: a school's W3C BitstringStatusListCredential ("revocation-1",
 * "suspension-1"), signed with its active key (eddsa-rdfc-2022). What diplomas name as statusListCredential.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await limitPublicRequest(context);
  const list = await getPublishedStatusList({
    code: params.code,
    listId: params.listId,
    origin: getEnv().PUBLIC_ORIGIN,
  });
  if (!list.ok) {
    // The school's key is missing or cannot be decrypted: an operator's problem, logged by loadSigningKey.
    return list.code === "not_found"
      ? publicError(404, "not_found", "There is no such status list.")
      : publicError(503, "status_list_unavailable", "The status list cannot be signed at the moment.");
  }
  // Short: a revocation must reach verifiers within a minute (the list's ttl says the same).
  return publicJson(list.value, { maxAgeSeconds: STATUS_LIST_TTL_MS / 1000, headers: credentialHeaders(request) });
}
