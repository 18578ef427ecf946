/**
 * Two node:cluster workers spend one client's public budget (tests/slow/public-rate-limit-cluster.test.ts):
 * the primary keeps the budget (startRateLimitPrimary), each worker asks for `ATTEMPTS` requests of the same client
 * address against a budget of `POINTS`. Prints, as its last line, JSON: { allowed: [worker 1, worker 2] }.
 * Run: node --import tsx tests/support/cluster-budget.ts
 */
import cluster from "node:cluster";
import { createPublicLimiter, startRateLimitPrimary } from "../../app/lib/public-rate-limit.server";

const POINTS = 10;
const ATTEMPTS = 10;

if (cluster.isPrimary) {
  startRateLimitPrimary();
  const workers = [cluster.fork(), cluster.fork()];
  // Both workers start spending only once both are up, so that their requests interleave.
  let ready = 0;
  const allowed: number[] = [];
  for (const [index, worker] of workers.entries()) {
    worker.on("message", (message: { ready?: boolean; allowed?: number }) => {
      if (message.ready && ++ready === workers.length) for (const w of workers) w.send({ go: true });
      if (message.allowed !== undefined) {
        allowed[index] = message.allowed;
        worker.kill();
        if (allowed.filter((n) => n !== undefined).length === workers.length) {
          console.log(JSON.stringify({ allowed }));
          process.exit(0);
        }
      }
    });
  }
  setTimeout(() => {
    console.error("workers did not answer");
    process.exit(1);
  }, 20_000).unref();
} else {
  const limiter = createPublicLimiter({ keyPrefix: "cluster-test", points: POINTS, durationSeconds: 60 });
  process.on("message", (message: { go?: boolean }) => {
    if (!message?.go) return;
    void Promise.all(Array.from({ length: ATTEMPTS }, () => limiter.take("198.51.100.7"))).then((decisions) =>
      process.send!({ allowed: decisions.filter((d) => d.allowed).length }),
    );
  });
  process.send!({ ready: true });
}
