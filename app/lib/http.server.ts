import { json } from "@remix-run/node";
import type { Failure } from "./failures";
import { parseUuid } from "./uuid";

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

/**
 * The answer to a URL or a form naming nothing the user may see (an unknown id, a malformed one, another school's):
 * 404 `{ code: "not_found" }`, thrown by loaders and actions and rendered by the route's error boundary.
 */
export function notFound(init?: ResponseInit) {
  return json({ code: "not_found" as const }, { ...init, status: 404 });
}

/** `value`, or a thrown notFound() when there is none: `const job = foundOr404(await getJob(…))`. */
export function foundOr404<T>(value: T | null | undefined, init?: ResponseInit): T {
  if (value === null || value === undefined) throw notFound(init);
  return value;
}

/** The UUID of a URL parameter (lower-cased), or a thrown notFound(): a malformed id names nothing. */
export function uuidOr404(value: string | undefined): string {
  return foundOr404(parseUuid(value));
}

/**
 * A failed use-case answered to its form: the failure's status, and its message as the form's error beside `data`
 * (what the page needs to show the form again: the intent, the values typed, field errors).
 */
export function failureReply<D extends object>(failure: Failure, data: D, headers?: HeadersInit) {
  return json({ ...data, formError: failure.message }, { status: failure.status, headers });
}

/** The Retry-After header of a 429 (none when the wait is unknown). */
export function retryAfterHeaders(retryAfterSeconds: number | undefined): Record<string, string> | undefined {
  return retryAfterSeconds ? { "Retry-After": String(Math.max(1, Math.ceil(retryAfterSeconds))) } : undefined;
}
