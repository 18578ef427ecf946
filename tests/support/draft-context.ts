/** A fixed rules context for the pure draft tests: a few programmes, the built-in levels, two fields' titles. */
import type { DraftRulesContext, ProgrammeInfo } from "~/modules/drafts/draft-row";
import { TRAINING_LEVELS } from "~/modules/reference/levels";

const programme = (
  code: string,
  nameVi: string,
  levelCode: string,
  fieldCode: string | null,
  active = true,
): [string, ProgrammeInfo] => [code, { code, nameVi, levelCode, fieldCode, active }];

export const TODAY = "2026-05-01";

export const draftContext: DraftRulesContext = {
  today: TODAY,
  programmes: new Map([
    programme("6480201", "Công nghệ thông tin", "cao_dang", "48"),
    programme("6340302", "Kế toán doanh nghiệp", "cao_dang", "34"),
    programme("5340302", "Kế toán doanh nghiệp", "trung_cap", "34"),
    programme("6520227", "Điện công nghiệp", "cao_dang", "52", false),
    programme("50480201", "Công nghệ thông tin (mã cũ)", "cao_dang", null),
  ]),
  levels: TRAINING_LEVELS.map((l) => ({ code: l.code, nameVi: l.nameVi, nameEn: l.nameEn, codeDigit: l.codeDigit })),
  caoDangTitles: new Map([
    ["48", "kỹ sư thực hành"],
    ["34", "cử nhân thực hành"],
    ["52", "kỹ sư thực hành"],
  ]),
};

/** A row that passes every rule, as a registrar would type it. */
export const validRow = {
  fullName: "Nguyễn Văn An",
  dateOfBirth: "15/03/2004",
  placeOfBirth: "Hà Nội",
  gender: "Nam",
  ethnicity: "Kinh",
  personalId: "001204012345",
  programmeCode: "6480201",
  modeOfStudy: "Chính quy",
  classification: "Khá",
  graduationDate: "20/06/2025",
  graduationDecisionNumber: "123/QĐ-CĐCN",
} as const;
