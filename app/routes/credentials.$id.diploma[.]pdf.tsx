import type { LoaderFunctionArgs } from "@remix-run/node";
import { getEnv } from "~/lib/env.server";
import { limitPublicRequest } from "~/lib/public-rate-limit.server";
import { credentialPdfLimiter, renderCredentialPdf } from "~/modules/diplomas/issued-pages.server";
import { parseUuid } from "~/lib/uuid";
import { notFound } from "~/lib/http.server";

/**
 * GET /credentials/{id}/diploma.pdf: the diploma as a PDF (A4 landscape, bilingual, with its QR code), at the
 * capability URL. `?download=1` asks the browser to save it rather than show it. Revalidated on every use: a
 * revocation shows on the next download.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await limitPublicRequest(context, credentialPdfLimiter);
  const id = parseUuid(params.id);
  const rendered = id ? await renderCredentialPdf({ diplomaId: id, origin: getEnv().PUBLIC_ORIGIN }) : null;
  if (!rendered) throw notFound({ headers: { "Cache-Control": "no-store" } });
  const disposition = new URL(request.url).searchParams.has("download") ? "attachment" : "inline";
  return new Response(new Uint8Array(rendered.pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `${disposition}; filename="${rendered.filename}"`,
      "Content-Length": String(rendered.pdf.length),
      "Cache-Control": "private, no-cache",
      "X-Content-Type-Options": "nosniff",
      "X-Robots-Tag": "noindex, nofollow",
      "Referrer-Policy": "no-referrer",
    },
  });
}
