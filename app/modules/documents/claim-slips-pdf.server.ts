/**
 * The claim slips of a signed batch as one PDF, one A4 page per graduate, in the register's order: who, which
 * diploma, the claim code and how to use it. What the single printable slip (school.$code.diplomas.$diplomaId.claim-slip)
 * shows, for the whole class at once. Noto Sans; Vietnamese text only (the slip is handed to the graduate).
 */
import PDFDocument from "pdfkit";
import { formatDateVi } from "./format";
import { registerPdfFonts, TEXT_OPTIONS } from "./pdf-fonts.server";
import { pdfToBuffer } from "./pdf-output.server";

export interface ClaimSlip {
  fullName: string;
  dateOfBirth: string;
  programmeCode: string;
  programmeName: string;
  serial: string;
  registerNumber: string;
  issueDate: string | null;
  claimCode: string;
}

export interface ClaimSlipsPdfOptions {
  schoolName: string;
  batchTitle: string;
  signUpUrl: string;
  claimUrl: string;
  generatedAt: Date;
}

const MARGIN = 56;
const WIDTH = 595.28 - 2 * MARGIN;

export async function renderClaimSlipsPdf(slips: readonly ClaimSlip[], options: ClaimSlipsPdfOptions): Promise<Buffer> {
  const pdf = new PDFDocument({
    size: "A4",
    margin: MARGIN,
    autoFirstPage: false,
    lang: "vi-VN",
    displayTitle: true,
    info: {
      Title: `Phiếu nhận văn bằng số – ${options.batchTitle}`,
      Author: options.schoolName,
      Subject: "Phiếu nhận văn bằng số",
      Creator: "Cổng Văn bằng số GDNN",
      Producer: "Cổng Văn bằng số GDNN (PDFKit)",
      CreationDate: options.generatedAt,
    },
  });
  registerPdfFonts(pdf, ["sans", "sansBold"]);
  const text = (value: string, opts: PDFKit.Mixins.TextOptions = {}) =>
    pdf.text(value, { ...TEXT_OPTIONS, width: WIDTH, ...opts });
  return pdfToBuffer(pdf, () => {
    for (const slip of slips) {
      pdf.addPage();
      pdf.fillColor("#111111");
      pdf.font("sansBold").fontSize(12);
      text(options.schoolName.toLocaleUpperCase("vi"), { align: "center" });
      pdf.moveDown(1.2);
      pdf.fontSize(18);
      text("PHIẾU NHẬN VĂN BẰNG SỐ", { align: "center" });
      pdf.moveDown(1.5);
      const rows: [string, string][] = [
        ["Họ và tên", slip.fullName],
        ["Ngày sinh", formatDateVi(slip.dateOfBirth)],
        ["Ngành, nghề", `${slip.programmeCode} — ${slip.programmeName}`],
        ["Số hiệu", slip.serial],
        ["Số vào sổ", slip.registerNumber],
        ...(slip.issueDate ? ([["Ngày cấp", formatDateVi(slip.issueDate)]] as [string, string][]) : []),
      ];
      for (const [label, value] of rows) {
        const y = pdf.y;
        pdf.font("sans").fontSize(11).fillColor("#555555");
        pdf.text(label, MARGIN, y, { ...TEXT_OPTIONS, width: 130 });
        pdf.font("sansBold").fillColor("#111111");
        pdf.text(value, MARGIN + 140, y, { ...TEXT_OPTIONS, width: WIDTH - 140 });
        pdf.moveDown(0.5);
        pdf.x = MARGIN;
      }
      pdf.moveDown(1.5);
      pdf.font("sans").fontSize(11).fillColor("#555555");
      text("Mã nhận văn bằng", { align: "center" });
      pdf.font("sansBold").fontSize(30).fillColor("#111111");
      text(slip.claimCode, { align: "center", characterSpacing: 2 });
      pdf.moveDown(1.5);
      pdf.font("sansBold").fontSize(12);
      text("Cách nhận văn bằng vào tài khoản");
      pdf.moveDown(0.4);
      pdf.font("sans").fontSize(11);
      text(`1. Đăng ký tài khoản người học tại ${options.signUpUrl} (hoặc đăng nhập nếu đã có).`);
      pdf.moveDown(0.3);
      text(
        `2. Mở ${options.claimUrl}, nhập mã nhận văn bằng ở trên, số định danh cá nhân (12 chữ số trên thẻ căn cước) và ngày sinh.`,
      );
      pdf.moveDown(0.3);
      text("3. Sau đó bạn xem, tải về và chia sẻ văn bằng từ tài khoản của mình.");
      pdf.moveDown(1);
      pdf.fillColor("#555555").fontSize(10);
      text("Giữ kín mã này. Cùng với số định danh và ngày sinh, mã cho phép nhận văn bằng vào một tài khoản.");
    }
  });
}
