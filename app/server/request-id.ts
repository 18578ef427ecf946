/**
 * The request id: one per request, returned as X-Request-Id and written in every log line of the request
 * (app/lib/request-scope.server.ts). Behind a trusted reverse proxy (TRUST_PROXY) the proxy's own id is kept, so
 * the proxy's log and ours share it; anywhere else a client could choose it, so it is always generated.
 */
import { randomUUID } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";

/** What an incoming id may look like: a UUID, nginx's $request_id (32 hex), and the like; nothing to inject. */
const WELL_FORMED = /^[A-Za-z0-9._:-]{8,128}$/;

export function requestIdOf(headers: IncomingHttpHeaders, trustProxy: boolean): string {
  const incoming = headers["x-request-id"];
  if (trustProxy && typeof incoming === "string" && WELL_FORMED.test(incoming)) return incoming;
  return randomUUID();
}
