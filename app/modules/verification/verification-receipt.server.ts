/**
 * The verification receipt of a QR code, as JSON and as a one-page A4 PDF (Noto Sans, Vietnamese then English):
 * the server verifies the QR code afresh at the moment of the request and the receipt states that result only.
 */
import { json } from "@remix-run/node";
import PDFDocument from "pdfkit";
import { type Executor, withDefaultDb } from "~/lib/db.server";
import { formatDateTimeVi, formatDateVi } from "~/modules/documents/format";
import { registerPdfFonts, TEXT_OPTIONS } from "~/modules/documents/pdf-fonts.server";
import { pdfToBuffer } from "~/modules/documents/pdf-output.server";
import { buildReceipt, OUTCOME_TEXT, type VerificationReceipt } from "./receipt";
import { verifyQrText } from "./verify-qr.server";

/**
 * Verifies `/V/{payload}` now and writes its receipt. Not counted in the statistics: the visit to the verify page
 * that offered the receipt was.
 */
export const verificationReceipt = withDefaultDb(async function verificationReceipt(
  db: Executor,
  payload: string,
  options: { origin: string; at?: Date },
): Promise<{ receipt: VerificationReceipt; at: Date }> {
  const result = await verifyQrText(db, `/V/${payload}`, { origin: options.origin, count: false });
  const at = options.at ?? new Date();
  return { receipt: buildReceipt(result, { at, verifyUrl: `${options.origin}/V/${payload}` }), at };
});

const RECEIPT_HEADERS = {
  "Cache-Control": "private, no-store",
  "X-Robots-Tag": "noindex, nofollow",
  "Referrer-Policy": "no-referrer",
};

/** The receipt as a download: JSON or a PDF. */
export async function receiptResponse(
  { receipt, at }: { receipt: VerificationReceipt; at: Date },
  format: "pdf" | "json",
): Promise<Response> {
  const headers = {
    ...RECEIPT_HEADERS,
    "Content-Disposition": `attachment; filename="${receiptFilename(receipt, format)}"`,
  };
  if (format === "json") return json(receipt, { headers });
  return new Response(new Uint8Array(await renderReceiptPdf(receipt, at)), {
    headers: { ...headers, "Content-Type": "application/pdf" },
  });
}

/** A file name without diacritics or path characters: "bien-nhan-xac-thuc-CDCNHN-000041". */
export function receiptFilename(receipt: VerificationReceipt, extension: "pdf" | "json"): string {
  const serial = (receipt.serial ?? "").replace(/[^A-Za-z0-9-]/g, "");
  return `bien-nhan-xac-thuc${serial ? `-${serial}` : ""}.${extension}`;
}

const PAGE_WIDTH = 595.28;
const MARGIN = 56;
const WIDTH = PAGE_WIDTH - 2 * MARGIN;
const COLOURS = { ink: "#111111", muted: "#555555", rule: "#8a8f98", ok: "#0b6b35", bad: "#a4001d", warn: "#7a5800" };

export async function renderReceiptPdf(receipt: VerificationReceipt, at: Date): Promise<Buffer> {
  const pdf = new PDFDocument({
    size: "A4",
    margin: MARGIN,
    lang: "vi-VN",
    displayTitle: true,
    info: {
      Title: `Biên nhận xác thực văn bằng${receipt.serial ? ` ${receipt.serial}` : ""}`,
      Subject: "Biên nhận xác thực văn bằng",
      Creator: "Cổng Văn bằng số GDNN",
      Producer: "Cổng Văn bằng số GDNN (PDFKit)",
      CreationDate: at,
    },
  });
  registerPdfFonts(pdf, ["sans", "sansBold"]);
  const tone =
    receipt.verdict === "valid"
      ? COLOURS.ok
      : ["suspended", "superseded", "status_unknown"].includes(receipt.verdict)
        ? COLOURS.warn
        : COLOURS.bad;
  return pdfToBuffer(pdf, () => {
    const text = (
      value: string,
      options: { font?: "sans" | "sansBold"; size?: number; colour?: string; gap?: number } = {},
    ) => {
      pdf
        .font(options.font ?? "sans")
        .fontSize(options.size ?? 10.5)
        .fillColor(options.colour ?? COLOURS.ink)
        .text(value.normalize("NFC"), { ...TEXT_OPTIONS, width: WIDTH });
      if (options.gap) pdf.moveDown(options.gap);
    };
    const row = (label: string, value: string | null) => {
      if (!value) return;
      text(label, { size: 9, colour: COLOURS.muted });
      text(value, { font: "sansBold", gap: 0.35 });
    };

    text("CỔNG VĂN BẰNG SỐ GIÁO DỤC NGHỀ NGHIỆP", { font: "sansBold", size: 9, colour: COLOURS.muted });
    text("BIÊN NHẬN XÁC THỰC VĂN BẰNG", { font: "sansBold", size: 16 });
    text("Verification receipt", { size: 10, colour: COLOURS.muted, gap: 0.8 });

    text("Kết luận / Verdict", { size: 9, colour: COLOURS.muted });
    text(receipt.verdictText.vi, { font: "sansBold", size: 14, colour: tone });
    text(receipt.verdictText.en, { size: 10, colour: tone, gap: 0.6 });

    row(
      "Thời điểm kiểm tra (giờ Việt Nam) / Verified at (Vietnam time)",
      `${formatDateTimeVi(at)} (${receipt.verifiedAt})`,
    );
    row("Số hiệu / Serial number", receipt.serial);
    row("Họ và tên / Holder", receipt.holderName);
    row("Ngành, nghề / Programme", receipt.programme);
    row("Ngày cấp / Issue date", receipt.issueDate ? formatDateVi(receipt.issueDate) : null);
    if (receipt.issuer) {
      const issuer = receipt.issuer;
      row(
        "Đơn vị cấp / Issuer",
        `${issuer.name ?? issuer.code} (${issuer.code})${issuer.did ? ` — ${issuer.did}` : ""}`,
      );
    }

    pdf.moveDown(0.4);
    text("Các bước máy chủ đã kiểm tra / Checks made by the server", { font: "sansBold", size: 11, gap: 0.3 });
    for (const check of receipt.checks) {
      const outcome = OUTCOME_TEXT[check.outcome];
      const colour = check.outcome === "passed" ? COLOURS.ok : check.outcome === "failed" ? COLOURS.bad : COLOURS.muted;
      text(`${check.vi}: ${outcome.vi}`, { font: "sansBold", size: 10, colour });
      text(`${check.en}: ${outcome.en}`, { size: 9, colour: COLOURS.muted, gap: 0.25 });
    }
    if (receipt.reasons.length > 0) {
      pdf.moveDown(0.3);
      text("Chi tiết / Details", { font: "sansBold", size: 11, gap: 0.2 });
      for (const reason of receipt.reasons) {
        text(`• ${reason.vi}`, { size: 10 });
        text(`  ${reason.en}`, { size: 9, colour: COLOURS.muted, gap: 0.2 });
      }
    }

    pdf.moveDown(0.6);
    pdf
      .moveTo(MARGIN, pdf.y)
      .lineTo(PAGE_WIDTH - MARGIN, pdf.y)
      .lineWidth(0.5)
      .stroke(COLOURS.rule);
    pdf.moveDown(0.5);
    text(receipt.statement.vi, { size: 9 });
    text(receipt.statement.en, { size: 8.5, colour: COLOURS.muted, gap: 0.4 });
    text(`Kiểm tra lại / Check again: ${receipt.verifyUrl}`, { size: 8, colour: COLOURS.muted });
  });
}
