import type { LoaderFunctionArgs } from "@remix-run/node";
import { getEnv } from "~/lib/env.server";
import { publicJson } from "~/lib/public-json.server";
import { limitPublicRequest } from "~/lib/public-rate-limit.server";
import { getIssuerDidDocument } from "~/modules/keys/get-did-documents.server";

/** GET /issuers/{code}/did.json: the did:web document of an accredited school (docs/issuer-identity.md). */
export async function loader({ params, context }: LoaderFunctionArgs) {
  await limitPublicRequest(context);
  const document = await getIssuerDidDocument({ code: params.code, origin: getEnv().PUBLIC_ORIGIN });
  if (!document) return publicJson({ code: "not_found" }, { status: 404 });
  // Short: a rotation or a compromise must reach verifiers within minutes.
  return publicJson(document, { maxAgeSeconds: 300 });
}
