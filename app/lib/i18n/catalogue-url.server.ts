import { readdirSync } from "node:fs";
import path from "node:path";
import type { Locale } from "./index";

const SHARED_CHUNKS = path.resolve("public/build/_shared");
const cache = new Map<Locale, string | null>();

/**
 * The URL of the browser chunk of `locale`'s catalogue (load-catalogue.ts imports it; the build names it
 * `catalogue.<locale>-<hash>.js`), for a modulepreload link in the page's head: the browser fetches it along with the
 * other scripts instead of once entry.client.tsx runs. Null without a browser build (tests).
 */
export function catalogueChunkUrl(locale: Locale): string | null {
  const cached = cache.get(locale);
  if (cached !== undefined) return cached;
  let file: string | undefined;
  try {
    file = readdirSync(SHARED_CHUNKS).find((name) => name.startsWith(`catalogue.${locale}-`) && name.endsWith(".js"));
  } catch {
    file = undefined;
  }
  const url = file ? `/build/_shared/${file}` : null;
  // `remix dev` rebuilds under a running server: a new hash each time.
  if (process.env.NODE_ENV === "production") cache.set(locale, url);
  return url;
}
