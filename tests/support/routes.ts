/**
 * Calling route loaders and actions directly, as Remix would: a Request, params, the server's context, and the
 * answer read back. The one helper for every integration test that calls a route (`callRoute` + `routeArgs`).
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import type { Organisation, Role } from "~db/schema";
import type { Executor } from "~/lib/db.server";
import { createSession } from "~/lib/session.server";
import { createMember } from "./members";

export type RouteArgs = LoaderFunctionArgs & ActionFunctionArgs;
/** A loader or an action. */
export type Route = (a: RouteArgs) => unknown;

let ipCounter = 0;

/** Loader arguments; each call gets its own client address unless one is given (the public rate limit counts per address). */
export function routeArgs(
  request: Request,
  params: Record<string, string> = {},
  clientIp = `198.51.100.${(++ipCounter % 250) + 1}`,
): RouteArgs {
  return { request, params, context: { clientIp, cspNonce: "n" } } as unknown as RouteArgs;
}

export interface RouteAnswer {
  status: number;
  headers: Headers;
  /** The Location header (redirects), or null. */
  location: string | null;
  bytes: Uint8Array;
  text: string;
  /** The body as JSON, or null when it is not JSON. */
  json: any;
  /** The body as JSON, or its text when it is not JSON (null when empty). */
  body: any;
}

/** A loader's or action's answer, whether it returned or threw it (a guard's redirect, a 404). */
export async function callRoute(fn: Route, a: RouteArgs): Promise<RouteAnswer> {
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
  let body: unknown = text || null;
  try {
    json = text ? JSON.parse(text) : null;
    body = json;
  } catch {
    json = null;
  }
  return {
    status: response.status,
    headers: response.headers,
    location: response.headers.get("location"),
    bytes,
    text,
    json,
    body,
  };
}

/** A signed-in member of `organisation` (or of no organisation) and requests carrying their session cookie. */
export async function signedInAs(db: Executor, role: Role, organisation: Organisation | { id: string } | null) {
  const member = await createMember(db, role, organisation);
  const { setCookie } = await createSession(db, { userId: member.id, ip: null, userAgent: "vitest" });
  const cookie = setCookie.split(";")[0]!;
  return {
    ...member,
    cookie,
    get: (path: string) => new Request(`http://localhost${path}`, { headers: { cookie } }),
    post: (path: string, fields: Record<string, string>) =>
      new Request(`http://localhost${path}`, {
        method: "POST",
        headers: { cookie },
        body: new URLSearchParams(fields),
      }),
    /** A multipart POST with `file` (and extra fields), as a browser uploads it. */
    upload: (
      path: string,
      file: { name: string; bytes: Uint8Array | string; type?: string },
      extra: Record<string, string> = {},
    ) => {
      const body = new FormData();
      const bytes = typeof file.bytes === "string" ? file.bytes : new Uint8Array(file.bytes);
      body.append("file", new File([bytes], file.name, file.type ? { type: file.type } : {}));
      for (const [k, v] of Object.entries(extra)) body.append(k, v);
      return new Request(`http://localhost${path}`, { method: "POST", headers: { cookie }, body });
    },
  };
}
