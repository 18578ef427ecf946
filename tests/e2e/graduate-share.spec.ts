/**
 * A graduate on a phone (390×844): the QR code of their diploma is on the first screen; the share link copies in one
 * click ("Đã sao chép"); a share link with an expiry is made, opened by a stranger (the view is counted), revoked,
 * and then answers 410 "Liên kết đã bị thu hồi" without the diploma.
 */
import { expect, test } from "./fixtures";

const VIEWPORT = { width: 390, height: 844 };
test.use({ account: "an.nguyen@example.vn", viewport: VIEWPORT, isMobile: true, hasTouch: true });

async function openMyDiploma(page: import("@playwright/test").Page) {
  await page.goto("/graduate");
  await page.locator('a[href^="/graduate/diplomas/"]').first().click();
  await page.waitForURL(/\/graduate\/diplomas\/[0-9a-f-]{36}/);
}

test("the diploma's QR code is on the first screen", async ({ page }) => {
  await openMyDiploma(page);
  const qr = page.getByRole("img", { name: /mã QR/i }).first();
  await expect(qr).toBeVisible();
  const box = (await qr.boundingBox())!;
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height, "the QR code's bottom is within the first screen").toBeLessThanOrEqual(VIEWPORT.height);
  await page.screenshot({ path: test.info().outputPath("graduate-diploma-phone.png") });
});

test("share links: copy in one click, make one with an expiry, a stranger opens it (counted), revoke → 410", async ({
  page,
  context,
  browser,
  baseURL,
}) => {
  test.setTimeout(60_000);
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL! });
  await openMyDiploma(page);
  const diplomaPath = new URL(page.url()).pathname;

  // The permanent link copies in one click.
  const permanent = await page.locator("#share-link").inputValue();
  await page.locator("#share-link").locator("xpath=..").getByRole("button", { name: "Sao chép" }).click();
  await expect(page.getByText("Đã sao chép")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(permanent);

  // A link that expires in 7 days.
  await page.getByLabel("Thời hạn", { exact: true }).selectOption("7d");
  await page.getByRole("button", { name: "Tạo liên kết chia sẻ" }).click();
  await expect(page.getByText("Đã tạo liên kết chia sẻ mới.")).toBeVisible();
  const link = page.locator(".share-link").first();
  await expect(link).toHaveAttribute("data-state", "active");
  await expect(link).toContainText("0 lần mở");
  const url = await link.locator('input[type="text"]').inputValue();
  expect(url).toMatch(/\/s\/[A-Za-z0-9_-]{43}$/);
  await link.getByRole("button", { name: "Sao chép" }).click();
  await expect(link.getByText("Đã sao chép")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);

  // A stranger (no session) opens it: the same verdict as the QR code.
  const stranger = await browser.newContext({
    viewport: VIEWPORT,
    isMobile: true,
    storageState: { cookies: [], origins: [] },
  });
  const other = await stranger.newPage();
  const opened = await other.goto(url);
  expect(opened!.status()).toBe(200);
  await expect(other.locator("section.verdict")).toHaveAttribute("data-verdict", "valid");
  await expect(other.locator(".verify-facts")).toContainText("Nguyễn Văn An");

  await page.goto(diplomaPath);
  await expect(page.locator(".share-link").first()).toContainText("1 lần mở");

  // Revoked: 410, a clear page, nothing of the diploma.
  await page.locator(".share-link").first().getByRole("button", { name: "Thu hồi" }).click();
  await expect(page.getByText("Đã thu hồi liên kết.")).toBeVisible();
  await expect(page.locator(".share-link").first()).toHaveAttribute("data-state", "revoked");
  const gone = await other.goto(url);
  expect(gone!.status()).toBe(410);
  await expect(other.getByRole("heading", { level: 1 })).toHaveText("Liên kết đã bị thu hồi");
  await expect(other.locator("body")).not.toContainText("Nguyễn Văn An");
  await expect(other.locator("section.verdict")).toHaveCount(0);
  await stranger.close();
});
