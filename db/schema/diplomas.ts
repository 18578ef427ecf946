import { sql } from "drizzle-orm";
import type { InferSelectModel } from "drizzle-orm";
import {
  bigserial,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from "drizzle-orm/pg-core";
import { organisations, users } from "./accounts";
import { programmes, trainingLevels } from "./reference";
import { signingKeys } from "./signing";

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => "bytea" });

export const GENDERS = ["nam", "nu"] as const;
export type Gender = (typeof GENDERS)[number];
export const MODES_OF_STUDY = ["chinh_quy", "vua_lam_vua_hoc", "tu_xa"] as const;
export type ModeOfStudy = (typeof MODES_OF_STUDY)[number];
export const CLASSIFICATIONS = ["xuat_sac", "gioi", "kha", "trung_binh_kha", "trung_binh"] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];

export const BATCH_STATUSES = ["draft", "submitted", "signed", "cancelled"] as const;
export type BatchStatus = (typeof BATCH_STATUSES)[number];

/**
 * The order of a batch's list, which is the order of the register: "import" (as the rows were added), "given_name"
 * (tên, then họ và tên đệm, as Vietnamese class lists are sorted) or "full_name"; Vietnamese collation.
 */
export const BATCH_ROW_ORDERS = ["import", "given_name", "full_name"] as const;
export type BatchRowOrder = (typeof BATCH_ROW_ORDERS)[number];

/** A class of drafts that a registrar prepares and a principal reviews and signs in one transaction. */
export const diplomaBatches = pgTable(
  "diploma_batches",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    title: text("title").notNull(),
    status: text("status").$type<BatchStatus>().notNull().default("draft"),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    submittedBy: uuid("submitted_by").references(() => users.id),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    signedBy: uuid("signed_by").references(() => users.id),
    signedAt: timestamp("signed_at", { withTimezone: true }),
    signingKeyId: uuid("signing_key_id").references(() => signingKeys.id),
    /** The order of the list the registrar reviewed and the principal signs: numbers are given in this order. */
    rowOrder: text("row_order").$type<BatchRowOrder>().notNull().default("import"),
    /** Why the principal sent the batch back to the registrar (cleared when it is submitted again). */
    returnReason: text("return_reason"),
  },
  (t) => [index("diploma_batches_org_idx").on(t.organisationId, t.createdAt)],
);

export const DIPLOMA_STATUSES = ["draft", "issued", "revoked", "suspended", "superseded"] as const;
export type DiplomaStatus = (typeof DIPLOMA_STATUSES)[number];

/**
 * A diploma, from draft to signed credential. The personal ID number is stored only encrypted, with a keyed
 * hash (HMAC) for lookup; it never appears in the credential, the QR code or a public page.
 */
export const diplomas = pgTable(
  "diplomas",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    batchId: uuid("batch_id").references(() => diplomaBatches.id),
    status: text("status").$type<DiplomaStatus>().notNull().default("draft"),
    // The graduate
    fullName: text("full_name").notNull(),
    dateOfBirth: date("date_of_birth", { mode: "string" }).notNull(),
    placeOfBirth: text("place_of_birth").notNull(),
    gender: text("gender").$type<Gender>().notNull(),
    ethnicity: text("ethnicity").notNull(),
    personalIdCiphertext: text("personal_id_ciphertext").notNull(),
    personalIdHash: text("personal_id_hash").notNull(),
    // The award
    programmeCode: varchar("programme_code", { length: 8 })
      .notNull()
      .references(() => programmes.code),
    programmeName: text("programme_name").notNull(), // as printed, frozen at issue
    levelCode: text("level_code")
      .notNull()
      .references(() => trainingLevels.code),
    modeOfStudy: text("mode_of_study").$type<ModeOfStudy>().notNull(),
    classification: text("classification").$type<Classification>().notNull(),
    /** Cao đẳng only: kỹ sư thực hành / cử nhân thực hành, derived from the field. */
    honorificTitle: text("honorific_title"),
    graduationDate: date("graduation_date", { mode: "string" }).notNull(),
    graduationDecisionNumber: text("graduation_decision_number").notNull(),
    /** Where the graduate gets their claim code by mail. Personal data: school pages only, never public, a credential or a log. */
    email: text("email"),
    /** The row's place in its batch as imported or added (1, 2, …): the "import" order of the list. */
    position: integer("position"),
    /** A correction's or reissue's reason, given when it was started; written into the register's remarks. */
    replacementReason: text("replacement_reason"),
    // Numbers and signature, set when the batch is signed
    serial: text("serial"), // số hiệu
    registerYear: integer("register_year"),
    registerNumber: integer("register_number"), // số vào sổ, restarts each year
    issueDate: date("issue_date", { mode: "string" }),
    issuePlace: text("issue_place"),
    signerName: text("signer_name"),
    signerTitle: text("signer_title"),
    signingKeyId: uuid("signing_key_id").references(() => signingKeys.id),
    signedAt: timestamp("signed_at", { withTimezone: true }),
    credential: jsonb("credential").$type<Record<string, unknown>>(),
    credentialHash: text("credential_hash"), // hex SHA-256 of the canonical credential (log leaf)
    qrPayload: text("qr_payload"),
    revocationListId: uuid("revocation_list_id"),
    revocationIndex: integer("revocation_index"),
    suspensionListId: uuid("suspension_list_id"),
    suspensionIndex: integer("suspension_index"),
    // Lifecycle
    statusReason: text("status_reason"),
    statusChangedAt: timestamp("status_changed_at", { withTimezone: true }),
    supersedesId: uuid("supersedes_id"),
    supersededById: uuid("superseded_by_id"),
    // Claim by the graduate
    claimCodeHash: text("claim_code_hash"),
    claimedBy: uuid("claimed_by").references(() => users.id),
    claimedAt: timestamp("claimed_at", { withTimezone: true }),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("diplomas_serial_unique").on(t.organisationId, t.serial),
    uniqueIndex("diplomas_register_unique").on(t.organisationId, t.registerYear, t.registerNumber),
    uniqueIndex("diplomas_revocation_index_unique").on(t.revocationListId, t.revocationIndex),
    uniqueIndex("diplomas_suspension_index_unique").on(t.suspensionListId, t.suspensionIndex),
    index("diplomas_batch_idx").on(t.batchId),
    index("diplomas_org_status_idx").on(t.organisationId, t.status),
    index("diplomas_personal_id_idx").on(t.personalIdHash),
    index("diplomas_claimed_by_idx").on(t.claimedBy),
    index("diplomas_name_trgm_idx").using("gin", sql`lower(${t.fullName}) gin_trgm_ops`),
    check(
      "diplomas_signed_has_numbers",
      sql`${t.status} = 'draft' or (${t.serial} is not null and ${t.registerNumber} is not null and ${t.credential} is not null)`,
    ),
  ],
);

export type Diploma = InferSelectModel<typeof diplomas>;

export const STATUS_PURPOSES = ["revocation", "suspension"] as const;
export type StatusPurpose = (typeof STATUS_PURPOSES)[number];

/** W3C Bitstring Status Lists: one or more per school and purpose, 131,072 entries each, indexes drawn at random. */
export const statusLists = pgTable(
  "status_lists",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    purpose: text("purpose").$type<StatusPurpose>().notNull(),
    listNumber: integer("list_number").notNull(),
    size: integer("size").notNull().default(131072),
    allocated: integer("allocated").notNull().default(0),
    bits: bytea("bits").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("status_lists_unique").on(t.organisationId, t.purpose, t.listNumber)],
);

export const REGISTER_ENTRY_KINDS = ["issue", "revoke", "suspend", "reinstate", "correct", "reissue"] as const;
export type RegisterEntryKind = (typeof REGISTER_ENTRY_KINDS)[number];

/**
 * The original register (sổ gốc cấp văn bằng). Append-only: a trigger refuses UPDATE and DELETE; a correction
 * or revocation is a new entry that points at the diploma it concerns.
 */
export const registerEntries = pgTable(
  "register_entries",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    diplomaId: uuid("diploma_id")
      .notNull()
      .references(() => diplomas.id),
    kind: text("kind").$type<RegisterEntryKind>().notNull(),
    relatedDiplomaId: uuid("related_diploma_id").references(() => diplomas.id),
    /** The register columns as they stood when the entry was made. */
    snapshot: jsonb("snapshot").$type<Record<string, unknown>>().notNull(),
    remarks: text("remarks"),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("register_entries_org_idx").on(t.organisationId, t.id),
    index("register_entries_diploma_idx").on(t.diplomaId),
  ],
);

/**
 * The tamper-evident issuance log: one entry per signed batch (or lifecycle change), chained by hash per school.
 * entryHash = SHA-256(prevHash ‖ seq ‖ kind ‖ merkleRoot ‖ createdAt); the head is signed with the school's key.
 */
export const issuanceLog = pgTable(
  "issuance_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    seq: integer("seq").notNull(),
    kind: text("kind").notNull(), // batch | revoke | suspend | reinstate | correct
    batchId: uuid("batch_id").references(() => diplomaBatches.id),
    leafCount: integer("leaf_count").notNull(),
    merkleRoot: text("merkle_root").notNull(),
    prevHash: text("prev_hash").notNull(),
    entryHash: text("entry_hash").notNull(),
    signingKeyId: uuid("signing_key_id").references(() => signingKeys.id),
    headSignature: text("head_signature").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("issuance_log_seq_unique").on(t.organisationId, t.seq)],
);

export type RegisterEntry = InferSelectModel<typeof registerEntries>;
export type IssuanceLogEntry = InferSelectModel<typeof issuanceLog>;
