import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~/lib/db.server";
import { getEnv } from "~/lib/env.server";
import { apiJson, preflightOrMethodNotAllowed, readApiBody } from "~/modules/verification/api-http.server";
import { VerifyRequestSchema } from "~/modules/verification/schema";
import { verifyCredentialDocument } from "~/modules/verification/verify-credential-json.server";
import { verifyQrText } from "~/modules/verification/verify-qr.server";

/** OPTIONS: the CORS preflight. GET: 405. */
export function loader({ request }: LoaderFunctionArgs) {
  return preflightOrMethodNotAllowed(request);
}

/**
 * POST /api/v1/verify with `{"qr": "…"}` or `{"credential": {…}}` → 200 `{ verdict, reasons, diploma, issuer }`
 * whatever the verdict; 400 `{ code, message }` for a bad body; 429 when the client is over its budget.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  if (request.method !== "POST") return preflightOrMethodNotAllowed(request);
  const body = await readApiBody(request, context, VerifyRequestSchema);
  if (!body.ok) return body.response;
  const db = await getDb();
  const options = { origin: getEnv().PUBLIC_ORIGIN };
  const result = body.value.qr !== undefined ? await verifyQrText(db, body.value.qr, options) : await verifyCredentialDocument(db, body.value.credential, options);
  return apiJson({ verdict: result.verdict, reasons: result.reasons, diploma: result.diploma, issuer: result.issuer, ...(result.status ? { status: result.status } : {}) });
}
