import { json } from "@remix-run/node";

/**
 * A JSON answer of a public machine endpoint (DID documents, the trust registry): readable cross-origin, so that a
 * verifier running in a browser can fetch it, and cacheable for `maxAgeSeconds` (errors are never cached).
 */
export function publicJson(body: unknown, options: { status?: number; maxAgeSeconds?: number } = {}): Response {
  const status = options.status ?? 200;
  const cacheable = status === 200 && options.maxAgeSeconds !== undefined;
  return json(body, {
    status,
    headers: {
      "Access-Control-Allow-Origin": "*",
      "Cache-Control": cacheable ? `public, max-age=${options.maxAgeSeconds}` : "no-store",
    },
  });
}
