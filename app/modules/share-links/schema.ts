/** Input of the graduate's share-link forms, and the pure pieces of a link's life. Browser-safe. */
import { z } from "zod";

export const SHARE_EXPIRIES = ["7d", "30d", "1y", "never"] as const;
export type ShareExpiry = (typeof SHARE_EXPIRIES)[number];

const EXPIRY_DAYS: Record<ShareExpiry, number | null> = { "7d": 7, "30d": 30, "1y": 365, never: null };

export const createShareLinkInput = z.object({ expiry: z.enum(SHARE_EXPIRIES) });
export const revokeShareLinkInput = z.object({ linkId: z.string().uuid() });

/** When a link made at `now` with `expiry` stops working; null: never. */
export function expiresAtFor(expiry: ShareExpiry, now: Date): Date | null {
  const days = EXPIRY_DAYS[expiry];
  return days === null ? null : new Date(now.getTime() + days * 86_400_000);
}

export type ShareLinkState = "active" | "expired" | "revoked";

export function shareLinkState(
  link: { revokedAt: Date | string | null; expiresAt: Date | string | null },
  now: Date,
): ShareLinkState {
  if (link.revokedAt) return "revoked";
  if (link.expiresAt && new Date(link.expiresAt).getTime() <= now.getTime()) return "expired";
  return "active";
}

/** The path of a share link. */
export const shareLinkPath = (token: string) => `/s/${token}`;

/** A share token as generated (256 bits, base64url): anything else is not looked up. */
export const SHARE_TOKEN = /^[A-Za-z0-9_-]{43}$/;
