/**
 * The HTTP edge of the verification API, shared by POST /api/v1/verify and POST /credentials/verify: CORS for
 * any origin (a verifier may run in any browser page), the per-client public rate limit, a bounded JSON body.
 */
import { json } from "@remix-run/node";
import type { z } from "zod";
import { limitPublicRequest } from "~/lib/public-rate-limit.server";
import type { RequestContext } from "~/lib/request-context";
import { VERIFY_BODY_MAX_BYTES } from "./schema";

export const API_CORS_HEADERS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "POST, OPTIONS",
  "Access-Control-Allow-Headers": "Content-Type",
  "Access-Control-Max-Age": "86400",
} as const;

const NO_STORE = { ...API_CORS_HEADERS, "Cache-Control": "no-store" };

export function apiJson(body: unknown, status = 200): Response {
  return json(body, { status, headers: NO_STORE });
}

export function apiError(status: 400 | 405, code: string, message: string): Response {
  return apiJson({ code, message }, status);
}

/** The loader of a POST-only API route: answers the CORS preflight (Remix routes OPTIONS to the loader). */
export function preflightOrMethodNotAllowed(request: Request): Response {
  if (request.method === "OPTIONS") return new Response(null, { status: 204, headers: API_CORS_HEADERS });
  return json({ code: "method_not_allowed", message: "Use POST with a JSON body." }, { status: 405, headers: { ...NO_STORE, Allow: "POST, OPTIONS" } });
}

/** Reads at most `limit` bytes of the body; null when there are more (a lying Content-Length does not help). */
async function readBounded(request: Request, limit: number): Promise<string | null> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit) return null;
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    all.set(chunk, at);
    at += chunk.byteLength;
  }
  return new TextDecoder().decode(all);
}

/**
 * Rate limit (throws the 429), then a JSON body of at most 64 KB validated by `schema`. A failure is a 400
 * Response `{ code, message }` to return as is.
 */
export async function readApiBody<S extends z.ZodTypeAny>(
  request: Request,
  context: Partial<RequestContext> | undefined,
  schema: S,
): Promise<{ ok: true; value: z.infer<S> } | { ok: false; response: Response }> {
  limitPublicRequest(context);
  const text = await readBounded(request, VERIFY_BODY_MAX_BYTES).catch(() => ""); // an aborted upload reads as no JSON
  if (text === null) return { ok: false, response: apiError(400, "body_too_large", `The body must be JSON of at most ${VERIFY_BODY_MAX_BYTES} bytes.`) };
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { ok: false, response: apiError(400, "invalid_json", "The body is not JSON.") };
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? `${issue.path.join(".")}: ` : "";
    return { ok: false, response: apiError(400, "invalid_request", `${where}${issue?.message ?? "invalid body"}`) };
  }
  return { ok: true, value: parsed.data };
}
