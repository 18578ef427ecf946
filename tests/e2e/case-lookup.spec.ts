/**
 * The case core's public face (issue 12), as people meet it:
 * - CDCNHN's principal finds the demo's overdue fake report escalated to them, in /notifications (with the header's
 *   unread count) and in the demo mailbox;
 * - anyone looks that case up by its code, typed in lowercase with spaces, and sees its status and timeline and no
 *   personal data;
 * - a fake report's old tracking code (VB-…) still leads to its case.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./fixtures";

const PRINCIPAL = "hieutruong@cdcnhn.edu.vn";
const OLD_CODE = "VB-7K3QX-2M9PA";
const run: { code?: string } = {};

test.describe("an overdue case, escalated and looked up", () => {
  test.describe.configure({ mode: "serial" });

  test.describe("principal", () => {
    test.use({ account: PRINCIPAL });

    test("sees the escalation in the notifications and in the mailbox", async ({ page }) => {
      await page.goto("/");
      await expect(page.getByTestId("unread-count")).toBeVisible();
      await page.getByRole("link", { name: /^Thông báo/ }).click();
      await expect(page.getByRole("heading", { level: 1, name: "Thông báo" })).toBeVisible();
      const notice = page.locator(".notifications li", { hasText: "quá hạn xử lý" }).first();
      await expect(notice).toBeVisible();
      const code = /GB-\d{4}-\d{6}/.exec((await notice.textContent()) ?? "")?.[0];
      expect(code).toBeTruthy();
      run.code = code;

      await page.getByRole("button", { name: "Đánh dấu tất cả là đã đọc" }).click();
      await expect(page.getByText("Đã đánh dấu tất cả thông báo là đã đọc.")).toBeVisible();
      await expect(page.getByTestId("unread-count")).toHaveCount(0);

      await page.goto("/demo/outbox");
      const mail = page
        .locator("li.mail")
        .filter({ has: page.locator(".mail-meta strong", { hasText: PRINCIPAL }) })
        .filter({ has: page.locator(".mail-subject", { hasText: code! }) });
      await expect(mail.first()).toBeVisible();
      await expect(mail.first()).toContainText("quá hạn");
    });
  });

  test.describe("anyone", () => {
    test("looks the case up by a code typed loosely, and sees its timeline and no personal data", async ({ page }) => {
      expect(run.code, "the principal's test found the code").toBeTruthy();
      const code = run.code!;
      await page.goto("/cases");
      await expect(page.getByRole("heading", { level: 1, name: "Tra cứu hồ sơ" })).toBeVisible();
      await page.getByLabel("Mã hồ sơ").fill(`  ${code.toLowerCase().replace(/-/g, " ")} `);
      await page.getByRole("button", { name: "Tra cứu" }).click();
      await expect(page).toHaveURL(new RegExp(`/cases/${code}$`));
      await expect(page.getByRole("heading", { level: 1, name: `Hồ sơ ${code}` })).toBeVisible();
      await expect(page.getByText("Phản ánh văn bằng nghi giả")).toBeVisible();
      await expect(page.locator("[data-deadline]")).toContainText("Quá hạn");
      const timeline = page.locator(".case-timeline");
      await expect(timeline).toContainText("Nộp hồ sơ");
      await expect(timeline).toContainText("Quá hạn: báo lãnh đạo đơn vị");
      await expect(page.getByRole("img", { name: "Mã QR của trang này" })).toBeVisible();
      const text = (await page.locator("main").textContent()) ?? "";
      for (const secret of ["nguoi.phan.anh@example.vn", "Phạm Văn Giả", "0987 654 321", "tuyển dụng"])
        expect(text).not.toContain(secret);
      await expect(page.locator(".nav-menu")).toHaveAttribute("data-scripted", "true");
      const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa"]).analyze();
      expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual(
        [],
      );

      const api = await page.request.get(`/api/v1/cases/${code.toLowerCase()}`);
      expect(api.status()).toBe(200);
      expect(await api.json()).toMatchObject({ code, kind: "fake_report", escalated: true });

      await page.goto("/cases/GB-2020-999999");
      await expect(page.getByRole("heading", { level: 1, name: "Không tìm thấy hồ sơ" })).toBeVisible();
    });

    test("an old tracking code still leads to its case", async ({ page }) => {
      await page.goto(`/verify/report/${OLD_CODE.toLowerCase()}`);
      await expect(page).toHaveURL(new RegExp(`/cases/${OLD_CODE}$`));
      await expect(page.getByRole("heading", { level: 1, name: `Hồ sơ ${OLD_CODE}` })).toBeVisible();
      await expect(page.locator("[data-outcome]")).toContainText("Văn bằng là giả");
      await page.goto("/cases");
      await page.getByLabel("Mã hồ sơ").fill("vb 7k3qx 2m9pa");
      await page.getByRole("button", { name: "Tra cứu" }).click();
      await expect(page.getByRole("heading", { level: 1, name: `Hồ sơ ${OLD_CODE}` })).toBeVisible();
    });
  });
});
