/**
 * The jobs connection as a new user meets it: an employer signs up, prepares a job while pending (choosing its
 * programme by typing part of the name without diacritics), is approved by the ministry, publishes; the demo graduate
 * (a claimed CNTT diploma, consents given) sees it ranked with reasons in words and applies with the diploma; the
 * employer sees the application verified and moves it along the pipeline; the graduate withdraws it.
 */
import type { Browser, Page } from "@playwright/test";
import { expect, postSignIn, test } from "./fixtures";

const PASSWORD = "mat-khau-e2e-2026";

async function pageFor(
  browser: Browser,
  baseURL: string | undefined,
  email?: string,
  password?: string,
): Promise<Page> {
  const context = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  if (email) await postSignIn(context.request, email, password);
  return context.newPage();
}

test("an employer signs up, is approved, posts a job; a graduate applies; the employer moves the application", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(90_000);
  const stamp = Date.now();
  const email = `tuyendung.${stamp}@example.vn`;
  const taxCode = String(3_000_000_000 + (stamp % 999_999_999));
  const company = `Công ty Thử nghiệm ${stamp}`;
  const title = `Lập trình viên ứng dụng ${stamp}`;
  const employer = await pageFor(browser, baseURL);

  await test.step("the employer signs up and confirms the e-mail", async () => {
    await employer.goto("/sign-up");
    await employer.getByLabel("Doanh nghiệp / nhà tuyển dụng").check();
    await employer.getByLabel("Họ và tên").fill("Phan Văn Tuyển");
    await employer.getByLabel("Thư điện tử").fill(email);
    await employer.getByLabel("Mật khẩu", { exact: true }).fill(PASSWORD);
    await employer.getByLabel("Nhập lại mật khẩu").fill(PASSWORD);
    await employer.getByLabel("Tên đơn vị").fill(company);
    await employer.getByLabel("Mã số thuế").fill("12345");
    await employer.getByLabel("Tỉnh/thành phố").selectOption("01");
    await employer.getByRole("button", { name: "Đăng ký" }).click();
    // A tax code of 5 digits is refused with a message, and what was typed stays.
    await expect(employer.getByLabel("Tên đơn vị")).toHaveValue(company);
    await employer.getByLabel("Mật khẩu", { exact: true }).fill(PASSWORD);
    await employer.getByLabel("Nhập lại mật khẩu").fill(PASSWORD);
    await employer.getByLabel("Mã số thuế").fill(taxCode);
    await employer.getByRole("button", { name: "Đăng ký" }).click();
    await expect(employer.getByRole("heading", { level: 1, name: "Kiểm tra hộp thư của bạn" })).toBeVisible();
    await employer.goto("/demo/outbox");
    await employer
      .getByRole("listitem")
      .filter({ hasText: email })
      .first()
      .getByRole("link", { name: /\/confirm-email\?token=/ })
      .click();
    await expect(employer).toHaveURL(/\/sign-in\?notice=confirmed$/);
    await postSignIn(employer.context().request, email, PASSWORD);
  });

  await test.step("while pending, the employer prepares a job but cannot publish it", async () => {
    await employer.goto(`/employer/${taxCode}/jobs/new`);
    await employer.getByLabel("Vị trí tuyển dụng").fill(title);
    await employer.getByLabel("Mô tả công việc").fill("Phát triển ứng dụng web nội bộ bằng JavaScript.");
    // The programme by name, without diacritics, chosen from the suggestions (never a code).
    const programme = employer.getByRole("combobox", { name: "Ngành, nghề đào tạo phù hợp" });
    await programme.fill("cong nghe thong");
    await employer.getByRole("option", { name: "Công nghệ thông tin — Cao đẳng", exact: true }).click();
    await expect(employer.getByRole("list", { name: "Đã chọn: Ngành, nghề đào tạo phù hợp" })).toContainText(
      "Công nghệ thông tin — Cao đẳng",
    );
    await expect(programme).toHaveValue("");
    await employer.getByLabel("Hà Nội", { exact: true }).check();
    await employer.getByLabel("Lương từ (đồng/tháng)").fill("20.000.000");
    await employer.getByLabel("Lương đến (đồng/tháng)").fill("12.000.000");
    await employer.getByLabel("Kỹ năng").fill("JavaScript, SQL");
    await employer.getByLabel("Hạn nộp hồ sơ").fill("2099-12-31");
    await employer.getByRole("button", { name: "Lưu bản nháp" }).click();
    await expect(employer.getByText("Lương tối thiểu không được lớn hơn lương tối đa.")).toBeVisible();
    // The chosen programme survives the refused submit, still by name.
    await expect(employer.getByRole("list", { name: "Đã chọn: Ngành, nghề đào tạo phù hợp" })).toContainText(
      "Công nghệ thông tin — Cao đẳng",
    );
    await employer.getByLabel("Lương từ (đồng/tháng)").fill("12.000.000");
    await employer.getByLabel("Lương đến (đồng/tháng)").fill("20.000.000");
    await employer.getByRole("button", { name: "Lưu bản nháp" }).click();
    await expect(employer.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await employer.getByRole("button", { name: "Đăng tin" }).click();
    await expect(employer.getByRole("alert")).toContainText("đang chờ Bộ phê duyệt");
  });

  await test.step("the ministry approves the employer", async () => {
    const admin = await pageFor(browser, baseURL, "admin@moet.gov.vn");
    await admin.goto(`/admin/organisations?q=${taxCode}`);
    await admin.getByRole("link", { name: company }).click();
    await expect(admin.getByRole("region", { name: "Thông tin đơn vị cung cấp" })).toContainText(taxCode);
    await admin.getByLabel("Quyết định").selectOption("accredit");
    await admin.getByRole("button", { name: "Ghi nhận quyết định" }).click();
    await expect(admin.getByRole("status")).toContainText("Đã ghi nhận");
    await admin.context().close();
  });

  await test.step("the employer publishes; the job is public, with JobPosting data", async () => {
    await employer.reload();
    await employer.getByRole("button", { name: "Đăng tin" }).click();
    await expect(employer.getByRole("status")).toContainText("Tin đã được đăng");
    await employer.goto("/jobs?q=lap+trinh+vien+ung+dung");
    await employer.getByRole("link", { name: title }).click();
    const ld = JSON.parse((await employer.locator('script[type="application/ld+json"]').textContent()) ?? "{}");
    expect(ld).toMatchObject({ "@type": "JobPosting", title, hiringOrganization: { name: company, taxID: taxCode } });
  });

  const graduate = await pageFor(browser, baseURL, "an.nguyen@example.vn");
  await test.step("the demo graduate sees the job ranked with reasons in words, and applies with the diploma", async () => {
    await graduate.goto("/graduate/jobs?q=ung+dung");
    const card = graduate.getByRole("listitem").filter({ has: graduate.getByRole("link", { name: title }) });
    await expect(card).toContainText(
      "Đúng ngành Công nghệ thông tin · Cùng tỉnh Hà Nội · Trình độ cao đẳng ≥ trung cấp",
    );
    await expect(card).toContainText("Đăng hôm nay");
    await card.getByRole("link", { name: title }).click();
    await expect(graduate.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expect(graduate.getByLabel(/6480201/)).toBeChecked();
    await graduate.getByRole("button", { name: "Nộp hồ sơ" }).click();
    await expect(graduate.getByRole("status")).toContainText("Đã nộp hồ sơ");
  });

  await test.step("the employer sees the verified diploma and moves the application along", async () => {
    await employer.goto(`/employer/${taxCode}/jobs`);
    await employer.getByRole("link", { name: title }).click();
    await employer.getByRole("link", { name: "Hồ sơ ứng tuyển" }).click();
    const application = employer.getByRole("region", { name: "Nguyễn Văn An" });
    await expect(application).toContainText("6480201");
    await expect(application).toContainText("Đã xác thực: hợp lệ");
    await application.getByLabel("Chuyển sang").selectOption("shortlisted");
    await application.getByRole("button", { name: "Chuyển", exact: true }).click();
    await expect(employer.getByRole("status")).toContainText("Đã chuyển hồ sơ");
    await expect(employer.getByRole("region", { name: "Nguyễn Văn An" })).toContainText("Vào danh sách ngắn");
  });

  await test.step("the graduate follows the application's status, then withdraws it after confirming", async () => {
    await graduate.goto("/graduate/applications");
    const row = graduate.getByRole("row", { name: new RegExp(title) });
    await expect(row).toContainText("Vào danh sách ngắn");
    await row.getByRole("link", { name: `Rút hồ sơ ứng tuyển ${title}` }).click();
    const confirm = graduate.getByRole("region", { name: "Rút hồ sơ ứng tuyển?" });
    await expect(confirm).toContainText(company);
    await confirm.getByRole("button", { name: "Rút hồ sơ" }).click();
    await expect(graduate.getByRole("status")).toContainText("Đã rút hồ sơ ứng tuyển.");
    await expect(graduate.getByRole("row", { name: new RegExp(title) })).toContainText("Đã rút hồ sơ");
  });

  await test.step("the employer sees it withdrawn and can no longer move it", async () => {
    await employer.goto(`/employer/${taxCode}/jobs`);
    await expect(employer.getByRole("row", { name: new RegExp(title) })).toContainText("1");
    await employer
      .getByRole("row", { name: new RegExp(title) })
      .getByRole("link", { name: "1", exact: true })
      .click();
    const application = employer.getByRole("region", { name: "Nguyễn Văn An" });
    await expect(application).toContainText("Đã rút hồ sơ");
    await expect(application.getByLabel("Chuyển sang")).toHaveCount(0);
  });
});

test.describe("the job form without JavaScript", () => {
  test.use({ account: "tuyendung@codienviet.vn", javaScriptEnabled: false });

  test("an employer still chooses the programme and the occupation by name, from plain lists", async ({ page }) => {
    const title = `Kế toán kho ${Date.now()}`;
    await page.goto("/employer/0101234567/jobs/new");
    await page.getByLabel("Vị trí tuyển dụng").fill(title);
    await page.getByLabel("Mô tả công việc").fill("Theo dõi nhập xuất tồn kho, đối chiếu số liệu hằng tháng.");
    await page.getByLabel("Ngành, nghề đào tạo phù hợp").selectOption({ label: "Kế toán doanh nghiệp — Cao đẳng" });
    await page.getByLabel("Nghề nghiệp (danh mục nghề nghiệp Việt Nam)").selectOption({ label: "Nhân viên kế toán" });
    await page.getByLabel("Hà Nội", { exact: true }).check();
    await page.getByLabel("Lương từ (đồng/tháng)").fill("9.000.000");
    await page.getByLabel("Hạn nộp hồ sơ").fill("2099-12-31");
    await page.getByRole("button", { name: "Lưu bản nháp" }).click();
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    // The saved job shows its choices by name in the same lists.
    await expect(page.getByLabel("Ngành, nghề đào tạo phù hợp").locator("option:checked")).toHaveText(
      "Kế toán doanh nghiệp — Cao đẳng",
    );
    await expect(page.getByLabel("Nghề nghiệp (danh mục nghề nghiệp Việt Nam)").locator("option:checked")).toHaveText(
      "Nhân viên kế toán",
    );
  });
});
