/**
 * What the server knows about the request being handled, wherever the code that runs for it is: the request id
 * (logged with every line written while handling it, app/lib/logger.server.ts) and the route's metrics label
 * (the channel of a verification, app/lib/metrics.server.ts). Set once per request by the HTTP server
 * (app/server/observability.ts) through AsyncLocalStorage, so no function has to pass it along.
 */
import { AsyncLocalStorage } from "node:async_hooks";

export interface RequestScope {
  /** Returned to the client as X-Request-Id. */
  requestId: string;
  /** The bounded route label of app/server/metrics.ts (a Remix route id, or a name such as "verify_api"). */
  route: string;
}

const storage = new AsyncLocalStorage<RequestScope>();

/** Runs `fn` (and everything it starts) inside the request's scope. */
export function runInRequestScope<T>(scope: RequestScope, fn: () => T): T {
  return storage.run(scope, fn);
}

/** The scope of the request being handled, or undefined outside a request (start-up, timers, tests). */
export function currentRequestScope(): RequestScope | undefined {
  return storage.getStore();
}
