import { describe, expect, it } from "vitest";
import { clientIpOf } from "~/lib/client-ip";
import {
  createPageCache,
  htmlWithNonce,
  pageCacheKey,
  replayableHeaders,
  type CachedPage,
} from "~/lib/page-cache.server";
import { verifyApiEndpointOf } from "~/modules/verification/api-http.server";

const page = (html: string, nonce = "n0NCE0123456789abcdefA==", at = 0): CachedPage => ({
  at,
  renderedAt: at,
  headers: [],
  html,
  nonce,
  fingerprint: html,
  replay: () => undefined,
  recheck: async () => ({ fingerprint: html, replay: () => undefined }),
});

describe("the verify page's micro-cache", () => {
  it("keeps a page for the TTL only, and forgets the oldest page first when full", () => {
    const cache = createPageCache({ ttlMs: 1_000, maxEntries: 2 });
    cache.set("a", page("A", undefined, 0));
    expect(cache.get("a", 999)?.html).toBe("A");
    expect(cache.get("a", 1_000)).toBeUndefined(); // a revocation shows within a second
    cache.set("a", page("A", undefined, 10));
    cache.set("b", page("B", undefined, 10));
    cache.set("c", page("C", undefined, 10));
    expect(cache.get("a", 20)).toBeUndefined();
    expect(cache.get("b", 20)?.html).toBe("B");
    expect(cache.get("c", 20)?.html).toBe("C");
    expect(cache.size()).toBe(2);
  });

  it("after its second, offers the page for a recheck; a recheck with the same data makes it fresh again, until its maximum age", () => {
    const cache = createPageCache({ ttlMs: 1_000, maxEntries: 10, maxAgeMs: 10_000 });
    cache.set("a", page("A", undefined, 0));
    expect(cache.getStale("a", 500)).toBeUndefined(); // still fresh: no recheck
    expect(cache.get("a", 1_500)).toBeUndefined();
    expect(cache.getStale("a", 1_500)?.html).toBe("A");
    let replays = 0;
    cache.refresh("a", () => replays++, 1_500);
    const fresh = cache.get("a", 2_000);
    expect(fresh?.html).toBe("A");
    fresh!.replay();
    expect(replays).toBe(1); // the recheck's own counting callback
    cache.delete("a");
    expect(cache.getStale("a", 3_000)).toBeUndefined();
    cache.set("b", page("B", undefined, 0));
    cache.refresh("b", () => undefined, 9_999);
    expect(cache.get("b", 10_000)).toBeUndefined(); // rendered 10 s ago: rendered anew, whatever rechecks said
    expect(cache.getStale("b", 10_000)).toBeUndefined();
  });

  it("keys by language and URL, and refuses any request carrying a cookie besides the language (a session above all)", () => {
    expect(pageCacheKey("/V/ABC", undefined)).toBe("vi|/V/ABC");
    expect(pageCacheKey("/V/ABC", "lang=en")).toBe("en|/V/ABC");
    expect(pageCacheKey("/V/ABC", " lang=vi ; ")).toBe("vi|/V/ABC");
    expect(pageCacheKey("/V/ABC", "lang=en")).not.toBe(pageCacheKey("/V/ABC", "lang=vi"));
    expect(pageCacheKey("/V/ABC", "vb_session=abc")).toBeNull();
    expect(pageCacheKey("/V/ABC", "lang=en; vb_session=abc")).toBeNull();
    expect(pageCacheKey("/V/ABC", "lang=fr")).toBeNull();
  });

  it("gives each replay its own nonce, everywhere the stored one was", () => {
    const stored = page(
      '<script nonce="OLDnonce0123456789abcd==">a</script><link nonce="OLDnonce0123456789abcd=="/>',
      "OLDnonce0123456789abcd==",
    );
    const replayed = htmlWithNonce(stored, "NEWnonce0123456789abcd==");
    expect(replayed).toBe(
      '<script nonce="NEWnonce0123456789abcd==">a</script><link nonce="NEWnonce0123456789abcd=="/>',
    );
    expect(replayed).not.toContain("OLDnonce");
  });

  it("stores the page's own headers, never per-response ones, and nothing that sets a cookie", () => {
    const kept = replayableHeaders({
      "content-type": "text/html; charset=utf-8",
      "cache-control": "private, no-store",
      "content-security-policy": "script-src 'nonce-x'",
      "content-length": "10",
      date: "today",
      vary: ["Cookie", "Accept"],
    });
    expect(kept).toEqual([
      ["content-type", "text/html; charset=utf-8"],
      ["cache-control", "private, no-store"],
      ["vary", "Cookie, Accept"],
    ]);
    expect(replayableHeaders({ "content-type": "text/html", "set-cookie": ["lang=en"] })).toBeNull();
  });
});

describe("what the server answers before Express", () => {
  it("recognises the two API paths in any case, with one trailing slash or a query, and nothing else", () => {
    expect(verifyApiEndpointOf("/api/v1/verify")).toBe("verify");
    expect(verifyApiEndpointOf("/API/V1/VERIFY/")).toBe("verify");
    expect(verifyApiEndpointOf("/api/v1/verify?x=1")).toBe("verify");
    expect(verifyApiEndpointOf("/credentials/verify")).toBe("vc-api");
    for (const other of [
      undefined,
      "",
      "/",
      "/api/v1/verify//",
      "/api/v1/verify/x",
      "/api/v1/verifyx",
      "/credentials/abc/vc.json",
      "/V/ABC",
    ]) {
      expect(verifyApiEndpointOf(other)).toBeNull();
    }
  });

  it("takes the client address as Express does with TRUST_PROXY", () => {
    expect(clientIpOf("10.0.0.1", "203.0.113.7, 10.0.0.1", false)).toBe("10.0.0.1");
    expect(clientIpOf("10.0.0.1", "203.0.113.7, 10.0.0.1", true)).toBe("203.0.113.7");
    expect(clientIpOf("10.0.0.1", undefined, true)).toBe("10.0.0.1");
    expect(clientIpOf("10.0.0.1", " ", true)).toBe("10.0.0.1");
    expect(clientIpOf(undefined, undefined, false)).toBeNull();
  });
});
