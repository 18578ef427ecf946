/**
 * The original register (sổ gốc) as a PDF: A4 landscape, Noto Sans, one table whose header row repeats on every
 * page, the school's name, the title and the time it was generated at the top of each page, "Trang x/y" at the foot.
 * A row is never split across pages. Deterministic: the creation date is `generatedAt`.
 */
import PDFDocument from "pdfkit";
import { formatDateTimeVi } from "./format";
import { registerPdfFonts, TEXT_OPTIONS } from "./pdf-fonts.server";
import { pdfToBuffer } from "./pdf-output.server";
import { REGISTER_COLUMNS, type RegisterRow } from "./register-row";

export interface RegisterPdfSchool {
  name: string;
}

export interface RegisterPdfOptions {
  /** E.g. "SỔ GỐC CẤP VĂN BẰNG TỐT NGHIỆP – NĂM 2026". */
  title: string;
  generatedAt: Date;
}

const PAGE = { width: 841.89, height: 595.28 };
const MARGIN_X = 20;
const TOP = 22;
const TABLE_TOP = 70;
const FOOTER_Y = PAGE.height - 24;
const TABLE_BOTTOM = FOOTER_Y - 8;
const FONT_SIZE = 7.5;
const HEADER_FONT_SIZE = 7;
const CELL_PAD = 3;
/** Enough height for a recipient's signature on paper. */
const MIN_ROW_HEIGHT = 22;
const COLOURS = { ink: "#111111", muted: "#555555", rule: "#8a8f98", headerFill: "#e4e9f0", zebra: "#f5f7fa" };

export async function renderRegisterPdf(
  school: RegisterPdfSchool,
  rows: readonly RegisterRow[],
  options: RegisterPdfOptions,
): Promise<Buffer> {
  const pdf = new PDFDocument({
    size: "A4",
    layout: "landscape",
    margin: 0,
    bufferPages: true,
    lang: "vi-VN",
    displayTitle: true,
    info: {
      Title: `${options.title} – ${school.name}`,
      Author: school.name,
      Subject: "Sổ gốc cấp văn bằng",
      Creator: "Cổng Văn bằng số GDNN",
      Producer: "Cổng Văn bằng số GDNN (PDFKit)",
      CreationDate: options.generatedAt,
    },
  });
  registerPdfFonts(pdf, ["sans", "sansBold"]);
  return pdfToBuffer(pdf, () => {
    const generated = `Lập lúc ${formatDateTimeVi(options.generatedAt)}`;
    const pageTop = () => {
      drawPageHeader(pdf, school.name, options.title, generated);
      return drawTableHeader(pdf, TABLE_TOP);
    };
    let y = pageTop();
    if (rows.length === 0) {
      pdf
        .font("sans")
        .fontSize(9)
        .fillColor(COLOURS.muted)
        .text("Chưa có văn bằng nào trong sổ.", MARGIN_X, y + 10, TEXT_OPTIONS);
    }
    rows.forEach((row, index) => {
      const cells = REGISTER_COLUMNS.map((c) => c.value(row).normalize("NFC"));
      const height = rowHeight(pdf, cells);
      if (y + height > TABLE_BOTTOM) {
        pdf.addPage();
        y = pageTop();
      }
      drawRow(pdf, cells, y, height, index % 2 === 1 ? COLOURS.zebra : null);
      y += height;
    });
    const { start, count } = pdf.bufferedPageRange();
    for (let i = start; i < start + count; i++) {
      pdf.switchToPage(i);
      pdf
        .font("sans")
        .fontSize(8)
        .fillColor(COLOURS.muted)
        .text(`Trang ${i - start + 1}/${count}`, MARGIN_X, FOOTER_Y, {
          ...TEXT_OPTIONS,
          width: PAGE.width - 2 * MARGIN_X,
          align: "center",
          lineBreak: false,
        });
    }
  });
}

function drawPageHeader(pdf: PDFKit.PDFDocument, schoolName: string, title: string, generated: string): void {
  const width = PAGE.width - 2 * MARGIN_X;
  pdf
    .font("sansBold")
    .fontSize(9.5)
    .fillColor(COLOURS.ink)
    .text(schoolName.toLocaleUpperCase("vi"), MARGIN_X, TOP, {
      ...TEXT_OPTIONS,
      width: width * 0.6,
      lineBreak: false,
      ellipsis: true,
    });
  pdf
    .font("sans")
    .fontSize(8)
    .fillColor(COLOURS.muted)
    .text(generated, MARGIN_X, TOP + 1, { ...TEXT_OPTIONS, width, align: "right", lineBreak: false });
  pdf
    .font("sansBold")
    .fontSize(13)
    .fillColor(COLOURS.ink)
    .text(title, MARGIN_X, TOP + 20, { ...TEXT_OPTIONS, width, align: "center", lineBreak: false, ellipsis: true });
}

function drawTableHeader(pdf: PDFKit.PDFDocument, y: number): number {
  pdf.font("sansBold").fontSize(HEADER_FONT_SIZE);
  const height =
    Math.max(
      ...REGISTER_COLUMNS.map((c) =>
        pdf.heightOfString(c.header, { ...TEXT_OPTIONS, width: c.pdfWidth - 2 * CELL_PAD }),
      ),
    ) +
    2 * CELL_PAD;
  let x = MARGIN_X;
  for (const column of REGISTER_COLUMNS) {
    pdf.rect(x, y, column.pdfWidth, height).fillAndStroke(COLOURS.headerFill, COLOURS.rule);
    pdf.fillColor(COLOURS.ink).text(column.header, x + CELL_PAD, y + CELL_PAD, {
      ...TEXT_OPTIONS,
      width: column.pdfWidth - 2 * CELL_PAD,
      align: "center",
    });
    x += column.pdfWidth;
  }
  return y + height;
}

/** The holder's name stands out in bold; everything else is regular. */
const cellFont = (key: string) => (key === "fullName" ? "sansBold" : "sans");

function rowHeight(pdf: PDFKit.PDFDocument, cells: string[]): number {
  const heights = cells.map((text, i) => {
    const column = REGISTER_COLUMNS[i]!;
    if (!text) return 0;
    return pdf
      .font(cellFont(column.key))
      .fontSize(FONT_SIZE)
      .heightOfString(text, { ...TEXT_OPTIONS, width: column.pdfWidth - 2 * CELL_PAD });
  });
  return Math.max(MIN_ROW_HEIGHT, Math.max(...heights) + 2 * CELL_PAD);
}

function drawRow(pdf: PDFKit.PDFDocument, cells: string[], y: number, height: number, fill: string | null): void {
  let x = MARGIN_X;
  pdf.lineWidth(0.4);
  REGISTER_COLUMNS.forEach((column, i) => {
    if (fill) pdf.rect(x, y, column.pdfWidth, height).fillAndStroke(fill, COLOURS.rule);
    else pdf.rect(x, y, column.pdfWidth, height).stroke(COLOURS.rule);
    const text = cells[i]!;
    if (text) {
      pdf.font(cellFont(column.key)).fontSize(FONT_SIZE).fillColor(COLOURS.ink);
      pdf.text(text, x + CELL_PAD, y + CELL_PAD, {
        ...TEXT_OPTIONS,
        width: column.pdfWidth - 2 * CELL_PAD,
        align: column.align ?? "left",
      });
    }
    x += column.pdfWidth;
  });
}
