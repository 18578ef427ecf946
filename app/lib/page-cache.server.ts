/**
 * A server-side micro-cache of whole anonymous pages, for the public verify page (`/V/{payload}`): the page a
 * phone opens from a printed QR code, which a diploma fair or a bot may open thousands of times a minute.
 *
 * Rendering the page through Remix and React costs far more than the verification behind it. A page is replayed
 * for at most `ttlMs` (1 s), the same staleness the verification already accepts for status-list bits
 * (checks.server.ts), so a revocation still shows within a second. What is never cached or shared:
 * - a request carrying any cookie other than the language choice (signed-in visitors get a fresh render);
 * - a response that sets a cookie, is not 200, or whose loader did not opt in (`PageCacheSlot.allow`);
 * - the CSP nonce: each replay gets its own, swapped into the stored HTML (the nonce is 128 random bits and
 *   appears nowhere else in the page);
 * - the statistics and the rate limit: the loader's `replay` callback counts each replayed verification, and the
 *   server applies the public rate limit before replaying.
 * Clients still get `Cache-Control: private, no-store`: this cache lives only inside one server process.
 */

/** What a loader receives (as `context.pageCache`) when its page may be replayed. */
export interface PageCacheSlot {
  /** The page may be replayed for a while; `replay` runs for every replay (e.g. to count the verification). */
  allow(replay: () => void): void;
}

export interface CachedPage {
  at: number;
  headers: [string, string][];
  html: string;
  /** The nonce the stored HTML was rendered with. */
  nonce: string;
  replay: () => void;
}

export interface PageCache {
  get(key: string, now?: number): CachedPage | undefined;
  set(key: string, page: CachedPage): void;
  size(): number;
}

export function createPageCache(options: { ttlMs: number; maxEntries: number }): PageCache {
  // Insertion order is age order: the first entry is the oldest.
  const pages = new Map<string, CachedPage>();
  return {
    get(key, now = Date.now()) {
      const page = pages.get(key);
      if (!page) return undefined;
      if (now - page.at >= options.ttlMs) {
        pages.delete(key);
        return undefined;
      }
      return page;
    },
    set(key, page) {
      pages.delete(key);
      while (pages.size >= options.maxEntries) pages.delete(pages.keys().next().value!);
      pages.set(key, page);
    },
    size: () => pages.size,
  };
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
const NOT_REPLAYED = new Set(["content-length", "date", "connection", "keep-alive", "transfer-encoding", "content-security-policy"]);
export function replayableHeaders(headers: Record<string, number | string | string[] | undefined>): [string, string][] | null {
  const kept: [string, string][] = [];
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    if (lower === "set-cookie") return null;
    if (NOT_REPLAYED.has(lower) || value === undefined) continue;
    kept.push([name, Array.isArray(value) ? value.join(", ") : String(value)]);
  }
  return kept;
}
