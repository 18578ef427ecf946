import type { LoaderFunctionArgs } from "@remix-run/node";
import { getEnv } from "~/lib/env.server";
import { limitPublicRequest } from "~/lib/public-rate-limit.server";
import { receiptResponse, verificationReceipt } from "~/modules/verification/verification-receipt.server";

/**
 * GET /v/{payload}/receipt.json — the verification receipt as JSON: the server verifies the QR code now and states
 * that result (verdict, Vietnam time, serial, issuer, each check). No account; the public rate limit, as the page.
 */
export async function loader({ params, context }: LoaderFunctionArgs) {
  await limitPublicRequest(context);
  return receiptResponse(await verificationReceipt(params.payload ?? "", { origin: getEnv().PUBLIC_ORIGIN }), "json");
}
