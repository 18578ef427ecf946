import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { verifyApiResponse } from "~/modules/verification/api-http.server";

/**
 * POST /api/v1/verify with `{"qr": "…"}` or `{"credential": {…}}` → 200 `{ verdict, reasons, diploma, issuer }`
 * whatever the verdict; 400 `{ code, message }` for a bad body; 429 when the client is over its budget.
 * OPTIONS is the CORS preflight; GET is 405. The production server answers this path before Remix with the same
 * function (app/server/verify-api.ts); this route serves it under `remix dev` and in the tests.
 */
export const loader = ({ request, context }: LoaderFunctionArgs) => verifyApiResponse("verify", request, context);
export const action = ({ request, context }: ActionFunctionArgs) => verifyApiResponse("verify", request, context);
