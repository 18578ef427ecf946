/**
 * The bilingual wording printed on diplomas and in the original register. Pure tables, no I/O.
 *
 * Sources: TT 10/2017/TT-BLĐTBXH as amended by TT 24/2020 (diploma template and how to fill it in), the domain
 * reference in shared/domain/README.md. Entries marked *unverified* are our best reading, not the gazette's text.
 * See docs/decisions/diploma-documents.md.
 */
import type { Classification, DiplomaStatus, Gender, ModeOfStudy } from "../../../db/schema/diplomas";
import type { SchoolType } from "../../../db/schema/accounts";
import type { Locale } from "~/lib/i18n";

/** One piece of text in both languages of the template. */
export interface LabelPair {
  vi: string;
  en: string;
}

export const NATIONAL_HEADING = {
  nation: { vi: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", en: "SOCIALIST REPUBLIC OF VIETNAM" },
  motto: { vi: "Độc lập - Tự do - Hạnh phúc", en: "Independence - Freedom - Happiness" },
} as const satisfies Record<string, LabelPair>;

export type DocumentKind = "diploma" | "certificate";

export interface LevelTitle {
  kind: DocumentKind;
  /** The document's name as printed, in capitals. */
  title: LabelPair;
  /** The level's name in running text. */
  level: LabelPair;
}

/**
 * The document's title by training level (`training_levels.code`). Trung cấp and cao đẳng: TT 10/2017. Sơ cấp ends
 * in a certificate (chứng chỉ), not a diploma; its English name is *unverified*, as is the whole trung học nghề
 * row (a level created in 2026 whose template is not yet published).
 */
export const LEVEL_TITLES: Record<string, LevelTitle> = {
  cao_dang: {
    kind: "diploma",
    title: { vi: "BẰNG TỐT NGHIỆP CAO ĐẲNG", en: "THE DIPLOMA OF COLLEGE" },
    level: { vi: "Cao đẳng", en: "College" },
  },
  trung_cap: {
    kind: "diploma",
    title: { vi: "BẰNG TỐT NGHIỆP TRUNG CẤP", en: "THE DIPLOMA OF INTERMEDIATE" },
    level: { vi: "Trung cấp", en: "Intermediate" },
  },
  trung_hoc_nghe: {
    kind: "diploma",
    title: { vi: "BẰNG TỐT NGHIỆP TRUNG HỌC NGHỀ", en: "THE DIPLOMA OF VOCATIONAL UPPER SECONDARY" },
    level: { vi: "Trung học nghề", en: "Vocational upper secondary" },
  },
  so_cap: {
    kind: "certificate",
    title: { vi: "CHỨNG CHỈ SƠ CẤP", en: "THE CERTIFICATE OF ELEMENTARY LEVEL" },
    level: { vi: "Sơ cấp", en: "Elementary" },
  },
};

/**
 * The graduation classification (xếp loại tốt nghiệp), the one source of its wording: printed on the diploma and in
 * the register, signed into the credential (the Vietnamese label, read back by the verifier), read from imported
 * spreadsheets (folded) and shown on every page (classificationLabel). Changing a label changes new credentials.
 */
export const CLASSIFICATION_LABELS: Record<Classification, LabelPair> = {
  xuat_sac: { vi: "Xuất sắc", en: "Excellent" },
  gioi: { vi: "Giỏi", en: "Very good" },
  kha: { vi: "Khá", en: "Good" },
  trung_binh_kha: { vi: "Trung bình khá", en: "Fairly good" },
  trung_binh: { vi: "Trung bình", en: "Average" },
};

/** A classification in the reader's language; a value that is no classification code is shown as it is. */
export function classificationLabel(value: string, locale: Locale): string {
  return Object.hasOwn(CLASSIFICATION_LABELS, value) ? CLASSIFICATION_LABELS[value as Classification][locale] : value;
}

/** "Học từ xa" is the circular's own wording for distance learning. */
export const MODE_OF_STUDY_LABELS: Record<ModeOfStudy, LabelPair> = {
  chinh_quy: { vi: "Chính quy", en: "Full-time" },
  vua_lam_vua_hoc: { vi: "Vừa làm vừa học", en: "Part-time (work-study)" },
  tu_xa: { vi: "Học từ xa", en: "Distance learning" },
};

export const GENDER_LABELS: Record<Gender, LabelPair> = {
  nam: { vi: "Nam", en: "Male" },
  nu: { vi: "Nữ", en: "Female" },
};

/** The cao đẳng titles (danh hiệu), keyed by the text stored in `fields.cao_dang_title`, folded. */
export const HONORIFIC_TITLES: Record<string, LabelPair> = {
  "ky su thuc hanh": { vi: "Kỹ sư thực hành", en: "Practical Engineer" },
  "cu nhan thuc hanh": { vi: "Cử nhân thực hành", en: "Practical Bachelor" },
};

/**
 * The head of the school: printed above the school's name ("HIỆU TRƯỞNG / TRƯỜNG CAO ĐẲNG …"), and the signer's
 * title when a draft has none yet. A centre is headed by a director (giám đốc). English wording is *unverified*
 * usage, not gazetted.
 */
export const HEAD_TITLES: Record<SchoolType, { heading: LabelPair; signer: LabelPair }> = {
  cao_dang: { heading: { vi: "HIỆU TRƯỞNG", en: "THE RECTOR OF" }, signer: { vi: "Hiệu trưởng", en: "Rector" } },
  trung_cap: { heading: { vi: "HIỆU TRƯỞNG", en: "THE PRINCIPAL OF" }, signer: { vi: "Hiệu trưởng", en: "Principal" } },
  trung_hoc_nghe: {
    heading: { vi: "HIỆU TRƯỞNG", en: "THE PRINCIPAL OF" },
    signer: { vi: "Hiệu trưởng", en: "Principal" },
  },
  trung_tam_gdnn: { heading: { vi: "GIÁM ĐỐC", en: "THE DIRECTOR OF" }, signer: { vi: "Giám đốc", en: "Director" } },
};

/**
 * English for the signer titles schools use most, keyed by the folded Vietnamese title; `{head}` is the head's
 * English title for the school's type (Rector, Principal, Director). Other titles print as typed, unmarked.
 */
export const SIGNER_TITLES_EN: Record<string, string> = {
  "hieu truong": "{head}",
  "giam doc": "{head}",
  "pho hieu truong": "Vice-{head}",
  "pho giam doc": "Deputy {head}",
  "kt hieu truong pho hieu truong": "For the {head}, Vice-{head}",
  "kt giam doc pho giam doc": "For the {head}, Deputy {head}",
};

/** Fixed wording around the fields. */
export const DIPLOMA_TEXT = {
  confers: { vi: "cấp", en: "confers" },
  programme: { vi: "Ngành, nghề", en: "Occupation" },
  fullName: { vi: "Họ và tên", en: "Full name" },
  gender: { vi: "Giới tính", en: "Sex" },
  dateOfBirth: { vi: "Ngày sinh", en: "Date of birth" },
  classification: { vi: "Xếp loại tốt nghiệp", en: "Classification" },
  modeOfStudy: { vi: "Hình thức đào tạo", en: "Mode of study" },
  honorificTitle: { vi: "Danh hiệu", en: "Title" },
  serial: { vi: "Số hiệu", en: "Serial No." },
  registerNumberDiploma: { vi: "Số vào sổ cấp bằng", en: "Reg. No." },
  registerNumberCertificate: { vi: "Số vào sổ cấp chứng chỉ", en: "Reg. No." },
  digitallySigned: { vi: "(Đã ký số)", en: "(Digitally signed)" },
  qrCaption: { vi: "Quét mã để xác thực", en: "Scan to verify" },
  /** Blanks printed where a draft has no value yet. */
  blank: { vi: "…………", en: "…………" },
} as const satisfies Record<string, LabelPair>;

/** Lines printed across a diploma that is no longer (or not yet) valid. `{date}`, `{serial}` are filled in. */
export const STATUS_LINES: Record<Exclude<DiplomaStatus, "issued">, LabelPair> = {
  draft: { vi: "BẢN NHÁP – CHƯA CÓ GIÁ TRỊ", en: "DRAFT – NOT VALID" },
  revoked: { vi: "ĐÃ BỊ THU HỒI ngày {date}", en: "REVOKED on {date}" },
  suspended: { vi: "ĐANG BỊ ĐÌNH CHỈ từ ngày {date}", en: "SUSPENDED since {date}" },
  superseded: { vi: "ĐÃ ĐƯỢC THAY THẾ bằng văn bằng số hiệu {serial}", en: "SUPERSEDED by diploma No. {serial}" },
};

/** One-word watermark across an invalid diploma. */
export const STATUS_WATERMARKS: Record<Exclude<DiplomaStatus, "issued">, LabelPair> = {
  draft: { vi: "BẢN NHÁP", en: "DRAFT" },
  revoked: { vi: "ĐÃ THU HỒI", en: "REVOKED" },
  suspended: { vi: "ĐÌNH CHỈ", en: "SUSPENDED" },
  superseded: { vi: "ĐÃ THAY THẾ", en: "SUPERSEDED" },
};
