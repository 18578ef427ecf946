/**
 * Who sees what: role-gated pages answer 403 with the Vietnamese error page, anonymous visitors are sent to sign in
 * and back, and the header lists exactly the signed-in role's workspaces. Signed in through fixtures.ts.
 */
import type { Page, Response } from "@playwright/test";
import { expect, mainNavLinks, test } from "./fixtures";

const SCHOOL_CDCNHN = "Trường Cao đẳng Công nghệ Hà Nội";
const EMPLOYER = "Công ty TNHH Cơ điện Việt";

async function expectForbidden(page: Page, response: Response | null) {
  expect(response?.status()).toBe(403);
  await expect(page).toHaveTitle(/Cổng Văn bằng số GDNN/);
  await expect(page.getByRole("heading", { level: 1, name: "Không có quyền truy cập" })).toBeVisible();
  await expect(page.getByText("Tài khoản của bạn không có quyền xem trang này.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Về trang chủ" })).toBeVisible();
}

test.describe("school registrar of CDCNHN", () => {
  test.use({ account: "vanbang@cdcnhn.edu.vn" });

  test("sees the own school's workspace", async ({ page }) => {
    const response = await page.goto("/school/CDCNHN");
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1, name: SCHOOL_CDCNHN })).toBeVisible();
    await expect(page.getByText("Không gian làm việc của trường")).toBeVisible();
    await expect(page.locator("dl.facts")).toContainText("Cán bộ quản lý văn bằng");
  });

  test("gets 403 on another school", async ({ page }) => {
    await expectForbidden(page, await page.goto("/school/TCKTDN"));
    await expect(page.getByText("Trường Trung cấp Kinh tế Đà Nẵng")).toHaveCount(0);
  });

  test("gets 403 on an unknown school code too", async ({ page }) => {
    await expectForbidden(page, await page.goto("/school/KHONGCO"));
  });

  test("sees the school's staff but may not invite or revoke", async ({ page }) => {
    const response = await page.goto("/school/CDCNHN/members");
    // The staff pages are being built concurrently; without the route there is nothing to check yet.
    test.skip(response?.status() === 404, "no /school/:code/members route in this build");
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1, name: "Thành viên của đơn vị" })).toBeVisible();
    const staff = page.getByRole("main").getByRole("table");
    await expect(staff).toContainText("vanbang@cdcnhn.edu.vn");
    await expect(staff).toContainText("quantri@cdcnhn.edu.vn");
    // No management forms for a registrar...
    await expect(page.getByRole("heading", { name: "Mời thành viên" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: /^Thu hồi/ })).toHaveCount(0);

    // ...and posting them anyway (as a browser without JavaScript would) gets the Vietnamese 403 page.
    const invite = await page.request.post("/school/CDCNHN/members", {
      form: { intent: "invite", email: "nguoi.moi.e2e@example.vn", fullName: "Người Mới", role: "school_admin" },
      maxRedirects: 0,
    });
    expect(invite.status()).toBe(403);
    expect(await invite.text()).toContain("Không có quyền truy cập");
    const remove = await page.request.post("/school/CDCNHN/members", {
      form: { intent: "remove", assignmentId: "00000000-0000-4000-8000-000000000000" },
      maxRedirects: 0,
    });
    expect(remove.status()).toBe(403);

    await page.reload();
    await expect(staff).toContainText("vanbang@cdcnhn.edu.vn");
    await expect(staff).not.toContainText("nguoi.moi.e2e@example.vn");
  });
});

test.describe("employer member", () => {
  test.use({ account: "tuyendung@codienviet.vn" });

  test("sees the own employer workspace", async ({ page }) => {
    const response = await page.goto("/employer/0101234567");
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1, name: EMPLOYER })).toBeVisible();
    await expect(page.getByRole("navigation", { name: EMPLOYER }).getByRole("link")).toHaveText([
      "Tổng quan",
      "Tin tuyển dụng",
      "Hồ sơ doanh nghiệp",
      "Thành viên",
    ]);
  });

  test("gets 403 on a school", async ({ page }) => {
    await expectForbidden(page, await page.goto("/school/CDCNHN"));
  });

  test("gets 403 on the ministry administration", async ({ page }) => {
    await expectForbidden(page, await page.goto("/admin"));
    await expect(page.getByRole("heading", { name: "Quản trị của Bộ" })).toHaveCount(0);
  });
});

test.describe("graduate", () => {
  test.use({ account: "an.nguyen@example.vn" });

  test("gets 403 on the ministry administration", async ({ page }) => {
    await expectForbidden(page, await page.goto("/admin"));
  });

  test("gets 403 on a school", async ({ page }) => {
    await expectForbidden(page, await page.goto("/school/CDCNHN"));
  });
});

test("an anonymous visitor to /admin signs in and lands on /admin", async ({ page }) => {
  const response = await page.goto("/admin");
  expect(response?.status()).toBe(200);
  await expect(page).toHaveURL(/\/sign-in\?redirectTo=%2Fadmin$/);
  await expect(page.getByRole("heading", { level: 1, name: "Đăng nhập" })).toBeVisible();
  await page.getByLabel("Thư điện tử").fill("admin@moet.gov.vn");
  await page.getByLabel("Mật khẩu").fill("vanbang-demo-2026");
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole("heading", { level: 1, name: "Quản trị của Bộ" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Phạm Quốc Bảo" })).toBeVisible();
});

test("an unknown URL gives the Vietnamese 404 page", async ({ page }) => {
  const response = await page.goto("/khong-ton-tai/trang-nay");
  expect(response?.status()).toBe(404);
  await expect(page.locator("html")).toHaveAttribute("lang", "vi");
  await expect(page.getByRole("heading", { level: 1, name: "Không tìm thấy trang" })).toBeVisible();
  await expect(page.getByText("Trang bạn tìm không tồn tại hoặc đã được chuyển đi.")).toBeVisible();
});

test.describe("the header lists exactly the role's workspaces", () => {
  const common = ["Trang chủ", "Xác thực văn bằng", "Việc làm", "Hỏi đáp", "Gửi phản ánh, kiến nghị"];
  const cases = [
    {
      account: "admin@moet.gov.vn",
      workspaces: ["Quản trị Bộ", "Hồ sơ cần xử lý", "Hồ sơ của tôi"],
      name: "Phạm Quốc Bảo",
      href: "/admin",
      heading: "Quản trị của Bộ",
    },
    {
      account: "vanbang@cdcnhn.edu.vn",
      workspaces: [`Trường: ${SCHOOL_CDCNHN}`, "Hồ sơ cần xử lý", "Hồ sơ của tôi"],
      name: "Trần Văn Đức",
      href: "/school/CDCNHN",
      heading: SCHOOL_CDCNHN,
    },
    {
      account: "tuyendung@codienviet.vn",
      workspaces: [`Doanh nghiệp: ${EMPLOYER}`, "Hồ sơ của tôi"],
      name: "Bùi Thanh Sơn",
      href: "/employer/0101234567",
      heading: EMPLOYER,
    },
    {
      account: "an.nguyen@example.vn",
      workspaces: ["Văn bằng của tôi", "Dịch vụ công", "Hồ sơ của tôi"],
      name: "Nguyễn Văn An",
      href: "/graduate",
      heading: "Văn bằng của tôi",
    },
  ];
  for (const c of cases) {
    test.describe(c.account, () => {
      test.use({ account: c.account });
      test("navigation", async ({ page }) => {
        await page.goto("/");
        // The notices link carries the unread count, which depends on what the other specs did.
        const notices = /^Thông báo(\d+\+?)?$/;
        await expect(mainNavLinks(page)).toHaveText([...common, ...c.workspaces, "Hộp thư demo", notices, c.name]);
        await expect(page.getByRole("button", { name: "Đăng xuất" })).toBeVisible();
        // The workspace link leads into the workspace.
        await mainNavLinks(page).filter({ hasText: c.workspaces[0]! }).click();
        await expect(page).toHaveURL(new RegExp(`${c.href}$`));
        await expect(page.getByRole("heading", { level: 1, name: c.heading })).toBeVisible();
      });
    });
  }

  test("anonymous", async ({ page }) => {
    await page.goto("/");
    await expect(mainNavLinks(page)).toHaveText([...common, "Hộp thư demo", "Đăng nhập", "Đăng ký"]);
  });
});
