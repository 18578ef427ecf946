import { describe, expect, it } from "vitest";
import { createPublicLimiter, limitPublicRequest, publicReadLimiter } from "~/lib/public-rate-limit.server";
import { isPublicBudgetPath } from "~/server/public-budget";

describe("public rate limit: a budget per client address", () => {
  it("allows `points` requests per window, then refuses with the seconds until the window ends", async () => {
    const limiter = createPublicLimiter({ keyPrefix: "unit-a", points: 3, durationSeconds: 30 });
    const decisions = [];
    for (let i = 0; i < 4; i++) decisions.push(await limiter.take("a"));
    expect(decisions.map((d) => d.allowed)).toEqual([true, true, true, false]);
    expect(decisions[3]!.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(decisions[3]!.retryAfterSeconds).toBeLessThanOrEqual(30);
  });

  it("keeps clients apart, and budgets with another prefix apart", async () => {
    const limiter = createPublicLimiter({ keyPrefix: "unit-b", points: 1, durationSeconds: 30 });
    const other = createPublicLimiter({ keyPrefix: "unit-c", points: 1, durationSeconds: 30 });
    expect((await limiter.take("a")).allowed).toBe(true);
    expect((await limiter.take("a")).allowed).toBe(false);
    expect((await limiter.take("b")).allowed).toBe(true);
    expect((await other.take("a")).allowed).toBe(true);
  });

  it("throws a 429 JSON response with Retry-After when a client's budget is spent", async () => {
    const limiter = createPublicLimiter({ keyPrefix: "unit-d", points: 1, durationSeconds: 10 });
    const context = { clientIp: "198.51.100.1", cspNonce: "n" };
    await expect(limitPublicRequest(context, limiter)).resolves.toBeUndefined();
    const thrown: unknown = await limitPublicRequest(context, limiter).catch((error: unknown) => error);
    expect(thrown).toBeInstanceOf(Response);
    const response = thrown as Response;
    expect(response.status).toBe(429);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ code: "rate_limited" });
    // Another address still gets through.
    await expect(limitPublicRequest({ clientIp: "198.51.100.2", cspNonce: "n" }, limiter)).resolves.toBeUndefined();
  });

  it("does not count twice a request the server has already charged to the public budget", async () => {
    const charged = { clientIp: "198.51.100.3", cspNonce: "n", publicBudgetCharged: true };
    // Far more than any budget: none of them is counted.
    for (let i = 0; i < 500; i++) await limitPublicRequest(charged, publicReadLimiter);
    await expect(
      limitPublicRequest({ clientIp: "198.51.100.3", cspNonce: "n" }, publicReadLimiter),
    ).resolves.toBeUndefined();
  });

  it("the server charges the public endpoints, and only those", () => {
    for (const path of [
      "/V/ABC",
      "/v/abc/receipt.pdf",
      "/issuers/CDCNHN/did.json",
      "/issuers/CDCNHN/status/1",
      "/credentials/7f0c/qr.png",
      "/credentials/7f0c",
      "/contexts/diploma/v1",
      "/s/token",
      "/trust-registry.json",
      "/.well-known/did.json",
      "/api/openapi.json",
      "/cases/DV-2026-000001",
      "/api/v1/cases/VB-ABCDE-12345",
    ])
      expect(isPublicBudgetPath(path), path).toBe(true);
    for (const path of [
      "/",
      "/verify",
      "/verify/report",
      "/sign-in",
      "/credentials/verify",
      "/api/v1/verify",
      "/school/X",
      "/cases",
      "/cases/DV-2026-000001/handle",
      "/api/v1/cases-export",
    ])
      expect(isPublicBudgetPath(path), path).toBe(false);
  });
});
