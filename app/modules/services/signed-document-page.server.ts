/**
 * The public page of an organisation's signed document (/documents/{id}, .json, .pdf): the signed credential, what it
 * says, and its verdict by the verify page's own logic (verify-signed-document.server.ts). Public reads: the caller
 * passes getReadDb().
 */
import PDFDocument from "pdfkit";
import type { Executor } from "~/lib/db.server";
import { registerPdfFonts, TEXT_OPTIONS } from "~/modules/documents/pdf-fonts.server";
import { pdfToBuffer } from "~/modules/documents/pdf-output.server";
import { createPublicLimiter } from "~/lib/public-rate-limit.server";
import { renderQrPng } from "~/modules/qr/qr-image.server";
import { findSignedDocumentRow } from "~/modules/verification/queries.server";
import { verifySignedDocument } from "~/modules/verification/verify-signed-document.server";
import type { VerificationResult } from "~/modules/verification/verdict";
import { documentLines, type DocumentLine } from "./document-text";

export interface SignedDocumentView {
  id: string;
  kind: string;
  name: string;
  issuerName: string;
  signedAt: string;
  url: string;
  lines: DocumentLine[];
  credential: Record<string, unknown>;
  verification: VerificationResult;
}

/** The document and its verdict, or null when there is no such document. */
export async function loadSignedDocument(
  db: Executor,
  options: { id: string; origin: string },
): Promise<SignedDocumentView | null> {
  const row = await findSignedDocumentRow(db, options.id);
  if (!row) return null;
  const credential = row.credential;
  const issuer = credential.issuer as { name?: unknown } | undefined;
  // Page views are not counted as verifications (the statistics count checks a visitor asked for).
  const verification = await verifySignedDocument(db, credential, { origin: options.origin, count: false });
  return {
    id: row.id,
    kind: row.kind,
    name: typeof credential.name === "string" ? credential.name : "",
    issuerName: verification.document?.issuerName ?? (typeof issuer?.name === "string" ? issuer.name : ""),
    signedAt: row.signedAt.toISOString(),
    url: `${options.origin}/documents/${row.id}`,
    lines: documentLines(credential.credentialSubject),
    credential,
    verification,
  };
}

/** A document's file name: the kind and the id's first block. */
export function documentFileName(view: Pick<SignedDocumentView, "id" | "kind">, extension: "json" | "pdf"): string {
  return `van-ban-${view.kind.replace(/_/g, "-")}-${view.id.slice(0, 8)}.${extension}`;
}

/** Rendering a PDF costs far more than reading JSON: a smaller budget per client, like the diploma's PDF. */
export const documentPdfLimiter = createPublicLimiter({ keyPrefix: "document-pdf", points: 10, durationSeconds: 50 });

const QR_SIZE = 96;
const MARGIN = 56;

/** The document as an A4 PDF: title, issuer, its lines (Vietnamese labels, English under them), when it was signed,
 * its verdict at the time of download, and a QR code of its public URL with the URL printed. */
export async function renderSignedDocumentPdf(view: SignedDocumentView): Promise<Buffer> {
  // The QR carries the URL in capitals (QR alphanumeric mode: smaller, and the portal's routes ignore case).
  const qr = await renderQrPng(view.url.toUpperCase(), { scale: 6 });
  const pdf = new PDFDocument({
    size: "A4",
    margin: MARGIN,
    lang: "vi-VN",
    displayTitle: true,
    info: {
      Title: view.name,
      Author: view.issuerName,
      Creator: "Cổng Văn bằng số GDNN",
      Producer: "Cổng Văn bằng số GDNN (PDFKit)",
      CreationDate: new Date(view.signedAt),
    },
  });
  registerPdfFonts(pdf, ["serif", "serifBold", "sans", "sansBold"]);
  const width = pdf.page.width - 2 * MARGIN;
  return pdfToBuffer(pdf, () => {
    pdf
      .font("sansBold")
      .fontSize(10)
      .fillColor("#444")
      .text(view.issuerName.toUpperCase(), { ...TEXT_OPTIONS, width });
    pdf.moveDown(0.3);
    pdf
      .font("sans")
      .fontSize(9)
      .text("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM — Độc lập - Tự do - Hạnh phúc", {
        ...TEXT_OPTIONS,
        width,
      });
    pdf.moveDown(1.2);
    pdf
      .font("serifBold")
      .fontSize(16)
      .fillColor("#a3171c")
      .text(view.name, { ...TEXT_OPTIONS, width, align: "center" });
    pdf.moveDown(1);
    for (const line of view.lines) {
      pdf
        .font("sans")
        .fontSize(8)
        .fillColor("#555")
        .text(`${line.vi} / ${line.en}`, { ...TEXT_OPTIONS, width });
      pdf
        .font("serif")
        .fontSize(11)
        .fillColor("#1b1b1b")
        .text(line.value, { ...TEXT_OPTIONS, width });
      pdf.moveDown(0.4);
    }
    pdf.moveDown(0.8);
    pdf
      .font("sans")
      .fontSize(9)
      .fillColor("#1b1b1b")
      .text(`Ký số bởi / Signed by: ${view.issuerName}`, { ...TEXT_OPTIONS, width })
      .text(`Thời điểm ký / Signed at: ${view.signedAt.replace("T", " ").slice(0, 19)} UTC`, { ...TEXT_OPTIONS, width })
      .text(
        `Kiểm tra / Verified: ${view.verification.verdict === "valid" ? "hợp lệ / valid" : `KHÔNG hợp lệ / NOT valid (${view.verification.verdict})`}`,
        { ...TEXT_OPTIONS, width },
      );
    const y = Math.max(pdf.y + 16, pdf.page.height - MARGIN - QR_SIZE - 30);
    if (y + QR_SIZE + 30 > pdf.page.height - MARGIN / 2) pdf.addPage();
    const qrY = Math.min(y, pdf.page.height - MARGIN - QR_SIZE - 30);
    pdf.image(qr, MARGIN, qrY, { width: QR_SIZE, height: QR_SIZE });
    pdf
      .font("sans")
      .fontSize(8)
      .fillColor("#444")
      .text("Quét mã để kiểm tra văn bản / Scan to check this document:", MARGIN + QR_SIZE + 12, qrY + 24, {
        ...TEXT_OPTIONS,
        width: width - QR_SIZE - 12,
      })
      .text(view.url, { ...TEXT_OPTIONS, width: width - QR_SIZE - 12 });
  });
}
