/**
 * The other ways in on /verify: the diploma's credential JSON file (chosen or dropped; verified in full by the
 * server, eddsa-rdfc-2022), and the lookup by serial number and full name. Phone-sized, signed out.
 */
import type { Page } from "@playwright/test";
import { demoQr, pathOf } from "./demo-qr";
import { expect, test } from "./fixtures";

const SCHOOL = "CDCNHN";
const PRINCIPAL = "hieutruong@cdcnhn.edu.vn";
const VALID_HOLDER = "Nguyễn Văn An";
const VALID = `status=issued&q=${encodeURIComponent(VALID_HOLDER)}`;

test.use({ account: PRINCIPAL, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

/** A genuine diploma's serial and credential JSON, read as the principal; the page is then signed out. */
async function demoCredential(page: Page): Promise<{ serial: string; credential: Record<string, unknown> }> {
  await page.goto(`/school/${SCHOOL}/diplomas?${VALID}`);
  const row = page.locator(`table a[href^="/school/${SCHOOL}/diplomas/"]`).first();
  const serial = (await row.textContent())!.trim();
  await row.click();
  await page.waitForURL(new RegExp(`/school/${SCHOOL}/diplomas/[0-9a-f-]{36}$`));
  const id = new URL(page.url()).pathname.split("/").pop()!;
  const response = await page.request.get(`/credentials/${id}/vc.json`);
  expect(response.status()).toBe(200);
  const credential = (await response.json()) as Record<string, unknown>;
  await page.context().clearCookies();
  return { serial, credential };
}

const banner = (page: Page) => page.locator("section.verdict");
const fileInput = (page: Page) => page.getByLabel("Tải lên tệp văn bằng số (JSON)");
const asFile = (body: string | Buffer, name = "vc.json") => ({
  name,
  mimeType: "application/json",
  buffer: Buffer.isBuffer(body) ? body : Buffer.from(body),
});

test("a genuine credential JSON file says valid; a tampered one says invalid signature", async ({ page }) => {
  const { serial, credential } = await demoCredential(page);
  await page.goto("/verify");
  await fileInput(page).setInputFiles(asFile(JSON.stringify(credential, null, 2)));
  await expect(banner(page)).toHaveAttribute("data-verdict", "valid");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Văn bằng hợp lệ/);
  await expect(page.locator(".verify-facts")).toContainText(serial);
  await expect(page.locator(".verify-facts")).toContainText(VALID_HOLDER);
  // The classification reads as its label, and the page speaks of the file, not of a QR code.
  const classification = page
    .locator(".verify-facts dl > div")
    .filter({ has: page.locator("dt", { hasText: /^Xếp loại$/ }) })
    .locator("dd");
  await expect(classification).toHaveText(/^(Xuất sắc|Giỏi|Khá|Trung bình khá|Trung bình)$/);
  await expect(page.locator(".verify-page")).not.toContainText("diplomas.classification");
  await expect(page.getByRole("heading", { level: 2, name: "Thông tin trên tệp văn bằng số" })).toBeVisible();
  await expect(page.locator(".verify-page")).not.toContainText(/mã QR/i);
  // On the phone's first screen: the verdict, the holder, the programme, the level and the school.
  const firstScreen = [
    page.getByRole("heading", { level: 1 }),
    ...["Họ và tên", "Ngành, nghề", "Trình độ", "Cơ sở đào tạo"].map((label) =>
      page
        .locator(".verify-facts dl > div")
        .filter({ has: page.locator("dt", { hasText: new RegExp(`^${label}$`) }) })
        .locator("dd"),
    ),
  ];
  for (const item of firstScreen) {
    const box = (await item.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(844);
  }

  await page.getByRole("button", { name: "Kiểm tra văn bằng khác" }).click();
  const tampered = structuredClone(credential);
  const subject = tampered["credentialSubject"] as Record<string, unknown>;
  subject["name"] = "Trần Thị Giả";
  expect(JSON.stringify(tampered)).not.toBe(JSON.stringify(credential));
  // A change anywhere in the signed document breaks the signature; if "name" is not a field, alter the whole subject.
  if (!("name" in (credential["credentialSubject"] as object)))
    tampered["credentialSubject"] = { ...subject, extra: "x" };
  await fileInput(page).setInputFiles(asFile(JSON.stringify(tampered)));
  await expect(banner(page)).toHaveAttribute("data-verdict", "invalid_signature");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Chữ ký không hợp lệ/);
  await expect(banner(page)).toContainText("Nội dung tệp văn bằng số không khớp với chữ ký của nhà trường");
  await expect(page.locator(".verify-page")).not.toContainText(/mã QR/i);
});

test("a credential file dropped on the drop zone is verified too", async ({ page }) => {
  const { credential } = await demoCredential(page);
  await page.goto("/verify");
  const text = JSON.stringify(credential);
  const dataTransfer = await page.evaluateHandle((json) => {
    const dt = new DataTransfer();
    dt.items.add(new File([json], "vc.json", { type: "application/json" }));
    return dt;
  }, text);
  const zone = page.locator(".credential-drop");
  await zone.dispatchEvent("dragover", { dataTransfer });
  await zone.dispatchEvent("drop", { dataTransfer });
  await expect(banner(page)).toHaveAttribute("data-verdict", "valid");
});

test("bad files (not JSON, a JSON array, empty, oversized, a JSON object that is no credential) say so in Vietnamese", async ({
  page,
}) => {
  await page.goto("/verify");
  for (const body of ["xin chào", "[1,2,3]", "", `{"a":"${"x".repeat(70_000)}"}`, "\u0000\u00ff\u00fe garbage"]) {
    await fileInput(page).setInputFiles(asFile(body));
    await expect(page.getByText("Tệp này không phải văn bằng số dạng JSON hợp lệ")).toBeVisible();
    await expect(banner(page)).toHaveCount(0);
  }
  await fileInput(page).setInputFiles(asFile(JSON.stringify({ hello: "world" })));
  // An object that is no credential of ours is never valid (the server says malformed or unknown issuer).
  await expect(banner(page)).toHaveAttribute("data-verdict", /^(malformed|unknown_issuer)$/);
});

test("the lookup by serial number and full name opens the verdict; a wrong name gets a neutral message", async ({
  page,
}) => {
  const { serial } = await demoCredential(page);
  await page.goto("/verify");
  await page.getByLabel("Số hiệu văn bằng").fill(serial.toLowerCase()); // "cdcnhn-000041" as typed on a phone
  await page.getByLabel("Họ và tên người học").fill("nguyen van AN"); // case and diacritics do not matter
  await page.getByRole("button", { name: "Tra cứu" }).click();
  await page.waitForURL(/\/v\/[A-Z2-7]+$/);
  await expect(banner(page)).toHaveAttribute("data-verdict", "valid");
  await expect(page.locator(".verify-facts")).toContainText(serial);

  await page.goto("/verify");
  await page.getByLabel("Số hiệu văn bằng").fill(serial);
  await page.getByLabel("Họ và tên người học").fill("Lê Văn Khác");
  await page.getByRole("button", { name: "Tra cứu" }).click();
  await expect(page.getByText("Không tìm thấy văn bằng khớp với số hiệu và họ tên đã nhập")).toBeVisible();
  expect(new URL(page.url()).pathname).toBe("/verify");
});

/**
 * The verify URL as docs/qr-payload.md section 1 describes it: routing ignores a trailing slash and a query string,
 * a fragment never reaches the server; the path segment is read as a QR text, so anything else after the payload
 * (here an encoded "?") is malformed, and a further path segment is no verify page at all.
 */
test("the verify URL with a trailing slash, a query string or a fragment is the same diploma; more after the payload is not", async ({
  page,
  baseURL,
}) => {
  const path = pathOf((await demoQr(page, VALID)).text, baseURL!);
  for (const variant of [path, `${path}/`, `${path}?utm_source=zalo`, `${path}/?x=1`, path.toLowerCase()]) {
    const response = await page.request.get(variant);
    expect(response.status(), variant).toBe(200);
    expect(await response.text(), variant).toContain('data-verdict="valid"');
  }
  await page.goto(`${path}#from-a-message`);
  await expect(banner(page)).toHaveAttribute("data-verdict", "valid");
  const encoded = await page.request.get(`${path}%3Fx%3D1`);
  expect(await encoded.text()).toContain('data-verdict="malformed"');
  expect((await page.request.get(`${path}/EXTRA`)).status()).toBe(404);
});
