import { describe, expect, it } from "vitest";
import { parseEnv } from "~/lib/env.server";
import { createPageCache, type CachedPage } from "~/lib/page-cache.server";
import { parseLsn, replicaIsFresh } from "~/lib/read-replicas.server";
import { clearTtlCaches } from "~/lib/ttl-cache";

describe("read replicas: when a replica may answer", () => {
  it("reads PostgreSQL WAL positions in order, high part first", () => {
    expect(parseLsn("0/3000060")).toBe(0x3000060n);
    expect(parseLsn("16/B374D848")! > parseLsn("15/FFFFFFFF")!).toBe(true);
    expect(parseLsn(null)).toBeNull(); // not a replica, or nothing replayed yet
    expect(parseLsn("garbage")).toBeNull();
  });

  it("lets a replica answer only once it has replayed what it must have; unknown positions send reads to the primary", () => {
    expect(replicaIsFresh(parseLsn("0/3000060"), parseLsn("0/3000060"))).toBe(true);
    expect(replicaIsFresh(parseLsn("0/3000060"), parseLsn("0/3000061"))).toBe(false); // a revocation not replayed
    expect(replicaIsFresh(null, parseLsn("0/1"))).toBe(false);
    expect(replicaIsFresh(parseLsn("0/1"), null)).toBe(false);
  });
});

describe("WEB_CONCURRENCY and DATABASE_REPLICA_URLS", () => {
  it("default to one process and no replica; replicas are a comma-separated list of postgres URLs", () => {
    expect(parseEnv({}).WEB_CONCURRENCY).toBe(1);
    expect(parseEnv({}).DATABASE_REPLICA_URLS).toEqual([]);
    const env = parseEnv({
      DATABASE_URL: "postgres://db/vanbang",
      PUBLIC_ORIGIN: "https://vanbang.example.vn",
      DATABASE_REPLICA_URLS: "postgres://r1/vanbang, postgres://r2/vanbang",
      WEB_CONCURRENCY: "4",
    });
    expect(env.DATABASE_REPLICA_URLS).toEqual(["postgres://r1/vanbang", "postgres://r2/vanbang"]);
    expect(env.WEB_CONCURRENCY).toBe(4);
  });

  it("names the variable when a replica is not a postgres URL, has no primary, or the process count is not one", () => {
    expect(() => parseEnv({ DATABASE_URL: "postgres://db/x", DATABASE_REPLICA_URLS: "mysql://r/x" })).toThrow(
      /DATABASE_REPLICA_URLS/,
    );
    expect(() => parseEnv({ DATABASE_REPLICA_URLS: "postgres://r/x" })).toThrow(/needs DATABASE_URL/);
    expect(() => parseEnv({ WEB_CONCURRENCY: "0" })).toThrow(/WEB_CONCURRENCY/);
  });
});

describe("the verify page cache on a registry change", () => {
  const page = (html: string): CachedPage => ({
    at: 0,
    renderedAt: 0,
    headers: [],
    html,
    nonce: "n0NCE0123456789abcdefA==",
    fingerprint: html,
    replay: () => undefined,
    recheck: async () => ({ fingerprint: html, replay: () => undefined }),
  });

  it("is emptied with the other caches (clearTtlCaches), and a render begun before that is known to be stale", () => {
    const cache = createPageCache({ ttlMs: 1_000, maxEntries: 10 });
    cache.set("a", page("valid"));
    const before = cache.generation();
    clearTtlCaches(); // what a NOTIFY from another process triggers (app/lib/registry-changes.server.ts)
    expect(cache.get("a", 10)).toBeUndefined();
    expect(cache.size()).toBe(0);
    expect(cache.generation()).not.toBe(before); // verify-page-cache.ts then sends that render without keeping it
  });
});
