/**
 * The client's address as Express computes `req.ip` with the portal's TRUST_PROXY setting (true or false, never a
 * list): the socket's peer, or, behind a trusted proxy, the left-most X-Forwarded-For entry. For the handlers
 * that answer before Express (app/server/verify-api.ts), so that the rate limits key on the same address either way.
 */
export function clientIpOf(
  remoteAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  trustProxy: boolean,
): string | null {
  if (trustProxy && forwardedFor !== undefined) {
    const header = Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor;
    const first = header.split(",")[0]?.trim();
    if (first) return first;
  }
  return remoteAddress ?? null;
}
