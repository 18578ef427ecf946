import type { LoaderFunctionArgs } from "@remix-run/node";
import { getEnv } from "~/lib/env.server";
import { publicJson } from "~/lib/public-json.server";
import { limitPublicRequest } from "~/lib/public-rate-limit.server";
import { verificationOpenApi } from "~/modules/verification/openapi";

/** GET /api/openapi.json: the OpenAPI 3.1 description of POST /api/v1/verify and POST /credentials/verify. */
export async function loader({ context }: LoaderFunctionArgs) {
  await limitPublicRequest(context);
  return publicJson(verificationOpenApi(getEnv().PUBLIC_ORIGIN), { maxAgeSeconds: 3600 });
}
