/**
 * The signed statistics report as a PDF: A4 landscape, Noto Sans (app/modules/documents' fonts and output helpers),
 * the signer, the period and filters, the QR code of the signed JSON document (/documents/{id}) with its address,
 * then the report's table (case-stats/report-table.ts: the same rows as the CSV and XLSX). A row is never split; the
 * header row repeats on each page; "Trang x/y" at the foot. Deterministic: the creation date is `signedAt`.
 */
import PDFDocument from "pdfkit";
import QRCode from "qrcode";
import type { Translate } from "~/lib/i18n";
import { formatDateTimeVi, formatDateVi } from "~/modules/documents/format";
import { registerPdfFonts, TEXT_OPTIONS } from "~/modules/documents/pdf-fonts.server";
import { pdfToBuffer } from "~/modules/documents/pdf-output.server";
import type { TableCell } from "./report-table";

export interface CaseStatsPdfInput {
  signerName: string;
  period: { from: string; to: string };
  /** The filters in words ("Loại hồ sơ: Hỏi đáp chính sách"), empty when none. */
  filters: string[];
  /** The report's rows, header first (caseStatsTable). */
  table: TableCell[][];
  /** The signed document's public address: the QR code's text. */
  documentUrl: string;
  signedAt: Date;
}

const PAGE = { width: 841.89, height: 595.28 };
const MARGIN_X = 24;
const TOP = 24;
const QR_SIZE = 92;
const FOOTER_Y = PAGE.height - 24;
const TABLE_BOTTOM = FOOTER_Y - 8;
const FONT_SIZE = 7;
const CELL_PAD = 2.5;
const COLOURS = { ink: "#111111", muted: "#555555", rule: "#8a8f98", headerFill: "#e4e9f0", zebra: "#f5f7fa" };
/** The first two columns (group, item) are wide; the figures share what is left. */
const LEAD_WIDTHS = [62, 150];

function columnWidths(count: number): number[] {
  const rest = PAGE.width - 2 * MARGIN_X - LEAD_WIDTHS[0]! - LEAD_WIDTHS[1]!;
  return [...LEAD_WIDTHS, ...Array.from({ length: count - 2 }, () => rest / (count - 2))];
}

const cellText = (cell: TableCell) => (cell === null ? "—" : typeof cell === "number" ? String(cell) : cell);

export async function renderCaseStatsPdf(input: CaseStatsPdfInput, t: Translate): Promise<Buffer> {
  const qrPng = await QRCode.toBuffer(input.documentUrl, { errorCorrectionLevel: "M", margin: 4, scale: 4 });
  const pdf = new PDFDocument({
    size: "A4",
    layout: "landscape",
    margin: 0,
    bufferPages: true,
    lang: "vi-VN",
    displayTitle: true,
    info: {
      Title: `${t("case-stats.pdf.title")} – ${input.signerName}`,
      Author: input.signerName,
      Subject: t("case-stats.title"),
      Creator: "Cổng Văn bằng số GDNN",
      Producer: "Cổng Văn bằng số GDNN (PDFKit)",
      CreationDate: input.signedAt,
    },
  });
  registerPdfFonts(pdf, ["sans", "sansBold"]);
  const [header, ...rows] = input.table.map((r) => r.map(cellText).map((s) => s.normalize("NFC")));
  const widths = columnWidths(header!.length);
  return pdfToBuffer(pdf, () => {
    const textWidth = PAGE.width - 2 * MARGIN_X - QR_SIZE - 16;
    pdf.font("sansBold").fontSize(10).fillColor(COLOURS.ink);
    pdf.text(input.signerName.toLocaleUpperCase("vi"), MARGIN_X, TOP, { ...TEXT_OPTIONS, width: textWidth });
    pdf
      .moveDown(0.4)
      .fontSize(15)
      .text(t("case-stats.pdf.title"), { ...TEXT_OPTIONS, width: textWidth });
    pdf
      .moveDown(0.3)
      .font("sans")
      .fontSize(9.5)
      .text(t("case-stats.period", { from: formatDateVi(input.period.from), to: formatDateVi(input.period.to) }), {
        ...TEXT_OPTIONS,
        width: textWidth,
      });
    if (input.filters.length > 0)
      pdf.text(t("case-stats.pdf.filters", { filters: input.filters.join("; ") }), {
        ...TEXT_OPTIONS,
        width: textWidth,
      });
    pdf
      .fillColor(COLOURS.muted)
      .fontSize(8.5)
      .text(t("case-stats.pdf.signed", { signer: input.signerName, time: formatDateTimeVi(input.signedAt) }), {
        ...TEXT_OPTIONS,
        width: textWidth,
      })
      .text(t("case-stats.pdf.check"), { ...TEXT_OPTIONS, width: textWidth })
      .fillColor(COLOURS.ink)
      .text(input.documentUrl, { ...TEXT_OPTIONS, width: textWidth, link: input.documentUrl, underline: true });
    pdf.image(qrPng, PAGE.width - MARGIN_X - QR_SIZE, TOP, { width: QR_SIZE, height: QR_SIZE });

    let y = Math.max(pdf.y, TOP + QR_SIZE) + 12;
    y = drawRow(pdf, header!, widths, y, { bold: true, fill: COLOURS.headerFill });
    rows.forEach((cells, index) => {
      const height = rowHeight(pdf, cells, widths, false);
      if (y + height > TABLE_BOTTOM) {
        pdf.addPage();
        y = drawRow(pdf, header!, widths, TOP, { bold: true, fill: COLOURS.headerFill });
      }
      y = drawRow(pdf, cells, widths, y, { bold: index === 0, fill: index % 2 === 1 ? COLOURS.zebra : null });
    });

    const { start, count } = pdf.bufferedPageRange();
    for (let i = start; i < start + count; i++) {
      pdf.switchToPage(i);
      pdf
        .font("sans")
        .fontSize(8)
        .fillColor(COLOURS.muted)
        .text(t("case-stats.pdf.page", { page: i - start + 1, pages: count }), MARGIN_X, FOOTER_Y, {
          ...TEXT_OPTIONS,
          width: PAGE.width - 2 * MARGIN_X,
          align: "center",
          lineBreak: false,
        });
    }
  });
}

function rowHeight(pdf: PDFKit.PDFDocument, cells: string[], widths: number[], bold: boolean): number {
  pdf.font(bold ? "sansBold" : "sans").fontSize(FONT_SIZE);
  const heights = cells.map((text, i) =>
    pdf.heightOfString(text, { ...TEXT_OPTIONS, width: widths[i]! - 2 * CELL_PAD }),
  );
  return Math.max(...heights) + 2 * CELL_PAD;
}

function drawRow(
  pdf: PDFKit.PDFDocument,
  cells: string[],
  widths: number[],
  y: number,
  style: { bold: boolean; fill: string | null },
): number {
  const height = rowHeight(pdf, cells, widths, style.bold);
  let x = MARGIN_X;
  pdf.lineWidth(0.4);
  cells.forEach((text, i) => {
    const width = widths[i]!;
    if (style.fill) pdf.rect(x, y, width, height).fillAndStroke(style.fill, COLOURS.rule);
    else pdf.rect(x, y, width, height).stroke(COLOURS.rule);
    pdf
      .font(style.bold ? "sansBold" : "sans")
      .fontSize(FONT_SIZE)
      .fillColor(COLOURS.ink)
      .text(text, x + CELL_PAD, y + CELL_PAD, {
        ...TEXT_OPTIONS,
        width: width - 2 * CELL_PAD,
        align: i < 2 ? "left" : "right",
      });
    x += width;
  });
  return y + height;
}
