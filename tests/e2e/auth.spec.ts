/**
 * The real forms: sign-up, e-mail confirmation through the demo outbox, sign-in, sign-out. The only spec that walks
 * the sign-up and sign-in forms; the role tests sign in through fixtures.ts.
 */
import { expect, test } from "@playwright/test";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../../app/modules/demo/demo-accounts";

const NEW_PASSWORD = "mat-khau-e2e-2026";

test("a new graduate signs up, confirms the e-mail, signs in and out", async ({ page }) => {
  const email = `e2e.${Date.now()}.${test.info().workerIndex}@example.vn`;
  const fullName = "Đỗ Thị Thử Nghiệm";

  await test.step("sign up through the form", async () => {
    await page.goto("/sign-up");
    await expect(page.getByRole("heading", { level: 1, name: "Đăng ký tài khoản" })).toBeVisible();
    await expect(page.getByLabel("Người học / người tốt nghiệp")).toBeChecked();
    await page.getByLabel("Họ và tên").fill(fullName);
    await page.getByLabel("Thư điện tử").fill(email);
    await page.getByLabel("Mật khẩu", { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel("Nhập lại mật khẩu").fill(NEW_PASSWORD);
    await page.getByRole("button", { name: "Đăng ký" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Kiểm tra hộp thư của bạn" })).toBeVisible();
    await expect(page.getByRole("status")).toContainText(`Chúng tôi đã gửi thư xác nhận đến ${email}`);
  });

  await test.step("signing in before confirming is refused", async () => {
    await page.goto("/sign-in");
    await page.getByLabel("Thư điện tử").fill(email);
    await page.getByLabel("Mật khẩu").fill(NEW_PASSWORD);
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await expect(page.getByRole("alert")).toContainText("Tài khoản chưa được xác nhận");
    await expect(page).toHaveURL(/\/sign-in$/);
  });

  await test.step("follow the confirmation link from the demo outbox", async () => {
    await page.goto("/demo/outbox");
    await expect(page.getByRole("heading", { level: 1, name: "Hộp thư demo" })).toBeVisible();
    // Newest first: the first mail to this address is the confirmation just sent.
    const mail = page.getByRole("listitem").filter({ hasText: email }).first();
    await expect(mail.getByRole("heading", { name: /Xác nhận địa chỉ thư điện tử/ })).toBeVisible();
    await mail.getByRole("link", { name: /\/confirm-email\?token=/ }).click();
    await expect(page).toHaveURL(/\/sign-in\?notice=confirmed$/);
    await expect(page.getByRole("status")).toHaveText("Đã xác nhận địa chỉ thư điện tử. Bạn có thể đăng nhập.");
  });

  await test.step("sign in and land on the graduate's page", async () => {
    await page.getByLabel("Thư điện tử").fill(email);
    await page.getByLabel("Mật khẩu").fill(NEW_PASSWORD);
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await expect(page).toHaveURL(/\/graduate$/);
    await expect(page.getByRole("heading", { level: 1, name: "Văn bằng của tôi" })).toBeVisible();
    await expect(page.getByRole("main")).toContainText(fullName);
    await expect(page.getByRole("link", { name: fullName })).toBeVisible();
  });

  await test.step("the account page shows the role", async () => {
    await page.goto("/account");
    await expect(page.getByRole("heading", { level: 1, name: "Tài khoản của tôi" })).toBeVisible();
    await expect(page.getByRole("main")).toContainText(email);
    const roles = page.getByRole("heading", { name: "Vai trò" }).locator("xpath=following-sibling::ul[1]");
    await expect(roles.getByRole("listitem")).toHaveText(["Người học"]);
  });

  await test.step("sign out with the header button", async () => {
    await page.getByRole("button", { name: "Đăng xuất" }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole("link", { name: "Đăng nhập" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Đăng xuất" })).toHaveCount(0);
  });

  await test.step("the graduate's page now asks to sign in", async () => {
    const response = await page.goto("/graduate");
    expect(response?.status()).toBe(200);
    await expect(page).toHaveURL(/\/sign-in\?redirectTo=%2Fgraduate$/);
    await expect(page.getByRole("heading", { level: 1, name: "Đăng nhập" })).toBeVisible();
  });
});

test("a wrong password is refused and the e-mail is kept", async ({ page }) => {
  const email = DEMO_ACCOUNTS.find((a) => a.role === "graduate")!.email;
  await page.goto("/sign-in");
  await page.getByLabel("Thư điện tử").fill(email);
  await page.getByLabel("Mật khẩu").fill(`${DEMO_PASSWORD}-sai`);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page.getByRole("alert")).toHaveText("Thư điện tử hoặc mật khẩu không đúng.");
  await expect(page.getByLabel("Thư điện tử")).toHaveValue(email);
  await expect(page.getByRole("button", { name: "Đăng xuất" })).toHaveCount(0);
});

test("signing up with a taken e-mail shows the error and keeps what was typed", async ({ page }) => {
  const taken = DEMO_ACCOUNTS.find((a) => a.role === "graduate")!.email;
  await page.goto("/sign-up");
  await page.getByLabel("Họ và tên").fill("Người Trùng Thư");
  await page.getByLabel("Thư điện tử").fill(taken);
  await page.getByLabel("Mật khẩu", { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel("Nhập lại mật khẩu").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Đăng ký" }).click();
  await expect(page.getByRole("alert")).toHaveText("Vui lòng sửa các lỗi bên dưới.");
  const emailField = page.getByLabel("Thư điện tử");
  await expect(emailField).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Địa chỉ thư điện tử này đã được dùng cho một tài khoản khác.")).toBeVisible();
  await expect(page.getByLabel("Họ và tên")).toHaveValue("Người Trùng Thư");
  await expect(emailField).toHaveValue(taken);
  await expect(page.getByRole("heading", { level: 1, name: "Đăng ký tài khoản" })).toBeVisible();
});

test("the school fields show only for a school sign-up", async ({ page }) => {
  await page.goto("/sign-up");
  const schoolCode = page.getByLabel("Mã trường (viết tắt, dùng trong định danh số)");
  const schoolType = page.getByLabel("Loại hình cơ sở");
  const orgName = page.getByLabel("Tên đơn vị");
  const taxCode = page.getByLabel("Mã số thuế");

  // Graduate (the default): no organisation fields at all.
  for (const field of [orgName, schoolCode, schoolType, taxCode]) await expect(field).toBeHidden();

  await page.getByLabel("Cơ sở giáo dục nghề nghiệp").check();
  for (const field of [orgName, schoolCode, schoolType]) await expect(field).toBeVisible();
  await expect(taxCode).toBeHidden();
  await expect(schoolType.getByRole("option")).toContainText(["— Chọn —", "Trường cao đẳng", "Trường trung cấp"]);

  await page.getByLabel("Doanh nghiệp / nhà tuyển dụng").check();
  await expect(taxCode).toBeVisible();
  await expect(schoolCode).toBeHidden();
  await expect(schoolType).toBeHidden();

  await page.getByLabel("Người học / người tốt nghiệp").check();
  await expect(orgName).toBeHidden();
});
