import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { verifyApiResponse } from "~/modules/verification/api-http.server";

/**
 * POST /credentials/verify (W3C VC-API verifyCredential): `{ verifiableCredential, options? }` →
 * `{ checks, warnings, errors, verdict, reasons }`, 200 when the verdict is valid and 400 otherwise, as VC-API
 * verifiers answer a credential that does not verify. A bad body is 400 `{ code, message }`; 429 over budget.
 * OPTIONS is the CORS preflight; GET is 405. The production server answers this path before Remix with the same
 * function (app/server/verify-api.ts); this route serves it under `remix dev` and in the tests.
 */
export const loader = ({ request, context }: LoaderFunctionArgs) => verifyApiResponse("vc-api", request, context);
export const action = ({ request, context }: ActionFunctionArgs) => verifyApiResponse("vc-api", request, context);
