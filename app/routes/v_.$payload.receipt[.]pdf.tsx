import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~/lib/db.server";
import { getEnv } from "~/lib/env.server";
import { limitPublicRequest } from "~/lib/public-rate-limit.server";
import { receiptFilename, renderReceiptPdf, verificationReceipt } from "~/modules/verification/verification-receipt.server";

/**
 * GET /v/{payload}/receipt.pdf — the verification receipt as a one-page PDF, for a verifier's records: what the
 * server verified at this moment. No account; the public rate limit, as the page.
 */
export async function loader({ params, context }: LoaderFunctionArgs) {
  limitPublicRequest(context);
  const { receipt, at } = await verificationReceipt(await getDb(), params.payload ?? "", { origin: getEnv().PUBLIC_ORIGIN });
  const pdf = await renderReceiptPdf(receipt, at);
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${receiptFilename(receipt, "pdf")}"`,
      "Cache-Control": "private, no-store",
      "X-Robots-Tag": "noindex, nofollow",
      "Referrer-Policy": "no-referrer",
    },
  });
}
