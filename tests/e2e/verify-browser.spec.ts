/**
 * The independent check in the visitor's browser, on a phone-sized page: it verifies the ministry's signature on
 * the trust registry (against the key pinned in the page), the QR signature, and the school's signed status list,
 * and says whether it agrees with the server's verdict. A status list or registry altered on its way (intercepted
 * here with page.route) is never taken for valid: the page says the independent check disagrees.
 */
import { gzipSync } from "node:zlib";
import type { Page } from "@playwright/test";
import { emptyBitstring, encodeStatusList } from "../../app/modules/status/bitstring";
import { demoQr, pathOf, PRINCIPAL, REVOKED, VALID } from "./demo-qr";
import { expect, test } from "./fixtures";

test.use({ account: PRINCIPAL, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

const banner = (page: Page) => page.locator("section.verdict");
const browserCheck = (page: Page) => page.locator(".browser-check");

/** An all-clear revocation list: what an attacker would serve to hide a revocation. */
const CLEAR_LIST = encodeStatusList(emptyBitstring(), (b) => new Uint8Array(gzipSync(b)));

test("a genuine diploma: the browser checks signature and status itself and agrees: valid", async ({
  page,
  baseURL,
}) => {
  const qr = await demoQr(page, VALID);
  const lists: string[] = [];
  page.on("request", (request) => {
    if (/\/issuers\/[A-Z0-9-]+\/status\//.test(request.url())) lists.push(new URL(request.url()).pathname);
  });
  await page.goto(pathOf(qr.text, baseURL!));
  await expect(banner(page)).toHaveAttribute("data-verdict", "valid");
  await expect(browserCheck(page)).toHaveAttribute("data-verdict", "valid");
  await expect(browserCheck(page)).toHaveAttribute("data-agreement", "agrees");
  await expect(browserCheck(page)).toContainText("đúng chữ ký của nhà trường");
  await expect(browserCheck(page)).toContainText("không bị thu hồi hay đình chỉ");
  await expect(browserCheck(page)).toContainText("khớp với kết quả của máy chủ");
  expect(
    lists.some((p) => /\/status\/revocation-\d+$/.test(p)),
    "the browser fetched the revocation list",
  ).toBe(true);
});

test("a revoked diploma: the browser independently confirms revoked from the school's signed status list", async ({
  page,
  baseURL,
}) => {
  const qr = await demoQr(page, REVOKED);
  await page.goto(pathOf(qr.text, baseURL!));
  await expect(banner(page)).toHaveAttribute("data-verdict", "revoked");
  await expect(browserCheck(page)).toHaveAttribute("data-verdict", "revoked");
  await expect(browserCheck(page)).toHaveAttribute("data-agreement", "agrees");
  await expect(browserCheck(page)).toContainText("ĐÃ BỊ THU HỒI");
  await expect(browserCheck(page)).toContainText("khớp với kết quả của máy chủ");
});

test("a status list altered on its way (the revocation hidden) is refused: status unknown, and the page says the check disagrees", async ({
  page,
  baseURL,
}) => {
  const qr = await demoQr(page, REVOKED);
  await page.route("**/issuers/*/status/revocation-*", async (route) => {
    const response = await route.fetch();
    const list = (await response.json()) as { credentialSubject: { encodedList: string } };
    list.credentialSubject.encodedList = CLEAR_LIST;
    await route.fulfill({ response, json: list });
  });
  await page.goto(pathOf(qr.text, baseURL!));
  await expect(banner(page)).toHaveAttribute("data-verdict", "revoked"); // the server's verdict, first paint
  await expect(browserCheck(page)).toHaveAttribute("data-verdict", "status_unknown");
  await expect(browserCheck(page)).toHaveAttribute("data-agreement", "disagrees");
  await expect(page.getByRole("alert").filter({ hasText: "KHÔNG khớp với kết quả của máy chủ" })).toBeVisible();
  await expect(browserCheck(page)).toContainText("danh sách trạng thái nhận được KHÔNG đúng chữ ký của nhà trường");
  await expect(browserCheck(page)).not.toContainText("Văn bằng hợp lệ");
  await page.screenshot({ path: test.info().outputPath("status-list-tampered.png"), fullPage: true });
});

test("a trust registry altered on its way is not used: the page says the check disagrees, never valid", async ({
  page,
  baseURL,
}) => {
  const qr = await demoQr(page, VALID);
  await page.route("**/trust-registry.json", async (route) => {
    const response = await route.fetch();
    const registry = (await response.json()) as { schools: { code: string; name: string }[] };
    for (const school of registry.schools) school.name = `${school.name} (giả)`;
    await route.fulfill({ response, json: registry });
  });
  await page.goto(pathOf(qr.text, baseURL!));
  await expect(banner(page)).toHaveAttribute("data-verdict", "valid");
  await expect(browserCheck(page)).toHaveAttribute("data-state", "registry_unverified");
  await expect(browserCheck(page)).toHaveAttribute("data-verdict", "status_unknown");
  await expect(browserCheck(page)).toHaveAttribute("data-agreement", "disagrees");
  await expect(browserCheck(page)).toContainText("KHÔNG đúng chữ ký của Bộ");
  await expect(page.getByRole("alert").filter({ hasText: "KHÔNG khớp với kết quả của máy chủ" })).toBeVisible();
});
