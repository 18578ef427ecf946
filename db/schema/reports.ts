import type { InferSelectModel } from "drizzle-orm";
import { index, pgTable, text, timestamp, uniqueIndex, uuid, varchar } from "drizzle-orm/pg-core";
import { organisations } from "./accounts";

export const FAKE_REPORT_STATUSES = ["received", "investigating", "closed_genuine", "closed_fake"] as const;
export type FakeReportStatus = (typeof FAKE_REPORT_STATUSES)[number];

/**
 * A report of a suspected fake diploma (phản ánh văn bằng nghi giả), sent from the public verify page without an
 * account. The reporter follows it by its tracking code; the reporter's e-mail is for follow-up mail only and is
 * never shown publicly. `organisation_id` is the school the QR code names, when it is one of ours.
 */
export const fakeReports = pgTable(
  "fake_reports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    trackingCode: varchar("tracking_code", { length: 16 }).notNull(),
    organisationId: uuid("organisation_id").references(() => organisations.id),
    /** The QR text or serial number as submitted (bounded). */
    submittedText: varchar("submitted_text", { length: 2000 }),
    verdict: varchar("verdict", { length: 32 }),
    description: varchar("description", { length: 2000 }).notNull(),
    reporterEmail: varchar("reporter_email", { length: 254 }),
    status: text("status").$type<FakeReportStatus>().notNull().default("received"),
    /** Public: shown on the tracking page. */
    resolutionNote: varchar("resolution_note", { length: 2000 }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("fake_reports_tracking_code_unique").on(t.trackingCode),
    index("fake_reports_org_idx").on(t.organisationId, t.createdAt),
  ],
);

export type FakeReport = InferSelectModel<typeof fakeReports>;
