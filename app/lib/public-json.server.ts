import { json } from "@remix-run/node";

/**
 * Answers of the public machine endpoints (DID documents, the trust registry, credentials, status lists, the
 * issuance log, QR images): readable cross-origin, so that a verifier running in a browser can fetch them, and
 * cacheable for `maxAgeSeconds` (errors are never cached).
 */
export interface PublicResponseOptions {
  status?: number;
  maxAgeSeconds?: number;
  /** Content that never changes at this URL (a signed credential, its QR image): `immutable`. */
  immutable?: boolean;
  /** Extra headers; a Content-Type here replaces the default. */
  headers?: Record<string, string>;
}

function publicHeaders(options: PublicResponseOptions): Record<string, string> {
  const status = options.status ?? 200;
  const cacheable = status === 200 && options.maxAgeSeconds !== undefined;
  return {
    "Access-Control-Allow-Origin": "*",
    "Cache-Control": cacheable
      ? `public, max-age=${options.maxAgeSeconds}${options.immutable ? ", immutable" : ""}`
      : "no-store",
    ...options.headers,
  };
}

export function publicJson(body: unknown, options: PublicResponseOptions = {}): Response {
  return json(body, { status: options.status ?? 200, headers: publicHeaders(options) });
}

/** A public answer that is not JSON (an image, a JSON-LD context written out byte for byte). */
export function publicBody(
  body: string | Uint8Array,
  contentType: string,
  options: PublicResponseOptions = {},
): Response {
  return new Response(typeof body === "string" ? body : new Uint8Array(body), {
    status: options.status ?? 200,
    headers: { "Content-Type": contentType, ...publicHeaders(options) },
  });
}

/** An error of a public endpoint: `{ code, message }` (message in English, for developers), never cached. */
export function publicError(status: 400 | 404 | 503, code: string, message: string): Response {
  return publicJson({ code, message }, { status });
}
