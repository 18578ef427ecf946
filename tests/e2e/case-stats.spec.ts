/**
 * The statistics report of cases, as the ministry uses it: the page shows figures for the demo cases (answered,
 * rated, open, escalated), passes axe, and hands over the same report as CSV, XLSX and a signed PDF whose QR code
 * points to the signed document. A school's head sees the school's own report.
 */
import { readFile } from "node:fs/promises";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
    .analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(" ")).join("\n  ")}`);
}

async function downloadOf(page: Page, click: () => Promise<void>) {
  const [download] = await Promise.all([page.waitForEvent("download"), click()]);
  return { name: download.suggestedFilename(), bytes: await readFile((await download.path())!) };
}

test.describe("the ministry", () => {
  test.use({ account: "admin@moet.gov.vn" });

  test("sees the demo cases' figures, passes axe, and downloads the CSV, the XLSX and the signed PDF", async ({
    page,
  }) => {
    test.setTimeout(90_000);
    await page.goto("/admin/case-stats");
    await expect(page.getByRole("heading", { level: 1, name: "Thống kê hồ sơ" })).toBeVisible();
    const received = page.locator(".stat").filter({ hasText: "Hồ sơ tiếp nhận" }).locator(".stat-number");
    expect(Number((await received.textContent())!.replace(/\D/g, ""))).toBeGreaterThanOrEqual(6);
    // The demo's rated cases: 5, 4 and 2 stars at least.
    const satisfaction = page.getByRole("table", { name: "Số lượt đánh giá theo số sao" });
    await expect(satisfaction).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "Theo loại hồ sơ" })).toBeVisible();
    await expect(page.getByRole("rowheader", { name: "Bộ Giáo dục và Đào tạo" })).toBeVisible();
    await expect(page.locator(".nav-menu")).toHaveAttribute("data-scripted", "true"); // hydrated
    expect(await seriousViolations(page)).toEqual([]);

    // Filtering by kind narrows the report and the exports alike.
    await page.getByLabel("Loại hồ sơ", { exact: true }).selectOption("question");
    await page.getByRole("button", { name: "Xem báo cáo" }).click();
    await expect(page).toHaveURL(/kind=question/);

    const csv = await downloadOf(page, () => page.getByRole("link", { name: "Tải CSV" }).click());
    expect(csv.name).toMatch(/^thong-ke-ho-so-bo-\d{4}-01-01-\d{4}-12-31\.csv$/);
    const text = csv.bytes.toString("utf8");
    expect(text).toContain("Hồ sơ tiếp nhận");
    expect(text).toMatch(/\r\nTổng,,\d+,/);

    const xlsx = await downloadOf(page, () => page.getByRole("link", { name: "Tải XLSX" }).click());
    expect(xlsx.name).toMatch(/\.xlsx$/);
    expect(xlsx.bytes.subarray(0, 2).toString("latin1")).toBe("PK");

    const pdf = await downloadOf(page, () => page.getByRole("button", { name: "Ký số và tải PDF" }).click());
    expect(pdf.name).toMatch(/\.pdf$/);
    expect(pdf.bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    // The page is still there after the download, ready for another.
    await expect(page.getByRole("heading", { level: 1, name: "Thống kê hồ sơ" })).toBeVisible();
  });
});

test.describe("a school's head", () => {
  test.use({ account: "hieutruong@cdcnhn.edu.vn" });

  test("sees the school's own report, without the handler filter, and may sign it", async ({ page }) => {
    await page.goto("/school/CDCNHN/case-stats");
    await expect(page.getByRole("heading", { level: 1, name: "Thống kê hồ sơ" })).toBeVisible();
    await expect(page.getByLabel("Đơn vị xử lý", { exact: true })).toHaveCount(0);
    await expect(page.getByRole("heading", { level: 2, name: "Theo đơn vị xử lý" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Ký số và tải PDF" })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    const other = await page.request.get("/school/TCKTDN/case-stats");
    expect(other.status()).toBe(403);
  });
});
