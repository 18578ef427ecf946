/**
 * For tests/slow/metrics-cluster.test.ts: a node:cluster primary with two workers, as WEB_CONCURRENCY=2 runs. Each
 * worker counts verifications in its own registry; the primary serves them on METRICS_PORT with
 * startMetricsPrimary. Prints the primary's scrape as one JSON line, then stops.
 *   tsx tests/support/metrics-cluster-fixture.ts <metrics port>
 */
import cluster from "node:cluster";
import { countVerification } from "~/lib/metrics.server";
import { runInRequestScope } from "~/lib/request-scope.server";
import { startMetricsPrimary } from "~/server/metrics";
import type { Env } from "~/lib/env.server";

const WORKERS = 2;

if (cluster.isPrimary) {
  const port = Number(process.argv[2]);
  startMetricsPrimary({ METRICS_PORT: port, METRICS_HOST: "127.0.0.1" } as Env)?.ref();
  let ready = 0;
  for (let i = 0; i < WORKERS; i++)
    cluster.fork().on("message", (message) => {
      if (message !== "counted" || ++ready < WORKERS) return;
      void fetch(`http://127.0.0.1:${port}/metrics`)
        .then(async (response) => {
          console.log(JSON.stringify({ status: response.status, text: await response.text() }));
        })
        .finally(() => {
          for (const worker of Object.values(cluster.workers ?? {})) worker?.kill();
          setTimeout(() => process.exit(0), 100);
        });
    });
} else {
  // Each worker: two valid verdicts on the page, one revoked through the API.
  runInRequestScope({ requestId: "a", route: "routes/v.$payload" }, () => {
    countVerification("valid");
    countVerification("valid");
  });
  runInRequestScope({ requestId: "b", route: "verify_api" }, () => countVerification("revoked"));
  process.send?.("counted");
  setInterval(() => {}, 1_000);
}
