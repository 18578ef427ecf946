import { sql } from "drizzle-orm";
import type { InferSelectModel } from "drizzle-orm";
import {
  bigserial,
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from "drizzle-orm/pg-core";
import { organisations, users } from "./accounts";
import { diplomas } from "./diplomas";
import { signingKeys } from "./signing";

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => "bytea" });
const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

/**
 * The kinds of case (hồ sơ) on the one case core (app/modules/cases):
 * - online diploma services (dịch vụ công trực tuyến toàn trình): a certified copy from the original register, a
 *   correction of a diploma, a confirmation of a diploma;
 * - feedback (phản ánh, kiến nghị, hỏi đáp chính sách): a policy question, feedback on how a rule is applied, a
 *   petition, and voters' petitions sent by National Assembly deputies;
 * - a report of a suspected fake diploma (formerly the table fake_reports).
 */
export const CASE_KINDS = [
  "certified_copy",
  "correction",
  "confirmation",
  "question",
  "feedback",
  "petition",
  "voter_petition",
  "fake_report",
] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

/**
 * The statuses every kind shares (each kind allows a subset of the moves: app/modules/cases/case-transitions.ts).
 * Open: received, in_progress, awaiting_submitter (the deadline's clock is paused). Closed: resolved (answered,
 * delivered, or a fake report judged), refused (with a reason), merged (a duplicate of another case), withdrawn.
 */
export const CASE_STATUSES = [
  "received",
  "in_progress",
  "awaiting_submitter",
  "resolved",
  "refused",
  "merged",
  "withdrawn",
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** What can happen to a case that its submitter or its staff are told about (mail, in-app notices). */
export const CASE_NEWS = [
  "submitted",
  "accepted",
  "forwarded",
  "request_info",
  "info_supplied",
  "resolved",
  "refused",
  "merged",
  "withdrawn",
  "escalated",
  "assigned",
] as const;
export type CaseNews = (typeof CASE_NEWS)[number];

/**
 * A case: one request, question, petition or report, with a public code (DV-2026-000123), a handler (a school, or
 * the ministry when organisation_id is null, with an optional department), an officer, a status, a deadline in
 * working days and an outcome. Personal data (the submitter's name, e-mail, phone, the request's text) is never
 * shown by the public lookup, which reads only code, kind, status, dates and the public notes of the timeline.
 */
export const cases = pgTable(
  "cases",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Public code: {prefix}-{year}-{6 digits} (case_code_counters), or a migrated fake report's VB-XXXXX-XXXXX. */
    code: varchar("code", { length: 24 }).notNull(),
    kind: text("kind").$type<CaseKind>().notNull(),
    status: text("status").$type<CaseStatus>().notNull().default("received"),
    /** The signed-in submitter; null when anonymous (a kind that allows it) or sent without an account. */
    submitterUserId: uuid("submitter_user_id").references(() => users.id, { onDelete: "set null" }),
    /** How the submitter relates to the matter: self, representative, relative, heir, citizen, business, deputy… */
    submitterCapacity: varchar("submitter_capacity", { length: 32 }),
    submitterName: varchar("submitter_name", { length: 200 }),
    submitterEmail: varchar("submitter_email", { length: 254 }),
    submitterPhone: varchar("submitter_phone", { length: 32 }),
    anonymous: boolean("anonymous").notNull().default(false),
    /** The handling school; null = the ministry. */
    organisationId: uuid("organisation_id").references(() => organisations.id),
    /** Inside the ministry: the department it was assigned to (triage). */
    department: varchar("department", { length: 64 }),
    assigneeUserId: uuid("assignee_user_id").references(() => users.id, { onDelete: "set null" }),
    topic: varchar("topic", { length: 64 }),
    title: varchar("title", { length: 300 }).notNull(),
    body: text("body").notNull(),
    /** The diploma the case is about (services, fake reports when the QR named one of ours). */
    diplomaId: uuid("diploma_id").references(() => diplomas.id),
    /** Kind-specific fields, validated by the kind's Zod schema: delivery, postal address, fee and payment evidence,
     * the representative's letter, the QR text of a fake report, the deputy and session of a voter petition… */
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    /** Voters' petitions: the National Assembly session (kỳ họp) they were sent around, e.g. "XV-10". */
    assemblySession: varchar("assembly_session", { length: 16 }),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
    /** The last working day on which the case is on time (Asia/Ho_Chi_Minh calendar day). */
    dueOn: date("due_on", { mode: "string" }),
    /** Set while waiting for the submitter: the clock is paused, and dueOn moves on by the working days it waited. */
    pausedAt: timestamp("paused_at", { withTimezone: true }),
    escalatedAt: timestamp("escalated_at", { withTimezone: true }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    /** Kind-specific outcome (answered, delivered_electronic, delivered_post, genuine, fake, corrected…). */
    outcome: varchar("outcome", { length: 32 }),
    /** Public: the reason for a refusal, or the outcome's short note. */
    outcomeNote: text("outcome_note"),
    /** Whether the case was closed after its due day (set when it closes; overdue open cases are counted live). */
    closedLate: boolean("closed_late"),
    resultDocumentId: uuid("result_document_id"),
    /** The corrected diploma a correction request ended with. */
    resultDiplomaId: uuid("result_diploma_id").references(() => diplomas.id),
    mergedIntoId: uuid("merged_into_id"),
    rating: smallint("rating"),
    ratingComment: varchar("rating_comment", { length: 1000 }),
    ratedAt: timestamp("rated_at", { withTimezone: true }),
    /** The submitter agrees that the answer, with personal data removed, is published in the Q&A library. */
    publishConsent: boolean("publish_consent").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("cases_code_unique").on(t.code),
    // The officer's queue: open cases of one handler by due day.
    index("cases_queue_idx")
      .on(t.organisationId, t.dueOn)
      .where(sql`${t.status} in ('received', 'in_progress', 'awaiting_submitter')`),
    index("cases_assignee_idx")
      .on(t.assigneeUserId, t.dueOn)
      .where(sql`${t.status} in ('received', 'in_progress', 'awaiting_submitter')`),
    index("cases_submitter_idx").on(t.submitterUserId, t.createdAt),
    index("cases_kind_received_idx").on(t.kind, t.receivedAt),
    index("cases_org_received_idx").on(t.organisationId, t.receivedAt),
    // The statistics report (app/modules/case-stats): a period's cases read from the index alone (index-only scan),
    // every column the report counts in the key, as Drizzle has no INCLUDE. A year of a million cases: 1 s → 0.5 s.
    index("cases_stats_idx").on(
      t.receivedAt,
      t.kind,
      t.topic,
      t.organisationId,
      t.status,
      t.dueOn,
      t.pausedAt,
      t.closedAt,
      t.closedLate,
      t.rating,
      t.escalatedAt,
    ),
    index("cases_session_idx")
      .on(t.assemblySession)
      .where(sql`${t.assemblySession} is not null`),
    check("cases_rating_range", sql`${t.rating} is null or ${t.rating} between 1 and 5`),
  ],
);
export type Case = InferSelectModel<typeof cases>;

/** Per code prefix and year, the last number handed out (DV-2026-000123 is the 123rd DV case of 2026). */
export const caseCodeCounters = pgTable(
  "case_code_counters",
  {
    prefix: varchar("prefix", { length: 4 }).notNull(),
    year: integer("year").notNull(),
    lastNumber: integer("last_number").notNull().default(0),
  },
  (t) => [uniqueIndex("case_code_counters_pk").on(t.prefix, t.year)],
);

/**
 * A case's timeline: every transition and note, with its time and actor. `public_note` is shown by the public
 * lookup (no personal data); `internal_note` only to the handling organisation's staff.
 */
export const caseEvents = pgTable(
  "case_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    /** submitted, assigned, forwarded, requested_info, info_supplied, accepted, refused, resolved, escalated… */
    type: varchar("type", { length: 32 }).notNull(),
    actorUserId: uuid("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    /** Who acted, as the timeline names them: submitter, officer, ministry, system. */
    actorRole: varchar("actor_role", { length: 16 }).notNull(),
    fromStatus: text("from_status").$type<CaseStatus>(),
    toStatus: text("to_status").$type<CaseStatus>(),
    publicNote: text("public_note"),
    internalNote: text("internal_note"),
    data: jsonb("data").$type<Record<string, unknown>>(),
  },
  (t) => [index("case_events_case_idx").on(t.caseId, t.at)],
);
export type CaseEvent = InferSelectModel<typeof caseEvents>;

/** Where an attachment's bytes are: in PostgreSQL (`content`) or on disk under ATTACHMENTS_DIR (`storage_key`). */
export const ATTACHMENT_STORAGES = ["database", "disk"] as const;
export type AttachmentStorage = (typeof ATTACHMENT_STORAGES)[number];

/** Files attached to a case (evidence, a letter of authorisation, a payment receipt), type- and size-checked. */
export const caseAttachments = pgTable(
  "case_attachments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    eventId: integer("event_id"),
    /** evidence, authorisation, receipt, identity, other. */
    purpose: varchar("purpose", { length: 32 }).notNull(),
    fileName: varchar("file_name", { length: 200 }).notNull(),
    mediaType: varchar("media_type", { length: 100 }).notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    sha256: varchar("sha256", { length: 64 }).notNull(),
    storage: text("storage").$type<AttachmentStorage>().notNull(),
    content: bytea("content"),
    storageKey: varchar("storage_key", { length: 200 }),
    uploadedBy: uuid("uploaded_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("case_attachments_case_idx").on(t.caseId)],
);
export type CaseAttachment = InferSelectModel<typeof caseAttachments>;

/** statistics_report: a signed statistics report of cases (app/modules/case-stats), not tied to one case. */
export const SIGNED_DOCUMENT_KINDS = [
  "case_reply",
  "case_result",
  "confirmation_letter",
  "certified_copy",
  "statistics_report",
] as const;
export type SignedDocumentKind = (typeof SIGNED_DOCUMENT_KINDS)[number];

/**
 * A document signed by an organisation (a school's key, or the ministry's when organisation_id is null): a final
 * reply, a result, a confirmation letter, a certified copy. `credential` is the signed JSON (a W3C verifiable
 * credential with an eddsa-jcs-2022 or eddsa-rdfc-2022 proof); it is public at /documents/{id}, checked by the
 * verify page's logic. It holds no personal data beyond what the document itself must say.
 */
export const signedDocuments = pgTable(
  "signed_documents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind").$type<SignedDocumentKind>().notNull(),
    organisationId: uuid("organisation_id").references(() => organisations.id),
    keyId: uuid("key_id")
      .notNull()
      .references(() => signingKeys.id),
    caseId: uuid("case_id").references(() => cases.id),
    diplomaId: uuid("diploma_id").references(() => diplomas.id),
    credential: jsonb("credential").$type<Record<string, unknown>>().notNull(),
    signedBy: uuid("signed_by").references(() => users.id, { onDelete: "set null" }),
    signedAt: timestamp("signed_at", { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [index("signed_documents_case_idx").on(t.caseId), index("signed_documents_org_idx").on(t.organisationId)],
);
export type SignedDocument = InferSelectModel<typeof signedDocuments>;

/**
 * The school's copy register (sổ cấp bản sao), kept apart from the original register as the law requires: one entry
 * per certified copy issued, electronic or by post.
 */
export const copyRegisterEntries = pgTable(
  "copy_register_entries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    year: integer("year").notNull(),
    /** Số vào sổ bản sao: restarts each year, like the original register's. */
    entryNumber: integer("entry_number").notNull(),
    diplomaId: uuid("diploma_id")
      .notNull()
      .references(() => diplomas.id),
    caseId: uuid("case_id").references(() => cases.id),
    copies: smallint("copies").notNull().default(1),
    /** electronic | post */
    delivery: varchar("delivery", { length: 16 }).notNull(),
    recipientName: varchar("recipient_name", { length: 200 }).notNull(),
    postalAddress: varchar("postal_address", { length: 500 }),
    trackingNumber: varchar("tracking_number", { length: 64 }),
    documentId: uuid("document_id").references(() => signedDocuments.id),
    issuedBy: uuid("issued_by").references(() => users.id, { onDelete: "set null" }),
    issuedAt: timestamp("issued_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("copy_register_number_unique").on(t.organisationId, t.year, t.entryNumber),
    index("copy_register_diploma_idx").on(t.diplomaId),
  ],
);

/**
 * The working-day calendar the ministry administrator keeps: exceptions to "Monday to Friday are working days".
 * A `holiday` on a weekday (1 January, the Tết break, Giỗ Tổ, 30/4, 1/5, 2/9 and its adjacent day, days off in
 * lieu), or a `working` day on a weekend (a make-up Saturday). Entered per year from the government's notice.
 */
export const CALENDAR_DAY_KINDS = ["holiday", "working"] as const;
export type CalendarDayKind = (typeof CALENDAR_DAY_KINDS)[number];

export const calendarDays = pgTable("calendar_days", {
  day: date("day", { mode: "string" }).primaryKey(),
  kind: text("kind").$type<CalendarDayKind>().notNull(),
  name: varchar("name", { length: 200 }).notNull(),
  updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Per kind, what the administrator may change without a release: the deadline in working days and the fee (VND,
 * 0 = free) shown on the request form.
 */
export const caseKindSettings = pgTable("case_kind_settings", {
  kind: text("kind").$type<CaseKind>().primaryKey(),
  deadlineWorkingDays: smallint("deadline_working_days").notNull(),
  feeVnd: integer("fee_vnd").notNull().default(0),
  updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The public Q&A library: a question and its signed answer, with personal data removed, published with the
 * submitter's consent. `search_tsv` is set on every save from vb_fold(question, answer) (diacritic-insensitive).
 */
export const publishedAnswers = pgTable(
  "published_answers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id").references(() => cases.id, { onDelete: "set null" }),
    topic: varchar("topic", { length: 64 }).notNull(),
    question: text("question").notNull(),
    answer: text("answer").notNull(),
    /** The answering organisation (null = the ministry) and the signed reply it rests on. */
    organisationId: uuid("organisation_id").references(() => organisations.id),
    documentId: uuid("document_id").references(() => signedDocuments.id),
    searchTsv: tsvector("search_tsv"),
    publishedBy: uuid("published_by").references(() => users.id, { onDelete: "set null" }),
    publishedAt: timestamp("published_at", { withTimezone: true }).notNull().defaultNow(),
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("published_answers_case_unique").on(t.caseId),
    index("published_answers_search_idx").using("gin", t.searchTsv),
    index("published_answers_topic_idx").on(t.topic, t.publishedAt),
  ],
);
export type PublishedAnswer = InferSelectModel<typeof publishedAnswers>;
