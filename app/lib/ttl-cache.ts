/**
 * Loads kept in memory for `ttlMs` by key, for the verification's hot path: a load in flight is shared by every
 * caller, a failed load is not remembered, and the whole cache is dropped when it holds `maxEntries`. A TTL of 0
 * keeps nothing. `now` (Date.now by default) is the clock, for tests that step over a TTL.
 * clearTtlCaches() empties every cache at once: the tests call it between tests (each has a fresh database) and
 * after changing data they read back at once, where a server would wait out the TTL.
 */
export interface TtlCache<T> {
  get(key: string, load: () => Promise<T>): Promise<T>;
  /** Forgets every entry. */
  clear(): void;
}

const allCaches = new Set<TtlCache<unknown>>();

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
  allCaches.add(cache as TtlCache<unknown>);
  return cache;
}

/** Empties every cache made by createTtlCache in this process. */
export function clearTtlCaches(): void {
  for (const cache of allCaches) cache.clear();
}
