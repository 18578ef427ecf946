/**
 * The process's Prometheus registry and the counters that modules bump (the HTTP server's own metrics, the
 * database's and the event loop's are in app/server/metrics.ts, which also serves them). Label values come from
 * fixed lists only: a label taken from a URL or a body would make one series per visitor.
 */
import { AggregatorRegistry, Counter, Registry } from "prom-client";
import { currentRequestScope } from "./request-scope.server";

export const metricsRegistry = new Registry();
// Under node:cluster the primary asks every worker for this registry (app/server/metrics.ts, startMetricsPrimary).
// A worker answers only once an AggregatorRegistry has been made in it: the constructor adds prom-client's IPC
// listener (in the primary, its reply listener; harmless in a single process).
AggregatorRegistry.setRegistries([metricsRegistry]);
new AggregatorRegistry();

/** Where a verification came from, by the route label of the request that asked for it. */
export type VerificationChannel = "page" | "api" | "share" | "other";
const CHANNEL_OF_ROUTE: Record<string, VerificationChannel> = {
  "routes/v.$payload": "page",
  verify_api: "api",
  vc_api: "api",
  "routes/api.v1.verify": "api",
  "routes/credentials.verify": "api",
  "routes/s.$token": "share",
};

export const verificationsTotal = new Counter({
  name: "vanbang_verifications_total",
  help: "Verifications answered, by verdict and channel (page: /V/{payload}; api: POST /api/v1/verify, /credentials/verify; share: share links).",
  labelNames: ["verdict", "channel"] as const,
  registers: [metricsRegistry],
});

/** Counts one verification answered to someone (the verdict from app/modules/verification/verdict.ts). */
export function countVerification(verdict: string): void {
  const route = currentRequestScope()?.route;
  verificationsTotal.inc({ verdict, channel: (route && CHANNEL_OF_ROUTE[route]) ?? "other" });
}

export const lookupsTotal = new Counter({
  name: "vanbang_verify_lookups_total",
  help: "Lookups by serial and name on /verify, by outcome (found leads to the verify page, counted there).",
  labelNames: ["outcome"] as const,
  registers: [metricsRegistry],
});

export function countLookup(outcome: "found" | "not_found" | "rate_limited" | "empty"): void {
  lookupsTotal.inc({ outcome });
}

export const casesEscalatedTotal = new Counter({
  name: "vanbang_cases_escalated_total",
  help: "Overdue cases escalated to their organisation's head by the housekeeping job (each case once).",
  registers: [metricsRegistry],
});

export function countEscalations(n: number): void {
  if (n > 0) casesEscalatedTotal.inc(n);
}
