import { createHash, randomBytes } from "node:crypto";

/** A random secret for a URL or cookie (256 bits, base64url). */
export function generateToken(): string {
  return randomBytes(32).toString("base64url");
}

/** Tokens are stored hashed: a stolen table opens no session and resets no password. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
