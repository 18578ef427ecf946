/**
 * Loads kept in memory for `ttlMs` by key, for the verification's hot path: a load in flight is shared by every
 * caller, a failed load is not remembered, and the whole cache is dropped when it holds `maxEntries`. A TTL of 0
 * keeps nothing. `now` (Date.now by default) is the clock, for tests that step over a TTL.
 * clearTtlCaches() empties every cache at once, and every other cache registered with onClearCaches (the verify
 * page cache): the server calls it when another process announces a registry change (registry-changes.server.ts),
 * the tests between tests (each has a fresh database) and after changing data they read back at once.
 */
export interface TtlCache<T> {
  get(key: string, load: () => Promise<T>): Promise<T>;
  /** Forgets every entry. */
  clear(): void;
}

const allCaches = new Set<{ clear(): void }>();

export function createTtlCache<T>(options: { ttlMs: number; maxEntries: number; now?: () => number }): TtlCache<T> {
  const clock = options.now ?? (() => Date.now());
  const entries = new Map<string, { at: number; value: Promise<T> }>();
  const cache: TtlCache<T> = {
    get(key, load) {
      const now = clock();
      const hit = entries.get(key);
      if (hit && now - hit.at < options.ttlMs) return hit.value;
      const value = load();
      if (options.ttlMs > 0) {
        if (entries.size >= options.maxEntries) entries.clear();
        entries.set(key, { at: now, value });
        value.catch(() => entries.delete(key)); // a failed load is not remembered
      }
      return value;
    },
    clear() {
      entries.clear();
    },
  };
  allCaches.add(cache);
  return cache;
}

/** Adds a cache of another kind to those clearTtlCaches() empties. */
export function onClearCaches(cache: { clear(): void }): void {
  allCaches.add(cache);
}

/** Empties every cache made by createTtlCache (or registered with onClearCaches) in this process. */
export function clearTtlCaches(): void {
  for (const cache of allCaches) cache.clear();
}
