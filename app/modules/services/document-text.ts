/**
 * What an organisation's signed document says, as lines to print (its public page, its PDF): the subject's fields
 * with their labels in Vietnamese and English, nested objects flattened in order. Pure; no personal data is added,
 * only what the signed credential holds.
 */

export interface DocumentLine {
  /** The field's key (for tests and stable keys in lists). */
  key: string;
  vi: string;
  en: string;
  value: string;
}

const LABELS: Record<string, { vi: string; en: string }> = {
  kind: { vi: "Loại văn bản", en: "Kind of document" },
  caseCode: { vi: "Mã hồ sơ", en: "Case code" },
  copyOf: { vi: "Bản sao của văn bằng số", en: "Copy of the diploma credential" },
  copyNumber: { vi: "Số vào sổ cấp bản sao", en: "Copy register number" },
  copyRegisterYear: { vi: "Năm của sổ cấp bản sao", en: "Copy register year" },
  copies: { vi: "Số bản", en: "Copies" },
  isCopy: { vi: "Bản sao từ sổ gốc", en: "Certified copy from the original register" },
  serial: { vi: "Số hiệu văn bằng", en: "Diploma serial number" },
  registerNumber: { vi: "Số vào sổ gốc", en: "Original register number" },
  registerYear: { vi: "Năm vào sổ gốc", en: "Original register year" },
  holderName: { vi: "Họ và tên người được cấp", en: "Holder's full name" },
  dateOfBirth: { vi: "Ngày sinh", en: "Date of birth" },
  programmeCode: { vi: "Mã ngành, nghề", en: "Programme code" },
  programmeName: { vi: "Ngành, nghề đào tạo", en: "Programme" },
  levelCode: { vi: "Trình độ", en: "Level" },
  classification: { vi: "Xếp loại tốt nghiệp", en: "Classification" },
  graduationDate: { vi: "Ngày tốt nghiệp", en: "Graduation date" },
  issueDate: { vi: "Ngày cấp văn bằng", en: "Issue date" },
  issuePlace: { vi: "Nơi cấp", en: "Place of issue" },
  signerName: { vi: "Người ký văn bằng", en: "Signed by" },
  signerTitle: { vi: "Chức vụ", en: "Title" },
  diplomaStatus: { vi: "Tình trạng văn bằng", en: "Diploma status" },
  recipient: { vi: "Kính gửi", en: "To" },
  recipientName: { vi: "Cơ quan, tổ chức nhận", en: "Receiving organisation" },
  recipientCountry: { vi: "Quốc gia", en: "Country" },
  purpose: { vi: "Mục đích", en: "Purpose" },
  language: { vi: "Ngôn ngữ", en: "Language" },
  statement: { vi: "Nội dung xác nhận", en: "Statement" },
  text: { vi: "Nội dung", en: "Text" },
  answer: { vi: "Trả lời", en: "Answer" },
  outcome: { vi: "Kết quả", en: "Outcome" },
};

/** Keys never printed: machine identifiers the reader does not need (the credential's JSON has them). */
const HIDDEN = new Set(["id", "type", "@context"]);

function printable(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? "✓" : "✗";
  return null;
}

/** The subject's lines, in the order the subject lists them; nested objects are flattened (their keys labelled). */
export function documentLines(subject: unknown, depth = 0): DocumentLine[] {
  if (typeof subject !== "object" || subject === null || Array.isArray(subject) || depth > 2) return [];
  const lines: DocumentLine[] = [];
  for (const [key, value] of Object.entries(subject as Record<string, unknown>)) {
    if (HIDDEN.has(key)) continue;
    if (typeof value === "object" && value !== null && !Array.isArray(value)) {
      lines.push(...documentLines(value, depth + 1));
      continue;
    }
    const text = Array.isArray(value) ? value.map(printable).filter(Boolean).join(", ") : printable(value);
    if (text === null || text === "") continue;
    const label = LABELS[key] ?? { vi: key, en: key };
    lines.push({ key, vi: label.vi, en: label.en, value: text.slice(0, 2000) });
  }
  return lines;
}
