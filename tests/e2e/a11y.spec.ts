/**
 * Accessibility: axe-core (WCAG 2.x A/AA rules) on the public pages, desktop and phone. Fails on any violation of
 * impact "serious" or "critical"; the message lists the rule, the help text and the offending elements.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

const PAGES = [
  { path: "/", heading: "Văn bằng nghề nghiệp số — tin cậy, tra cứu tức thì" },
  { path: "/sign-in", heading: "Đăng nhập" },
  { path: "/sign-up", heading: "Đăng ký tài khoản" },
  { path: "/jobs", heading: "Việc làm cho người học nghề" },
  { path: "/cases", heading: "Tra cứu hồ sơ" },
  { path: "/feedback", heading: "Gửi câu hỏi, phản ánh, kiến nghị" },
  { path: "/questions", heading: "Thư viện hỏi đáp" },
];

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
    .analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => `${n.target.join(" ")} — ${n.failureSummary?.replace(/\s+/g, " ")}`).join("\n  ")}`,
    );
}

async function open(page: Page, path: string, heading: string) {
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
  await expect(page.locator(".nav-menu")).toHaveAttribute("data-scripted", "true"); // hydrated
}

for (const { path, heading } of PAGES) {
  test(`axe: ${path} on a desktop`, async ({ page }) => {
    await open(page, path, heading);
    expect(await seriousViolations(page)).toEqual([]);
  });
}

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 3 });

  for (const { path, heading } of PAGES) {
    test(`axe: ${path} on a phone, menu open`, async ({ page }) => {
      await open(page, path, heading);
      expect(await seriousViolations(page)).toEqual([]);
      // The opened menu too: its links are checked only when visible.
      await page.getByRole("button", { name: "Menu" }).tap();
      await expect(page.getByRole("button", { name: "Menu" })).toHaveAttribute("aria-expanded", "true");
      expect(await seriousViolations(page)).toEqual([]);
    });
  }
});

test("axe: the sign-up form with errors and the school fields shown", async ({ page }) => {
  await open(page, "/sign-up", "Đăng ký tài khoản");
  await page.getByLabel("Cơ sở giáo dục nghề nghiệp").check();
  await page.getByRole("button", { name: "Đăng ký" }).click();
  await expect(page.getByRole("alert")).toHaveText("Vui lòng sửa các lỗi bên dưới.");
  await expect(page.getByText("Vui lòng nhập họ và tên (2–120 ký tự).")).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test.describe("the graduate's jobs pages", () => {
  test.use({ account: "an.nguyen@example.vn" });

  for (const [path, heading] of [
    ["/graduate/jobs", "Việc làm phù hợp"],
    ["/graduate/profile", "Hồ sơ việc làm"],
  ] as const) {
    test(`axe: ${path}`, async ({ page }) => {
      await open(page, path, heading);
      expect(await seriousViolations(page)).toEqual([]);
    });
  }

  test("axe: the graduate's diploma page with a share link, and a revoked link's page", async ({ page, browser }) => {
    await page.goto("/graduate");
    await page.locator('a[href^="/graduate/diplomas/"]').first().click();
    await page.getByRole("button", { name: "Tạo liên kết chia sẻ" }).click();
    await expect(page.getByText("Đã tạo liên kết chia sẻ mới.")).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    const url = await page.locator('.share-link input[type="text"]').first().inputValue();
    await page.locator(".share-link").first().getByRole("button", { name: "Thu hồi" }).click();
    await expect(page.getByText("Đã thu hồi liên kết.")).toBeVisible();
    const stranger = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const other = await stranger.newPage();
    await other.goto(url);
    await expect(other.getByRole("heading", { level: 1, name: "Liên kết đã bị thu hồi" })).toBeVisible();
    expect(await seriousViolations(other)).toEqual([]);
    await stranger.close();
  });
});

test.describe("the employer's job form", () => {
  test.use({ account: "tuyendung@codienviet.vn" });

  test("axe: choosing programmes by name, suggestions open and one chosen", async ({ page }) => {
    await open(page, "/employer/0101234567/jobs/new", "Đăng tin mới");
    const programme = page.getByRole("combobox", { name: "Ngành, nghề đào tạo phù hợp" });
    await programme.fill("ke toan");
    await expect(page.getByRole("listbox", { name: "Ngành, nghề đào tạo phù hợp" })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await programme.press("Enter");
    await expect(
      page.getByRole("list", { name: "Đã chọn: Ngành, nghề đào tạo phù hợp" }).getByRole("listitem"),
    ).toHaveCount(1);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
