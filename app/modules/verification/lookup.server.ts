/**
 * The lookup by serial number and full name (as the national lookup offers): an issued, revoked, suspended or
 * superseded diploma whose serial is the one given (ASCII letters in any case) and whose holder's name matches,
 * compared without case and diacritics. Found → the path of its QR verdict page; otherwise one neutral answer, whether or not the serial
 * exists. Rate-limited per client address.
 */
import { and, eq, inArray } from "drizzle-orm";
import { diplomas } from "../../../db/schema";
import { type Executor, withDefaultDb } from "~/lib/db.server";
import { foldVietnamese } from "~/lib/fold-vietnamese";
import { hitRateLimit, type RateLimitRule } from "~/lib/rate-limit.server";

export const LOOKUP_RATE_LIMIT: RateLimitRule = { limit: 20, windowSeconds: 3600 };
const LOOKUP_STATUSES = ["issued", "revoked", "suspended", "superseded"] as const;
const MAX_FIELD = 200;

export type LookupResult =
  | { ok: true; path: string }
  | { ok: false; reason: "empty" | "not_found" }
  | { ok: false; reason: "rate_limited"; retryAfterSeconds: number };

/** "cdcnhn-000041" → "CDCNHN-000041": serials are upper-case ASCII; only ASCII letters are folded (no look-alikes). */
export function normaliseSerial(serial: string): string {
  return serial.trim().replace(/[a-z]/g, (c) => c.toUpperCase());
}

export const lookupDiploma = withDefaultDb(async function lookupDiploma(
  db: Executor,
  input: { serial: unknown; fullName: unknown; ip: string | null },
): Promise<LookupResult> {
  const serial = typeof input.serial === "string" ? normaliseSerial(input.serial.slice(0, MAX_FIELD)) : "";
  const name = typeof input.fullName === "string" ? foldVietnamese(input.fullName.slice(0, MAX_FIELD)) : "";
  if (!serial || !name) return { ok: false, reason: "empty" };
  const limit = await hitRateLimit(db, `verify-lookup:ip:${input.ip ?? "unknown"}`, LOOKUP_RATE_LIMIT);
  if (!limit.allowed) return { ok: false, reason: "rate_limited", retryAfterSeconds: limit.retryAfterSeconds };
  const rows = await db
    .select({ fullName: diplomas.fullName, qrPayload: diplomas.qrPayload })
    .from(diplomas)
    .where(and(eq(diplomas.serial, serial), inArray(diplomas.status, [...LOOKUP_STATUSES])));
  for (const row of rows) {
    if (!row.qrPayload || foldVietnamese(row.fullName) !== name) continue;
    const upper = row.qrPayload.toUpperCase();
    const payload = upper.slice(upper.lastIndexOf("/V/") + 3);
    if (/^[A-Z2-7]+$/.test(payload)) return { ok: true, path: `/v/${payload}` };
  }
  return { ok: false, reason: "not_found" };
});
