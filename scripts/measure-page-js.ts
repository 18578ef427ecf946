/**
 * The JavaScript a phone downloads for one page: opens the URL in Chromium with a phone's viewport and user agent,
 * waits until the network is idle (hydration done, catalogue and lazy chunks loaded), and lists every script the page
 * fetched with its size, raw and gzipped (level 9, one file at a time, as a server would send it).
 *   npx tsx scripts/measure-page-js.ts <url> [--lang=en] [--json]
 * The server must be running (e.g. `npm start`). --lang sets the language cookie of the switch.
 */
import { gzipSync } from "node:zlib";
import { chromium, devices } from "@playwright/test";
import { LOCALE_COOKIE } from "~/lib/i18n";

export interface ScriptSize {
  url: string;
  raw: number;
  gzip: number;
}

export async function measurePageJs(url: string, options: { lang?: "vi" | "en" } = {}): Promise<ScriptSize[]> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu"],
  });
  try {
    const context = await browser.newContext({ ...devices["Pixel 7"] });
    if (options.lang)
      await context.addCookies([{ name: LOCALE_COOKIE, value: options.lang, url: new URL(url).origin }]);
    const page = await context.newPage();
    const pending: Promise<ScriptSize | null>[] = [];
    page.on("response", (response) => {
      if (response.request().resourceType() !== "script") return;
      pending.push(
        response.body().then(
          (body) => ({ url: response.url(), raw: body.length, gzip: gzipSync(body, { level: 9 }).length }),
          () => null,
        ),
      );
    });
    await page.goto(url, { waitUntil: "networkidle" });
    const sizes = (await Promise.all(pending)).filter((s): s is ScriptSize => s !== null);
    const unique = new Map(sizes.map((s) => [s.url, s]));
    return [...unique.values()].sort((a, b) => b.raw - a.raw);
  } finally {
    await browser.close();
  }
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

if (import.meta.url === `file://${process.argv[1]}`) {
  const url = process.argv.find((a, i) => i >= 2 && !a.startsWith("--"));
  if (!url) {
    console.error("usage: npx tsx scripts/measure-page-js.ts <url> [--lang=en] [--json]");
    process.exit(2);
  }
  const lang = process.argv.find((a) => a.startsWith("--lang="))?.slice("--lang=".length);
  const sizes = await measurePageJs(url, { lang: lang === "en" ? "en" : lang === "vi" ? "vi" : undefined });
  const total = sizes.reduce((t, s) => ({ raw: t.raw + s.raw, gzip: t.gzip + s.gzip }), { raw: 0, gzip: 0 });
  if (process.argv.includes("--json")) {
    console.log(JSON.stringify({ url, lang: lang ?? "vi", files: sizes, total }, null, 2));
  } else {
    for (const s of sizes)
      console.log(`${kb(s.raw).padStart(10)} ${kb(s.gzip).padStart(10)}  ${new URL(s.url).pathname}`);
    console.log(
      `${kb(total.raw).padStart(10)} ${kb(total.gzip).padStart(10)}  total (${sizes.length} scripts, raw / gzip -9)`,
    );
  }
}
