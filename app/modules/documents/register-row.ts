/**
 * One line of the original register (sổ gốc cấp văn bằng) and its columns, shared by the CSV and the PDF exports.
 * Pure. The columns follow shared/domain/README.md (*unverified in detail*): no., full name, date of birth, place of
 * birth, gender, ethnicity, programme, classification, mode of study, số hiệu, số vào sổ, date of issue, recipient's
 * signature, remarks. The signature column exists on paper only: the PDF leaves it blank, the CSV leaves it out.
 */
import type { Classification, Diploma, DiplomaStatus, Gender, ModeOfStudy } from "../../../db/schema/diplomas";
import { vietnamDate } from "~/lib/format-time";
import { formatDateVi, formatRegisterNumber, toDate } from "./format";
import { CLASSIFICATION_LABELS, GENDER_LABELS, MODE_OF_STUDY_LABELS } from "./labels";

export interface RegisterRow {
  /** Số thứ tự: the line's number in the export. */
  no: number;
  fullName: string;
  /** YYYY-MM-DD. */
  dateOfBirth: string;
  placeOfBirth: string;
  gender: Gender;
  ethnicity: string;
  programmeName: string;
  classification: Classification;
  modeOfStudy: ModeOfStudy;
  /** Số hiệu. */
  serial: string;
  /** Số vào sổ, "123/2026". */
  registerNumber: string;
  /** YYYY-MM-DD. */
  issueDate: string | null;
  /** Revocation, suspension and correction notes (Vietnamese); empty when none. */
  remarks: string;
}

export type RegisterColumnKey = keyof RegisterRow | "signature";

export interface RegisterColumn {
  key: RegisterColumnKey;
  /** Header as printed (Vietnamese, the register's language). */
  header: string;
  /** Width in the PDF, in points (the widths add up to the printable width of A4 landscape). */
  pdfWidth: number;
  /** Only on paper: the CSV leaves the column out. */
  paperOnly?: true;
  align?: "left" | "center";
  value: (row: RegisterRow) => string;
}

export const REGISTER_COLUMNS: readonly RegisterColumn[] = [
  { key: "no", header: "STT", pdfWidth: 26, align: "center", value: (r) => String(r.no) },
  { key: "fullName", header: "Họ và tên", pdfWidth: 98, value: (r) => r.fullName },
  { key: "dateOfBirth", header: "Ngày sinh", pdfWidth: 52, align: "center", value: (r) => formatDateVi(r.dateOfBirth) },
  { key: "placeOfBirth", header: "Nơi sinh", pdfWidth: 62, value: (r) => r.placeOfBirth },
  { key: "gender", header: "Giới tính", pdfWidth: 34, align: "center", value: (r) => GENDER_LABELS[r.gender].vi },
  { key: "ethnicity", header: "Dân tộc", pdfWidth: 40, value: (r) => r.ethnicity },
  { key: "programmeName", header: "Ngành, nghề đào tạo", pdfWidth: 94, value: (r) => r.programmeName },
  {
    key: "classification",
    header: "Xếp loại tốt nghiệp",
    pdfWidth: 50,
    value: (r) => CLASSIFICATION_LABELS[r.classification].vi,
  },
  {
    key: "modeOfStudy",
    header: "Hình thức đào tạo",
    pdfWidth: 52,
    value: (r) => MODE_OF_STUDY_LABELS[r.modeOfStudy].vi,
  },
  { key: "serial", header: "Số hiệu văn bằng", pdfWidth: 60, value: (r) => r.serial },
  {
    key: "registerNumber",
    header: "Số vào sổ cấp văn bằng",
    pdfWidth: 48,
    align: "center",
    value: (r) => r.registerNumber,
  },
  {
    key: "issueDate",
    header: "Ngày cấp",
    pdfWidth: 52,
    align: "center",
    value: (r) => (r.issueDate ? formatDateVi(r.issueDate) : ""),
  },
  { key: "signature", header: "Người nhận ký, ghi rõ họ tên", pdfWidth: 60, paperOnly: true, value: () => "" },
  { key: "remarks", header: "Ghi chú", pdfWidth: 73, value: (r) => r.remarks },
];

export type DiplomaForRegister = Pick<
  Diploma,
  | "fullName"
  | "dateOfBirth"
  | "placeOfBirth"
  | "gender"
  | "ethnicity"
  | "programmeName"
  | "classification"
  | "modeOfStudy"
  | "serial"
  | "registerNumber"
  | "registerYear"
  | "issueDate"
>;

/** A signed diploma as a register line. A diploma without numbers is a draft, which has no place in the register. */
export function registerRowFromDiploma(
  diploma: DiplomaForRegister,
  options: { no: number; remarks?: string },
): RegisterRow {
  const registerNumber = formatRegisterNumber(diploma.registerNumber, diploma.registerYear);
  if (!diploma.serial || !registerNumber)
    throw new Error("A draft diploma (no serial or register number) is not in the register");
  return {
    no: options.no,
    fullName: diploma.fullName,
    dateOfBirth: diploma.dateOfBirth,
    placeOfBirth: diploma.placeOfBirth,
    gender: diploma.gender,
    ethnicity: diploma.ethnicity,
    programmeName: diploma.programmeName,
    classification: diploma.classification,
    modeOfStudy: diploma.modeOfStudy,
    serial: diploma.serial,
    registerNumber,
    issueDate: diploma.issueDate,
    remarks: options.remarks ?? "",
  };
}

export interface RegisterRemarksInput {
  status: DiplomaStatus;
  statusReason?: string | null;
  statusChangedAt?: Date | string | null;
  /** Serial of the diploma this one corrects or replaces. */
  supersedesSerial?: string | null;
  /** Why it was corrected or reissued (given when the correction was started). */
  replacementReason?: string | null;
  /** Serial of the diploma that corrects or replaces this one. */
  supersededBySerial?: string | null;
}

/**
 * The remarks column: what happened to the diploma since it was entered, in the register's words.
 * "Cấp thay thế văn bằng số hiệu CĐ-001; Thu hồi ngày 01/07/2026: gian lận hồ sơ".
 */
export function registerRemarks(input: RegisterRemarksInput): string {
  const notes: string[] = [];
  const on = input.statusChangedAt ? formatDateVi(vietnamDate(toDate(input.statusChangedAt))) : null;
  const reason = input.statusReason?.trim() ? `: ${input.statusReason.trim()}` : "";
  if (input.supersedesSerial) {
    const why = input.replacementReason?.trim() ? ` (lý do: ${input.replacementReason.trim()})` : "";
    notes.push(`Cấp thay thế văn bằng số hiệu ${input.supersedesSerial}${why}`);
  }
  switch (input.status) {
    case "revoked":
      notes.push(`Thu hồi${on ? ` ngày ${on}` : ""}${reason}`);
      break;
    case "suspended":
      notes.push(`Đình chỉ${on ? ` từ ngày ${on}` : ""}${reason}`);
      break;
    case "superseded":
      notes.push(
        `Được thay thế${input.supersededBySerial ? ` bởi văn bằng số hiệu ${input.supersededBySerial}` : ""}${on ? ` ngày ${on}` : ""}${reason}`,
      );
      break;
    default:
      break;
  }
  return notes.join("; ");
}
