/**
 * The diploma as a W3C Verifiable Credential 2.0 of type OpenBadgeCredential (Open Badges 3.0), with the
 * Vietnamese register fields in our own context (docs/credential-format.md describes every term).
 *
 * Both serialisations of a diploma, the JSON-LD document here and the canonical N-Quads in diploma-canonical.ts,
 * are written from the same `diplomaValues`, so they cannot disagree about a value. The personal ID number is not
 * part of the input: it never enters a credential.
 */
import type { Classification, Gender, ModeOfStudy } from "~db/schema/diplomas";
import { CREDENTIALS_V2_CONTEXT_URL, DIPLOMA_CONTEXT_URL, OPEN_BADGES_V3_CONTEXT_URL } from "./document-loader";
import { CLASSIFICATION_LABELS } from "~/modules/documents/labels";
import { UUID_URN_PATTERN } from "~/lib/uuid";

export const DIPLOMA_CREDENTIAL_CONTEXT = [
  CREDENTIALS_V2_CONTEXT_URL,
  OPEN_BADGES_V3_CONTEXT_URL,
  DIPLOMA_CONTEXT_URL,
] as const;

/** The printed wording of the register's coded values (TT 10/2017, TT 04/2022). */
export const GENDER_LABELS: Readonly<Record<Gender, string>> = { nam: "Nam", nu: "Nữ" };
export const MODE_OF_STUDY_LABELS: Readonly<Record<ModeOfStudy, string>> = {
  chinh_quy: "Chính quy",
  vua_lam_vua_hoc: "Vừa làm vừa học",
  tu_xa: "Đào tạo từ xa",
};

/** One bit in a W3C Bitstring Status List. */
export interface StatusListEntryInput {
  /** URL of the BitstringStatusListCredential (no fragment). */
  statusListCredential: string;
  statusListIndex: number;
}

export interface DiplomaCredentialInput {
  /** The credential's id, `urn:uuid:…`. */
  id: string;
  issuer: {
    /** The school's DID, `did:web:…`. */
    id: string;
    name: string;
    /** The school's web site. */
    url: string;
  };
  /** The diploma's title as printed, e.g. "Bằng tốt nghiệp cao đẳng": the credential's name. */
  title: string;
  /** Date of issue (YYYY-MM-DD); the credential is valid from its midnight in Vietnam (UTC+7). */
  issueDate: string;
  graduate: {
    /** `urn:uuid:…` of the credential subject, so that the subject is not a blank node. */
    id: string;
    fullName: string;
    dateOfBirth: string;
    placeOfBirth: string;
    gender: Gender;
    ethnicity: string;
  };
  achievement: {
    /** The achievement (programme at a level) the diploma awards: a URL or URN, shared by its graduates. */
    id: string;
    programmeCode: string;
    /** As printed, frozen at issue. */
    programmeName: string;
    /** The level's name as printed, e.g. "Cao đẳng". */
    trainingLevel: string;
    /** The field of training (cấp II), when known. */
    fieldOfStudy?: string | null;
  };
  award: {
    modeOfStudy: ModeOfStudy;
    classification: Classification;
    /** Cao đẳng only: "Kỹ sư thực hành" or "Cử nhân thực hành". */
    honorificTitle?: string | null;
    graduationDate: string;
    graduationDecisionNumber: string;
  };
  register: {
    /** Số hiệu. */
    serialNumber: string;
    /** Số vào sổ. */
    registerNumber: number;
    registerYear: number;
    issuePlace: string;
    signerName: string;
    signerTitle: string;
  };
  status: { revocation: StatusListEntryInput; suspension: StatusListEntryInput };
  /** The id of the credential this one corrects or reissues. */
  supersedes?: string | null;
}

export interface BitstringStatusListEntry {
  id: string;
  type: "BitstringStatusListEntry";
  statusPurpose: "revocation" | "suspension";
  statusListIndex: string;
  statusListCredential: string;
}

/** The unsigned credential, member order as written. */
export interface DiplomaCredential {
  "@context": typeof DIPLOMA_CREDENTIAL_CONTEXT;
  id: string;
  type: ["VerifiableCredential", "OpenBadgeCredential"];
  name: string;
  issuer: { id: string; type: ["Profile"]; name: string; url: string };
  validFrom: string;
  credentialSubject: {
    id: string;
    type: ["AchievementSubject"];
    name: string;
    dateOfBirth: string;
    placeOfBirth: string;
    gender: string;
    ethnicity: string;
    achievement: {
      id: string;
      type: ["Achievement"];
      achievementType: "Diploma";
      name: string;
      description: string;
      criteria: { narrative: string };
      fieldOfStudy?: string;
      programmeCode: string;
      trainingLevel: string;
    };
    modeOfStudy: string;
    classification: string;
    honorificTitle?: string;
    graduationDate: string;
    graduationDecisionNumber: string;
  };
  serialNumber: string;
  registerNumber: number;
  registerYear: number;
  issuePlace: string;
  signerName: string;
  signerTitle: string;
  supersedes?: string;
  credentialStatus: [BitstringStatusListEntry, BitstringStatusListEntry];
}

export class InvalidDiplomaInputError extends Error {
  constructor(message: string) {
    super(`Invalid diploma credential input: ${message}`);
    this.name = "InvalidDiplomaInputError";
  }
}

/** Every value of a diploma credential, checked, NFC-normalised and derived: what both serialisations write. */
export interface DiplomaValues {
  id: string;
  title: string;
  validFrom: string;
  issuer: { id: string; name: string; url: string };
  subject: {
    id: string;
    name: string;
    dateOfBirth: string;
    placeOfBirth: string;
    gender: string;
    ethnicity: string;
    modeOfStudy: string;
    classification: string;
    honorificTitle: string | null;
    graduationDate: string;
    graduationDecisionNumber: string;
  };
  achievement: {
    id: string;
    name: string;
    description: string;
    criteriaNarrative: string;
    fieldOfStudy: string | null;
    programmeCode: string;
    trainingLevel: string;
  };
  register: {
    serialNumber: string;
    registerNumber: number;
    registerYear: number;
    issuePlace: string;
    signerName: string;
    signerTitle: string;
  };
  supersedes: string | null;
  status: [BitstringStatusListEntry, BitstringStatusListEntry];
}

const DID_WEB = /^did:web:[A-Za-z0-9.%-]+(:[A-Za-z0-9._%-]+)*$/;
const HTTP_URL = /^https?:\/\/[^\s#]+$/;
// An absolute IRI written as ASCII without the characters that N-Quads would have to escape in an IRI: such an
// IRI is written as it is, and line order is then the same by UTF-16 unit or by code point.
const SAFE_ABSOLUTE_IRI = /^[A-Za-z][A-Za-z0-9+.-]*:[!#-;=?-[\]_a-z~]+$/;
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

function check(condition: boolean, message: string): asserts condition {
  if (!condition) throw new InvalidDiplomaInputError(message);
}

function iriValue(value: string, name: string, pattern: RegExp = SAFE_ABSOLUTE_IRI): string {
  check(
    typeof value === "string" && pattern.test(value) && SAFE_ABSOLUTE_IRI.test(value),
    `${name} is not an acceptable IRI: ${value}`,
  );
  return value;
}

function dateValue(value: string, name: string): string {
  const time = DATE.test(value) ? Date.parse(`${value}T00:00:00Z`) : NaN;
  check(!Number.isNaN(time) && new Date(time).toISOString().startsWith(value), `${name} is not a date: ${value}`);
  return value;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Text as it will be signed: well-formed Unicode, NFC (Vietnamese typed in decomposed form is stored composed). */
function textValue(value: string, name: string): string {
  check(typeof value === "string" && !LONE_SURROGATE.test(value), `${name} is not well-formed text`);
  const text = value.normalize("NFC");
  check(text.trim() !== "", `${name} is empty`);
  return text;
}

function optionalText(value: string | null | undefined, name: string): string | null {
  return value === null || value === undefined ? null : textValue(value, name);
}

function integerValue(value: number, name: string, min: number, max: number): number {
  check(
    Number.isSafeInteger(value) && value >= min && value <= max,
    `${name} is not an integer in [${min}, ${max}]: ${value}`,
  );
  return value;
}

function statusEntry(
  entry: StatusListEntryInput,
  statusPurpose: "revocation" | "suspension",
): BitstringStatusListEntry {
  const statusListCredential = iriValue(entry.statusListCredential, `${statusPurpose} statusListCredential`, HTTP_URL);
  const index = integerValue(entry.statusListIndex, `${statusPurpose} statusListIndex`, 0, Number.MAX_SAFE_INTEGER);
  return {
    id: `${statusListCredential}#${index}`,
    type: "BitstringStatusListEntry",
    statusPurpose,
    statusListIndex: String(index),
    statusListCredential,
  };
}

export function diplomaValues(input: DiplomaCredentialInput): DiplomaValues {
  const { issuer, graduate, achievement, award, register } = input;
  const title = textValue(input.title, "title");
  const programmeName = textValue(achievement.programmeName, "programmeName");
  const programmeCode = textValue(achievement.programmeCode, "programmeCode");
  const trainingLevel = textValue(achievement.trainingLevel, "trainingLevel");
  check(award.modeOfStudy in MODE_OF_STUDY_LABELS, `unknown modeOfStudy ${award.modeOfStudy}`);
  check(award.classification in CLASSIFICATION_LABELS, `unknown classification ${award.classification}`);
  check(graduate.gender in GENDER_LABELS, `unknown gender ${graduate.gender}`);
  const values: DiplomaValues = {
    id: iriValue(input.id, "id", UUID_URN_PATTERN),
    title,
    validFrom: `${dateValue(input.issueDate, "issueDate")}T00:00:00+07:00`,
    issuer: {
      id: iriValue(issuer.id, "issuer.id", DID_WEB),
      name: textValue(issuer.name, "issuer.name"),
      url: iriValue(issuer.url, "issuer.url", HTTP_URL),
    },
    subject: {
      id: iriValue(graduate.id, "graduate.id", UUID_URN_PATTERN),
      name: textValue(graduate.fullName, "fullName"),
      dateOfBirth: dateValue(graduate.dateOfBirth, "dateOfBirth"),
      placeOfBirth: textValue(graduate.placeOfBirth, "placeOfBirth"),
      gender: GENDER_LABELS[graduate.gender],
      ethnicity: textValue(graduate.ethnicity, "ethnicity"),
      modeOfStudy: MODE_OF_STUDY_LABELS[award.modeOfStudy],
      classification: CLASSIFICATION_LABELS[award.classification].vi,
      honorificTitle: optionalText(award.honorificTitle, "honorificTitle"),
      graduationDate: dateValue(award.graduationDate, "graduationDate"),
      graduationDecisionNumber: textValue(award.graduationDecisionNumber, "graduationDecisionNumber"),
    },
    achievement: {
      id: iriValue(achievement.id, "achievement.id"),
      name: programmeName,
      description: `${title}, ngành/nghề ${programmeName} (mã ${programmeCode}), trình độ ${trainingLevel}.`,
      criteriaNarrative: `Hoàn thành chương trình đào tạo ngành/nghề ${programmeName} (mã ${programmeCode}), trình độ ${trainingLevel}, và được công nhận tốt nghiệp theo quy định.`,
      fieldOfStudy: optionalText(achievement.fieldOfStudy, "fieldOfStudy"),
      programmeCode,
      trainingLevel,
    },
    register: {
      serialNumber: textValue(register.serialNumber, "serialNumber"),
      registerNumber: integerValue(register.registerNumber, "registerNumber", 1, Number.MAX_SAFE_INTEGER),
      registerYear: integerValue(register.registerYear, "registerYear", 1900, 9999),
      issuePlace: textValue(register.issuePlace, "issuePlace"),
      signerName: textValue(register.signerName, "signerName"),
      signerTitle: textValue(register.signerTitle, "signerTitle"),
    },
    supersedes:
      input.supersedes === null || input.supersedes === undefined
        ? null
        : iriValue(input.supersedes, "supersedes", UUID_URN_PATTERN),
    status: [statusEntry(input.status.revocation, "revocation"), statusEntry(input.status.suspension, "suspension")],
  };
  // Two parts of the credential with one id would be one RDF node: a bug upstream, never a diploma.
  const nodeIds = [
    values.id,
    values.issuer.id,
    values.subject.id,
    values.achievement.id,
    ...values.status.map((entry) => entry.id),
  ];
  check(new Set(nodeIds).size === nodeIds.length, "two parts of the credential share an id");
  check(values.supersedes !== values.id, "a credential cannot supersede itself");
  return values;
}

/** The unsigned OpenBadgeCredential of a diploma. */
export function buildDiplomaCredential(input: DiplomaCredentialInput): DiplomaCredential {
  return diplomaCredentialFromValues(diplomaValues(input));
}

export function diplomaCredentialFromValues(v: DiplomaValues): DiplomaCredential {
  return {
    "@context": DIPLOMA_CREDENTIAL_CONTEXT,
    id: v.id,
    type: ["VerifiableCredential", "OpenBadgeCredential"],
    name: v.title,
    issuer: { id: v.issuer.id, type: ["Profile"], name: v.issuer.name, url: v.issuer.url },
    validFrom: v.validFrom,
    credentialSubject: {
      id: v.subject.id,
      type: ["AchievementSubject"],
      name: v.subject.name,
      dateOfBirth: v.subject.dateOfBirth,
      placeOfBirth: v.subject.placeOfBirth,
      gender: v.subject.gender,
      ethnicity: v.subject.ethnicity,
      achievement: {
        id: v.achievement.id,
        type: ["Achievement"],
        achievementType: "Diploma",
        name: v.achievement.name,
        description: v.achievement.description,
        criteria: { narrative: v.achievement.criteriaNarrative },
        ...(v.achievement.fieldOfStudy === null ? {} : { fieldOfStudy: v.achievement.fieldOfStudy }),
        programmeCode: v.achievement.programmeCode,
        trainingLevel: v.achievement.trainingLevel,
      },
      modeOfStudy: v.subject.modeOfStudy,
      classification: v.subject.classification,
      ...(v.subject.honorificTitle === null ? {} : { honorificTitle: v.subject.honorificTitle }),
      graduationDate: v.subject.graduationDate,
      graduationDecisionNumber: v.subject.graduationDecisionNumber,
    },
    ...v.register,
    ...(v.supersedes === null ? {} : { supersedes: v.supersedes }),
    credentialStatus: v.status,
  };
}
