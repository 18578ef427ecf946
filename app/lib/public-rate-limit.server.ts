import cluster from "node:cluster";
import { json } from "@remix-run/node";
import {
  RateLimiterCluster,
  RateLimiterClusterMaster,
  RateLimiterMemory,
  RateLimiterRes,
  type RateLimiterAbstract,
} from "rate-limiter-flexible";
import { getEnv } from "./env.server";
import { logger } from "./logger.server";
import type { RequestContext } from "./request-context";

/**
 * The budget per client address of the public read endpoints (the verify page, receipts, DID documents, the trust
 * registry, status lists, QR images, share links…): cheap enough to run before any database work, unlike the shared
 * counters of rate-limit.server.ts, which sign-in uses. Counted with rate-limiter-flexible, in this process's memory
 * when it serves alone, and in the cluster primary's when it is one of `WEB_CONCURRENCY` workers (node:cluster:
 * RateLimiterCluster asks the primary over IPC), so that N processes give a client one budget, not N.
 * The primary must call `startRateLimitPrimary()` before it forks.
 *
 * The server answers over-budget requests itself, before Remix (app/server/public-budget.ts); loaders call
 * `limitPublicRequest` too, which counts only when the server has not (tests, another server).
 */

export interface TokenDecision {
  allowed: boolean;
  /** Requests left in the current window after this one. */
  remaining: number;
  /** When refused: seconds until the window ends (at least 1). */
  retryAfterSeconds: number;
}

export interface PublicLimiter {
  /** Counts one request of `key` (a client address) and says whether it is within the budget. */
  take(key: string): Promise<TokenDecision>;
}

export interface PublicLimiterOptions {
  /** Names the budget: limiters with different prefixes count apart, also in the cluster primary. */
  keyPrefix: string;
  /** Requests allowed per window. */
  points: number;
  durationSeconds: number;
  /** In a cluster worker: how long to wait for the primary's answer before letting the request through. */
  timeoutMs?: number;
}

/** Whether this process is a node:cluster worker (its budgets then live in the primary). */
const inClusterWorker = () => cluster.isWorker && typeof process.send === "function";

let warnedUnanswered = false;

/**
 * A fixed-window budget per key (`points` a `durationSeconds` window), built on first use: in a cluster worker a
 * RateLimiterCluster, else a RateLimiterMemory. When the primary does not answer (it was started without
 * `startRateLimitPrimary()`), requests are let through and a warning is logged once: a missing limiter must not
 * take the public pages down.
 */
export function createPublicLimiter(options: PublicLimiterOptions): PublicLimiter {
  let limiter: RateLimiterAbstract | undefined;
  const build = (): RateLimiterAbstract => {
    const base = { keyPrefix: options.keyPrefix, points: options.points, duration: options.durationSeconds };
    return inClusterWorker()
      ? new RateLimiterCluster({ ...base, timeoutMs: options.timeoutMs ?? 1_000 })
      : new RateLimiterMemory(base);
  };
  return {
    async take(key) {
      limiter ??= build();
      try {
        const res = await limiter.consume(key);
        return { allowed: true, remaining: res.remainingPoints, retryAfterSeconds: 0 };
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) {
          return {
            allowed: false,
            remaining: 0,
            retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)),
          };
        }
        if (!warnedUnanswered) {
          warnedUnanswered = true;
          logger.warn("public rate limit unavailable: requests let through", { reason: String(rejection) });
        }
        return { allowed: true, remaining: 0, retryAfterSeconds: 0 };
      }
    },
  };
}

/**
 * In the cluster primary, before it forks: keeps the workers' public budgets (RateLimiterClusterMaster). Calling it
 * again does nothing more.
 */
export function startRateLimitPrimary(): void {
  new RateLimiterClusterMaster();
}

/**
 * The public read endpoints' budget per client address: PUBLIC_RATE_LIMIT_PER_MINUTE / 2 requests (at least 60) per
 * 30-second window, so 120 a minute by default with a burst of 60. With PUBLIC_RATE_LIMIT_PER_MINUTE=0 (load
 * benchmarks only) every request is allowed. Built on first use, so the environment is read at run time.
 */
export const publicReadLimiter: PublicLimiter = {
  take: (key) => defaultPublicLimiter().take(key),
};

let builtPublicLimiter: PublicLimiter | undefined;
function defaultPublicLimiter(): PublicLimiter {
  if (!builtPublicLimiter) {
    const perMinute = getEnv().PUBLIC_RATE_LIMIT_PER_MINUTE;
    builtPublicLimiter =
      perMinute === 0
        ? { take: async () => ({ allowed: true, remaining: Number.MAX_SAFE_INTEGER, retryAfterSeconds: 0 }) }
        : createPublicLimiter({
            keyPrefix: "public-read",
            points: Math.max(60, Math.ceil(perMinute / 2)),
            durationSeconds: 30,
          });
  }
  return builtPublicLimiter;
}

/** The headers of every over-budget answer. */
export function rateLimitedHeaders(retryAfterSeconds: number): Record<string, string> {
  return {
    "Retry-After": String(retryAfterSeconds),
    "Cache-Control": "no-store",
    "Access-Control-Allow-Origin": "*",
  };
}

/**
 * Counts a request against its client's budget; throws a 429 `{ code: "rate_limited" }` with Retry-After when it is
 * spent. The client address comes from the server (server/, which honours TRUST_PROXY). The public read budget is
 * not counted twice: when the server has already charged it (`context.publicBudgetCharged`), this does nothing.
 */
export async function limitPublicRequest(
  context: Partial<RequestContext> | undefined,
  limiter: PublicLimiter = publicReadLimiter,
): Promise<void> {
  if (limiter === publicReadLimiter && context?.publicBudgetCharged) return;
  const decision = await limiter.take(context?.clientIp ?? "unknown");
  if (decision.allowed) return;
  throw json({ code: "rate_limited" }, { status: 429, headers: rateLimitedHeaders(decision.retryAfterSeconds) });
}
