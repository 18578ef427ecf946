import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { getDb } from "~/lib/db.server";
import { getEnv } from "~/lib/env.server";
import { limitPublicRequest } from "~/lib/public-rate-limit.server";
import { receiptFilename, verificationReceipt } from "~/modules/verification/verification-receipt.server";

/**
 * GET /v/{payload}/receipt.json — the verification receipt as JSON: the server verifies the QR code now and states
 * that result (verdict, Vietnam time, serial, issuer, each check). No account; the public rate limit, as the page.
 */
export async function loader({ params, context }: LoaderFunctionArgs) {
  limitPublicRequest(context);
  const { receipt } = await verificationReceipt(await getDb(), params.payload ?? "", { origin: getEnv().PUBLIC_ORIGIN });
  return json(receipt, {
    headers: {
      "Cache-Control": "private, no-store",
      "X-Robots-Tag": "noindex, nofollow",
      "Referrer-Policy": "no-referrer",
      "Content-Disposition": `attachment; filename="${receiptFilename(receipt, "json")}"`,
    },
  });
}
