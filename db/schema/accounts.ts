import { sql } from "drizzle-orm";
import type { InferSelectModel } from "drizzle-orm";
import {
  check,
  index,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
  integer,
  jsonb,
  bigserial,
} from "drizzle-orm/pg-core";
import { provinces } from "./reference";

export const ROLES = [
  "ministry_admin",
  "school_admin",
  "school_registrar",
  "school_principal",
  "employer_member",
  "graduate",
] as const;
export type Role = (typeof ROLES)[number];

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(), // stored lower-cased
    fullName: text("full_name").notNull(),
    passwordHash: text("password_hash"), // null until an invited user sets a password
    locale: varchar("locale", { length: 2 }).notNull().default("vi"),
    emailVerifiedAt: timestamp("email_verified_at", { withTimezone: true }),
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
    passwordChangedAt: timestamp("password_changed_at", { withTimezone: true }),
    /** Mail categories (app/modules/mail/categories.ts) this person turned off; legally required ones cannot be. */
    mailOptOuts: text("mail_opt_outs")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("users_email_unique").on(t.email),
    check("users_email_lower", sql`${t.email} = lower(${t.email})`),
  ],
);

/** Server-side sessions: the cookie carries a random token, the table only its SHA-256, so a leaked table opens nothing. */
export const sessions = pgTable(
  "sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    ip: text("ip"),
    userAgent: text("user_agent"),
  },
  (t) => [uniqueIndex("sessions_token_hash_unique").on(t.tokenHash), index("sessions_user_idx").on(t.userId)],
);

/** One-time tokens mailed to users: e-mail confirmation, password reset, invitation to set a first password. */
export const userTokens = pgTable(
  "user_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    purpose: text("purpose").notNull(), // confirm_email | reset_password | invitation
    tokenHash: text("token_hash").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("user_tokens_hash_unique").on(t.tokenHash)],
);

export const ORGANISATION_KINDS = ["school", "employer"] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];
export const SCHOOL_TYPES = ["cao_dang", "trung_cap", "trung_tam_gdnn", "trung_hoc_nghe"] as const;
export type SchoolType = (typeof SCHOOL_TYPES)[number];
export const ORGANISATION_STATUSES = ["pending", "accredited", "rejected", "suspended"] as const;
export type OrganisationStatus = (typeof ORGANISATION_STATUSES)[number];

/** Schools and employers. A school's `code` names its did:web issuer; an employer's `code` is its tax code. */
export const organisations = pgTable(
  "organisations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind").$type<OrganisationKind>().notNull(),
    code: text("code").notNull(),
    name: text("name").notNull(),
    nameEn: text("name_en"),
    provinceCode: varchar("province_code", { length: 2 })
      .notNull()
      .references(() => provinces.code),
    schoolType: text("school_type").$type<SchoolType>(),
    address: text("address"),
    /** What the applicant supplied at sign-up for the ministry's check: a phone number, a website (https://), and the
     * reference of the founding decision or business registration certificate (số quyết định / giấy chứng nhận). */
    contactPhone: text("contact_phone"),
    website: text("website"),
    registrationDocument: text("registration_document"),
    status: text("status").$type<OrganisationStatus>().notNull().default("pending"),
    statusReason: text("status_reason"),
    statusChangedAt: timestamp("status_changed_at", { withTimezone: true }),
    statusChangedBy: uuid("status_changed_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("organisations_kind_code_unique").on(t.kind, t.code),
    check("organisations_school_type", sql`(${t.kind} = 'school') = (${t.schoolType} is not null)`),
  ],
);

/**
 * Who may do what where. Ministry administrators and graduates hold roles without an organisation;
 * school and employer roles always name their organisation.
 */
export const roleAssignments = pgTable(
  "role_assignments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role").$type<Role>().notNull(),
    organisationId: uuid("organisation_id").references(() => organisations.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid("created_by").references(() => users.id),
  },
  (t) => [
    uniqueIndex("role_assignments_unique").on(
      t.userId,
      t.role,
      sql`coalesce(${t.organisationId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
    ),
    index("role_assignments_org_idx").on(t.organisationId),
    check("role_assignments_scope", sql`(${t.role} in ('ministry_admin', 'graduate')) = (${t.organisationId} is null)`),
  ],
);

/** Every mail leaves through this table; a dispatcher delivers it after the transaction that wrote it commits. */
export const mailOutbox = pgTable(
  "mail_outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    bodyText: text("body_text").notNull(),
    template: text("template").notNull(),
    status: text("status").notNull().default("pending"), // pending | sending | sent | failed | expired (secret outlived) | held
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [index("mail_outbox_status_idx").on(t.status, t.createdAt)],
);

/** Fixed-window counters shared by every server process (sign-in attempts, public endpoints). */
export const rateLimitCounters = pgTable(
  "rate_limit_counters",
  {
    key: text("key").notNull(),
    windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
    hits: integer("hits").notNull().default(0),
  },
  (t) => [uniqueIndex("rate_limit_counters_pk").on(t.key, t.windowStart)],
);

/**
 * Sign-in throttles with growing delays (app/lib/rate-limit.server.ts, `takeThrottle`): per account from unknown
 * devices, per known device. `attempts` counts attempts since the last success (forgotten after a quiet day);
 * from the policy's free attempts on, each attempt locks the key until `locked_until`, for twice as long each time.
 */
export const signInThrottles = pgTable("sign_in_throttles", {
  key: text("key").primaryKey(),
  attempts: integer("attempts").notNull().default(0),
  lockedUntil: timestamp("locked_until", { withTimezone: true }),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** The audit trail: written in the same transaction as the change it records. Append-only. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actorUserId: uuid("actor_user_id").references(() => users.id),
    actorIp: text("actor_ip"),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id"),
    organisationId: uuid("organisation_id").references(() => organisations.id),
    details: jsonb("details").$type<Record<string, unknown>>(),
  },
  (t) => [
    index("audit_log_entity_idx").on(t.entityType, t.entityId),
    index("audit_log_org_idx").on(t.organisationId, t.at),
  ],
);

export type User = InferSelectModel<typeof users>;
export type Session = InferSelectModel<typeof sessions>;
export type Organisation = InferSelectModel<typeof organisations>;
export type RoleAssignment = InferSelectModel<typeof roleAssignments>;
export type MailOutboxRow = InferSelectModel<typeof mailOutbox>;
export type AuditLogRow = InferSelectModel<typeof auditLog>;
