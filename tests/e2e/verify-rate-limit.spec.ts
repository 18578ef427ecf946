/**
 * The verify page under the public rate limit (PUBLIC_RATE_LIMIT_PER_MINUTE, a token bucket per client address):
 * a client that keeps asking gets the 429 page, in Vietnamese, with Retry-After telling it when to come back.
 * The test then waits for the bucket to refill, so the specs after it are not limited.
 */
import { expect, test } from "./fixtures";

test("over the public rate limit, the verify page answers 429 with Retry-After, then serves again", async ({ request, page }) => {
  test.setTimeout(90_000);
  let limited: Awaited<ReturnType<typeof request.get>> | null = null;
  for (let i = 0; i < 200 && !limited; i++) {
    const batch = await Promise.all(Array.from({ length: 10 }, () => request.get("/V/AAAA", { headers: { Accept: "text/html" } })));
    limited = batch.find((r) => r.status() === 429) ?? null;
  }
  expect(limited, "the burst is spent at some point").not.toBeNull();
  const retryAfter = limited!.headers()["retry-after"];
  expect(retryAfter).toMatch(/^\d+$/);
  expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
  expect(limited!.headers()["cache-control"]).toContain("no-store");
  expect(await limited!.text()).toContain("Quá nhiều yêu cầu");

  // Back after Retry-After; then the bucket refills (burst 60 at 2 per second) for the specs that follow.
  await page.waitForTimeout(Number(retryAfter) * 1000);
  expect((await request.get("/V/AAAA")).status()).toBe(200);
  await page.waitForTimeout(31_000);
});
