/**
 * The verify page on a phone (390×844), signed out: the verdict, the holder, the programme, the level and the
 * school are on the first screen; the browser's own check is one line with its details on demand; a superseded
 * diploma is amber and said once; a verification receipt (PDF, JSON) can be downloaded, no account needed.
 */
import type { Locator, Page } from "@playwright/test";
import { demoQr, pathOf, PRINCIPAL, VALID } from "./demo-qr";
import { expect, test } from "./fixtures";

const VIEWPORT = { width: 390, height: 844 };
test.use({ account: PRINCIPAL, viewport: VIEWPORT, isMobile: true, hasTouch: true });

const banner = (page: Page) => page.locator("section.verdict");
const browserCheck = (page: Page) => page.locator(".browser-check");

/** Entirely within the first screen, without scrolling. */
async function expectOnFirstScreen(locator: Locator, what: string) {
  await expect(locator, what).toBeVisible();
  const box = await locator.boundingBox();
  expect(box, what).not.toBeNull();
  expect(box!.y, `${what}: top`).toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height, `${what}: bottom within ${VIEWPORT.height}px`).toBeLessThanOrEqual(VIEWPORT.height);
}

const fact = (page: Page, label: string) =>
  page
    .locator(".verify-facts dl > div")
    .filter({ has: page.locator("dt", { hasText: new RegExp(`^${label}$`) }) })
    .locator("dd");

test("a valid diploma: verdict, holder, programme, level and school on the first screen; the device check is one line", async ({
  page,
  baseURL,
}) => {
  const qr = await demoQr(page, VALID);
  await page.goto(pathOf(qr.text, baseURL!));
  await expect(browserCheck(page)).toHaveAttribute("data-agreement", "agrees");
  await expectOnFirstScreen(page.getByRole("heading", { level: 1, name: /Văn bằng hợp lệ/ }), "the verdict");
  await expectOnFirstScreen(fact(page, "Họ và tên"), "the holder's name");
  await expect(fact(page, "Họ và tên")).toHaveText("Nguyễn Văn An");
  await expectOnFirstScreen(fact(page, "Ngành, nghề"), "the programme");
  await expectOnFirstScreen(fact(page, "Trình độ"), "the level");
  await expectOnFirstScreen(fact(page, "Cơ sở đào tạo"), "the school");
  await expect(fact(page, "Cơ sở đào tạo")).toContainText("CDCNHN");

  // One line, details on demand.
  const summary = browserCheck(page).locator("summary");
  await expect(summary).toContainText("Đã kiểm tra độc lập trên thiết bị của bạn ✓");
  await expect(browserCheck(page).locator("details")).not.toHaveAttribute("open", /.*/);
  await expect(browserCheck(page).getByText("khớp với kết quả của máy chủ")).toBeHidden();
  const height = (await browserCheck(page).boundingBox())!.height;
  expect(height, "the folded check is one line").toBeLessThan(56);
  await summary.click();
  await expect(browserCheck(page).getByText("khớp với kết quả của máy chủ")).toBeVisible();
  // A sentence is said once: the verdict's explanation is not repeated as a reason.
  await expect(banner(page).locator(".verdict-reasons")).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath("verify-phone-valid.png") });
});

test("the verification receipt downloads as a PDF and as JSON, signed out", async ({ page, baseURL }) => {
  const qr = await demoQr(page, VALID);
  await page.goto(pathOf(qr.text, baseURL!));
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Tải biên nhận xác thực (PDF)" }).click();
  const pdf = await download;
  expect(pdf.suggestedFilename()).toBe(`bien-nhan-xac-thuc-${qr.serial}.pdf`);
  const bytes = await (await import("node:fs/promises")).readFile((await pdf.path())!);
  expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");

  const href = await page.getByRole("link", { name: "Biên nhận xác thực (JSON)" }).getAttribute("href");
  const json = await page.request.get(href!);
  expect(json.status()).toBe(200);
  const receipt = await json.json();
  expect(receipt).toMatchObject({ verdict: "valid", serial: qr.serial, issuer: { code: "CDCNHN", accredited: true } });
  expect(receipt.verifiedAt).toMatch(/\+07:00$/);
  expect(receipt.checks.map((c: { outcome: string }) => c.outcome)).toEqual(["passed", "passed", "passed", "passed"]);
});

test("a superseded diploma: amber, one word ('Đã được thay thế'), no sentence said twice, never called revoked", async ({
  page,
  baseURL,
}) => {
  const qr = await demoQr(page, "status=superseded");
  await page.goto(pathOf(qr.text, baseURL!));
  await expect(banner(page)).toHaveAttribute("data-verdict", "superseded");
  await expect(banner(page)).toHaveClass(/verdict-warn/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/đã được thay thế/);
  await expect(browserCheck(page)).toHaveAttribute("data-agreement", "agrees");
  await expect(browserCheck(page)).toHaveClass(/browser-check-warn/); // the verdict's colour, not green
  const page_ = page.locator(".verify-page");
  await expect(page_).not.toContainText(/thu hồi/i);
  await expect(page_).toContainText("đã được thay thế");
  await browserCheck(page).locator("summary").click();
  const text = (await page.locator("section.verdict, .browser-check").allInnerTexts()).join("\n");
  const sentences = text
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 12);
  expect(sentences.length).toBeGreaterThan(2);
  expect(new Set(sentences).size, `no sentence twice: ${sentences.join(" | ")}`).toBe(sentences.length);
  await page.screenshot({ path: test.info().outputPath("verify-phone-superseded.png"), fullPage: true });
});
