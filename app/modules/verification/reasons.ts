/**
 * The reasons a verification gives, in plain words (Vietnamese and English). Pure. `detail` (English, for
 * developers) is appended to the English text when a check has more to say, e.g. why a payload is malformed.
 */
import type { VerificationResult } from "./verdict";

export const REASON_TEXTS = {
  genuine: {
    vi: "Văn bằng do trường phát hành, chữ ký hợp lệ và văn bằng còn hiệu lực.",
    en: "Issued by the school, correctly signed, and still standing.",
  },
  not_ours: {
    vi: "Đây không phải mã QR văn bằng của cổng thông tin này.",
    en: "This is not a diploma QR code of this registry.",
  },
  malformed: {
    vi: "Dữ liệu văn bằng bị hỏng hoặc không đúng định dạng.",
    en: "The diploma data is damaged or not in the expected format.",
  },
  unsupported_version: { vi: "Phiên bản mã QR không được hỗ trợ.", en: "This QR code version is not supported." },
  not_a_credential: { vi: "Tệp không phải là văn bằng số hợp lệ.", en: "The file is not a verifiable credential." },
  unknown_school: {
    vi: "Trường phát hành không có trong danh sách tin cậy.",
    en: "The issuing school is not on the trust registry.",
  },
  school_not_accredited: {
    vi: "Trường phát hành hiện không được công nhận trên danh sách tin cậy.",
    en: "The issuing school is not currently accredited on the trust registry.",
  },
  unknown_key: {
    vi: "Khóa ký không thuộc trường phát hành.",
    en: "The signing key is not one of the school's published keys.",
  },
  signature_mismatch: {
    vi: "Chữ ký không khớp: văn bằng đã bị sửa đổi hoặc giả mạo.",
    en: "The signature does not match: the diploma was altered or forged.",
  },
  key_retired: {
    vi: "Khóa ký đã ngừng sử dụng trước ngày cấp văn bằng.",
    en: "The signing key was retired before the issue date.",
  },
  key_compromised: {
    vi: "Khóa ký đã bị lộ trước hoặc trong ngày cấp văn bằng.",
    en: "The signing key was compromised on or before the issue date.",
  },
  revoked: { vi: "Văn bằng đã bị thu hồi.", en: "The diploma has been revoked." },
  superseded: {
    vi: "Văn bằng đã được thay thế bằng văn bằng chỉnh sửa hoặc cấp lại.",
    en: "The diploma was replaced by a corrected or reissued one.",
  },
  suspended: { vi: "Văn bằng đang bị tạm đình chỉ.", en: "The diploma is suspended." },
  status_unavailable: {
    vi: "Không kiểm tra được trạng thái văn bằng; không thể xác nhận còn hiệu lực.",
    en: "The diploma's status could not be checked; it cannot be confirmed as valid.",
  },
  document_genuine: {
    vi: "Văn bản do đơn vị phát hành ký số, chữ ký hợp lệ và văn bản còn hiệu lực.",
    en: "Signed by the issuing organisation, correctly signed, and still standing.",
  },
  document_revoked: { vi: "Văn bản đã bị thu hồi.", en: "The document has been revoked." },
  document_unknown: {
    vi: "Không tìm thấy văn bản này trong sổ văn bản đã ký của cổng thông tin.",
    en: "This document is not in the portal's record of signed documents.",
  },
  document_key_compromised: {
    vi: "Khóa ký đã bị lộ trước thời điểm ký văn bản.",
    en: "The signing key was compromised before the document was signed.",
  },
  document_key_retired: {
    vi: "Khóa ký đã ngừng sử dụng trước thời điểm ký văn bản.",
    en: "The signing key was retired before the document was signed.",
  },
  name_truncated: {
    vi: "Họ tên bị rút gọn trong mã QR; họ tên đầy đủ có trong văn bằng số.",
    en: "The name is shortened in the QR code; the full name is in the credential.",
  },
} as const satisfies Record<string, { vi: string; en: string }>;

export type ReasonCode = keyof typeof REASON_TEXTS;
export type Reason = VerificationResult["reasons"][number];

export function reason(code: ReasonCode, detail?: string): Reason {
  const text = REASON_TEXTS[code];
  return { code, vi: text.vi, en: detail ? `${text.en} (${detail})` : text.en };
}
