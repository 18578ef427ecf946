import { boolean, index, integer, pgTable, primaryKey, text, timestamp, varchar } from "drizzle-orm/pg-core";
import type { InferSelectModel } from "drizzle-orm";

/** The 34 provincial units in force since 1 July 2025 (NQ 202/2025/QH15), with the statistics office's codes. */
export const provinces = pgTable("provinces", {
  code: varchar("code", { length: 2 }).primaryKey(),
  nameVi: text("name_vi").notNull(),
  nameEn: text("name_en"),
  kind: text("kind").notNull(), // "tỉnh" | "thành phố"
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Training levels (trình độ). `codeDigit` is the first digit of a 7-digit programme code at that level. */
export const trainingLevels = pgTable("training_levels", {
  code: text("code").primaryKey(), // so_cap | trung_cap | cao_dang | trung_hoc_nghe
  nameVi: text("name_vi").notNull(),
  nameEn: text("name_en").notNull(),
  codeDigit: varchar("code_digit", { length: 1 }),
  rank: integer("rank").notNull(), // for "at least this level" comparisons
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Fields of training (cấp II, 2 digits) and the title a cao đẳng graduate of the field bears. */
export const fields = pgTable("fields", {
  code: varchar("code", { length: 2 }).primaryKey(),
  nameVi: text("name_vi").notNull(),
  nameEn: text("name_en"),
  caoDangTitle: text("cao_dang_title").notNull(), // "kỹ sư thực hành" | "cử nhân thực hành"
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Groups (cấp III): field (2 digits) + group (2 digits). Names are optional: no official list is machine-readable. */
export const programmeGroups = pgTable("programme_groups", {
  code: varchar("code", { length: 4 }).primaryKey(),
  fieldCode: varchar("field_code", { length: 2 })
    .notNull()
    .references(() => fields.code),
  nameVi: text("name_vi"),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Programmes (ngành, nghề cấp IV). Current codes have 7 digits: level, field, group, programme.
 * Legacy 8-digit codes from older licences are stored as they are, with `isLegacy` and no derived hierarchy.
 */
export const programmes = pgTable(
  "programmes",
  {
    code: varchar("code", { length: 8 }).primaryKey(),
    nameVi: text("name_vi").notNull(),
    nameEn: text("name_en"),
    levelCode: text("level_code")
      .notNull()
      .references(() => trainingLevels.code),
    fieldCode: varchar("field_code", { length: 2 }).references(() => fields.code),
    groupCode: varchar("group_code", { length: 4 }).references(() => programmeGroups.code),
    /** The 6 digits after the level digit: the same programme at another level shares it. */
    programmeKey: varchar("programme_key", { length: 6 }),
    isLegacy: boolean("is_legacy").notNull().default(false),
    source: text("source").notNull(), // sourced | unverified | imported | admin
    active: boolean("active").notNull().default(true),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("programmes_field_idx").on(t.fieldCode), index("programmes_key_idx").on(t.programmeKey)],
);

/** Proposed crosswalk from a programme (6-digit key, level-independent) to VSCO 2020 unit groups (4 digits). */
export const programmeOccupations = pgTable(
  "programme_occupations",
  {
    programmeKey: varchar("programme_key", { length: 6 }).notNull(),
    vscoCode: varchar("vsco_code", { length: 4 }).notNull(),
    status: text("status").notNull().default("proposed"), // proposed | confirmed
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.programmeKey, t.vscoCode] })],
);

/**
 * Occupations (VSCO 2020 unit groups, 4 digits, equal to ISCO-08), named for employers who choose one for a job.
 * Loaded from db/reference/occupations-vsco.csv while the table is empty (names unverified against the decree).
 */
export const occupations = pgTable("occupations", {
  code: varchar("code", { length: 4 }).primaryKey(),
  nameVi: text("name_vi").notNull(),
  nameEn: text("name_en"),
});

export type Province = InferSelectModel<typeof provinces>;
export type TrainingLevel = InferSelectModel<typeof trainingLevels>;
export type Field = InferSelectModel<typeof fields>;
export type ProgrammeGroup = InferSelectModel<typeof programmeGroups>;
export type Programme = InferSelectModel<typeof programmes>;
export type ProgrammeOccupation = InferSelectModel<typeof programmeOccupations>;
