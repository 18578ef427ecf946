import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from "node:crypto";
import { getEnv } from "~/lib/env.server";
import { getKeyRing, MissingKekError } from "~/modules/keys/key-encryption.server";

/**
 * The device cookie (OWASP, "Slow down online guessing attacks with device cookies"): set on each successful
 * sign-in, it names the account (its user id) and a random nonce, signed with HMAC-SHA-256. A sign-in attempt that
 * carries a valid one for the account it names has its own failure budget (per nonce) and is not slowed down by
 * failures from other devices. One cookie holds the last MAX_ACCOUNTS accounts signed in on the device (a shared
 * school computer), most recent first.
 *
 * The key is derived (HKDF, its own label) from the key ring of KEY_ENCRYPTION_KEY, the portal's one secret at rest:
 * nothing new to configure, the same in every process. Without a KEK (production misconfigured) there are no device
 * cookies: every device is unknown, which slows the owner down like a stranger but never locks anyone out.
 */

export const DEVICE_COOKIE = "vb_device";
const MAX_ACCOUNTS = 5;
const MAX_AGE_SECONDS = 365 * 86400;

let cachedKey: Buffer | null | undefined;

/** The HMAC key of device cookies, or null when the portal has no KEK. */
function deviceKey(): Buffer | null {
  if (cachedKey !== undefined) return cachedKey;
  try {
    const ring = getKeyRing();
    cachedKey = Buffer.from(hkdfSync("sha256", ring.claimCodes, Buffer.alloc(0), "vanbang:device-cookies", 32));
  } catch (error) {
    if (!(error instanceof MissingKekError)) throw error;
    cachedKey = null;
  }
  return cachedKey;
}

/** Lets tests install a key of their own (null: no device cookies). */
export function useDeviceKey(key: Buffer | null): void {
  cachedKey = key;
}

function sign(key: Buffer, userId: string, nonce: string): string {
  return createHmac("sha256", key).update(`${userId}.${nonce}`).digest("base64url");
}

export interface KnownDevice {
  userId: string;
  /** Names the device's own failure budget. */
  nonce: string;
}

/** The entries of a device cookie whose signature holds. */
function readEntries(cookieHeader: string | null | undefined): KnownDevice[] {
  const key = deviceKey();
  if (!key || !cookieHeader) return [];
  const value = cookieHeader
    .split(";")
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${DEVICE_COOKIE}=`))
    ?.slice(DEVICE_COOKIE.length + 1);
  if (!value || value.length > 2000) return [];
  const entries: KnownDevice[] = [];
  for (const entry of value.split("~").slice(0, MAX_ACCOUNTS)) {
    const [userId, nonce, signature] = entry.split(".");
    if (!userId || !nonce || !signature) continue;
    const expected = Buffer.from(sign(key, userId, nonce));
    const given = Buffer.from(signature);
    if (given.length === expected.length && timingSafeEqual(given, expected)) entries.push({ userId, nonce });
  }
  return entries;
}

/** The known device behind a request's cookies for account `userId`, or null (no cookie, forged, another account's). */
export function knownDeviceFor(cookieHeader: string | null | undefined, userId: string): KnownDevice | null {
  return readEntries(cookieHeader).find((entry) => entry.userId === userId) ?? null;
}

/**
 * The Set-Cookie header after `userId` signed in: a fresh signed entry for the account first, then the device's other
 * accounts (at most MAX_ACCOUNTS in all). Null without a key.
 */
export function deviceCookieAfterSignIn(cookieHeader: string | null | undefined, userId: string): string | null {
  const key = deviceKey();
  if (!key) return null;
  const nonce = randomBytes(16).toString("base64url");
  const others = readEntries(cookieHeader).filter((entry) => entry.userId !== userId);
  const value = [{ userId, nonce }, ...others]
    .slice(0, MAX_ACCOUNTS)
    .map((entry) => `${entry.userId}.${entry.nonce}.${sign(key, entry.userId, entry.nonce)}`)
    .join("~");
  const secure = getEnv().COOKIE_SECURE ? "; Secure" : "";
  return `${DEVICE_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${MAX_AGE_SECONDS}${secure}`;
}
