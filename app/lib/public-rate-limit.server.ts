import { json } from "@remix-run/node";
import { getEnv } from "./env.server";
import type { RequestContext } from "./request-context";

/**
 * An in-memory token bucket per client address, for public GET endpoints (DID documents, the trust registry):
 * cheap enough to run before any database work, unlike the shared counters of rate-limit.server.ts, which
 * sign-in uses. Each server process keeps its own buckets: a client may get up to N× the rate from N processes,
 * which is fine for read-only endpoints whose only risk is load.
 */

export interface TokenBucketOptions {
  /** The burst a client may make at once. */
  capacity: number;
  /** Tokens given back per second, up to `capacity`. */
  refillPerSecond: number;
  /** Buckets kept at most; the least recently seen client is forgotten first (a forgotten client starts full). */
  maxClients?: number;
}

export interface TokenDecision {
  allowed: boolean;
  /** Tokens left after this request. */
  remaining: number;
  /** When refused: seconds until one token is back (at least 1). */
  retryAfterSeconds: number;
}

export interface TokenBucketLimiter {
  take(key: string, now?: number): TokenDecision;
  /** How many clients are being tracked. */
  size(): number;
}

export function createTokenBucketLimiter(options: TokenBucketOptions): TokenBucketLimiter {
  const { capacity, refillPerSecond } = options;
  const maxClients = options.maxClients ?? 10_000;
  // Insertion order doubles as recency: a bucket is re-inserted on each use, so the first entry is the stalest.
  const buckets = new Map<string, { tokens: number; at: number }>();

  return {
    take(key, now = Date.now()) {
      const previous = buckets.get(key);
      let tokens = capacity;
      if (previous) {
        buckets.delete(key);
        tokens = Math.min(capacity, previous.tokens + ((now - previous.at) / 1000) * refillPerSecond);
      } else if (buckets.size >= maxClients) {
        buckets.delete(buckets.keys().next().value!);
      }
      const allowed = tokens >= 1;
      if (allowed) tokens -= 1;
      buckets.set(key, { tokens, at: now });
      return {
        allowed,
        remaining: Math.floor(tokens),
        retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil((1 - tokens) / refillPerSecond)),
      };
    },
    size: () => buckets.size,
  };
}

/**
 * The public read endpoints' budget per client address: bursts of 60, then 2 requests a second by default
 * (PUBLIC_RATE_LIMIT_PER_MINUTE; the burst is half a minute's budget, at least 60). With PUBLIC_RATE_LIMIT_PER_MINUTE=0 (load
 * benchmarks only) every request is allowed. Built on first use, so the environment is read at run time.
 */
export const publicReadLimiter: TokenBucketLimiter = {
  take: (key, now) => defaultPublicLimiter().take(key, now),
  size: () => defaultPublicLimiter().size(),
};

let builtPublicLimiter: TokenBucketLimiter | undefined;
function defaultPublicLimiter(): TokenBucketLimiter {
  if (!builtPublicLimiter) {
    const perMinute = getEnv().PUBLIC_RATE_LIMIT_PER_MINUTE;
    builtPublicLimiter =
      perMinute === 0
        ? { take: () => ({ allowed: true, remaining: Number.MAX_SAFE_INTEGER, retryAfterSeconds: 0 }), size: () => 0 }
        : createTokenBucketLimiter({
            capacity: Math.max(60, Math.ceil(perMinute / 2)),
            refillPerSecond: perMinute / 60,
          });
  }
  return builtPublicLimiter;
}

/**
 * Counts a request against its client's bucket; throws a 429 `{ code: "rate_limited" }` with Retry-After when the
 * bucket is empty. The client address comes from the server (server/, which honours TRUST_PROXY).
 */
export function limitPublicRequest(
  context: Partial<RequestContext> | undefined,
  limiter: TokenBucketLimiter = publicReadLimiter,
): void {
  const decision = limiter.take(context?.clientIp ?? "unknown");
  if (decision.allowed) return;
  throw json(
    { code: "rate_limited" },
    {
      status: 429,
      headers: {
        "Retry-After": String(decision.retryAfterSeconds),
        "Cache-Control": "no-store",
        "Access-Control-Allow-Origin": "*",
      },
    },
  );
}
