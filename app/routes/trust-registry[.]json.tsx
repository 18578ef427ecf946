import type { LoaderFunctionArgs } from "@remix-run/node";
import { getEnv } from "~/lib/env.server";
import { publicJson } from "~/lib/public-json.server";
import { limitPublicRequest } from "~/lib/public-rate-limit.server";
import { signTrustRegistry } from "~/modules/keys/sign-trust-registry.server";

/** GET /trust-registry.json: the accredited schools and their keys, signed by the ministry (eddsa-jcs-2022). */
export async function loader({ context }: LoaderFunctionArgs) {
  await limitPublicRequest(context);
  const signed = await signTrustRegistry({ origin: getEnv().PUBLIC_ORIGIN });
  // The ministry's key is missing or cannot be decrypted: an operator's problem, logged by loadSigningKey.
  if (!signed.ok) return publicJson({ code: "registry_unavailable" }, { status: 503 });
  return publicJson(signed.value, { maxAgeSeconds: 300 });
}
