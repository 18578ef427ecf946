import type { InferSelectModel } from "drizzle-orm";
import { date, integer, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import { organisations } from "./accounts";

/**
 * How many verifications each school's diplomas got, per day (Vietnam calendar) and per verdict: statistics
 * without a trace of who verified (no address, no time of day, no diploma). `organisation_id` is null when the
 * code named no school of ours (malformed or foreign input). NULLS NOT DISTINCT so those rows upsert too.
 */
export const verificationCounts = pgTable(
  "verification_counts",
  {
    organisationId: uuid("organisation_id").references(() => organisations.id),
    day: date("day", { mode: "string" }).notNull(),
    verdict: text("verdict").notNull(),
    count: integer("count").notNull().default(0),
  },
  (t) => [unique("verification_counts_unique").on(t.organisationId, t.day, t.verdict).nullsNotDistinct()],
);

export type VerificationCount = InferSelectModel<typeof verificationCounts>;
