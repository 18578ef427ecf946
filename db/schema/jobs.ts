import { sql } from "drizzle-orm";
import type { InferSelectModel } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from "drizzle-orm/pg-core";
import { organisations, users } from "./accounts";
import { diplomas } from "./diplomas";
import { provinces, trainingLevels } from "./reference";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

/**
 * Which provinces border which (both directions stored). Editable reference data: seeded by migration 0006 from
 * our reading of the 2025 map (marked unverified), owned by the ministry administrator afterwards.
 */
export const provinceNeighbours = pgTable(
  "province_neighbours",
  {
    provinceCode: varchar("province_code", { length: 2 })
      .notNull()
      .references(() => provinces.code),
    neighbourCode: varchar("neighbour_code", { length: 2 })
      .notNull()
      .references(() => provinces.code),
  },
  (t) => [primaryKey({ columns: [t.provinceCode, t.neighbourCode] })],
);

export const COMPANY_SIZES = ["micro", "small", "medium", "large"] as const;
export type CompanySize = (typeof COMPANY_SIZES)[number];

/** An employer's public company profile, one per employer organisation (name, tax code, province live on it). */
export const employerProfiles = pgTable("employer_profiles", {
  organisationId: uuid("organisation_id")
    .primaryKey()
    .references(() => organisations.id, { onDelete: "cascade" }),
  industry: text("industry"),
  size: text("size").$type<CompanySize>(),
  contactName: text("contact_name"),
  contactEmail: text("contact_email"),
  contactPhone: text("contact_phone"),
  website: text("website"),
  logoUrl: text("logo_url"),
  description: text("description"),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const EMPLOYMENT_TYPES = ["full_time", "part_time", "contract", "temporary", "internship"] as const;
export type EmploymentType = (typeof EMPLOYMENT_TYPES)[number];
/** Stored states; "expired" is also derived at query time from the deadline, so an expired job never shows open. */
export const JOB_STATUSES = ["draft", "published", "closed", "expired"] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export const jobs = pgTable(
  "jobs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    title: text("title").notNull(),
    description: text("description").notNull(),
    programmeCodes: varchar("programme_codes", { length: 8 })
      .array()
      .notNull()
      .default(sql`'{}'`),
    occupationCode: varchar("occupation_code", { length: 4 }),
    minLevelCode: text("min_level_code")
      .notNull()
      .references(() => trainingLevels.code),
    provinceCodes: varchar("province_codes", { length: 2 })
      .array()
      .notNull()
      .default(sql`'{}'`),
    remote: boolean("remote").notNull().default(false),
    salaryMinVnd: bigint("salary_min_vnd", { mode: "number" }),
    salaryMaxVnd: bigint("salary_max_vnd", { mode: "number" }),
    salaryNegotiable: boolean("salary_negotiable").notNull().default(false),
    employmentType: text("employment_type").$type<EmploymentType>().notNull(),
    openings: integer("openings").notNull().default(1),
    skills: text("skills")
      .array()
      .notNull()
      .default(sql`'{}'`),
    deadline: date("deadline", { mode: "string" }).notNull(),
    status: text("status").$type<JobStatus>().notNull().default("draft"),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    /** title + skills + description, folded (vb_fold: lower + unaccent), 'simple' configuration. Set on every save. */
    searchTsv: tsvector("search_tsv"),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("jobs_org_idx").on(t.organisationId, t.createdAt),
    index("jobs_open_idx").on(t.status, t.deadline, t.publishedAt),
    index("jobs_search_idx").using("gin", t.searchTsv),
    index("jobs_provinces_idx").using("gin", t.provinceCodes),
    check(
      "jobs_salary_range",
      sql`${t.salaryMinVnd} is null or ${t.salaryMaxVnd} is null or ${t.salaryMinVnd} <= ${t.salaryMaxVnd}`,
    ),
    check("jobs_openings_positive", sql`${t.openings} > 0`),
    check("jobs_has_target", sql`cardinality(${t.programmeCodes}) > 0 or ${t.occupationCode} is not null`),
  ],
);

/**
 * The matching index of open jobs: one row per (job, target programme) or (job, occupation), with what the score
 * needs copied from the job, so "jobs for me" reads one table through its field/key/occupation indexes. Written
 * when a job is published, deleted when it closes or expires.
 */
export const jobMatchTargets = pgTable(
  "job_match_targets",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    jobId: uuid("job_id")
      .notNull()
      .references(() => jobs.id, { onDelete: "cascade" }),
    programmeCode: varchar("programme_code", { length: 8 }),
    programmeKey: varchar("programme_key", { length: 6 }),
    groupCode: varchar("group_code", { length: 4 }),
    fieldCode: varchar("field_code", { length: 2 }),
    vscoCode: varchar("vsco_code", { length: 4 }),
    minLevelRank: smallint("min_level_rank").notNull(),
    provinceCodes: varchar("province_codes", { length: 2 }).array().notNull(),
    /** The job's provinces' neighbours (excluding the provinces themselves). */
    neighbourCodes: varchar("neighbour_codes", { length: 2 }).array().notNull(),
    remote: boolean("remote").notNull(),
    skillsFolded: text("skills_folded").array().notNull(),
    /** The job's best pay (maximum, else minimum), compared with a graduate's salary expectation. */
    salaryTopVnd: bigint("salary_top_vnd", { mode: "number" }),
    employmentType: text("employment_type"),
    publishedAt: timestamp("published_at", { withTimezone: true }).notNull(),
    deadline: date("deadline", { mode: "string" }).notNull(),
  },
  (t) => [
    index("job_match_targets_job_idx").on(t.jobId),
    index("job_match_targets_key_idx").on(t.programmeKey),
    index("job_match_targets_code_idx").on(t.programmeCode),
    index("job_match_targets_group_idx").on(t.groupCode),
    index("job_match_targets_field_idx").on(t.fieldCode, t.deadline),
    index("job_match_targets_vsco_idx").on(t.vscoCode, t.deadline),
    index("job_match_targets_provinces_idx").using("gin", t.provinceCodes),
    index("job_match_targets_neighbours_idx").using("gin", t.neighbourCodes),
  ],
);

/** A graduate's preferences for matching. Their diplomas come from their claims, never from this row. */
export const graduateProfiles = pgTable("graduate_profiles", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  provinceCodes: varchar("province_codes", { length: 2 })
    .array()
    .notNull()
    .default(sql`'{}'`),
  salaryExpectationVnd: bigint("salary_expectation_vnd", { mode: "number" }),
  jobTypes: text("job_types")
    .array()
    .notNull()
    .default(sql`'{}'`),
  skills: text("skills")
    .array()
    .notNull()
    .default(sql`'{}'`),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const CONSENT_PURPOSES = ["visible_to_employers", "may_be_contacted", "share_diplomas"] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

/**
 * Consents, one row per grant (history kept): the current consent is the row without `withdrawn_at`. Off by
 * default (no row), each purpose separate (Law 91/2025/QH15).
 */
export const graduateConsents = pgTable(
  "graduate_consents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    purpose: text("purpose").$type<ConsentPurpose>().notNull(),
    grantedAt: timestamp("granted_at", { withTimezone: true }).notNull().defaultNow(),
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("graduate_consents_current")
      .on(t.userId, t.purpose)
      .where(sql`${t.withdrawnAt} is null`),
    // The history (and deleting an account) reads every row of a user, withdrawn ones included.
    index("graduate_consents_user_idx").on(t.userId, t.grantedAt),
  ],
);

/**
 * The candidate pool: one row per issued, claimed diploma of a graduate who currently consents to be visible to
 * employers, with their preferences copied in. Rewritten in the transaction of every consent, profile, claim or
 * diploma-status change, so a withdrawal removes the graduate from every employer query at once.
 */
export const candidatePool = pgTable(
  "candidate_pool",
  {
    diplomaId: uuid("diploma_id")
      .primaryKey()
      .references(() => diplomas.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    programmeCode: varchar("programme_code", { length: 8 }).notNull(),
    programmeKey: varchar("programme_key", { length: 6 }),
    groupCode: varchar("group_code", { length: 4 }),
    fieldCode: varchar("field_code", { length: 2 }),
    levelRank: smallint("level_rank").notNull(),
    provinceCodes: varchar("province_codes", { length: 2 }).array().notNull(),
    skillsFolded: text("skills_folded").array().notNull(),
    salaryExpectationVnd: bigint("salary_expectation_vnd", { mode: "number" }),
    jobTypes: text("job_types")
      .array()
      .notNull()
      .default(sql`'{}'`),
  },
  (t) => [
    index("candidate_pool_user_idx").on(t.userId),
    index("candidate_pool_code_idx").on(t.programmeCode),
    index("candidate_pool_key_idx").on(t.programmeKey, t.levelRank),
    index("candidate_pool_group_idx").on(t.groupCode, t.levelRank),
    index("candidate_pool_field_idx").on(t.fieldCode, t.levelRank),
    index("candidate_pool_provinces_idx").using("gin", t.provinceCodes),
  ],
);

/** "withdrawn": the graduate withdrew the application; final, the employer cannot move it any more. */
export const APPLICATION_STATUSES = [
  "new",
  "shortlisted",
  "interview",
  "offer",
  "hired",
  "rejected",
  "withdrawn",
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const applications = pgTable(
  "applications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    jobId: uuid("job_id")
      .notNull()
      .references(() => jobs.id),
    /** Copied from the job so that every employer query names its own organisation (ownership in the query). */
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    status: text("status").$type<ApplicationStatus>().notNull().default("new"),
    message: text("message"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("applications_job_user_unique").on(t.jobId, t.userId),
    index("applications_org_idx").on(t.organisationId, t.jobId, t.status),
    index("applications_user_idx").on(t.userId, t.createdAt),
  ],
);

/** Diplomas attached to an application (only with the share consent at the time of applying). */
export const applicationDiplomas = pgTable(
  "application_diplomas",
  {
    applicationId: uuid("application_id")
      .notNull()
      .references(() => applications.id, { onDelete: "cascade" }),
    diplomaId: uuid("diploma_id")
      .notNull()
      .references(() => diplomas.id),
  },
  (t) => [primaryKey({ columns: [t.applicationId, t.diplomaId] })],
);

/** The pipeline's history: each status change and note, by whom and when. */
export const applicationEvents = pgTable(
  "application_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    applicationId: uuid("application_id")
      .notNull()
      .references(() => applications.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(), // applied | status | note
    fromStatus: text("from_status").$type<ApplicationStatus>(),
    toStatus: text("to_status").$type<ApplicationStatus>(),
    note: text("note"),
    actorUserId: uuid("actor_user_id").references(() => users.id),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("application_events_app_idx").on(t.applicationId, t.id)],
);

/** An employer's invitation to a consenting graduate to apply to one job. */
export const jobInvitations = pgTable(
  "job_invitations",
  {
    jobId: uuid("job_id")
      .notNull()
      .references(() => jobs.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    invitedBy: uuid("invited_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.jobId, t.userId] }), index("job_invitations_user_idx").on(t.userId)],
);

/** A graduate's saved search: filters of "Việc làm phù hợp"; a newly published job that matches raises an alert. */
export const savedSearches = pgTable(
  "saved_searches",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    filters: jsonb("filters").$type<Record<string, string>>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("saved_searches_user_idx").on(t.userId)],
);

/** In-app notifications (job alerts, invitations, application updates). */
export const notifications = pgTable(
  "notifications",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(), // job_alert | invitation | application_status
    jobId: uuid("job_id").references(() => jobs.id, { onDelete: "cascade" }),
    details: jsonb("details").$type<Record<string, unknown>>(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp("read_at", { withTimezone: true }),
    /** When a job alert went out in a daily digest mail (job alerts only; null: not mailed yet). */
    mailedAt: timestamp("mailed_at", { withTimezone: true }),
  },
  (t) => [
    index("notifications_user_idx").on(t.userId, t.id),
    index("notifications_unmailed_alerts_idx")
      .on(t.createdAt)
      .where(sql`${t.kind} = 'job_alert' and ${t.mailedAt} is null`),
  ],
);

/** One row per graduate per Vietnam day that a job-alert digest was mailed: at most one digest a day, even on reruns. */
export const jobAlertDigests = pgTable(
  "job_alert_digests",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    day: date("day", { mode: "string" }).notNull(),
    jobs: integer("jobs").notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.day] })],
);

export type ProvinceNeighbour = InferSelectModel<typeof provinceNeighbours>;
export type EmployerProfile = InferSelectModel<typeof employerProfiles>;
export type Job = InferSelectModel<typeof jobs>;
export type JobMatchTarget = InferSelectModel<typeof jobMatchTargets>;
export type GraduateProfile = InferSelectModel<typeof graduateProfiles>;
export type GraduateConsent = InferSelectModel<typeof graduateConsents>;
export type CandidatePoolRow = InferSelectModel<typeof candidatePool>;
export type Application = InferSelectModel<typeof applications>;
export type ApplicationEvent = InferSelectModel<typeof applicationEvents>;
export type SavedSearch = InferSelectModel<typeof savedSearches>;
export type Notification = InferSelectModel<typeof notifications>;
