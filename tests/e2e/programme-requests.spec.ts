/**
 * A school whose programme is missing from the catalogue: the import's error row offers a one-click request to the
 * ministry; the ministry's administrator finds it under the catalogues and refuses it with a note; the school's
 * registrar reads the answer on the import page.
 */
import type { Page } from "@playwright/test";
import { parse as parseCsv } from "csv-parse/sync";
import { expect, signInAs, test } from "./fixtures";

const SCHOOL = "TCKTDN";
const REGISTRAR = "vanbang@tcktdn.edu.vn";
const MINISTRY = "admin@moet.gov.vn";
/** A trung cấp code (first digit 5) in field 48 that the catalogue does not hold. */
const MISSING = "5489990";
const NOTE = "Chưa có chương trình đào tạo được phê duyệt cho nghề này.";

test.use({ account: REGISTRAR });

/** One graduate in a programme the catalogue does not have, with the template's own header row. */
function csvWithUnknownProgramme(templateCsv: string): string {
  const [headers] = parseCsv(templateCsv, { bom: true, relax_column_count: true }) as string[][];
  const cell: Record<string, string> = {
    "Họ và tên": "Đặng Thị Mai",
    "Ngày sinh": "12/05/2004",
    "Nơi sinh": "Đồng Nai",
    "Giới tính": "Nữ",
    "Dân tộc": "Kinh",
    "Số định danh cá nhân": "075304001234",
    "Mã ngành, nghề": MISSING,
    "Trình độ": "Trung cấp",
    "Hình thức đào tạo": "Chính quy",
    "Xếp loại": "Khá",
    "Ngày tốt nghiệp": "20/06/2025",
    "Thư điện tử": "",
    "Số quyết định tốt nghiệp": "88/QĐ-TCKT",
  };
  for (const h of headers!)
    if (!(h in cell)) throw new Error(`the template has a column this test does not fill: ${h}`);
  return `\uFEFF${headers!.join(",")}\r\n${headers!.map((h) => cell[h]).join(",")}\r\n`;
}

async function hydrated(page: Page) {
  await expect(page.locator(".nav-menu")).toHaveAttribute("data-scripted", "true");
}

test("a school asks for a missing programme from the import's error; the ministry answers; the school sees it", async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(60_000);
  await test.step("the registrar imports a file naming an unknown programme and asks the ministry in one click", async () => {
    await page.goto(`/school/${SCHOOL}/batches/new`);
    await page.getByLabel("Tên lô").fill(`Lô thử đề nghị ngành ${Date.now()}`);
    await page.getByRole("button", { name: "Tạo lô" }).click();
    await page.waitForURL(/\/batches\/[0-9a-f-]{36}/);
    const batchId = /\/batches\/([0-9a-f-]{36})/.exec(page.url())?.[1];
    expect(batchId).toBeTruthy();
    await page.goto(`/school/${SCHOOL}/batches/${batchId}/import`);
    const template = await page.request.get(`/school/${SCHOOL}/batches/template.csv`);
    const csv = csvWithUnknownProgramme(await template.text());
    await hydrated(page);
    await page
      .getByLabel("Tệp danh sách")
      .setInputFiles({ name: "nganh-moi.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
    await page.getByRole("button", { name: "Tải lên và kiểm tra" }).click();
    const report = page.getByRole("region", { name: "Kết quả kiểm tra tệp nganh-moi.csv" });
    await expect(report).toContainText("Mã ngành, nghề này không có trong danh mục.");
    await report.getByRole("button", { name: "Đề nghị Bộ bổ sung ngành/nghề này" }).click();
    await expect(report.locator(".programme-request-sent")).toContainText(
      `Đã gửi đề nghị bổ sung mã ${MISSING}: Đang chờ Bộ xử lý.`,
    );
  });

  await test.step("the ministry's administrator finds it under the catalogues and refuses it with a note", async () => {
    const context = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
    const admin = await context.newPage();
    await signInAs(admin, MINISTRY);
    await admin.goto("/admin/reference");
    await admin.locator(".reference-cards").getByRole("link", { name: "Đề nghị bổ sung ngành, nghề" }).click();
    await expect(admin.getByRole("heading", { level: 1, name: "Đề nghị bổ sung ngành, nghề" })).toBeVisible();
    const card = admin.locator(`[data-programme-request="${SCHOOL}:${MISSING}"]`);
    await expect(card).toContainText("Đang chờ Bộ xử lý");
    await expect(card).toContainText(REGISTRAR);
    await expect(card).toContainText("Trung cấp");
    await card.getByRole("radio", { name: "Từ chối" }).check();
    await card.getByLabel("Ghi chú cho trường (bắt buộc khi từ chối)").fill(NOTE);
    await card.getByRole("button", { name: "Lưu trả lời" }).click();
    await expect(admin.getByText(`Đã lưu trả lời cho đề nghị mã ${MISSING}.`)).toBeVisible();
    await expect(admin.locator(`[data-programme-request="${SCHOOL}:${MISSING}"]`)).toHaveCount(0); // no longer pending
    await context.close();
  });

  await test.step("the registrar sees the answer on the import page", async () => {
    await page.reload();
    const requests = page.getByRole("region", { name: "Đề nghị bổ sung ngành, nghề của trường" });
    const row = requests.locator(`[data-programme-request="${MISSING}"]`);
    await expect(row).toContainText("Bộ từ chối");
    await expect(row).toContainText(NOTE);
  });
});
