import type { LoaderFunctionArgs } from "@remix-run/node";
import { getEnv } from "~/lib/env.server";
import { limitPublicRequest } from "~/lib/public-rate-limit.server";
import { receiptResponse, verificationReceipt } from "~/modules/verification/verification-receipt.server";

/**
 * GET /v/{payload}/receipt.pdf — the verification receipt as a one-page PDF, for a verifier's records: what the
 * server verified at this moment. No account; the public rate limit, as the page.
 */
export async function loader({ params, context }: LoaderFunctionArgs) {
  await limitPublicRequest(context);
  return receiptResponse(await verificationReceipt(params.payload ?? "", { origin: getEnv().PUBLIC_ORIGIN }), "pdf");
}
