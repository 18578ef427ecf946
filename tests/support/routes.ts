/** Calling route loaders directly, as Remix would: a Request, params, the server's context, and the answer parsed. */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import type { Organisation, Role } from "~db/schema";
import type { Executor } from "~/lib/db.server";
import { createSession } from "~/lib/session.server";
import { createMember } from "./members";

export type RouteArgs = LoaderFunctionArgs & ActionFunctionArgs;

let ipCounter = 0;

/** Loader arguments; each call gets its own client address unless one is given (the public rate limit counts per address). */
export function routeArgs(request: Request, params: Record<string, string> = {}, clientIp = `198.51.100.${(++ipCounter % 250) + 1}`): RouteArgs {
  return { request, params, context: { clientIp, cspNonce: "n" } } as unknown as RouteArgs;
}

export interface RouteAnswer {
  status: number;
  headers: Headers;
  bytes: Uint8Array;
  text: string;
  /** The body as JSON, or null when it is not JSON. */
  json: any;
}

/** A loader's answer, whether it returned or threw it. */
export async function callRoute(fn: (a: RouteArgs) => unknown, a: RouteArgs): Promise<RouteAnswer> {
  let response: unknown;
  try {
    response = await fn(a);
  } catch (thrown) {
    response = thrown;
  }
  if (!(response instanceof Response)) throw response;
  const bytes = new Uint8Array(await response.arrayBuffer());
  const text = new TextDecoder().decode(bytes);
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  return { status: response.status, headers: response.headers, bytes, text, json };
}

/** A signed-in member of `organisation` (or of no organisation) and requests carrying their session cookie. */
export async function signedInAs(db: Executor, role: Role, organisation: Organisation | { id: string } | null) {
  const member = await createMember(db, role, organisation);
  const { setCookie } = await createSession(db, { userId: member.id, ip: null, userAgent: "vitest" });
  const cookie = setCookie.split(";")[0]!;
  return { ...member, get: (path: string) => new Request(`http://localhost${path}`, { headers: { cookie } }) };
}
