import type { LoaderFunctionArgs } from "@remix-run/node";
import { getReadDb } from "~/lib/db.server";
import { getEnv } from "~/lib/env.server";
import { notFound } from "~/lib/http.server";
import { limitPublicRequest } from "~/lib/public-rate-limit.server";
import { parseUuid } from "~/lib/uuid";
import {
  documentFileName,
  documentPdfLimiter,
  loadSignedDocument,
  renderSignedDocumentPdf,
} from "~/modules/services/signed-document-page.server";

/** GET /documents/{id}.pdf: the signed document as a PDF with its text, its verdict now, and a QR code of its URL. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await limitPublicRequest(context, documentPdfLimiter);
  const id = parseUuid(params.id);
  const view = id ? await loadSignedDocument(await getReadDb(), { id, origin: getEnv().PUBLIC_ORIGIN }) : null;
  if (!view) throw notFound({ headers: { "Cache-Control": "no-store" } });
  const pdf = await renderSignedDocumentPdf(view);
  const disposition = new URL(request.url).searchParams.has("inline") ? "inline" : "attachment";
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `${disposition}; filename="${documentFileName(view, "pdf")}"`,
      "Content-Length": String(pdf.length),
      "Cache-Control": "no-cache",
      "X-Content-Type-Options": "nosniff",
      "X-Robots-Tag": "noindex",
    },
  });
}
