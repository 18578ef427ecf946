import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~/lib/db.server";
import { getEnv } from "~/lib/env.server";
import { apiJson, preflightOrMethodNotAllowed, readApiBody } from "~/modules/verification/api-http.server";
import { VcApiVerifyRequestSchema } from "~/modules/verification/schema";
import { toVcApiResponse } from "~/modules/verification/vc-api";
import { verifyCredentialDocument } from "~/modules/verification/verify-credential-json.server";

/** OPTIONS: the CORS preflight. GET: 405. */
export function loader({ request }: LoaderFunctionArgs) {
  return preflightOrMethodNotAllowed(request);
}

/**
 * POST /credentials/verify (W3C VC-API verifyCredential): `{ verifiableCredential, options? }` →
 * `{ checks, warnings, errors, verdict, reasons }`, 200 when the verdict is valid and 400 otherwise, as VC-API
 * verifiers answer a credential that does not verify. A bad body is 400 `{ code, message }`; 429 over budget.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  if (request.method !== "POST") return preflightOrMethodNotAllowed(request);
  const body = await readApiBody(request, context, VcApiVerifyRequestSchema);
  if (!body.ok) return body.response;
  const result = await verifyCredentialDocument(await getDb(), body.value.verifiableCredential, { origin: getEnv().PUBLIC_ORIGIN });
  return apiJson(toVcApiResponse(result), result.verdict === "valid" ? 200 : 400);
}
