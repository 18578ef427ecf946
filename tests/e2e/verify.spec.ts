/**
 * The verify page as an employer meets it, on a phone-sized screen: the QR code of a genuine demo diploma opens
 * its upper-case /V/… URL and says valid (server verdict, and the signature checked again in the browser); the
 * seed's revoked diploma says revoked, with its date; a payload changed by one character or plain garbage never
 * says valid and never crashes; a photo of the QR code uploaded on /verify, or its link pasted, leads to the verdict.
 * Diploma ids are read from the school's list as its principal (fixtures.ts); the checks run signed out.
 */
import AxeBuilder from "@axe-core/playwright";
import { PNG } from "pngjs";
import type { Page } from "@playwright/test";
import { demoQr, pathOf, PRINCIPAL, REVOKED, VALID } from "./demo-qr";
import { expect, test } from "./fixtures";

/** Seed (app/modules/demo/demo-diplomas.server.ts, DEMO_GRADUATE_DIPLOMA): a diploma in force, and its holder's ID. */
const VALID_HOLDER = "Nguyễn Văn An";
const VALID_HOLDER_PERSONAL_ID = "001099012345"; // the verify page must never show it

test.use({ account: PRINCIPAL, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

const banner = (page: Page) => page.locator("section.verdict");
const browserCheck = (page: Page) => page.locator(".browser-check");

test("a genuine diploma's QR URL (upper case /V/) says valid, in green, and the browser checks the signature", async ({
  page,
  baseURL,
}) => {
  const qr = await demoQr(page, VALID);
  const path = pathOf(qr.text, baseURL!);
  expect(path.startsWith("/V/")).toBe(true);

  const response = await page.goto(path);
  expect(response?.status()).toBe(200);
  expect(new URL(page.url()).pathname).toBe(path); // served at the upper-case path itself, no redirect
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Văn bằng hợp lệ/);
  await expect(banner(page)).toHaveAttribute("data-verdict", "valid");
  await expect(banner(page)).toHaveCSS("border-left-color", "rgb(27, 110, 58)"); // --ok
  await expect(browserCheck(page)).toContainText(
    "Chữ ký đã được kiểm tra trên thiết bị của bạn: đúng chữ ký của nhà trường.",
  );

  const facts = page.locator(".verify-facts");
  await expect(facts).toContainText(VALID_HOLDER);
  await expect(facts).toContainText(qr.serial);
  await expect(facts).toContainText("2026");
  await expect(page.locator("body")).not.toContainText(VALID_HOLDER_PERSONAL_ID);
  await expect(page.getByRole("link", { name: "Xem toàn văn văn bằng" })).toHaveAttribute(
    "href",
    `/credentials/${qr.id}`,
  );
});

test("the revoked demo diploma says revoked, in red, with its date", async ({ page, baseURL }) => {
  const qr = await demoQr(page, REVOKED);
  const response = await page.goto(pathOf(qr.text, baseURL!));
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/thu hồi/);
  await expect(banner(page)).toHaveAttribute("data-verdict", "revoked");
  await expect(banner(page)).toHaveCSS("border-left-color", "rgb(164, 22, 26)"); // --err
  await expect(banner(page)).toContainText(/Ngày thay đổi: \d{2}\/\d{2}\/\d{4}/);
  await expect(page.locator(".verify-facts")).toContainText(qr.serial);
  // The signature itself is genuine: the browser says so, the server's status decides.
  await expect(browserCheck(page)).toContainText("đúng chữ ký của nhà trường");
  await expect(page.getByRole("link", { name: "Báo cáo nghi ngờ văn bằng giả" })).toBeVisible();
});

test("a payload changed by one character is never valid, and says why in Vietnamese", async ({ page, baseURL }) => {
  const qr = await demoQr(page, VALID);
  const path = pathOf(qr.text, baseURL!);
  const payload = path.slice(3);
  // One character in the record's texts (may break their UTF-8: malformed) and one in the signature (the
  // payload still reads, the signature cannot match: invalid_signature).
  for (const [at, expected] of [
    [Math.floor(payload.length * 0.45), ["invalid_signature", "malformed"]],
    [payload.length - 20, ["invalid_signature"]],
  ] as const) {
    const c = payload[at]!;
    const tampered = payload.slice(0, at) + (c === "A" ? "B" : "A") + payload.slice(at + 1);
    const response = await page.goto(`/V/${tampered}`);
    expect(response?.status()).toBeLessThan(500);
    const verdict = await banner(page).getAttribute("data-verdict");
    expect(expected as readonly string[]).toContain(verdict);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Chữ ký không hợp lệ|Mã QR không đọc được/);
    await expect(banner(page)).toHaveCSS("border-left-color", "rgb(164, 22, 26)");
    if (verdict === "invalid_signature") {
      await expect(browserCheck(page)).toContainText("KHÔNG đúng chữ ký của nhà trường");
    }
  }
});

test("when the trust registry cannot be fetched, the page says the in-browser check could not run", async ({
  page,
  baseURL,
}) => {
  const qr = await demoQr(page, VALID);
  await page.route("**/trust-registry.json", (route) => route.abort());
  await page.goto(pathOf(qr.text, baseURL!));
  await expect(banner(page)).toHaveAttribute("data-verdict", "valid"); // the server's verdict stands
  await expect(browserCheck(page)).toContainText("Không chạy được bước kiểm tra chữ ký trên thiết bị của bạn");
});

test("garbage after /v/ is malformed, never an error page", async ({ page }) => {
  for (const path of ["/v/abc", "/V/AAAA", "/v/%F0%9F%92%A9", `/V/${"A".repeat(5000)}`]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBeLessThan(500);
    await expect(banner(page)).toHaveAttribute("data-verdict", "malformed");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Mã QR không đọc được/);
  }
});

test("uploading a photo of the QR code on /verify opens its verdict", async ({ page }) => {
  const qr = await demoQr(page, VALID);
  await page.goto("/verify");
  await page
    .getByLabel("Tải lên ảnh chụp mã QR")
    .setInputFiles({ name: "van-bang.png", mimeType: "image/png", buffer: qr.png });
  await page.waitForURL(/\/v\/[A-Z2-7]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Văn bằng hợp lệ/);
  await expect(browserCheck(page)).toContainText("Chữ ký đã được kiểm tra trên thiết bị của bạn");
});

test("an image without a QR code says so", async ({ page }) => {
  await page.goto("/verify");
  const blank = new PNG({ width: 64, height: 64 });
  blank.data.fill(255);
  await page
    .getByLabel("Tải lên ảnh chụp mã QR")
    .setInputFiles({ name: "blank.png", mimeType: "image/png", buffer: PNG.sync.write(blank) });
  await expect(page.getByText("Không tìm thấy mã QR trong ảnh")).toBeVisible();
});

test("pasting the link on /verify opens its verdict; text that is not ours says malformed", async ({ page }) => {
  const qr = await demoQr(page, VALID);
  await page.goto("/verify");
  const field = page.getByLabel("Dán đường liên kết hoặc nội dung mã QR");
  await field.fill("https://example.com/not-a-diploma");
  await page.getByRole("button", { name: "Kiểm tra" }).click();
  await expect(page.getByText("Đây không phải mã QR văn bằng của Cổng Văn bằng số GDNN")).toBeVisible();

  await field.fill(qr.text);
  await page.getByRole("button", { name: "Kiểm tra" }).click();
  await page.waitForURL(/\/v\/[A-Z2-7]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Văn bằng hợp lệ/);
});

test("without JavaScript, the paste form's POST redirects to the verdict or answers malformed in Vietnamese", async ({
  page,
}) => {
  const qr = await demoQr(page, VALID);
  const ok = await page.request.post("/verify", { form: { text: qr.text }, maxRedirects: 0 });
  expect(ok.status()).toBe(302);
  expect(ok.headers()["location"]).toMatch(/^\/v\/[A-Z2-7]+$/);
  const bad = await page.request.post("/verify", { form: { text: "xin chào" }, maxRedirects: 0 });
  expect(bad.status()).toBe(400);
  expect(await bad.text()).toContain("Đây không phải mã QR văn bằng");
});

test("the verdict page and /verify have no serious accessibility violations", async ({ page, baseURL }) => {
  const qr = await demoQr(page, REVOKED);
  const serious = async () =>
    (
      await new AxeBuilder({ page })
        .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
        .analyze()
    ).violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  await page.goto(pathOf(qr.text, baseURL!));
  await expect(browserCheck(page)).toContainText("đúng chữ ký");
  await page.screenshot({ path: test.info().outputPath("verdict-revoked.png"), fullPage: true });
  expect(await serious()).toEqual([]);
  await page.goto("/verify");
  await expect(page.getByLabel("Tải lên ảnh chụp mã QR")).toBeVisible();
  expect(await serious()).toEqual([]);
});
