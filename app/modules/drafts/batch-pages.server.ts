import { type Executor, withDefaultDb } from "~/lib/db.server";
import { maskPersonalId } from "./draft-row";
import { revealPersonalId } from "./personal-id.server";
import {
  countBatchDrafts,
  findBatch,
  findDraft,
  listBatchDiplomas,
  type BatchRef,
  type DraftRef,
} from "./queries.server";

/** What the batch pages show. The personal ID number leaves the server masked, except in the registrar's edit form. */

export const BATCH_PAGE_SIZE = 100;

export const loadBatchPage = withDefaultDb(async function loadBatchPage(
  db: Executor,
  ref: BatchRef & { page: number },
) {
  const batch = await findBatch(db, ref);
  if (!batch) return null;
  const [{ rows, total }, draftCount] = await Promise.all([
    listBatchDiplomas(db, { ...ref, rowOrder: batch.rowOrder, page: ref.page, pageSize: BATCH_PAGE_SIZE }),
    countBatchDrafts(db, ref),
  ]);
  return {
    batch: {
      id: batch.id,
      title: batch.title,
      status: batch.status,
      createdAt: batch.createdAt,
      submittedAt: batch.submittedAt,
      signedAt: batch.signedAt,
      rowOrder: batch.rowOrder,
      returnReason: batch.returnReason,
    },
    diplomas: rows.map(({ personalIdCiphertext, ...row }) => {
      const personalId = revealPersonalId(row.id, personalIdCiphertext);
      return { ...row, personalIdMasked: personalId ? maskPersonalId(personalId) : "••••" };
    }),
    total,
    draftCount,
    pageSize: BATCH_PAGE_SIZE,
  };
});

/** A draft for the registrar's edit form, its personal ID in clear; null when it is not a draft of this batch. */
export const loadDraftForEdit = withDefaultDb(async function loadDraftForEdit(db: Executor, ref: DraftRef) {
  const [batch, draft] = await Promise.all([findBatch(db, ref), findDraft(db, ref)]);
  if (!batch || !draft) return null;
  return {
    batch: { id: batch.id, title: batch.title, status: batch.status },
    draft: {
      id: draft.id,
      fullName: draft.fullName,
      dateOfBirth: draft.dateOfBirth,
      placeOfBirth: draft.placeOfBirth,
      gender: draft.gender,
      ethnicity: draft.ethnicity,
      personalId: revealPersonalId(draft.id, draft.personalIdCiphertext) ?? "",
      programmeCode: draft.programmeCode,
      programmeName: draft.programmeName,
      levelCode: draft.levelCode,
      honorificTitle: draft.honorificTitle,
      modeOfStudy: draft.modeOfStudy,
      classification: draft.classification,
      graduationDate: draft.graduationDate,
      graduationDecisionNumber: draft.graduationDecisionNumber,
      email: draft.email ?? "",
      replacementReason: draft.replacementReason,
    },
  };
});
