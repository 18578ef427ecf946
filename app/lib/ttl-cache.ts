/**
 * Loads kept in memory for `ttlMs` by key, for the verification's hot path: a load in flight is shared by every
 * caller, a failed load is not remembered, and the whole cache is dropped when it holds `maxEntries`. A TTL of 0
 * keeps nothing (tests change the data and read it back at once).
 */
export interface TtlCache<T> {
  get(key: string, load: () => Promise<T>): Promise<T>;
}

export function createTtlCache<T>(options: { ttlMs: number; maxEntries: number }): TtlCache<T> {
  const entries = new Map<string, { at: number; value: Promise<T> }>();
  return {
    get(key, load) {
      const now = Date.now();
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
  };
}
