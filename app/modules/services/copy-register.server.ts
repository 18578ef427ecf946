/** The school's copy register (sổ cấp bản sao) for a year: the page's rows and its CSV. */
import type { Executor } from "~/lib/db.server";
import { csvCell } from "~/modules/documents/register-csv";
import { vnDayOf } from "~/modules/cases/working-days";
import { listCopyRegister, listCopyRegisterYears } from "./queries.server";

/** A year from the URL (?year=2026), else this year in Vietnam. */
export function copyRegisterYear(param: string | null, now = new Date()): number {
  const year = Number(param);
  return Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : Number(vnDayOf(now).slice(0, 4));
}

export async function loadCopyRegister(db: Executor, options: { organisationId: string; year: number }) {
  const [rows, years] = await Promise.all([
    listCopyRegister(db, options),
    listCopyRegisterYears(db, options.organisationId),
  ]);
  return {
    year: options.year,
    years: years.includes(options.year) ? years : [options.year, ...years].sort((a, b) => b - a),
    rows: rows.map((r) => ({ ...r, issuedAt: r.issuedAt.toISOString() })),
  };
}

const HEADER = [
  "Số vào sổ",
  "Năm",
  "Ngày cấp",
  "Số hiệu văn bằng",
  "Người được cấp văn bằng",
  "Số bản",
  "Hình thức",
  "Người nhận",
  "Địa chỉ nhận",
  "Mã bưu gửi",
  "Mã văn bản điện tử",
  "Người cấp",
];

/** The year's register as CSV (UTF-8 with a BOM, so that spreadsheet programs read Vietnamese). */
export async function copyRegisterCsv(db: Executor, options: { organisationId: string; year: number }) {
  const rows = await listCopyRegister(db, options);
  const lines = [HEADER.map(csvCell).join(",")];
  for (const r of rows)
    lines.push(
      [
        String(r.entryNumber),
        String(r.year),
        vnDayOf(r.issuedAt),
        r.serial ?? "",
        r.holderName,
        String(r.copies),
        r.delivery === "post" ? "Bưu điện" : "Điện tử",
        r.recipientName,
        r.postalAddress ?? "",
        r.trackingNumber ?? "",
        r.documentId ?? "",
        r.issuedByName ?? "",
      ]
        .map(csvCell)
        .join(","),
    );
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
