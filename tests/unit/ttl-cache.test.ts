import { afterEach, describe, expect, it, vi } from "vitest";
import { clearTtlCaches, createTtlCache } from "~/lib/ttl-cache";

describe("createTtlCache (the verification's status bits, trust data, programme names, ministry keys)", () => {
  afterEach(() => vi.useRealTimers());

  it("shares a load for the TTL, then loads again", async () => {
    vi.useFakeTimers();
    const cache = createTtlCache<number>({ ttlMs: 1_000, maxEntries: 10 });
    let loads = 0;
    const load = () => Promise.resolve(++loads);
    expect(await cache.get("a", load)).toBe(1);
    vi.advanceTimersByTime(999);
    expect(await cache.get("a", load)).toBe(1);
    vi.advanceTimersByTime(1);
    expect(await cache.get("a", load)).toBe(2); // a revocation shows once the second is up
  });

  it("forgets a failed load, keeps nothing with a TTL of 0, and starts afresh when full", async () => {
    const failing = createTtlCache<number>({ ttlMs: 60_000, maxEntries: 10 });
    await expect(failing.get("a", () => Promise.reject(new Error("database down")))).rejects.toThrow();
    expect(await failing.get("a", () => Promise.resolve(7))).toBe(7);

    let loads = 0;
    const off = createTtlCache<number>({ ttlMs: 0, maxEntries: 10 });
    await off.get("a", () => Promise.resolve(++loads));
    await off.get("a", () => Promise.resolve(++loads));
    expect(loads).toBe(2);

    const small = createTtlCache<string>({ ttlMs: 60_000, maxEntries: 2 });
    await small.get("a", () => Promise.resolve("A1"));
    await small.get("b", () => Promise.resolve("B1"));
    await small.get("c", () => Promise.resolve("C1")); // full: dropped, then c kept
    expect(await small.get("a", () => Promise.resolve("A2"))).toBe("A2");
    expect(await small.get("c", () => Promise.resolve("C2"))).toBe("C1");
  });

  it("runs on the clock it is given", async () => {
    let now = 5_000;
    const cache = createTtlCache<number>({ ttlMs: 1_000, maxEntries: 10, now: () => now });
    let loads = 0;
    const load = () => Promise.resolve(++loads);
    expect(await cache.get("a", load)).toBe(1);
    now += 999;
    expect(await cache.get("a", load)).toBe(1);
    now += 1;
    expect(await cache.get("a", load)).toBe(2);
  });

  it("forgets everything on clear(), and clearTtlCaches() empties every cache at once", async () => {
    const one = createTtlCache<string>({ ttlMs: 60_000, maxEntries: 10 });
    const two = createTtlCache<string>({ ttlMs: 60_000, maxEntries: 10 });
    await one.get("a", () => Promise.resolve("A1"));
    one.clear();
    expect(await one.get("a", () => Promise.resolve("A2"))).toBe("A2");
    await two.get("b", () => Promise.resolve("B1"));
    clearTtlCaches();
    expect(await one.get("a", () => Promise.resolve("A3"))).toBe("A3");
    expect(await two.get("b", () => Promise.resolve("B2"))).toBe("B2");
  });
});
