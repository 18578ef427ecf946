import type { PageCacheSlot } from "./page-cache.server";

/** What the HTTP server hands every loader and action (see app/server/express-app.ts). */
export interface RequestContext {
  cspNonce: string;
  clientIp: string | null;
  /** The server has already counted this request against the public read budget (app/server/public-budget.ts). */
  publicBudgetCharged?: boolean;
  /** Present when the server may replay this page from its micro-cache (app/lib/page-cache.server.ts). */
  pageCache?: PageCacheSlot;
}

declare module "@remix-run/node" {
  interface AppLoadContext extends RequestContext {}
}

export function clientOf(request: Request, context: Partial<RequestContext> | undefined) {
  return { ip: context?.clientIp ?? null, userAgent: request.headers.get("user-agent")?.slice(0, 300) ?? null };
}
