/**
 * Whether the portal may sign with its public origin. Every signed diploma carries the origin for good (its QR
 * code, its credential and issuer identifiers), so a real deployment must not sign with an address only this
 * machine can reach. Demo mode signs on localhost by design. Pure: the callers pass the parsed environment.
 */
export type SigningOriginProblem = "loopback_origin";

/** True for http(s) origins on localhost, 127.0.0.0/8, ::1 or 0.0.0.0 (and names under .localhost). */
export function isLoopbackOrigin(origin: string): boolean {
  let host: string;
  try {
    host = new URL(origin).hostname.toLowerCase();
  } catch {
    return false;
  }
  if (host.startsWith("[") && host.endsWith("]")) host = host.slice(1, -1);
  if (host === "localhost" || host.endsWith(".localhost") || host === "0.0.0.0") return true;
  if (host === "::1" || host === "::" || /^::ffff:(127\.|7f)/.test(host)) return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** null when signing with `origin` is allowed; the failure code otherwise. */
export function signingOriginProblem(env: { PUBLIC_ORIGIN: string; DEMO_MODE: boolean }): SigningOriginProblem | null {
  if (env.DEMO_MODE) return null;
  return isLoopbackOrigin(env.PUBLIC_ORIGIN) ? "loopback_origin" : null;
}
