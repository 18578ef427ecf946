/**
 * Offline after one visit: the service worker (/sw.js) keeps /verify, its scripts and the trust registry. With the
 * network gone, the signature of a QR code is still checked on the device against the kept registry, and the
 * verdict is status_unknown (the status cannot be checked offline) — never valid; a tampered code says so. A photo
 * of the QR code is decoded offline too (the lazily loaded QR reader was kept; the camera: verify-camera.spec.ts).
 */
import type { Page } from "@playwright/test";
import { demoQr, PRINCIPAL, VALID as VALID_QUERY } from "./demo-qr";
import { expect, test } from "./fixtures";

test.use({ account: PRINCIPAL, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

const banner = (page: Page) => page.locator("section.verdict");

test("after one visit, offline: the signature still checks on the device and the verdict is status_unknown, never valid", async ({
  page,
  context,
  baseURL,
}) => {
  const qr = await demoQr(page, VALID_QUERY);
  await page.goto("/verify");
  // The service worker installs (keeping the shell and the registry) and takes control of the page.
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, undefined, { timeout: 15_000 });

  await context.setOffline(true);
  try {
    // Pasted on the page already open.
    await page.getByLabel("Dán đường liên kết hoặc nội dung mã QR").fill(qr.text);
    await page.getByRole("button", { name: "Kiểm tra" }).click();
    await expect(banner(page)).toHaveAttribute("data-verdict", "status_unknown");
    await expect(banner(page)).toContainText(/không kiểm tra được trạng thái khi ngoại tuyến/i);
    await expect(page.locator(".browser-check")).toContainText("đúng chữ ký của nhà trường");
    await expect(page.locator(".verify-facts")).toContainText(qr.serial);

    // The verdict URL itself, opened offline (as a phone camera would): the kept page checks it.
    const path = qr.text.slice(baseURL!.length);
    await page.goto(path);
    await expect(banner(page)).toHaveAttribute("data-verdict", "status_unknown");
    await expect(page.locator(".browser-check")).toContainText("đúng chữ ký của nhà trường");

    // A signature changed by one character: invalid, offline too.
    const at = path.length - 20;
    const tampered = path.slice(0, at) + (path[at] === "A" ? "B" : "A") + path.slice(at + 1);
    await page.goto(tampered);
    await expect(banner(page)).toHaveAttribute("data-verdict", "invalid_signature");
    await expect(page.locator(".browser-check")).toContainText("KHÔNG đúng chữ ký");
  } finally {
    await context.setOffline(false);
  }
});

test("after one visit, offline: a photo of the QR code is still decoded on the device, and the status is status_unknown", async ({
  page,
  context,
}) => {
  const qr = await demoQr(page, VALID_QUERY);
  await page.goto("/verify");
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, undefined, { timeout: 15_000 });
  const chunks: string[] = [];
  page.on("request", (request) => {
    if (/\/build\/.*jsQR/i.test(request.url())) chunks.push(request.url());
  });

  await context.setOffline(true);
  try {
    // Opened afresh offline: the page and its scripts, the QR reader's chunk among them, come from the worker.
    await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker?.controller != null, undefined, { timeout: 15_000 });
    await page
      .getByLabel("Tải lên ảnh chụp mã QR")
      .setInputFiles({ name: "van-bang.png", mimeType: "image/png", buffer: qr.png });
    await expect(banner(page)).toHaveAttribute("data-verdict", "status_unknown");
    await expect(banner(page)).toContainText(/không kiểm tra được trạng thái khi ngoại tuyến/i);
    await expect(page.locator(".browser-check")).toContainText("đúng chữ ký của nhà trường");
    await expect(page.locator(".browser-check")).toContainText("không tải được danh sách trạng thái");
    await expect(page.locator(".verify-facts")).toContainText(qr.serial);
    expect(chunks.length, "the QR reader's chunk was loaded (from the service worker's cache)").toBeGreaterThan(0);
  } finally {
    await context.setOffline(false);
  }
});
