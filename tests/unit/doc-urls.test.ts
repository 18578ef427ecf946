/**
 * The URLs in the documents' examples are the portal's current routes: every URL of the portal (a demo host, or
 * `{origin}/…`) written in docs/*.md or README.md must match a route file of app/routes (Remix flat routes), so
 * that a renamed route cannot leave an outdated example behind (as the status-list URL once was).
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../..");

/** `issuers.$code.status.$listId.tsx` → /^\/issuers\/[^/]+\/status\/[^/]+\/?$/i (Remix v2 flat-route names). */
function routePattern(file: string): RegExp {
  const name = file.replace(/\.tsx?$/, "");
  const segments: string[] = [];
  for (const raw of name.split(/\.(?![^[]*\])/)) {
    if (raw === "_index" || raw.startsWith("_")) continue; // index route, pathless layout
    const segment = raw.replace(/_$/, "").replace(/\[(.)\]/g, "$1");
    segments.push(segment.startsWith("$") ? "[^/]+" : segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  }
  return new RegExp(`^/${segments.join("/")}/?$`, "i");
}

const ROUTES = readdirSync(path.join(ROOT, "app/routes"))
  .filter((f) => /\.tsx?$/.test(f) && !/^\$\.tsx?$/.test(f)) // not the catch-all 404 route
  .map((file) => ({ file, pattern: routePattern(file) }));

/** IRIs in the documents that name something without being a page of the portal. */
const IDENTIFIERS: RegExp[] = [
  /^\/vocab$/, // the namespace of our JSON-LD terms (https://vanbang.gov.vn/vocab#…)
  /^\/issuers\/[^/]+\/programmes\/[^/]+$/, // an Achievement's id (docs/credential-format.md)
  /^\/(healthz|readyz|metrics)$/, // answered by the HTTP server before Remix (app/server/observability.ts)
];

const PORTAL_URL =
  /(?:https?:\/\/(?:vanbang\.gov\.vn|vanbang\.example\.vn|vanbang\.gdnn\.gov\.vn|localhost(?::\d+)?|127\.0\.0\.1(?::\d+)?|\{host\})|\{origin\}|\{ORIGIN\})(\/[^\s"'`)<>|,\]]*)/g;

function portalPaths(): { source: string; url: string; path: string }[] {
  const files = [
    ...readdirSync(path.join(ROOT, "docs"))
      .filter((f) => f.endsWith(".md"))
      .map((f) => `docs/${f}`),
    "README.md",
  ];
  return files.flatMap((source) =>
    [...readFileSync(path.join(ROOT, source), "utf8").matchAll(PORTAL_URL)].map((m) => ({
      source,
      url: m[0],
      // Placeholders ({code}, revocation-{n}, …) stand for one segment's worth of text; fragment and query go.
      path: m[1]!
        .replace(/[#?].*$/, "")
        .replace(/\{[^}]*\}|…/g, "X")
        .replace(/\.$/, ""),
    })),
  );
}

describe("the documents' example URLs", () => {
  it("turns route file names into the paths Remix serves", () => {
    expect(routePattern("issuers.$code.status.$listId.tsx").test("/issuers/CDCNHN/status/revocation-1")).toBe(true);
    expect(routePattern("[.]well-known.did[.]json.tsx").test("/.well-known/did.json")).toBe(true);
    expect(routePattern("credentials.$id.vc[.]json.tsx").test("/credentials/abc/vc.json")).toBe(true);
    expect(routePattern("verify_.report.tsx").test("/verify/report")).toBe(true);
    expect(routePattern("issuers.$code.status.$listId.tsx").test("/status/CDCNHN/revocation/1")).toBe(false);
  });

  it("are all routes of the portal (or identifiers that are no page, listed above)", () => {
    const found = portalPaths();
    expect(found.length).toBeGreaterThan(20);
    const stray = found.filter(
      (u) => !IDENTIFIERS.some((i) => i.test(u.path)) && !ROUTES.some((r) => r.pattern.test(u.path)),
    );
    expect(stray.map((u) => `${u.source}: ${u.url}`)).toEqual([]);
  });

  it("include the status-list URL every diploma names, in its current form", () => {
    const statusUrls = portalPaths().filter((u) => /status/.test(u.path) && u.source === "docs/credential-format.md");
    expect(statusUrls.length).toBeGreaterThanOrEqual(2);
    for (const u of statusUrls) expect(u.path).toMatch(/^\/issuers\/[^/]+\/status\/(revocation|suspension)-(X|\d+)$/);
  });
});
