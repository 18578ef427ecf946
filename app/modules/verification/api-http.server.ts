/**
 * The HTTP edge of the verification API, shared by POST /api/v1/verify and POST /credentials/verify: CORS for
 * any origin (a verifier may run in any browser page), the per-client public rate limit, a bounded JSON body.
 *
 * Framework-free on purpose: `answerVerifyApi` takes the method, the client and a body reader and gives back a
 * status, headers and a JSON text. The Remix routes adapt a Fetch Request to it (`verifyApiResponse`), and the
 * production server (app/server/verify-api.ts) calls it straight from Node's HTTP server, ahead of Express and of
 * Remix's route matching and rendering, which cost far more than the verification itself under load
 * (npm run bench:verify).
 */
import { getReadDb } from "~/lib/db.server";
import { getEnv } from "~/lib/env.server";
import { publicReadLimiter, type PublicLimiter } from "~/lib/public-rate-limit.server";
import type { RequestContext } from "~/lib/request-context";
import { VcApiVerifyRequestSchema, VERIFY_BODY_MAX_BYTES, VerifyRequestSchema } from "./schema";
import { toVcApiResponse } from "./vc-api";
import { verifyCredentialDocument } from "./verify-credential-json.server";
import { verifyQrText } from "./verify-qr.server";

export const API_CORS_HEADERS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "POST, OPTIONS",
  "Access-Control-Allow-Headers": "Content-Type",
  "Access-Control-Max-Age": "86400",
} as const;

const JSON_HEADERS = {
  ...API_CORS_HEADERS,
  "Cache-Control": "no-store",
  "Content-Type": "application/json; charset=utf-8",
};

/** The two API endpoints, by path. */
export const VERIFY_API_PATHS = { "/api/v1/verify": "verify", "/credentials/verify": "vc-api" } as const;
export type VerifyApiEndpoint = (typeof VERIFY_API_PATHS)[keyof typeof VERIFY_API_PATHS];

/** The endpoint a request path names (`/api/v1/verify`, `/credentials/verify`; any case, one trailing slash, any query), or null. */
export function verifyApiEndpointOf(url: string | undefined): VerifyApiEndpoint | null {
  if (!url) return null;
  const q = url.indexOf("?");
  let path = (q === -1 ? url : url.slice(0, q)).toLowerCase();
  if (path.length > 1 && path.endsWith("/")) path = path.slice(0, -1);
  return path in VERIFY_API_PATHS ? VERIFY_API_PATHS[path as keyof typeof VERIFY_API_PATHS] : null;
}

export interface VerifyApiExchange {
  method: string;
  clientIp: string | null;
  /** The body as text, or null when it is longer than `limit` bytes (then no more of it is read). */
  readBody(limit: number): Promise<string | null>;
}

export interface VerifyApiAnswer {
  status: number;
  headers: Record<string, string>;
  /** JSON text, or null for an empty body (the CORS preflight). */
  body: string | null;
}

function answer(status: number, body: unknown, headers: Record<string, string> = {}): VerifyApiAnswer {
  return { status, headers: { ...JSON_HEADERS, ...headers }, body: JSON.stringify(body) };
}

function problem(
  status: 400 | 405 | 413 | 429,
  code: string,
  message: string,
  headers?: Record<string, string>,
): VerifyApiAnswer {
  return answer(status, { code, message }, headers);
}

/**
 * One API exchange, from method to JSON answer: OPTIONS is the CORS preflight; anything but POST is 405; over the
 * client's budget is 429 with Retry-After; a body over 64 KB is 413 `body_too_large` (as any body over its
 * cap, app/server/body-limit.ts); not JSON or not of the endpoint's shape is 400 `{ code, message }`; otherwise the verification. Never throws for bad input.
 */
export async function answerVerifyApi(
  endpoint: VerifyApiEndpoint,
  exchange: VerifyApiExchange,
  limiter: PublicLimiter = publicReadLimiter,
): Promise<VerifyApiAnswer> {
  if (exchange.method === "OPTIONS") return { status: 204, headers: { ...API_CORS_HEADERS }, body: null };
  if (exchange.method !== "POST")
    return problem(405, "method_not_allowed", "Use POST with a JSON body.", { Allow: "POST, OPTIONS" });

  const decision = await limiter.take(exchange.clientIp ?? "unknown");
  if (!decision.allowed) {
    return problem(429, "rate_limited", "Too many requests: try again later.", {
      "Retry-After": String(decision.retryAfterSeconds),
    });
  }

  const text = await exchange.readBody(VERIFY_BODY_MAX_BYTES).catch(() => ""); // an aborted upload reads as no JSON
  if (text === null)
    return problem(413, "body_too_large", `The body must be JSON of at most ${VERIFY_BODY_MAX_BYTES} bytes.`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return problem(400, "invalid_json", "The body is not JSON.");
  }

  const db = await getReadDb(); // a fresh replica, or the primary (README: "Read replicas")
  const options = { origin: getEnv().PUBLIC_ORIGIN };
  if (endpoint === "vc-api") {
    const parsed = VcApiVerifyRequestSchema.safeParse(json);
    if (!parsed.success) return invalid(parsed.error.issues);
    const result = await verifyCredentialDocument(db, parsed.data.verifiableCredential, options);
    return answer(result.verdict === "valid" ? 200 : 400, toVcApiResponse(result));
  }
  const parsed = VerifyRequestSchema.safeParse(json);
  if (!parsed.success) return invalid(parsed.error.issues);
  const result =
    parsed.data.qr !== undefined
      ? await verifyQrText(db, parsed.data.qr, options)
      : await verifyCredentialDocument(db, parsed.data.credential, options);
  return answer(200, {
    verdict: result.verdict,
    reasons: result.reasons,
    diploma: result.diploma,
    issuer: result.issuer,
    ...(result.status ? { status: result.status } : {}),
    ...(result.document ? { document: result.document } : {}),
  });
}

function invalid(issues: readonly { path: PropertyKey[]; message: string }[]): VerifyApiAnswer {
  const issue = issues[0];
  const where = issue?.path.length ? `${issue.path.map(String).join(".")}: ` : "";
  return problem(400, "invalid_request", `${where}${issue?.message ?? "invalid body"}`);
}

/** Reads at most `limit` bytes of a Fetch body; null when there are more (a lying Content-Length does not help). */
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
  return Buffer.concat(chunks).toString("utf8");
}

/** The Remix routes' adapter: a Fetch Request in, a Fetch Response out. */
export async function verifyApiResponse(
  endpoint: VerifyApiEndpoint,
  request: Request,
  context: Partial<RequestContext> | undefined,
): Promise<Response> {
  const result = await answerVerifyApi(endpoint, {
    method: request.method,
    clientIp: context?.clientIp ?? null,
    readBody: (limit) => readBounded(request, limit),
  });
  return new Response(result.body, { status: result.status, headers: result.headers });
}
