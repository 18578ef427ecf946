/**
 * The page shell: language, phone menu, keyboard access, security headers and cookies, a clean console under the
 * CSP, and the demo sign-ins on the home page.
 */
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../../app/modules/demo/demo-accounts";
import { SESSION_COOKIE, expect, mainNavLinks, signInAs, test } from "./fixtures";
import { demoQr, pathOf, PRINCIPAL, VALID } from "./demo-qr";

test.describe("language", () => {
  test("Vietnamese by default", async ({ page }) => {
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "vi");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      "Văn bằng nghề nghiệp số — tin cậy, tra cứu tức thì",
    );
    const toEnglish = page.getByRole("button", { name: "English", exact: true });
    await expect(toEnglish).toHaveAttribute("lang", "en");
    await expect(toEnglish).toHaveAttribute("title", "Chuyển sang tiếng Anh");
  });

  test("the English switch changes the language and it stays across pages", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("button", { name: "English", exact: true }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      "Digital vocational diplomas — trusted, checked in an instant",
    );
    await expect(mainNavLinks(page)).toHaveText([
      "Home",
      "Verify a diploma",
      "Jobs",
      "Q&A",
      "Feedback and petitions",
      "Demo mailbox",
      "Sign in",
      "Sign up",
    ]);

    // A full page load of another page: the choice is remembered (cookie), not only held by the client.
    await page.goto("/sign-in");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in");
    await expect(page.getByLabel("E-mail")).toBeVisible();

    // Client-side navigation keeps it too, and the error pages follow.
    await page.getByRole("link", { name: "Sign up" }).first().click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Create an account");
    const notFound = await page.goto("/no-such-page");
    expect(notFound?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");

    // And back to Vietnamese, on the page where the switch was used.
    await page.goto("/sign-in");
    await page.getByRole("button", { name: "Tiếng Việt", exact: true }).click();
    await expect(page).toHaveURL(/\/sign-in$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "vi");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Đăng nhập");
  });
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 3 });

  test("the menu button opens the navigation", async ({ page }) => {
    await page.goto("/");
    const menu = page.getByRole("button", { name: "Menu" });
    await expect(menu).toBeVisible(); // shown once JavaScript runs
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    const signIn = mainNavLinks(page).filter({ hasText: "Đăng nhập" });
    await expect(signIn).toBeHidden();

    await menu.tap();
    await expect(menu).toHaveAttribute("aria-expanded", "true");
    for (const name of ["Trang chủ", "Xác thực văn bằng", "Hộp thư demo", "Đăng nhập", "Đăng ký"]) {
      await expect(mainNavLinks(page).filter({ hasText: name })).toBeInViewport();
    }
    // The page does not scroll sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    await signIn.tap();
    await expect(page).toHaveURL(/\/sign-in$/);
    await expect(page.getByRole("heading", { level: 1, name: "Đăng nhập" })).toBeVisible();
    // The menu closes after navigating.
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await expect(signIn).toBeHidden();
  });
});

test("keyboard: the skip link is the first Tab stop and moves focus to the main content", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator(".nav-menu")).toHaveAttribute("data-scripted", "true");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Bỏ qua, đến nội dung chính" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#main$/);
  await expect(page.getByRole("main")).toBeFocused();
  // The next Tab stop is inside the main content, past the header.
  await page.keyboard.press("Tab");
  await expect(page.getByRole("main").getByRole("link", { name: "Xác thực văn bằng", exact: true })).toBeFocused();
});

test("security headers and a nonce on every inline script", async ({ page }) => {
  const response = await page.goto("/");
  expect(response?.status()).toBe(200);
  const headers = response!.headers();
  const csp = headers["content-security-policy"] ?? "";
  const directives = new Map(
    csp
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name!, values] as const),
  );
  const scriptSrc = directives.get("script-src") ?? [];
  const nonce = scriptSrc.map((v) => /^'nonce-([A-Za-z0-9+/=]{16,})'$/.exec(v)?.[1]).find(Boolean);
  expect(nonce, `script-src with a nonce in: ${csp}`).toBeTruthy();
  expect(scriptSrc).not.toContain("'unsafe-inline'");
  expect(directives.get("frame-ancestors")).toEqual(["'none'"]);
  expect(directives.get("object-src")).toEqual(["'none'"]);
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["x-powered-by"]).toBeUndefined();

  // Every inline <script> of the server's HTML carries this response's nonce (else the CSP blocks it).
  const html = await response!.text();
  const inline = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]!).filter((attrs) => !/\ssrc=/.test(attrs));
  expect(inline.length).toBeGreaterThan(0);
  for (const attrs of inline) expect(attrs).toContain(`nonce="${nonce}"`);

  // A fresh nonce per response.
  const again = await page.request.get("/");
  expect(again.headers()["content-security-policy"]).not.toContain(`'nonce-${nonce}'`);
});

test("the session cookie is HttpOnly and SameSite=Lax", async ({ page, context }) => {
  await signInAs(page, "binh.tran@example.vn");
  const cookie = (await context.cookies()).find((c) => c.name === SESSION_COOKIE);
  expect(cookie, "session cookie").toBeDefined();
  expect(cookie!.httpOnly).toBe(true);
  expect(cookie!.sameSite).toBe("Lax");
  expect(cookie!.path).toBe("/");
  expect(cookie!.expires).toBeGreaterThan(Date.now() / 1000); // persistent, with an expiry
  // Scripts cannot read it.
  await page.goto("/account");
  await expect(page.getByRole("heading", { level: 1, name: "Tài khoản của tôi" })).toBeVisible();
  expect(await page.evaluate(() => document.cookie)).not.toContain(SESSION_COOKIE);
});

test("no console errors on the home page, and its scripts run under the CSP", async ({ page }) => {
  const problems: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() === "error" || msg.type() === "warning") problems.push(`${msg.type()}: ${msg.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
  page.on("requestfailed", (request) => problems.push(`requestfailed: ${request.url()}`));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) =>
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  await page.goto("/");
  // Set by an effect: React hydrated, so the inline and module scripts were allowed to run.
  await expect(page.locator(".nav-menu")).toHaveAttribute("data-scripted", "true");
  await page.waitForLoadState("networkidle");
  // A client-side navigation exercises the route modules too.
  await page.getByRole("link", { name: "Xác thực văn bằng" }).first().click();
  await expect(page).toHaveURL(/\/verify$/);
  await page.waitForLoadState("networkidle");
  expect(problems).toEqual([]);
});

test("the home page lists the demo sign-ins in demo mode", async ({ page }) => {
  await page.goto("/");
  const demo = page.getByRole("region", { name: "Tài khoản trình diễn" });
  await expect(demo).toBeVisible();
  await expect(demo.locator("code.demo-password")).toHaveText(DEMO_PASSWORD);
  const rows = demo.getByRole("table").locator("tbody tr");
  await expect(rows).toHaveCount(DEMO_ACCOUNTS.length);
  await expect(rows.locator("td:first-child")).toHaveText(DEMO_ACCOUNTS.map((a) => a.email));
  await expect(rows.filter({ hasText: "admin@moet.gov.vn" })).toContainText("Quản trị viên Bộ");
  await expect(rows.filter({ hasText: "vanbang@cdcnhn.edu.vn" })).toContainText("Trường Cao đẳng Công nghệ Hà Nội");
  await expect(demo.getByRole("link", { name: /Hộp thư demo/ })).toHaveAttribute("href", "/demo/outbox");
  await expect(page.getByRole("note")).toContainText("Chế độ trình diễn");
});

test.describe("the language switch on the verify page", () => {
  test.use({ account: PRINCIPAL, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  // The verify page sends no referrer (its URL carries a name): a document POST from it would carry `Origin: null`,
  // which the origin check refuses. The switch must still work there, in both directions, without a console error.
  test("switches a phone's verdict page to English and back", async ({ page, baseURL }) => {
    const qr = await demoQr(page, VALID); // then signed out: a stranger's phone
    const errors: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
    page.on("pageerror", (error) => errors.push(String(error)));
    const path = pathOf(qr.text, baseURL!);
    await page.goto(path);
    await expect(page.getByRole("heading", { name: "Văn bằng hợp lệ" })).toBeVisible();

    await page.getByRole("button", { name: "English", exact: true }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { name: "Valid diploma" })).toBeVisible();
    expect(new URL(page.url()).pathname).toBe(path);

    await page.getByRole("button", { name: "Tiếng Việt", exact: true }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "vi");
    await expect(page.getByRole("heading", { name: "Văn bằng hợp lệ" })).toBeVisible();
    expect(errors).toEqual([]);
  });
});
