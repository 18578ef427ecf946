import type { Diploma, Organisation } from "../../../db/schema";
import { type Executor, withDefaultDb } from "~/lib/db.server";
import { createPublicLimiter } from "~/lib/public-rate-limit.server";
import { buildDiplomaDocument, type DiplomaForDocument } from "~/modules/documents/diploma-view";
import { renderClaimSlipsPdf } from "~/modules/documents/claim-slips-pdf.server";
import { renderDiplomaPdf } from "~/modules/documents/diploma-pdf.server";
import { vietnamDate } from "~/lib/format-time";
import { HEAD_TITLES } from "~/modules/documents/labels";
import { findActiveKey } from "~/modules/keys/queries.server";
import { renderQrPng, renderQrSvg } from "~/modules/qr/qr-image.server";
import { claimCodeOf } from "./claim-code.server";
import {
  findDiplomaForDocument,
  findPendingReplacement,
  findSchoolDiploma,
  findSchoolProvince,
  findStandingReplacement,
  listClaimedDiplomas,
  listDiplomaRegisterEntries,
  listSignedDiplomas,
  listBatchClaimableDiplomas,
  listBatchReplacements,
  listSignedProgrammes,
  summariseBatchDrafts,
  summariseSignedBatch,
} from "./diploma-queries.server";
import { maskPersonalId } from "~/modules/drafts/draft-row";
import type { DiplomaListQuery } from "./issued-schema";
import { revealPersonalId } from "~/modules/drafts/personal-id.server";
import { CLAIM_SLIPS_PER_PDF } from "~/modules/drafts/batch-order";
import { compareDiplomas } from "./correction-diff";
import { findBatch, listBatchDiplomas } from "~/modules/drafts/queries.server";

/**
 * What the signed-diploma pages show: plain, JSON-safe view models. The personal ID number leaves the server only
 * masked (school pages) or not at all (public and graduate pages); the claim code only on school pages.
 */

export const DIPLOMA_LIST_PAGE_SIZE = 50;

/** Where a diploma's printable page lives: the capability URL, also printed beside its QR code. */
export function credentialPageUrl(origin: string, diplomaId: string): string {
  return `${origin}/credentials/${diplomaId}`;
}

// ---------------------------------------------------------------------------------------------------------------
// The principal's signing page

/** Rows of the list shown on the signing page; the whole list is on the batch page. */
export const SIGN_PAGE_LIST_ROWS = 200;

export const loadSignPage = withDefaultDb(async function loadSignPage(
  db: Executor,
  options: {
    organisation: Pick<Organisation, "id" | "code" | "schoolType" | "status">;
    batchId: string;
    signer: { id: string; fullName: string };
  },
) {
  const ref = { organisationId: options.organisation.id, batchId: options.batchId };
  const batch = await findBatch(db, ref);
  if (!batch) return null;
  const view = {
    id: batch.id,
    title: batch.title,
    status: batch.status,
    submittedAt: batch.submittedAt,
    signedAt: batch.signedAt,
    rowOrder: batch.rowOrder,
  };
  if (batch.status === "signed")
    return { batch: view, signed: await summariseSignedBatch(db, ref), form: null, list: null, corrections: [] };

  const [programmes, province, activeKey, list, corrections] = await Promise.all([
    summariseBatchDrafts(db, ref),
    findSchoolProvince(db, options.organisation.id),
    findActiveKey(db, options.organisation.id),
    listBatchDiplomas(db, { ...ref, rowOrder: batch.rowOrder, page: 1, pageSize: SIGN_PAGE_LIST_ROWS }),
    listBatchReplacements(db, ref),
  ]);
  const latestGraduationDate = programmes.reduce<string | null>(
    (acc, p) => (p.latestGraduation && (!acc || p.latestGraduation > acc) ? p.latestGraduation : acc),
    null,
  );
  const earliestGraduationDate = programmes.reduce<string | null>(
    (acc, p) => (p.earliestGraduation && (!acc || p.earliestGraduation < acc) ? p.earliestGraduation : acc),
    null,
  );
  const today = vietnamDate();
  const comparable = (d: Diploma) => ({ ...d, personalIdMasked: maskedPersonalId(d) });
  return {
    batch: view,
    signed: null,
    list: {
      total: list.total,
      rows: list.rows.map((r) => ({
        id: r.id,
        rowNumber: r.rowNumber,
        fullName: r.fullName,
        dateOfBirth: r.dateOfBirth,
        programmeCode: r.programmeCode,
        classification: r.classification,
        hasEmail: r.hasEmail,
      })),
    },
    corrections: corrections.map(({ draft, old }) => ({
      id: draft.id,
      kind: draft.statusReason === "reissue" ? ("reissue" as const) : ("correct" as const),
      oldSerial: old.serial,
      reason: draft.replacementReason,
      fields: compareDiplomas(comparable(old), comparable(draft)),
    })),
    form: {
      count: programmes.reduce((n, p) => n + p.n, 0),
      programmes,
      earliestGraduationDate,
      latestGraduationDate,
      today,
      defaults: {
        issueDate: today,
        issuePlace: province?.nameVi ?? "",
        signerTitle: HEAD_TITLES[options.organisation.schoolType ?? "cao_dang"].signer.vi,
      },
      signerName: options.signer.fullName,
      /** The two-person rule, said before the principal fills the form in (signBatch enforces it). */
      preparedBySigner: batch.createdBy === options.signer.id || batch.submittedBy === options.signer.id,
      hasActiveKey: activeKey !== null,
      accredited: options.organisation.status === "accredited",
    },
  };
});

// ---------------------------------------------------------------------------------------------------------------
// The school's pages

export const loadSchoolDiplomaList = withDefaultDb(async function loadSchoolDiplomaList(
  db: Executor,
  options: { organisationId: string; query: DiplomaListQuery },
) {
  const { query } = options;
  const [{ rows, total }, programmes] = await Promise.all([
    listSignedDiplomas(db, {
      organisationId: options.organisationId,
      q: query.q,
      programmeCode: query.programme,
      status: query.status,
      batchId: query.batch,
      page: query.page,
      pageSize: DIPLOMA_LIST_PAGE_SIZE,
    }),
    listSignedProgrammes(db, options.organisationId),
  ]);
  return { diplomas: rows, total, programmes, page: query.page, pageSize: DIPLOMA_LIST_PAGE_SIZE };
});

function maskedPersonalId(d: Pick<Diploma, "id" | "personalIdCiphertext">): string {
  const personalId = revealPersonalId(d.id, d.personalIdCiphertext);
  return personalId ? maskPersonalId(personalId) : "••••";
}

/** Claim codes are handed out only for diplomas that stand: a replaced diploma is claimed through its replacement. */
function claimable(d: Pick<Diploma, "status">): boolean {
  return d.status === "issued" || d.status === "suspended";
}

export const loadSchoolDiplomaDetail = withDefaultDb(async function loadSchoolDiplomaDetail(
  db: Executor,
  options: { organisationId: string; diplomaId: string; origin: string },
) {
  const ref = { organisationId: options.organisationId, diplomaId: options.diplomaId };
  const row = await findSchoolDiploma(db, ref);
  if (!row) return null;
  const d = row.diploma;
  const [history, pending, qrSvg] = await Promise.all([
    listDiplomaRegisterEntries(db, ref),
    findPendingReplacement(db, ref),
    d.qrPayload ? renderQrSvg(d.qrPayload, { scale: 4 }) : Promise.resolve(null),
  ]);
  return {
    diploma: {
      id: d.id,
      status: d.status,
      fullName: d.fullName,
      dateOfBirth: d.dateOfBirth,
      placeOfBirth: d.placeOfBirth,
      gender: d.gender,
      ethnicity: d.ethnicity,
      personalIdMasked: maskedPersonalId(d),
      programmeCode: d.programmeCode,
      programmeName: d.programmeName,
      levelCode: d.levelCode,
      modeOfStudy: d.modeOfStudy,
      classification: d.classification,
      honorificTitle: d.honorificTitle,
      graduationDate: d.graduationDate,
      graduationDecisionNumber: d.graduationDecisionNumber,
      serial: d.serial,
      registerYear: d.registerYear,
      registerNumber: d.registerNumber,
      issueDate: d.issueDate,
      issuePlace: d.issuePlace,
      signerName: d.signerName,
      signerTitle: d.signerTitle,
      signedAt: d.signedAt,
      statusReason: d.statusReason,
      statusChangedAt: d.statusChangedAt,
      claimedAt: d.claimedAt,
      batchId: d.batchId,
      batchTitle: row.batchTitle,
      keyRef: row.keyRef,
      supersedesId: d.supersedesId,
      supersedesSerial: row.predecessorSerial,
      supersededById: d.supersededById,
      supersededBySerial: row.replacementSerial,
    },
    compromised: row.compromised,
    claimCode: claimable(d) ? claimCodeOf(d.id) : null,
    pendingReplacement: pending,
    history,
    qrSvg,
    links: {
      page: `/credentials/${d.id}`,
      pdf: `/credentials/${d.id}/diploma.pdf`,
      json: `/credentials/${d.id}/vc.json`,
      pageUrl: credentialPageUrl(options.origin, d.id),
    },
  };
});

/** The printable slip a school hands a graduate: who, which diploma, the claim code and where to use it. */
export const loadClaimSlip = withDefaultDb(async function loadClaimSlip(
  db: Executor,
  options: { organisationId: string; diplomaId: string; origin: string },
) {
  const row = await findSchoolDiploma(db, options);
  if (!row) return null;
  const d = row.diploma;
  if (d.status === "superseded") {
    // An old slip: it says that a replacement exists and leads to the replacement's own slip; its code is not shown.
    const standing = await findStandingReplacement(db, d.id);
    return {
      superseded: {
        oldSerial: d.serial ?? "—",
        newSerial: standing?.serial ?? row.replacementSerial ?? null,
        replacementId: standing?.id ?? null,
      },
      diploma: { id: d.id, serial: d.serial },
    } as const;
  }
  if (!claimable(d)) return null;
  return {
    superseded: null,
    diploma: {
      id: d.id,
      fullName: d.fullName,
      dateOfBirth: d.dateOfBirth,
      programmeCode: d.programmeCode,
      programmeName: d.programmeName,
      serial: d.serial,
      registerYear: d.registerYear,
      registerNumber: d.registerNumber,
      issueDate: d.issueDate,
    },
    claimCode: claimCodeOf(d.id),
    claimUrl: `${options.origin}/graduate/claim`,
  };
});

/** All claim slips of a signed batch (one part of at most CLAIM_SLIPS_PER_PDF), as a PDF; null when there are none. */
export const renderBatchClaimSlipsPdf = withDefaultDb(async function renderBatchClaimSlipsPdf(
  db: Executor,
  options: { organisation: Pick<Organisation, "id" | "name">; batchId: string; part: number; origin: string },
) {
  const batch = await findBatch(db, { organisationId: options.organisation.id, batchId: options.batchId });
  if (!batch || batch.status !== "signed") return null;
  const rows = await listBatchClaimableDiplomas(db, {
    organisationId: options.organisation.id,
    batchId: options.batchId,
    offset: (options.part - 1) * CLAIM_SLIPS_PER_PDF,
    limit: CLAIM_SLIPS_PER_PDF,
  });
  if (rows.length === 0) return null;
  const pdf = await renderClaimSlipsPdf(
    rows.map((d) => ({
      fullName: d.fullName,
      dateOfBirth: d.dateOfBirth,
      programmeCode: d.programmeCode,
      programmeName: d.programmeName,
      serial: d.serial ?? "—",
      registerNumber: d.registerNumber !== null ? `${d.registerNumber}/${d.registerYear}` : "—",
      issueDate: d.issueDate,
      claimCode: claimCodeOf(d.id),
    })),
    {
      schoolName: options.organisation.name,
      batchTitle: batch.title,
      signUpUrl: `${options.origin}/sign-up`,
      claimUrl: `${options.origin}/graduate/claim`,
      generatedAt: new Date(),
    },
  );
  return { pdf, count: rows.length };
});

// ---------------------------------------------------------------------------------------------------------------
// The printed diploma: public capability page, PDF, graduate's page

/** Only the printed columns: the personal ID, its hash and the claim state never reach the document. */
function printedFields(d: Diploma): DiplomaForDocument {
  return {
    status: d.status,
    fullName: d.fullName,
    dateOfBirth: d.dateOfBirth,
    gender: d.gender,
    programmeName: d.programmeName,
    levelCode: d.levelCode,
    modeOfStudy: d.modeOfStudy,
    classification: d.classification,
    honorificTitle: d.honorificTitle,
    graduationDate: d.graduationDate,
    serial: d.serial,
    registerYear: d.registerYear,
    registerNumber: d.registerNumber,
    issueDate: d.issueDate,
    issuePlace: d.issuePlace,
    signerName: d.signerName,
    signerTitle: d.signerTitle,
    signedAt: d.signedAt,
    statusChangedAt: d.statusChangedAt,
  };
}

type DocumentRow = NonNullable<Awaited<ReturnType<typeof findDiplomaForDocument>>>;

function documentOf(row: DocumentRow, origin: string) {
  return buildDiplomaDocument({
    diploma: printedFields(row.diploma),
    school: { name: row.school.name, nameEn: row.school.nameEn, schoolType: row.school.schoolType },
    verifyUrl: credentialPageUrl(origin, row.diploma.id),
    labels: { programmeNameEn: row.programmeNameEn, supersededBySerial: row.replacementSerial },
  });
}

/**
 * The printable diploma of a signed diploma, found by its id (the capability) or, with `claimedBy`, only among that
 * graduate's diplomas. Null when there is none (drafts included).
 */
export const loadCredentialView = withDefaultDb(async function loadCredentialView(
  db: Executor,
  options: { diplomaId: string; claimedBy?: string; origin: string },
) {
  const row = await findDiplomaForDocument(db, options);
  if (!row) return null;
  const d = row.diploma;
  return {
    id: d.id,
    status: d.status,
    serial: d.serial,
    fullName: d.fullName,
    programmeName: d.programmeName,
    schoolName: row.school.name,
    issueDate: d.issueDate,
    /** The day of the last status change, in Vietnam (yyyy-mm-dd). */
    statusChangedOn: d.statusChangedAt ? vietnamDate(d.statusChangedAt) : null,
    supersededById: d.supersededById,
    compromised: row.compromised,
    document: documentOf(row, options.origin),
    qrSvg: d.qrPayload ? await renderQrSvg(d.qrPayload, { scale: 4 }) : "",
    links: {
      page: `/credentials/${d.id}`,
      pdf: `/credentials/${d.id}/diploma.pdf`,
      json: `/credentials/${d.id}/vc.json`,
      qrPng: `/credentials/${d.id}/qr.png`,
      pageUrl: credentialPageUrl(options.origin, d.id),
    },
  };
});

/** The diploma as a PDF, with its file name; null when there is no such signed diploma. */
export const renderCredentialPdf = withDefaultDb(async function renderCredentialPdf(
  db: Executor,
  options: { diplomaId: string; origin: string },
) {
  const row = await findDiplomaForDocument(db, options);
  if (!row || !row.diploma.qrPayload) return null;
  const pdf = await renderDiplomaPdf(
    documentOf(row, options.origin),
    await renderQrPng(row.diploma.qrPayload, { scale: 8 }),
  );
  const name = (row.diploma.serial ?? row.diploma.id).replace(/[^A-Za-z0-9-]/g, "_");
  return { pdf, filename: `van-bang-${name}.pdf` };
});

export const loadGraduateHome = withDefaultDb(async function loadGraduateHome(db: Executor, userId: string) {
  return { diplomas: await listClaimedDiplomas(db, userId) };
});

/** Rendering a PDF costs far more than reading JSON: a smaller budget per client than the public read endpoints. */
export const credentialPdfLimiter = createPublicLimiter({
  keyPrefix: "credential-pdf",
  points: 10,
  durationSeconds: 50,
});
