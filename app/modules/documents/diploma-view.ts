/**
 * The diploma as printed: one plain, JSON-safe view model that the PDF (`diploma-pdf.server.ts`) and the printable
 * page (`app/components/diploma-certificate.tsx`) both render, so they cannot drift apart. Pure.
 *
 * The personal ID number is never part of it: the input type does not even carry the column.
 */
import type { Organisation } from "../../../db/schema/accounts";
import type { Diploma, DiplomaStatus } from "../../../db/schema/diplomas";
import {
  fillTemplate,
  formatDateEn,
  formatDateVi,
  formatLongDateVi,
  formatRegisterNumber,
  toDate,
  vietnamMidnight,
} from "./format";
import { foldVietnameseWords, stripDiacritics } from "~/lib/fold-vietnamese";
import { vietnamDate } from "~/lib/format-time";
import {
  CLASSIFICATION_LABELS,
  DIPLOMA_TEXT,
  GENDER_LABELS,
  HEAD_TITLES,
  HONORIFIC_TITLES,
  LEVEL_TITLES,
  MODE_OF_STUDY_LABELS,
  NATIONAL_HEADING,
  SIGNER_TITLES_EN,
  STATUS_LINES,
  STATUS_WATERMARKS,
  type DocumentKind,
  type LabelPair,
} from "./labels";

export type { LabelPair } from "./labels";

export interface DiplomaDocument {
  kind: DocumentKind;
  status: DiplomaStatus;
  nation: LabelPair;
  motto: LabelPair;
  /** "HIỆU TRƯỞNG" / "THE RECTOR OF", printed above the school's name. */
  headTitle: LabelPair;
  /** As registered (renderers print it in capitals). English: the registered English name, else unmarked. */
  schoolName: LabelPair;
  confers: LabelPair;
  /** "BẰNG TỐT NGHIỆP CAO ĐẲNG" / "THE DIPLOMA OF COLLEGE". */
  title: LabelPair;
  level: LabelPair;
  holder: { fullName: string; dateOfBirth: LabelPair; gender: LabelPair };
  /** English falls back to the Vietnamese name when no translation is registered. */
  programme: LabelPair;
  classification: LabelPair;
  /** Null when the template in force does not print it (TT 24/2020: from 2022; see `printsModeOfStudy`). */
  modeOfStudy: LabelPair | null;
  /** Cao đẳng only: Kỹ sư thực hành / Practical Engineer, Cử nhân thực hành / Practical Bachelor. */
  honorificTitle: LabelPair | null;
  /** "Hà Nội, ngày 15 tháng 6 năm 2026" / "Ha Noi, 15 June 2026"; dotted blanks on a draft. */
  placeAndDate: LabelPair;
  signer: { title: LabelPair; name: string | null; signatureNote: LabelPair | null };
  /** Số hiệu and số vào sổ ("123/2026"); null on a draft. */
  numbers: {
    serial: string | null;
    registerNumber: string | null;
    labels: { serial: LabelPair; registerNumber: LabelPair };
  };
  /** Printed across a diploma that is not (or no longer) valid: draft, revoked, suspended, superseded. */
  statusLine: LabelPair | null;
  watermark: LabelPair | null;
  verification: { url: string; caption: LabelPair };
  /** For the PDF's document information; `creationDate` is fixed (ISO) so the same diploma renders the same bytes. */
  metadata: { title: string; author: string; subject: string; keywords: string; creationDate: string };
}

/** The diploma columns the document needs. Deliberately not the whole row: no personal ID number, no claim code. */
export type DiplomaForDocument = Pick<
  Diploma,
  | "status"
  | "fullName"
  | "dateOfBirth"
  | "gender"
  | "programmeName"
  | "levelCode"
  | "modeOfStudy"
  | "classification"
  | "honorificTitle"
  | "graduationDate"
  | "serial"
  | "registerYear"
  | "registerNumber"
  | "issueDate"
  | "issuePlace"
  | "signerName"
  | "signerTitle"
> & {
  /** Timestamps as Drizzle returns them, or as ISO text after a JSON round trip. */
  signedAt: Date | string | null;
  statusChangedAt: Date | string | null;
};

export type SchoolForDocument = Pick<Organisation, "name" | "nameEn" | "schoolType">;

/** Wording that lives in other tables (programme's English name) or other rows (the replacement's serial). */
export interface DiplomaDocumentLabels {
  programmeNameEn?: string | null;
  /** English form of the place of issue; default: the Vietnamese name without its marks ("Ha Noi"). */
  issuePlaceEn?: string | null;
  /** English signer title; default: from `SIGNER_TITLES_EN`, else the Vietnamese title unmarked. */
  signerTitleEn?: string | null;
  /** Serial of the diploma that replaced this one (status `superseded`). */
  supersededBySerial?: string | null;
}

export interface BuildDiplomaDocumentOptions {
  diploma: DiplomaForDocument;
  school: SchoolForDocument;
  /** The public verification page of this diploma, printed beside the QR code: a short page URL, not the QR payload. */
  verifyUrl: string;
  labels?: DiplomaDocumentLabels;
  /** Overrides the template rule of `printsModeOfStudy`. */
  printModeOfStudy?: boolean;
}

/**
 * TT 24/2020/TT-BLĐTBXH (in force 1 January 2022) took the mode of study off trung cấp and cao đẳng diplomas;
 * diplomas dated earlier, under TT 10/2017 as first issued, print it. Reported by schools' published notes on the
 * amendment, *unverified* against the gazette: callers can override with `printModeOfStudy`.
 */
export const MODE_OF_STUDY_DROPPED_FROM = "2022-01-01";

export function printsModeOfStudy(documentDate: string): boolean {
  return documentDate < MODE_OF_STUDY_DROPPED_FROM;
}

export function buildDiplomaDocument(options: BuildDiplomaDocumentOptions): DiplomaDocument {
  const { diploma, school, verifyUrl, labels = {} } = options;
  const levelTitle = LEVEL_TITLES[diploma.levelCode];
  if (!levelTitle) throw new Error(`No diploma title for level ${JSON.stringify(diploma.levelCode)}`);
  const head = HEAD_TITLES[school.schoolType ?? "cao_dang"];
  const documentDate = diploma.issueDate ?? diploma.graduationDate;
  const printMode = options.printModeOfStudy ?? printsModeOfStudy(documentDate);
  const nfc = (s: string) => s.normalize("NFC").trim();

  const signerTitleVi = diploma.signerTitle ? nfc(diploma.signerTitle) : head.signer.vi;
  const signerTitleEn =
    labels.signerTitleEn ??
    (SIGNER_TITLES_EN[foldVietnameseWords(signerTitleVi)] !== undefined
      ? fillTemplate(SIGNER_TITLES_EN[foldVietnameseWords(signerTitleVi)]!, { head: head.signer.en })
      : stripDiacritics(signerTitleVi));

  const place = diploma.issuePlace ? nfc(diploma.issuePlace) : null;
  const placeEn = labels.issuePlaceEn ?? (place ? stripDiacritics(place) : null);
  const placeAndDate: LabelPair = diploma.issueDate
    ? {
        vi: `${place ?? DIPLOMA_TEXT.blank.vi}, ${formatLongDateVi(diploma.issueDate)}`,
        en: `${placeEn ?? DIPLOMA_TEXT.blank.en}, ${formatDateEn(diploma.issueDate)}`,
      }
    : { vi: "…………, ngày …… tháng …… năm ……", en: "…………, ………………" };

  const honorific =
    diploma.levelCode === "cao_dang" && diploma.honorificTitle
      ? (HONORIFIC_TITLES[foldVietnameseWords(diploma.honorificTitle)] ?? {
          vi: capitalise(nfc(diploma.honorificTitle)),
          en: capitalise(stripDiacritics(nfc(diploma.honorificTitle))),
        })
      : null;

  const programmeVi = nfc(diploma.programmeName);
  const schoolName: LabelPair = {
    vi: nfc(school.name),
    en: school.nameEn ? nfc(school.nameEn) : stripDiacritics(nfc(school.name)),
  };
  const serial = diploma.serial;
  const status = statusTexts(diploma, labels.supersededBySerial ?? null);
  const fullName = nfc(diploma.fullName);

  return {
    kind: levelTitle.kind,
    status: diploma.status,
    nation: NATIONAL_HEADING.nation,
    motto: NATIONAL_HEADING.motto,
    headTitle: head.heading,
    schoolName,
    confers: DIPLOMA_TEXT.confers,
    title: levelTitle.title,
    level: levelTitle.level,
    holder: {
      fullName,
      dateOfBirth: { vi: formatDateVi(diploma.dateOfBirth), en: formatDateEn(diploma.dateOfBirth) },
      gender: GENDER_LABELS[diploma.gender],
    },
    programme: { vi: programmeVi, en: labels.programmeNameEn ? nfc(labels.programmeNameEn) : programmeVi },
    classification: CLASSIFICATION_LABELS[diploma.classification],
    modeOfStudy: printMode ? MODE_OF_STUDY_LABELS[diploma.modeOfStudy] : null,
    honorificTitle: honorific,
    placeAndDate,
    signer: {
      title: { vi: signerTitleVi, en: signerTitleEn },
      name: diploma.signerName ? nfc(diploma.signerName) : null,
      signatureNote: diploma.signedAt ? DIPLOMA_TEXT.digitallySigned : null,
    },
    numbers: {
      serial,
      registerNumber: formatRegisterNumber(diploma.registerNumber, diploma.registerYear),
      labels: {
        serial: DIPLOMA_TEXT.serial,
        registerNumber:
          levelTitle.kind === "certificate"
            ? DIPLOMA_TEXT.registerNumberCertificate
            : DIPLOMA_TEXT.registerNumberDiploma,
      },
    },
    statusLine: status?.line ?? null,
    watermark: status?.watermark ?? null,
    verification: { url: verifyUrl, caption: DIPLOMA_TEXT.qrCaption },
    metadata: {
      title: `${capitalise(levelTitle.title.vi.toLocaleLowerCase("vi"))} – ${fullName}${serial ? ` – ${DIPLOMA_TEXT.serial.vi} ${serial}` : ""}`,
      author: schoolName.vi,
      subject: `${levelTitle.title.vi} / ${levelTitle.title.en}: ${programmeVi}`,
      keywords: [DIPLOMA_TEXT.serial.vi, serial ?? "", "văn bằng số", "diploma"].filter(Boolean).join(", "),
      creationDate: vietnamMidnight(documentDate).toISOString(),
    },
  };
}

function statusTexts(
  diploma: DiplomaForDocument,
  supersededBySerial: string | null,
): { line: LabelPair; watermark: LabelPair } | null {
  if (diploma.status === "issued") return null;
  const day = diploma.statusChangedAt ? vietnamDate(toDate(diploma.statusChangedAt)) : null;
  const template = STATUS_LINES[diploma.status];
  const line = {
    vi: fillTemplate(template.vi, { date: day ? formatDateVi(day) : "…", serial: supersededBySerial ?? "…" }),
    en: fillTemplate(template.en, { date: day ? formatDateEn(day) : "…", serial: supersededBySerial ?? "…" }),
  };
  return { line, watermark: STATUS_WATERMARKS[diploma.status] };
}

function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase("vi") + text.slice(1);
}

export interface DiplomaLine {
  key: "programme" | "fullName" | "gender" | "dateOfBirth" | "classification" | "modeOfStudy" | "honorificTitle";
  label: LabelPair;
  value: LabelPair;
  /** The holder's name: printed larger. */
  emphasis: boolean;
}

/**
 * The labelled lines in the template's order (TT 10/2017, items 3–8: programme, name, sex, date of birth,
 * classification, mode of study), then the cao đẳng title. Both renderers print exactly these.
 */
export function diplomaLines(doc: DiplomaDocument): DiplomaLine[] {
  const name = { vi: doc.holder.fullName, en: doc.holder.fullName };
  const lines: (DiplomaLine | null)[] = [
    { key: "programme", label: DIPLOMA_TEXT.programme, value: doc.programme, emphasis: false },
    { key: "fullName", label: DIPLOMA_TEXT.fullName, value: name, emphasis: true },
    { key: "gender", label: DIPLOMA_TEXT.gender, value: doc.holder.gender, emphasis: false },
    { key: "dateOfBirth", label: DIPLOMA_TEXT.dateOfBirth, value: doc.holder.dateOfBirth, emphasis: false },
    { key: "classification", label: DIPLOMA_TEXT.classification, value: doc.classification, emphasis: false },
    doc.modeOfStudy
      ? { key: "modeOfStudy", label: DIPLOMA_TEXT.modeOfStudy, value: doc.modeOfStudy, emphasis: false }
      : null,
    doc.honorificTitle
      ? { key: "honorificTitle", label: DIPLOMA_TEXT.honorificTitle, value: doc.honorificTitle, emphasis: false }
      : null,
  ];
  return lines.filter((l): l is DiplomaLine => l !== null);
}
