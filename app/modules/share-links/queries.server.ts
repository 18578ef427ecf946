/** The share_links table: the only place this area touches the database. Ownership is always in the query. */
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { diplomas, shareLinks } from "../../../db/schema";
import type { Executor } from "~/lib/db.server";

/** The graduate's own links to one of their diplomas, newest first. */
export function listShareLinks(db: Executor, options: { userId: string; diplomaId: string }) {
  return db
    .select({
      id: shareLinks.id,
      token: shareLinks.token,
      expiresAt: shareLinks.expiresAt,
      revokedAt: shareLinks.revokedAt,
      viewCount: shareLinks.viewCount,
      lastViewedAt: shareLinks.lastViewedAt,
      createdAt: shareLinks.createdAt,
    })
    .from(shareLinks)
    .where(and(eq(shareLinks.userId, options.userId), eq(shareLinks.diplomaId, options.diplomaId)))
    .orderBy(desc(shareLinks.createdAt));
}

/** The diploma, if `userId` claimed it and it is signed (a QR text to show). */
export async function findOwnSignedDiploma(db: Executor, options: { userId: string; diplomaId: string }) {
  const [row] = await db
    .select({ id: diplomas.id, organisationId: diplomas.organisationId, serial: diplomas.serial })
    .from(diplomas)
    .where(
      and(
        eq(diplomas.id, options.diplomaId),
        eq(diplomas.claimedBy, options.userId),
        sql`${diplomas.qrPayload} is not null`,
      ),
    );
  return row ?? null;
}

export async function insertShareLink(
  db: Executor,
  values: { diplomaId: string; userId: string; token: string; expiresAt: Date | null },
) {
  const [row] = await db.insert(shareLinks).values(values).returning({ id: shareLinks.id, token: shareLinks.token });
  return row!;
}

/** Revokes the user's own link still in force; null when there is no such link (not theirs, unknown, already revoked). */
export async function markShareLinkRevoked(db: Executor, options: { linkId: string; userId: string; at: Date }) {
  const [row] = await db
    .update(shareLinks)
    .set({ revokedAt: options.at })
    .where(and(eq(shareLinks.id, options.linkId), eq(shareLinks.userId, options.userId), isNull(shareLinks.revokedAt)))
    .returning({ id: shareLinks.id, diplomaId: shareLinks.diplomaId });
  return row ?? null;
}

/**
 * Opens a link: counts the view and gives the diploma's QR text, in one statement, only when the link is in force
 * (not revoked, not expired) and its maker still holds the diploma. Otherwise says why not, without counting.
 */
export async function openShareLinkRow(db: Executor, options: { token: string; at: Date }) {
  const [opened] = await db
    .update(shareLinks)
    .set({ viewCount: sql`${shareLinks.viewCount} + 1`, lastViewedAt: options.at })
    .from(diplomas)
    .where(
      and(
        eq(shareLinks.token, options.token),
        isNull(shareLinks.revokedAt),
        sql`(${shareLinks.expiresAt} is null or ${shareLinks.expiresAt} > ${options.at.toISOString()}::timestamptz)`,
        eq(diplomas.id, shareLinks.diplomaId),
        eq(diplomas.claimedBy, shareLinks.userId),
      ),
    )
    .returning({ qrPayload: diplomas.qrPayload });
  if (opened?.qrPayload) return { state: "active" as const, qrPayload: opened.qrPayload };
  const [link] = await db
    .select({ revokedAt: shareLinks.revokedAt, expiresAt: shareLinks.expiresAt })
    .from(shareLinks)
    .where(eq(shareLinks.token, options.token));
  if (!link) return { state: "not_found" as const };
  return { state: link.revokedAt ? ("revoked" as const) : ("expired" as const) };
}
