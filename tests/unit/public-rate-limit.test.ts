import { describe, expect, it } from "vitest";
import { createTokenBucketLimiter, limitPublicRequest } from "~/lib/public-rate-limit.server";

describe("public rate limit: token bucket per client", () => {
  it("allows a burst up to the capacity, then refuses with the seconds until a token is back", () => {
    const limiter = createTokenBucketLimiter({ capacity: 3, refillPerSecond: 0.5 });
    const t0 = 1_000_000;
    expect([1, 2, 3].map(() => limiter.take("a", t0).allowed)).toEqual([true, true, true]);
    expect(limiter.take("a", t0)).toEqual({ allowed: false, remaining: 0, retryAfterSeconds: 2 });
    // Half a token back after one second: still refused, one more second to wait.
    expect(limiter.take("a", t0 + 1000)).toEqual({ allowed: false, remaining: 0, retryAfterSeconds: 1 });
    expect(limiter.take("a", t0 + 2000).allowed).toBe(true);
  });

  it("refills over time but never above the capacity", () => {
    const limiter = createTokenBucketLimiter({ capacity: 2, refillPerSecond: 1 });
    limiter.take("a", 0);
    limiter.take("a", 0);
    expect(limiter.take("a", 3_600_000)).toMatchObject({ allowed: true, remaining: 1 });
    expect(limiter.take("a", 3_600_000)).toMatchObject({ allowed: true, remaining: 0 });
    expect(limiter.take("a", 3_600_000).allowed).toBe(false);
  });

  it("keeps clients apart", () => {
    const limiter = createTokenBucketLimiter({ capacity: 1, refillPerSecond: 1 });
    expect(limiter.take("a", 0).allowed).toBe(true);
    expect(limiter.take("a", 0).allowed).toBe(false);
    expect(limiter.take("b", 0).allowed).toBe(true);
  });

  it("tracks a bounded number of clients, forgetting the least recently seen", () => {
    const limiter = createTokenBucketLimiter({ capacity: 1, refillPerSecond: 0.001, maxClients: 3 });
    for (const key of ["a", "b", "c"]) limiter.take(key, 0);
    limiter.take("a", 1); // "a" is now the most recent; "b" the stalest
    limiter.take("d", 2);
    expect(limiter.size()).toBe(3);
    expect(limiter.take("a", 3).allowed).toBe(false); // remembered: still empty
    expect(limiter.take("b", 3).allowed).toBe(true); // forgotten: starts full again
    for (let i = 0; i < 1000; i++) limiter.take(`flood-${i}`, 4);
    expect(limiter.size()).toBe(3);
  });

  it("throws a 429 JSON response with Retry-After when a client's bucket is empty", async () => {
    const limiter = createTokenBucketLimiter({ capacity: 1, refillPerSecond: 0.1 });
    const context = { clientIp: "198.51.100.1", cspNonce: "n" };
    expect(() => limitPublicRequest(context, limiter)).not.toThrow();
    let thrown: unknown;
    try {
      limitPublicRequest(context, limiter);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(Response);
    const response = thrown as Response;
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("10");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ code: "rate_limited" });
    // Another address still gets through.
    expect(() => limitPublicRequest({ clientIp: "198.51.100.2", cspNonce: "n" }, limiter)).not.toThrow();
  });
});
