import type { LoaderFunctionArgs } from "@remix-run/node";
import { getEnv } from "~/lib/env.server";
import { publicJson } from "~/lib/public-json.server";
import { limitPublicRequest } from "~/lib/public-rate-limit.server";
import { getMinistryDidDocument } from "~/modules/keys/get-did-documents.server";

/** GET /.well-known/did.json: the ministry's did:web document, whose key signs /trust-registry.json. */
export async function loader({ context }: LoaderFunctionArgs) {
  await limitPublicRequest(context);
  const document = await getMinistryDidDocument({ origin: getEnv().PUBLIC_ORIGIN });
  if (!document) return publicJson({ code: "not_found" }, { status: 404 });
  return publicJson(document, { maxAgeSeconds: 3600 });
}
