import type { InferSelectModel } from "drizzle-orm";
import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts";
import { diplomas } from "./diplomas";

/**
 * A graduate's share links to one of their diplomas: an opaque random token URL (/s/{token}) that shows the same
 * public verify result as the QR code, until it expires (`expires_at`, null = never) or the graduate revokes it.
 * Each opening while in force is counted. The QR code printed on the diploma is not one of these: it stays
 * permanent. The token is kept as it is (not hashed) so the graduate can copy their link again later; it opens
 * nothing the diploma's own QR text does not.
 */
export const shareLinks = pgTable(
  "share_links",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    diplomaId: uuid("diploma_id")
      .notNull()
      .references(() => diplomas.id),
    /** The graduate who made it (the diploma's claimant): only they list and revoke it. */
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    token: text("token").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    viewCount: integer("view_count").notNull().default(0),
    lastViewedAt: timestamp("last_viewed_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("share_links_token_unique").on(t.token),
    index("share_links_user_diploma_idx").on(t.userId, t.diplomaId),
  ],
);

export type ShareLink = InferSelectModel<typeof shareLinks>;
