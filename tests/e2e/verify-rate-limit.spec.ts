/**
 * The verify page under the public rate limit (PUBLIC_RATE_LIMIT_PER_MINUTE, a budget per client address): a client
 * that keeps asking gets a one-line 429, in Vietnamese, with Retry-After telling it when to come back.
 * The client has an address of its own (X-Forwarded-For: the e2e server trusts it, as behind a proxy), so emptying
 * its bucket limits nobody else: the specs that follow need not wait for it to refill.
 */
import { expect, test } from "./fixtures";

/** A documentation address (RFC 5737) that no other spec uses. */
const CLIENT = { "X-Forwarded-For": "192.0.2.201" };

test("over the public rate limit, the verify page answers 429 with Retry-After, then serves again", async ({
  request,
  page,
}) => {
  test.setTimeout(90_000);
  let limited: Awaited<ReturnType<typeof request.get>> | null = null;
  for (let i = 0; i < 200 && !limited; i++) {
    const batch = await Promise.all(
      Array.from({ length: 10 }, () => request.get("/V/AAAA", { headers: { Accept: "text/html", ...CLIENT } })),
    );
    limited = batch.find((r) => r.status() === 429) ?? null;
  }
  expect(limited, "the burst is spent at some point").not.toBeNull();
  const retryAfter = limited!.headers()["retry-after"];
  expect(retryAfter).toMatch(/^\d+$/);
  expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
  expect(limited!.headers()["cache-control"]).toContain("no-store");
  // Answered before Remix: one line of text, not a rendered page.
  expect(limited!.headers()["content-type"]).toContain("text/plain");
  const refusal = await limited!.text();
  expect(refusal).toContain("Quá nhiều yêu cầu");
  expect(refusal.length).toBeLessThan(200);

  // Another client is not limited; this one is served again after Retry-After.
  expect((await request.get("/V/AAAA")).status()).toBe(200);
  await page.waitForTimeout(Number(retryAfter) * 1000);
  expect((await request.get("/V/AAAA", { headers: CLIENT })).status()).toBe(200);
});
