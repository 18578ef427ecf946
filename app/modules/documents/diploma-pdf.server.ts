/**
 * The diploma as a PDF: A4 landscape, bilingual like the official template of TT 10/2017 — the English text on
 * the left half, the Vietnamese on the right, each half complete (heading, school, title, fields, place and date,
 * signer, numbers). Noto Serif throughout. The verification QR code sits in the bottom-left corner of the English
 * half with its caption and URL; a diploma that is not valid carries a red status line and a diagonal watermark.
 *
 * Deterministic: the same view model and QR image give the same bytes (the creation date comes from the
 * document's date, pdfkit's file ID is derived from the document information).
 */
import PDFDocument from "pdfkit";
import { diplomaLines, type DiplomaDocument } from "./diploma-view";
import type { LabelPair } from "./labels";
import { registerPdfFonts, TEXT_OPTIONS } from "./pdf-fonts.server";
import { pdfToBuffer } from "./pdf-output.server";

const PAGE = { width: 841.89, height: 595.28 }; // A4 landscape, points
const COLOURS = {
  paper: "#fdfaf2",
  frame: "#9a7b3a",
  frameLight: "#d9c48f",
  ink: "#1b1b1b",
  soft: "#444444",
  title: "#a3171c",
  status: "#b3261e",
};
const FRAME_OUTER = 16;
const FRAME_INNER = 26;
const HALF_PADDING = 30;
const QR_SIZE = 78;

type Lang = keyof LabelPair;

export async function renderDiplomaPdf(document: DiplomaDocument, qrPng: Buffer): Promise<Buffer> {
  const pdf = new PDFDocument({
    size: "A4",
    layout: "landscape",
    margin: 0,
    autoFirstPage: true,
    lang: "vi-VN",
    displayTitle: true,
    info: {
      Title: document.metadata.title,
      Author: document.metadata.author,
      Subject: document.metadata.subject,
      Keywords: document.metadata.keywords,
      Creator: "Cổng Văn bằng số GDNN",
      Producer: "Cổng Văn bằng số GDNN (PDFKit)",
      CreationDate: new Date(document.metadata.creationDate),
    },
  });
  registerPdfFonts(pdf, ["serif", "serifBold", "serifItalic", "sans"]);
  return pdfToBuffer(pdf, () => {
    drawFrame(pdf);
    if (document.watermark) drawWatermark(pdf, document.watermark);
    const half = (PAGE.width - 2 * FRAME_INNER) / 2;
    const left = { x: FRAME_INNER + HALF_PADDING, width: half - 2 * HALF_PADDING };
    const right = { x: FRAME_INNER + half + HALF_PADDING, width: half - 2 * HALF_PADDING };
    drawHalf(pdf, document, "en", left);
    drawHalf(pdf, document, "vi", right);
    drawVerification(pdf, document, qrPng, left, PAGE.height - FRAME_INNER - 16 - QR_SIZE);
    if (document.statusLine) drawStatus(pdf, document);
  });
}

function drawFrame(pdf: PDFKit.PDFDocument): void {
  const { width: w, height: h } = PAGE;
  pdf.rect(0, 0, w, h).fill(COLOURS.paper);
  pdf
    .lineWidth(2.6)
    .rect(FRAME_OUTER, FRAME_OUTER, w - 2 * FRAME_OUTER, h - 2 * FRAME_OUTER)
    .stroke(COLOURS.frame);
  pdf
    .lineWidth(0.8)
    .rect(FRAME_INNER, FRAME_INNER, w - 2 * FRAME_INNER, h - 2 * FRAME_INNER)
    .stroke(COLOURS.frame);
  // A band of small lozenges between the two rules.
  const band = (FRAME_OUTER + FRAME_INNER) / 2;
  const step = 11;
  const r = 2.2;
  const lozenge = (x: number, y: number) =>
    pdf.polygon([x, y - r], [x + r, y], [x, y + r], [x - r, y]).fill(COLOURS.frameLight);
  for (let x = FRAME_INNER + step; x < w - FRAME_INNER - step / 2; x += step) {
    lozenge(x, band);
    lozenge(x, h - band);
  }
  for (let y = FRAME_INNER + step; y < h - FRAME_INNER - step / 2; y += step) {
    lozenge(band, y);
    lozenge(w - band, y);
  }
  for (const [x, y] of [
    [band, band],
    [w - band, band],
    [band, h - band],
    [w - band, h - band],
  ] as const) {
    pdf.polygon([x, y - 7], [x + 7, y], [x, y + 7], [x - 7, y]).fill(COLOURS.frame);
    pdf.circle(x, y, 2.2).fill(COLOURS.paper);
  }
  // The fold between the English and the Vietnamese halves.
  const mid = w / 2;
  pdf
    .lineWidth(0.6)
    .moveTo(mid, FRAME_INNER + 40)
    .lineTo(mid, h / 2 - 10)
    .stroke(COLOURS.frameLight);
  pdf
    .moveTo(mid, h / 2 + 10)
    .lineTo(mid, h - FRAME_INNER - 40)
    .stroke(COLOURS.frameLight);
  pdf.polygon([mid, h / 2 - 6], [mid + 6, h / 2], [mid, h / 2 + 6], [mid - 6, h / 2]).fill(COLOURS.frame);
}

interface Column {
  x: number;
  width: number;
}

function drawHalf(pdf: PDFKit.PDFDocument, doc: DiplomaDocument, lang: Lang, col: Column): void {
  const centred = (text: string, font: string, size: number, y: number, colour = COLOURS.ink) => {
    pdf
      .font(font)
      .fontSize(size)
      .fillColor(colour)
      .text(text, col.x, y, { ...TEXT_OPTIONS, width: col.width, align: "center" });
    return pdf.y;
  };

  let y = FRAME_INNER + 22;
  y = centred(doc.nation[lang], "serifBold", 11.5, y);
  y = centred(doc.motto[lang], "serifBold", 11, y + 1);
  const mottoWidth = pdf.font("serifBold").fontSize(11).widthOfString(doc.motto[lang], TEXT_OPTIONS);
  const cx = col.x + col.width / 2;
  pdf
    .lineWidth(0.7)
    .moveTo(cx - mottoWidth / 2, y + 2)
    .lineTo(cx + mottoWidth / 2, y + 2)
    .stroke(COLOURS.ink);

  y = centred(doc.headTitle[lang], "serifBold", 12.5, y + 20);
  for (const line of balancedLines(pdf, doc.schoolName[lang].toLocaleUpperCase(lang), "serifBold", 12.5, col.width)) {
    y = centred(line, "serifBold", 12.5, y + 1);
  }
  y = centred(doc.confers[lang], "serifItalic", 11.5, y + 6);
  y = fittedTitle(pdf, doc.title[lang], col, y + 8);

  y += 18;
  const indent = col.x + 14;
  const lineWidth = col.width - 14;
  for (const line of diplomaLines(doc)) {
    // Label and value are drawn apart so a long value wraps under itself and a larger value shares the baseline.
    const size = line.emphasis ? 15 : 12;
    const label = `${line.label[lang]}: `;
    const labelWidth = pdf.font("serif").fontSize(12).widthOfString(label, TEXT_OPTIONS);
    const baselineShift = ascent(pdf, "serif") * (size - 12);
    pdf.fillColor(COLOURS.soft).text(label, indent, y + baselineShift, { ...TEXT_OPTIONS, lineBreak: false });
    pdf
      .font("serifBold")
      .fontSize(size)
      .fillColor(COLOURS.ink)
      .text(line.value[lang], indent + labelWidth, y, { ...TEXT_OPTIONS, width: lineWidth - labelWidth });
    y = pdf.y + 5;
  }

  // Place and date, then the signer, in the right-hand part of the half. The Vietnamese half keeps the room for
  // the signature and seal; the English half names the signer without it and leaves its corner to the QR code.
  const sign = { x: col.x + col.width * 0.4, width: col.width * 0.6 };
  const signCentred = (text: string, font: string, size: number, at: number) => {
    pdf
      .font(font)
      .fontSize(size)
      .fillColor(COLOURS.ink)
      .text(text, sign.x, at, { ...TEXT_OPTIONS, width: sign.width, align: "center" });
    return pdf.y;
  };
  let s = Math.max(y + 10, 372);
  s = signCentred(doc.placeAndDate[lang], "serifItalic", 11, s);
  s = signCentred(doc.signer.title[lang].toLocaleUpperCase(lang), "serifBold", 11.5, s + 3);
  if (lang === "vi") {
    if (doc.signer.signatureNote) signCentred(doc.signer.signatureNote.vi, "serifItalic", 9.5, s + 2);
    if (doc.signer.name) signCentred(doc.signer.name, "serifBold", 12.5, 474);
  } else if (doc.signer.name) {
    signCentred(doc.signer.name, "serifBold", 12, s + 4);
  }

  // Numbers: bottom left of the Vietnamese half; above the QR code on the English half.
  const numbersY = lang === "vi" ? 506 : 404;
  const numbersWidth = lang === "vi" ? col.width : col.width * 0.5; // English: left of the signer's block
  const numbers: [LabelPair, string | null][] = [
    [doc.numbers.labels.serial, doc.numbers.serial],
    [doc.numbers.labels.registerNumber, doc.numbers.registerNumber],
  ];
  let n = numbersY;
  for (const [label, value] of numbers) {
    pdf
      .font("serif")
      .fontSize(10.5)
      .fillColor(COLOURS.soft)
      .text(`${label[lang]}: `, col.x, n, { ...TEXT_OPTIONS, continued: true, width: numbersWidth })
      .font("serifBold")
      .fillColor(COLOURS.ink)
      .text(value ?? "…………", TEXT_OPTIONS);
    n = pdf.y + 2;
  }
}

/**
 * A heading that does not fit on one line is split into two lines of similar width (at a space) rather than left
 * with one word dangling; a heading too long even for that is left to pdfkit's wrapping.
 */
function balancedLines(pdf: PDFKit.PDFDocument, text: string, font: string, size: number, width: number): string[] {
  pdf.font(font).fontSize(size);
  if (pdf.widthOfString(text, TEXT_OPTIONS) <= width) return [text];
  const words = text.split(" ");
  let best: { lines: string[]; widest: number } | null = null;
  for (let i = 1; i < words.length; i++) {
    const lines = [words.slice(0, i).join(" "), words.slice(i).join(" ")];
    const widest = Math.max(...lines.map((l) => pdf.widthOfString(l, TEXT_OPTIONS)));
    if (widest <= width && (!best || widest < best.widest)) best = { lines, widest };
  }
  return best?.lines ?? [text];
}

/** The font's ascent per point of size (pdfkit does not type its font object). */
function ascent(pdf: PDFKit.PDFDocument, font: string): number {
  pdf.font(font);
  const ascender = (pdf as unknown as { _font?: { ascender?: number } })._font?.ascender;
  return (ascender ?? 1069) / 1000;
}

/** The title in red capitals: one line, 21 pt down to 17 pt; a longer title on two balanced lines at 19 pt. */
function fittedTitle(pdf: PDFKit.PDFDocument, title: string, col: Column, y: number): number {
  pdf.font("serifBold").fillColor(COLOURS.title);
  let size = 21;
  while (size > 17 && pdf.fontSize(size).widthOfString(title, TEXT_OPTIONS) > col.width) size -= 0.5;
  const lines =
    pdf.fontSize(size).widthOfString(title, TEXT_OPTIONS) <= col.width
      ? [title]
      : balancedLines(pdf, title, "serifBold", (size = 19), col.width);
  for (const line of lines) {
    pdf
      .font("serifBold")
      .fontSize(size)
      .fillColor(COLOURS.title)
      .text(line, col.x, y, { ...TEXT_OPTIONS, width: col.width, align: "center" });
    y = pdf.y;
  }
  return y;
}

/** The QR code in the bottom-left corner, its caption and the URL beside it (one line for a URL of ~75 characters). */
function drawVerification(pdf: PDFKit.PDFDocument, doc: DiplomaDocument, qrPng: Buffer, col: Column, y: number): void {
  const x = col.x;
  pdf.rect(x - 2, y - 2, QR_SIZE + 4, QR_SIZE + 4).fill("#ffffff");
  pdf.image(qrPng, x, y, { width: QR_SIZE, height: QR_SIZE });
  const textX = x + QR_SIZE + 8;
  const width = col.x + col.width - textX;
  pdf
    .font("serifBold")
    .fontSize(9)
    .fillColor(COLOURS.ink)
    .text(doc.verification.caption.en, textX, y + 18, { ...TEXT_OPTIONS, width });
  pdf
    .font("serifItalic")
    .fontSize(9)
    .text(doc.verification.caption.vi, { ...TEXT_OPTIONS, width });
  // At most three lines, so that an unexpectedly long URL cannot run off the page.
  pdf
    .font("sans")
    .fontSize(6.5)
    .fillColor(COLOURS.soft)
    .text(doc.verification.url, textX, pdf.y + 4, { ...TEXT_OPTIONS, width, height: 27, ellipsis: true });
}

/** The status in large, faint letters across the page, under the text: Vietnamese above, English below. */
function drawWatermark(pdf: PDFKit.PDFDocument, watermark: LabelPair): void {
  pdf.save();
  pdf.rotate(-24, { origin: [PAGE.width / 2, PAGE.height / 2] });
  pdf.fillOpacity(0.09).fillColor(COLOURS.status).font("serifBold");
  const lines = [watermark.vi, watermark.en];
  lines.forEach((text, i) => {
    let size = 88;
    while (size > 30 && pdf.fontSize(size).widthOfString(text, TEXT_OPTIONS) > 600) size -= 2;
    const y = PAGE.height / 2 + (i === 0 ? -size * 1.15 : size * 0.05);
    pdf.fontSize(size).text(text, 0, y, { ...TEXT_OPTIONS, width: PAGE.width, align: "center", lineBreak: false });
  });
  pdf.restore();
}

/** A red boxed line at the foot of the page, clear of the QR code: what is wrong with this diploma, in both languages. */
function drawStatus(pdf: PDFKit.PDFDocument, doc: DiplomaDocument): void {
  const line = doc.statusLine!;
  const text = `${line.vi}  ·  ${line.en}`;
  const qrRight = FRAME_INNER + HALF_PADDING + QR_SIZE + 12;
  const maxWidth = PAGE.width - 2 * qrRight;
  let size = 10;
  pdf.font("serifBold");
  while (size > 7 && pdf.fontSize(size).widthOfString(text, TEXT_OPTIONS) + 24 > maxWidth) size -= 0.5;
  const width = Math.min(pdf.widthOfString(text, TEXT_OPTIONS) + 24, maxWidth);
  const x = (PAGE.width - width) / 2;
  const y = PAGE.height - FRAME_INNER - 26;
  pdf.rect(x, y, width, 19).fill("#ffffff");
  pdf.lineWidth(1).rect(x, y, width, 19).stroke(COLOURS.status);
  pdf
    .fillColor(COLOURS.status)
    .text(text, x, y + 9.5 - size * 0.68, { ...TEXT_OPTIONS, width, align: "center", lineBreak: false });
}
