/**
 * The message key of each value a diploma page shows: one entry per value of the type, so a new value without its
 * wording fails the type check. Pure tables.
 */
import type { MessageKey } from "~/lib/i18n";
import type { BatchStatus, DiplomaStatus, Gender, ModeOfStudy, RegisterEntryKind } from "../../../db/schema/diplomas";
import type { StatusChange } from "./diploma-status";
import type { DraftField } from "~/modules/drafts/schema";

export const GENDER_LABELS = { nam: "diplomas.gender.nam", nu: "diplomas.gender.nu" } as const satisfies Record<
  Gender,
  MessageKey
>;

export const MODE_OF_STUDY_LABELS = {
  chinh_quy: "diplomas.modeOfStudy.chinh_quy",
  vua_lam_vua_hoc: "diplomas.modeOfStudy.vua_lam_vua_hoc",
  tu_xa: "diplomas.modeOfStudy.tu_xa",
} as const satisfies Record<ModeOfStudy, MessageKey>;

export const BATCH_STATUS_LABELS = {
  draft: "diplomas.batchStatus.draft",
  submitted: "diplomas.batchStatus.submitted",
  signed: "diplomas.batchStatus.signed",
  cancelled: "diplomas.batchStatus.cancelled",
} as const satisfies Record<BatchStatus, MessageKey>;

export const DIPLOMA_STATUS_LABELS = {
  draft: "issued.status.draft",
  issued: "issued.status.issued",
  revoked: "issued.status.revoked",
  suspended: "issued.status.suspended",
  superseded: "issued.status.superseded",
} as const satisfies Record<DiplomaStatus, MessageKey>;

export const DRAFT_FIELD_LABELS = {
  fullName: "diplomas.field.fullName",
  dateOfBirth: "diplomas.field.dateOfBirth",
  placeOfBirth: "diplomas.field.placeOfBirth",
  gender: "diplomas.field.gender",
  ethnicity: "diplomas.field.ethnicity",
  personalId: "diplomas.field.personalId",
  programmeCode: "diplomas.field.programmeCode",
  level: "diplomas.field.level",
  modeOfStudy: "diplomas.field.modeOfStudy",
  classification: "diplomas.field.classification",
  graduationDate: "diplomas.field.graduationDate",
  graduationDecisionNumber: "diplomas.field.graduationDecisionNumber",
  email: "diplomas.field.email",
} as const satisfies Record<DraftField, MessageKey>;

/** The history of a signed diploma: its issue, each status change, each replacement. */
export const HISTORY_KIND_LABELS = {
  issue: "issued.history.kind.issue",
  revoke: "issued.history.kind.revoke",
  suspend: "issued.history.kind.suspend",
  reinstate: "issued.history.kind.reinstate",
  correct: "issued.history.kind.correct",
  reissue: "issued.history.kind.reissue",
} as const satisfies Record<RegisterEntryKind, MessageKey>;

/** The wording of the form of each status change. */
export const STATUS_CHANGE_LABELS = {
  revoke: {
    title: "issued.status.revoke.title",
    help: "issued.status.revoke.help",
    confirm: "issued.status.revoke.confirm",
    submit: "issued.status.revoke.submit",
  },
  suspend: {
    title: "issued.status.suspend.title",
    help: "issued.status.suspend.help",
    confirm: "issued.status.suspend.confirm",
    submit: "issued.status.suspend.submit",
  },
  reinstate: {
    title: "issued.status.reinstate.title",
    help: "issued.status.reinstate.help",
    confirm: "issued.status.reinstate.confirm",
    submit: "issued.status.reinstate.submit",
  },
} as const satisfies Record<StatusChange, Record<"title" | "help" | "confirm" | "submit", MessageKey>>;

/** The notice after a status change. */
export const STATUS_CHANGE_NOTICES = {
  revoked: "issued.status.done.revoked",
  suspended: "issued.status.done.suspended",
  reinstated: "issued.status.done.reinstated",
} as const satisfies Record<string, MessageKey>;

/** The notice after an action on a batch (`?notice=`). */
export const BATCH_NOTICE_LABELS = {
  added: "diplomas.notice.added",
  created: "diplomas.notice.created",
  deleted: "diplomas.notice.deleted",
  imported: "diplomas.notice.imported",
  ordered: "diplomas.notice.ordered",
  returned: "diplomas.notice.returned",
  submitted: "diplomas.notice.submitted",
  unchanged: "diplomas.notice.unchanged",
  updated: "diplomas.notice.updated",
  withdrawn: "diplomas.notice.withdrawn",
} as const satisfies Record<string, MessageKey>;

/** A diploma's status as the keys page lists the diplomas signed with a compromised key. */
export const KEY_DIPLOMA_STATUS_LABELS = {
  draft: "keys.diplomaStatus.draft",
  issued: "keys.diplomaStatus.issued",
  revoked: "keys.diplomaStatus.revoked",
  suspended: "keys.diplomaStatus.suspended",
  superseded: "keys.diplomaStatus.superseded",
} as const satisfies Record<DiplomaStatus, MessageKey>;
