/**
 * A server-side micro-cache of whole anonymous pages, for the public verify page (`/V/{payload}`): the page a
 * phone opens from a printed QR code, which a diploma fair or a bot may open thousands of times a minute.
 *
 * Rendering the page through Remix and React costs far more than the verification behind it. A page is replayed
 * for at most `ttlMs` (1 s), the same staleness the verification already accepts for status-list bits
 * (checks.server.ts), so a revocation still shows within a second. After that second the loader's `recheck`
 * verifies again (cheap: no rendering); if the verdict data is unchanged the stored page serves another second,
 * otherwise the page is rendered anew. A page is rendered anew at least every `maxAgeMs` (5 min) whatever its
 * data. What is never cached or shared:
 * - a request carrying any cookie other than the language choice (signed-in visitors get a fresh render);
 * - a response that sets a cookie, is not 200, or whose loader did not opt in (`PageCacheSlot.allow`);
 * - the CSP nonce: each replay gets its own, swapped into the stored HTML (the nonce is 128 random bits and
 *   appears nowhere else in the page);
 * - the statistics and the rate limit: the loader's `replay` callback counts each replayed verification, and the
 *   server applies the public rate limit before replaying.
 * Clients still get `Cache-Control: private, no-store`: this cache lives only inside one server process. When a
 * process hears of a registry change (a revocation, a key or trust change on any process: registry-changes.server.ts)
 * it empties every page cache (clearTtlCaches), and a page whose render began before that is not stored.
 */
import { onClearCaches } from "./ttl-cache";

/** What a page was rendered from, reduced to a string, and what to run each time it is replayed. */
export interface PageData {
  fingerprint: string;
  replay: () => void;
}

/** What a loader receives (as `context.pageCache`) when its page may be replayed. */
export interface PageCacheSlot {
  /**
   * The page may be replayed for a while. `data` is what it was rendered from; `recheck` works it out again (without
   * counting anything): when the page's second is up, a recheck with the same fingerprint serves the stored page
   * again instead of rendering it anew.
   */
  allow(data: PageData, recheck: () => Promise<PageData>): void;
}

export interface CachedPage extends PageData {
  /** When the page was rendered or last rechecked. */
  at: number;
  /** When the page was rendered. */
  renderedAt: number;
  headers: [string, string][];
  html: string;
  /** The nonce the stored HTML was rendered with. */
  nonce: string;
  recheck: () => Promise<PageData>;
}

export interface PageCache {
  /** A page rendered or rechecked less than `ttlMs` ago. */
  get(key: string, now?: number): CachedPage | undefined;
  /** A page past its `ttlMs` that may still be rechecked (rendered less than `maxAgeMs` ago). */
  getStale(key: string, now?: number): CachedPage | undefined;
  set(key: string, page: CachedPage): void;
  /** After a recheck found the same data: fresh again, replayed with the recheck's `replay`. */
  refresh(key: string, replay: () => void, now?: number): void;
  delete(key: string): void;
  size(): number;
  /** Forgets every page. */
  clear(): void;
  /** Goes up at each clear(): a render that began under an older generation must not be stored. */
  generation(): number;
}

export function createPageCache(options: { ttlMs: number; maxEntries: number; maxAgeMs?: number }): PageCache {
  const maxAgeMs = options.maxAgeMs ?? 5 * 60_000;
  // Insertion order is age order: the first entry is the oldest.
  const pages = new Map<string, CachedPage>();
  let generation = 0;
  const lookup = (key: string, now: number) => {
    const page = pages.get(key);
    if (page && now - page.renderedAt >= maxAgeMs) {
      pages.delete(key);
      return undefined;
    }
    return page;
  };
  const cache: PageCache = {
    get(key, now = Date.now()) {
      const page = lookup(key, now);
      return page && now - page.at < options.ttlMs ? page : undefined;
    },
    getStale(key, now = Date.now()) {
      const page = lookup(key, now);
      return page && now - page.at >= options.ttlMs ? page : undefined;
    },
    set(key, page) {
      pages.delete(key);
      while (pages.size >= options.maxEntries) pages.delete(pages.keys().next().value!);
      pages.set(key, page);
    },
    refresh(key, replay, now = Date.now()) {
      const page = pages.get(key);
      if (page) pages.set(key, { ...page, at: now, replay });
    },
    delete: (key) => void pages.delete(key),
    size: () => pages.size,
    clear() {
      pages.clear();
      generation++;
    },
    generation: () => generation,
  };
  onClearCaches(cache);
  return cache;
}

/**
 * The cache key of a request: its path and query plus the language it is shown in. Null when the request may
 * not be served from or stored in the cache: any cookie but `lang` (a session above all).
 */
export function pageCacheKey(url: string, cookieHeader: string | undefined): string | null {
  let locale = "vi";
  for (const part of (cookieHeader ?? "").split(";")) {
    const trimmed = part.trim();
    if (trimmed === "") continue;
    const match = /^lang=(vi|en)$/.exec(trimmed);
    if (!match) return null;
    locale = match[1]!;
  }
  return `${locale}|${url}`;
}

/** The stored HTML with this response's nonce in place of the one it was rendered with. */
export function htmlWithNonce(page: Pick<CachedPage, "html" | "nonce">, nonce: string): string {
  return page.nonce.length >= 16 ? page.html.split(page.nonce).join(nonce) : page.html;
}

/** Response headers worth storing: not those each response sets itself, never a cookie (such pages are not stored). */
const NOT_REPLAYED = new Set([
  "content-length",
  "date",
  "connection",
  "keep-alive",
  "transfer-encoding",
  "content-security-policy",
]);
export function replayableHeaders(
  headers: Record<string, number | string | string[] | undefined>,
): [string, string][] | null {
  const kept: [string, string][] = [];
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    if (lower === "set-cookie") return null;
    if (NOT_REPLAYED.has(lower) || value === undefined) continue;
    kept.push([name, Array.isArray(value) ? value.join(", ") : String(value)]);
  }
  return kept;
}
