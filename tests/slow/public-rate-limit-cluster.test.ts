/**
 * The public budget across node:cluster workers (WEB_CONCURRENCY): two workers serving one client share its budget
 * in the primary (RateLimiterCluster), so N processes do not give a client N budgets.
 */
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

describe("public rate limit across cluster workers", () => {
  it("two workers spending one client's budget of 10 let 10 requests through in all, not 20", () => {
    const run = spawnSync(process.execPath, ["--import", "tsx", "tests/support/cluster-budget.ts"], {
      encoding: "utf8",
      timeout: 60_000,
      env: { ...process.env, LOG_LEVEL: "warn" },
    });
    expect(run.status, run.stderr).toBe(0);
    const { allowed } = JSON.parse(run.stdout.trim().split("\n").at(-1)!) as { allowed: number[] };
    expect(allowed).toHaveLength(2);
    expect(allowed[0]! + allowed[1]!).toBe(10);
  }, 90_000);
});
