import { json } from "@remix-run/node";

/**
 * Reads a submitted form. A body that is not a form (truncated multipart, wrong content type, bytes of
 * nothing) gets a 400 page instead of a crash.
 */
export async function readFormData(request: Request): Promise<FormData> {
  try {
    return await request.formData();
  } catch {
    throw json({ code: "bad_request" }, { status: 400 });
  }
}

/**
 * Whether a form post comes from another site: its Origin header names another host than the one the request was
 * sent to (X-Forwarded-Host, else Host: what Remix compares), or is opaque ("null": a sandboxed frame, a file, a
 * privacy redirect) or unreadable. No Origin header at all (an old browser, curl) is let through; SameSite=Lax
 * cookies cover those. Remix aborts such an action with a 500 and a stack trace, so the server answers 403 first.
 */
export function isForeignOrigin(headers: { origin?: string; host?: string; forwardedHost?: string }): boolean {
  const { origin } = headers;
  if (origin === undefined || origin === "") return false;
  const host = headers.forwardedHost?.split(",")[0]?.trim() || headers.host;
  try {
    return new URL(origin).host !== host; // "null" does not parse: foreign
  } catch {
    return true;
  }
}
