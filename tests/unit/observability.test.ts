/**
 * The bounded pieces of observability: route labels (never a URL), request ids (a client's own id only behind a
 * trusted proxy), the channel of a counted verification, and the METRICS_* settings.
 */
import type { ServerBuild } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { parseEnv } from "~/lib/env.server";
import { countVerification, verificationsTotal } from "~/lib/metrics.server";
import { runInRequestScope } from "~/lib/request-scope.server";
import { createRouteLabeller } from "~/server/metrics";
import { requestIdOf } from "~/server/request-id";

/** A manifest shaped like the build's (Remix flat routes): layouts, index routes, the catch-all. */
const route = (id: string, parentId: string | undefined, path?: string, index?: boolean) => ({
  id,
  parentId,
  path,
  index,
  caseSensitive: undefined,
  module: {},
});
const routes = Object.fromEntries(
  [
    route("root", undefined, ""),
    route("routes/_index", "root", undefined, true),
    route("routes/$", "root", "*"),
    route("routes/v.$payload", "root", "v/:payload"),
    route("routes/jobs._index", "root", "jobs", true),
    route("routes/jobs.$id", "root", "jobs/:id"),
    route("routes/school.$code", "root", "school/:code"),
    route("routes/school.$code._index", "routes/school.$code", undefined, true),
    route("routes/school.$code.batches", "routes/school.$code", "batches"),
  ].map((r) => [r.id, r]),
) as unknown as ServerBuild["routes"];

describe("route labels", () => {
  const labelOf = createRouteLabeller(routes);

  it("names the Remix route a path renders, whatever its parameters", () => {
    expect(labelOf("/school/CDCNHN/batches")).toBe("routes/school.$code.batches");
    expect(labelOf("/school/TCNDN/batches?page=2")).toBe("routes/school.$code.batches");
    expect(labelOf("/school/CDCNHN")).toBe("routes/school.$code._index");
    expect(labelOf("/jobs")).toBe("routes/jobs._index");
    expect(labelOf("/jobs/42")).toBe("routes/jobs.$id");
    expect(labelOf("/")).toBe("routes/_index");
  });

  it("gives every verify URL one label, and the APIs answered before Remix their own", () => {
    const labels = new Set<string>();
    for (let i = 0; i < 500; i++) labels.add(labelOf(`/V/${i.toString(32).toUpperCase()}ABCDEFGH234567`));
    labels.add(labelOf("/v/abcdefgh234567?lang=en"));
    expect([...labels]).toEqual(["routes/v.$payload"]);
    expect(labelOf("/api/v1/verify")).toBe("verify_api");
    expect(labelOf("/credentials/verify/")).toBe("vc_api");
  });

  it("puts unknown paths, undecodable paths and the not-found page under other, and built files under assets", () => {
    expect(labelOf("/no/such/page")).toBe("other");
    expect(labelOf("/%ZZ")).toBe("other");
    expect(labelOf("/wp-login.php")).toBe("other");
    expect(labelOf("/build/entry.client-ABC.js")).toBe("assets");
  });
});

describe("request ids", () => {
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/;

  it("keeps a well-formed incoming id only behind a trusted proxy", () => {
    expect(requestIdOf({ "x-request-id": "0f8e1c2a9b7d4e6f8a1b2c3d4e5f6a7b" }, true)).toBe(
      "0f8e1c2a9b7d4e6f8a1b2c3d4e5f6a7b",
    );
    expect(requestIdOf({ "x-request-id": "0f8e1c2a9b7d4e6f8a1b2c3d4e5f6a7b" }, false)).toMatch(uuid);
  });

  it("replaces an ill-formed, too long or missing id with a fresh UUID", () => {
    expect(requestIdOf({ "x-request-id": 'x"; rm -rf' }, true)).toMatch(uuid);
    expect(requestIdOf({ "x-request-id": "a".repeat(129) }, true)).toMatch(uuid);
    expect(requestIdOf({ "x-request-id": "short" }, true)).toMatch(uuid);
    expect(requestIdOf({}, true)).toMatch(uuid);
    expect(requestIdOf({}, true)).not.toBe(requestIdOf({}, true));
  });
});

describe("verification counts", () => {
  async function count(verdict: string, channel: string): Promise<number> {
    const metric = await verificationsTotal.get();
    return metric.values.find((v) => v.labels.verdict === verdict && v.labels.channel === channel)?.value ?? 0;
  }

  it("take their channel from the route of the request that asked", async () => {
    const page = await count("revoked", "page");
    const api = await count("revoked", "api");
    const other = await count("revoked", "other");
    runInRequestScope({ requestId: "r1", route: "routes/v.$payload" }, () => countVerification("revoked"));
    runInRequestScope({ requestId: "r2", route: "verify_api" }, () => countVerification("revoked"));
    countVerification("revoked"); // outside a request (a script)
    expect(await count("revoked", "page")).toBe(page + 1);
    expect(await count("revoked", "api")).toBe(api + 1);
    expect(await count("revoked", "other")).toBe(other + 1);
  });
});

describe("METRICS_* settings", () => {
  it("serve nothing by default, and bind the metrics port to loopback", () => {
    const env = parseEnv({});
    expect(env.METRICS_PORT).toBeUndefined();
    expect(env.METRICS_TOKEN).toBeUndefined();
    expect(env.METRICS_HOST).toBe("127.0.0.1");
  });

  it("refuse a short token and a metrics port equal to PORT, naming them", () => {
    expect(() => parseEnv({ METRICS_TOKEN: "secret" })).toThrow(/METRICS_TOKEN: must be at least 16/);
    expect(() => parseEnv({ PORT: "3000", METRICS_PORT: "3000" })).toThrow(/METRICS_PORT: must differ from PORT/);
  });
});
