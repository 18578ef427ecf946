import type { LoaderFunctionArgs } from "@remix-run/node";
import { publicBody } from "~/lib/public-json.server";
import { limitPublicRequest } from "~/lib/public-rate-limit.server";
import { diplomaContext } from "~/modules/publication/diploma-context";
import { JSON_LD_MEDIA_TYPE } from "~/modules/publication/media-types";

/**
 * GET /contexts/diploma/v1: our JSON-LD context, the same one credentials name as
 * https://vanbang.gov.vn/contexts/diploma/v1. For reading only: verifiers use a pinned copy, never a fetched one
 * (docs/credential-format.md).
 */
export async function loader({ context }: LoaderFunctionArgs) {
  await limitPublicRequest(context);
  const served = diplomaContext();
  // Never changed in place (a change of meaning gets a new URL): cached for a year.
  return publicBody(served.body, JSON_LD_MEDIA_TYPE, {
    maxAgeSeconds: 31_536_000,
    immutable: true,
    headers: { ETag: `"${served.sha256}"` },
  });
}
