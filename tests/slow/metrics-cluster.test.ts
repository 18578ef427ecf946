/**
 * Under node:cluster (WEB_CONCURRENCY > 1) the primary's METRICS_PORT serves the sum of its workers' metrics
 * (startMetricsPrimary, app/server/metrics.ts): run as its own process tree (tests/support/metrics-cluster-fixture.ts).
 */
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";
import { expect, it } from "vitest";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

it("the cluster primary's metrics port serves the verdict counts of every worker, summed", async () => {
  const root = path.resolve(import.meta.dirname, "../..");
  const child = spawn(
    path.join(root, "node_modules/.bin/tsx"),
    ["tests/support/metrics-cluster-fixture.ts", String(await freePort())],
    { cwd: root, env: { ...process.env, LOG_LEVEL: "warn" }, stdio: ["ignore", "pipe", "pipe"] },
  );
  let out = "";
  let err = "";
  child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
  await new Promise((resolve) => child.once("exit", resolve));

  const line = out.trim().split("\n").pop() ?? "";
  expect(line, err).toMatch(/^\{/);
  const scrape = JSON.parse(line) as { status: number; text: string };
  expect(scrape.status).toBe(200);
  expect(scrape.text).toContain('vanbang_verifications_total{verdict="valid",channel="page"} 4');
  expect(scrape.text).toContain('vanbang_verifications_total{verdict="revoked",channel="api"} 2');
}, 60_000);
