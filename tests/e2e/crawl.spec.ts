/**
 * Every journey clean: as each demo role (and anonymously), visit every page reachable from the navigation (the main
 * navigation and each section's own), and the first detail page of each list on them, on a desktop browser; then the
 * main pages again in English; and, on a phone (390×844), the navigation's pages once more, where a page must also fit
 * the screen's width. Any page error, console error, failed hydration (React #418/#423/#425, "Hydration")
 * or 5xx response, or a NUL byte in a page's HTML, fails the role's test, with the list of every fault found.
 */
import type { Page, Response } from "@playwright/test";
import { LOCALE_COOKIE } from "../../app/lib/i18n";
import { expect, test, type DemoEmail } from "./fixtures";

/** One demo account per role (CDCNHN's school roles), plus anonymous. */
const ROLES: { role: string; account: DemoEmail | null }[] = [
  { role: "anonymous", account: null },
  { role: "ministry_admin", account: "admin@moet.gov.vn" },
  { role: "school_admin", account: "quantri@cdcnhn.edu.vn" },
  { role: "school_registrar", account: "vanbang@cdcnhn.edu.vn" },
  { role: "school_principal", account: "hieutruong@cdcnhn.edu.vn" },
  { role: "employer_member", account: "tuyendung@codienviet.vn" },
  { role: "graduate", account: "an.nguyen@example.vn" },
];

/** Links that are not pages to look at: files, sign-out, the language switch, the camera. */
const NOT_A_PAGE = /\.(pdf|csv|xlsx|json|png|svg|txt)$|^\/(sign-out|language)(\/|$)/;
const MAX_NAV_PAGES = 60;
const HYDRATION = /#418|#423|#425|hydrat/i;
const PHONE = { width: 390, height: 844 };
const MAX_PHONE_PAGES = 25;

interface Fault {
  url: string;
  what: string;
}

/** Collects the faults of every page `page` shows, from now on. */
function watch(page: Page, faults: Fault[]): void {
  page.on("pageerror", (error) => faults.push({ url: page.url(), what: `page error: ${error.message}` }));
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    const text = message.text();
    faults.push({ url: page.url(), what: `${HYDRATION.test(text) ? "hydration failed" : "console error"}: ${text}` });
  });
  page.on("response", (response: Response) => {
    if (response.status() >= 500) faults.push({ url: page.url(), what: `${response.status()} from ${response.url()}` });
  });
}

/** Opens a page and waits until it is hydrated and quiet (lazy route discovery fetches run after hydration). */
async function visit(page: Page, path: string, faults: Fault[]): Promise<void> {
  const response = await page.goto(path);
  const status = response?.status() ?? 0;
  if (status >= 500) faults.push({ url: path, what: `page answered ${status}` });
  // The page's bytes as sent: no NUL byte (React 18's streaming renderer put some inside Vietnamese text).
  const body = response ? await response.body().catch(() => null) : null;
  if (body?.includes(0)) faults.push({ url: path, what: "the page's HTML holds a NUL byte" });
  await page.waitForLoadState("networkidle");
}

/** Same-origin page paths of the links inside `selector`, in document order. */
async function linkPaths(page: Page, selector: string): Promise<string[]> {
  const hrefs = await page
    .locator(selector)
    .locator("a[href]")
    .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
  const origin = new URL(page.url()).origin;
  const paths: string[] = [];
  for (const href of hrefs) {
    const url = new URL(href);
    if (url.origin !== origin || NOT_A_PAGE.test(url.pathname)) continue;
    paths.push(url.pathname + url.search);
  }
  return paths;
}

/** A path segment that names one record (a UUID, a number, a code with digits), not a section of the portal. */
const isRecordSegment = (segment: string) => /^(?=.*\d)[0-9A-Za-z-]{6,}$/.test(segment);
const pathnameOf = (path: string) => path.split("?")[0]!;
/** Whether `link` names a record that `path` does not (an employer's tax code in both is not a new record). */
const namesNewRecord = (link: string, path: string) => {
  const own = new Set(path.split("/"));
  return pathnameOf(link)
    .split("/")
    .some((segment) => isRecordSegment(segment) && !own.has(segment));
};

/**
 * Visits the navigation's pages, breadth first: the links of every `nav` (section navigations appear on section
 * pages) and, in the main content, the links to a page below the current one that is not a record (the graduate's
 * pages link to each other there). Then each list's first detail page: the first link in the main content to a
 * record not seen yet (below the list's path, or any record such as a job), and that record's own sub-pages.
 */
async function crawl(page: Page, faults: Fault[]): Promise<string[]> {
  const navPages: string[] = [];
  const queue = ["/"];
  const seen = new Set(queue);
  const enqueue = (pathname: string) => {
    if (seen.has(pathname)) return;
    seen.add(pathname);
    queue.push(pathname);
  };
  while (queue.length > 0 && navPages.length < MAX_NAV_PAGES) {
    const path = queue.shift()!;
    await visit(page, path, faults);
    navPages.push(path);
    for (const next of await linkPaths(page, "nav")) enqueue(pathnameOf(next));
    for (const next of await linkPaths(page, "main")) {
      const pathname = pathnameOf(next);
      if (path !== "/" && pathname.startsWith(`${path}/`) && !namesNewRecord(pathname, path)) enqueue(pathname);
    }
  }

  const details: string[] = [];
  for (const path of navPages) {
    // The demo mailbox's links belong to each mail's recipient (other specs' mail is there too), not to this role.
    if (path === "/" || path === "/demo/outbox") continue;
    await visit(page, path, faults);
    const links = (await linkPaths(page, "main")).filter((p) => !seen.has(pathnameOf(p)));
    const isRecord = (p: string) => namesNewRecord(p, path);
    const below = (p: string) => pathnameOf(p).startsWith(`${path}/`);
    const detail = links.find((p) => below(p) && isRecord(p)) ?? links.find(below) ?? links.find(isRecord);
    if (!detail) continue;
    const detailPath = pathnameOf(detail);
    seen.add(detailPath);
    details.push(detail);
    await visit(page, detail, faults);
    // The detail's own pages (a job's candidates and applications, a batch's import and signing), not its records.
    for (const sub of await linkPaths(page, "main")) {
      const pathname = pathnameOf(sub);
      if (seen.has(pathname) || !pathname.startsWith(`${detailPath}/`) || isRecordSegment(pathname.split("/").at(-1)!))
        continue;
      seen.add(pathname);
      details.push(pathname);
      await visit(page, pathname, faults);
    }
  }
  return [...navPages, ...details];
}

/** One line per distinct fault (first line of its message), with how often it happened. */
function report(faults: Fault[]): string {
  const counts = new Map<string, number>();
  for (const f of faults) {
    const line = `${f.url}  ${f.what.split("\n")[0]}`;
    counts.set(line, (counts.get(line) ?? 0) + 1);
  }
  return [...counts].map(([line, n]) => (n > 1 ? `${line}  (×${n})` : line)).join("\n");
}

for (const { role, account } of ROLES) {
  test.describe(role, () => {
    test.use({ account });

    test(`${role}: every page from the navigation, and each list's first detail, loads and hydrates cleanly (Vietnamese and English)`, async ({
      page,
      context,
      baseURL,
    }) => {
      test.setTimeout(240_000);
      const faults: Fault[] = [];
      watch(page, faults);

      const visited = await crawl(page, faults);
      test.info().annotations.push({ type: "visited", description: visited.join(" ") });
      expect(visited.length, "the navigation leads somewhere").toBeGreaterThan(1);
      if (account)
        expect(
          visited.some((p) => p !== "/" && !["/jobs", "/verify", "/demo/outbox", "/sign-in", "/sign-up"].includes(p)),
        ).toBe(true);

      // English: the main pages (the navigation's), with the language cookie the switch sets.
      await context.addCookies([{ name: LOCALE_COOKIE, value: "en", url: baseURL! }]);
      const mainPages = visited.slice(0, MAX_NAV_PAGES).filter((p) => !p.includes("?"));
      for (const path of mainPages.slice(0, 15)) await visit(page, path, faults);
      await expect(page.locator("html")).toHaveAttribute("lang", "en");

      expect(report(faults), `pages with faults (of ${visited.length} visited)`).toBe("");
    });

    test(`${role}: on a phone, every page of the navigation loads cleanly and fits the screen's width`, async ({
      page,
    }) => {
      test.setTimeout(180_000);
      await page.setViewportSize(PHONE);
      const faults: Fault[] = [];
      watch(page, faults);
      const queue = ["/"];
      const seen = new Set(queue);
      let visited = 0;
      while (queue.length > 0 && visited < MAX_PHONE_PAGES) {
        const path = queue.shift()!;
        await visit(page, path, faults);
        visited += 1;
        // A page wider than the phone makes the reader scroll sideways (tables scroll inside their own box instead).
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        if (overflow > 2) faults.push({ url: path, what: `wider than the phone by ${overflow}px` });
        for (const next of await linkPaths(page, "nav")) {
          const pathname = pathnameOf(next);
          if (!seen.has(pathname)) {
            seen.add(pathname);
            queue.push(pathname);
          }
        }
      }
      expect(visited).toBeGreaterThan(1);
      expect(report(faults), `phone pages with faults (of ${visited} visited)`).toBe("");
    });
  });
}
