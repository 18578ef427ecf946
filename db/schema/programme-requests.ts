import type { InferSelectModel } from "drizzle-orm";
import { sql } from "drizzle-orm";
import { check, index, pgTable, text, timestamp, uniqueIndex, uuid, varchar } from "drizzle-orm/pg-core";
import { organisations, users } from "./accounts";
import { trainingLevels } from "./reference";

export const PROGRAMME_REQUEST_STATUSES = ["pending", "added", "refused"] as const;
export type ProgrammeRequestStatus = (typeof PROGRAMME_REQUEST_STATUSES)[number];

/**
 * A school's request to the ministry to add a programme (ngành, nghề) missing from the catalogue, made from the
 * draft import's "unknown programme" error. One per school and code: asking again answers the existing request.
 * The ministry administrator marks it added (the code is then in the catalogue) or refused, with a note the
 * school reads.
 */
export const programmeRequests = pgTable(
  "programme_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    programmeCode: varchar("programme_code", { length: 8 }).notNull(),
    /** The programme's name as the school gives it, if it does. */
    programmeName: varchar("programme_name", { length: 300 }),
    levelCode: text("level_code").references(() => trainingLevels.code),
    requestedBy: uuid("requested_by")
      .notNull()
      .references(() => users.id),
    status: text("status").$type<ProgrammeRequestStatus>().notNull().default("pending"),
    /** The ministry's answer, shown to the school. */
    adminNote: varchar("admin_note", { length: 2000 }),
    answeredBy: uuid("answered_by").references(() => users.id),
    answeredAt: timestamp("answered_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("programme_requests_school_code_unique").on(t.organisationId, t.programmeCode),
    index("programme_requests_status_idx").on(t.status, t.createdAt),
    check("programme_requests_status", sql`${t.status} in ('pending', 'added', 'refused')`),
    check("programme_requests_code", sql`${t.programmeCode} ~ '^[0-9]{7,8}$'`),
  ],
);

export type ProgrammeRequest = InferSelectModel<typeof programmeRequests>;
