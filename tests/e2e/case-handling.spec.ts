/**
 * Handling cases, as the demo school's registrar and the demo graduate would (issue 12): the registrar's queue shows
 * the overdue case first, then the one due today; the case waiting for the graduate shows its submitter and only the
 * actions that work now. The graduate answers it with a file (an executable named .pdf is refused first), the
 * registrar finds the file on the case and downloads it, and the graduate rates a resolved case.
 * The steps build on each other: they run in order (one worker, not fully parallel).
 */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, mainNavLinks, test } from "./fixtures";

const AWAITING = "Xác nhận văn bằng cho cơ quan nhà nước";
const TO_RATE = "Xác nhận văn bằng cho nhà tuyển dụng nước ngoài";
const PDF = Buffer.from("%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n");

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

async function hydrated(page: Page) {
  await expect(page.locator(".nav-menu")).toHaveAttribute("data-scripted", "true");
}

test.describe("the school's registrar", () => {
  test.use({ account: "vanbang@cdcnhn.edu.vn" });

  test("opens the queue: overdue first, then due today; opens the case waiting for the graduate", async ({ page }) => {
    await page.goto("/");
    await mainNavLinks(page).filter({ hasText: "Hồ sơ cần xử lý" }).click();
    await expect(page).toHaveURL(/\/school\/CDCNHN\/cases$/);
    await expect(page.getByRole("heading", { level: 1, name: "Hồ sơ cần xử lý" })).toBeVisible();
    await hydrated(page);
    // Other demo seeds (statistics, the public lookup) add overdue cases of their own: at least this one is counted.
    await expect(page.locator('[data-count="overdue"]')).toContainText(/[1-9]\d* Quá hạn/);
    const sections = page.locator("section[data-section]");
    await expect(sections.nth(0).getByRole("heading", { level: 2 })).toHaveText("Quá hạn");
    const overdueRow = sections.nth(0).getByRole("row").filter({ hasText: "Cấp bản sao bằng tốt nghiệp (quá hạn)" });
    await expect(overdueRow).toContainText("Đã báo lãnh đạo");
    await expect(sections.nth(1).getByRole("heading", { level: 2 })).toHaveText("Đến hạn hôm nay");
    await expect(sections.nth(1)).toContainText("Cấp bản sao bằng tốt nghiệp (hôm nay)");
    expect(await seriousViolations(page)).toEqual([]);

    await page
      .getByRole("row", { name: new RegExp(AWAITING) })
      .getByRole("link")
      .click();
    await expect(page).toHaveURL(/\/cases\/DV-\d{4}-\d{6}\/handle$/);
    await hydrated(page);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Xác nhận văn bằng");
    await expect(page.getByText("Tạm dừng tính hạn (chờ bổ sung)").first()).toBeVisible();
    await expect(page.getByRole("link", { name: "an.nguyen@example.vn" })).toBeVisible();
    // Waiting for the graduate: no second request, no result yet; refusing and notes still work.
    await expect(page.getByRole("heading", { level: 3, name: "Yêu cầu bổ sung" })).toHaveCount(0);
    await expect(page.getByRole("heading", { level: 3, name: "Trả kết quả" })).toHaveCount(0);
    await expect(page.getByRole("heading", { level: 3, name: "Từ chối" })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);

    // An internal note lands on the timeline with the officer's name.
    const noteForm = page.getByRole("form", { name: "Ghi chú nội bộ" });
    await noteForm.getByRole("textbox", { name: "Ghi chú nội bộ" }).fill("Đã gọi điện nhắc người nộp.");
    await noteForm.getByRole("button", { name: "Ghi chú nội bộ" }).click();
    await expect(page.getByRole("status")).toHaveText("Đã lưu ghi chú.");
    await expect(page.locator(".case-timeline")).toContainText("Đã gọi điện nhắc người nộp.");
    await expect(page.locator(".case-timeline")).toContainText("Trần Văn Đức");
  });
});

test.describe("the graduate", () => {
  test.use({ account: "an.nguyen@example.vn" });

  test("supplies a file on the case waiting for them; an executable named .pdf is refused", async ({ page }) => {
    await page.goto("/");
    await mainNavLinks(page).filter({ hasText: "Hồ sơ của tôi" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Hồ sơ của tôi" })).toBeVisible();
    await page
      .getByRole("row", { name: new RegExp(AWAITING) })
      .getByRole("link")
      .click();
    await hydrated(page);
    await expect(page.getByText("Vui lòng gửi văn bản đề nghị của cơ quan tiếp nhận").first()).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);

    const files = page.getByLabel("Tệp (PDF, PNG hoặc JPEG)");
    await files.setInputFiles({
      name: "setup.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from("MZ\x90\x00rest"),
    });
    await page.getByRole("button", { name: "Gửi bổ sung" }).click();
    await expect(page.getByRole("alert")).toHaveText('Tệp "setup.pdf" không phải PDF, PNG hoặc JPEG.');

    await files.setInputFiles({ name: "van-ban-de-nghi.pdf", mimeType: "application/pdf", buffer: PDF });
    await page.getByLabel("Lời nhắn cho cán bộ xử lý (không bắt buộc)").fill("Tôi gửi văn bản đề nghị.");
    await page.getByRole("button", { name: "Gửi bổ sung" }).click();
    await expect(page.getByRole("status")).toHaveText("Đã gửi bổ sung. Cán bộ xử lý đã được báo.");
    await expect(page.locator(".facts").first()).toContainText("Đang xử lý");
    await expect(page.getByRole("link", { name: "van-ban-de-nghi.pdf" })).toBeVisible();
  });

  test("rates a resolved case with stars", async ({ page }) => {
    await page.goto("/my/cases");
    await page
      .getByRole("row", { name: new RegExp(TO_RATE) })
      .getByRole("link")
      .click();
    await hydrated(page);
    await page.getByLabel("4/5 sao").check();
    await page.getByLabel("Góp ý (không bắt buộc)").fill("Thư xác nhận rõ ràng.");
    await page.getByRole("button", { name: "Gửi đánh giá" }).click();
    await expect(page.getByRole("status")).toHaveText("Cảm ơn bạn đã đánh giá.");
    await expect(page.locator(".facts").first()).toContainText("4/5 sao — Thư xác nhận rõ ràng.");
    await expect(page.getByRole("button", { name: "Gửi đánh giá" })).toHaveCount(0);
  });
});

test.describe("the registrar again", () => {
  test.use({ account: "vanbang@cdcnhn.edu.vn" });

  test("sees the graduate's file on the case and downloads it", async ({ page }) => {
    await page.goto("/school/CDCNHN/cases");
    await page
      .getByRole("row", { name: new RegExp(AWAITING) })
      .getByRole("link")
      .click();
    await hydrated(page);
    await expect(page.locator(".facts").first()).toContainText("Đang xử lý");
    const link = page.getByRole("link", { name: "van-ban-de-nghi.pdf" });
    await expect(link).toBeVisible();
    await expect(page.locator(".case-timeline")).toContainText("Tôi gửi văn bản đề nghị.");
    const response = await page.request.get((await link.getAttribute("href"))!);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("application/pdf");
    expect(Buffer.from(await response.body()).equals(PDF)).toBe(true);
  });
});
