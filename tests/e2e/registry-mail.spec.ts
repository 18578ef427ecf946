/**
 * The first week at a school, by mail (demo outbox at /demo/outbox):
 *   the registrar imports a class with e-mail addresses, sorts it by name (Vietnamese order), submits it;
 *   the principal is mailed, finds the batch on the school's overview, sends it back with a reason;
 *   the registrar is mailed the reason, submits again; the principal signs; the registrar is mailed;
 *   row 1 of the list got the first register number; each graduate's claim code arrives by mail and claims the
 *   diploma; all claim slips print as one PDF.
 * One serial block: each step builds on the one before.
 */
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

const SCHOOL = "CDCNHN";
const REGISTRAR = "vanbang@cdcnhn.edu.vn";
const PRINCIPAL = "hieutruong@cdcnhn.edu.vn";
const GRADUATE = "chau.le@example.vn";

const stamp = String(Date.now() % 100_000_000).padStart(8, "0");
const BATCH_TITLE = `Tốt nghiệp đợt 3 — Lớp KT K22 (${stamp})`;
const RETURN_REASON = "Thiếu số quyết định của hai người học, hãy kiểm tra lại.";

/** The file's order; sorted by given name (then family name, D before Đ) the list reads Dương, Đỗ, Ánh. */
const CLASS = [
  {
    fullName: "Đỗ Văn An",
    dob: "03/04/2004",
    iso: "2004-04-03",
    personalId: `0${stamp}951`,
    email: `do.an.${stamp}@example.vn`,
  },
  {
    fullName: "Nguyễn Thị Ánh",
    dob: "11/12/2003",
    iso: "2003-12-11",
    personalId: `0${stamp}952`,
    email: `anh.nguyen.${stamp}@example.vn`,
  },
  {
    fullName: "Dương Thị An",
    dob: "25/05/2004",
    iso: "2004-05-25",
    personalId: `0${stamp}953`,
    email: `duong.an.${stamp}@example.vn`,
  },
];
const SORTED = [CLASS[2]!, CLASS[0]!, CLASS[1]!];

const run = { batchId: "" };

function classCsv(): string {
  const header =
    'Họ và tên,Ngày sinh,Nơi sinh,Giới tính,Dân tộc,Số định danh cá nhân,"Mã ngành, nghề",Hình thức đào tạo,Xếp loại,Ngày tốt nghiệp,Số quyết định tốt nghiệp,Thư điện tử';
  const rows = CLASS.map(
    (g) =>
      `${g.fullName},${g.dob},Hà Nội,Nữ,Kinh,${g.personalId},6340302,Chính quy,Khá,20/06/2025,77/QĐ-CĐCN,${g.email}`,
  );
  return `\uFEFF${header}\r\n${rows.join("\r\n")}\r\n`;
}

/** The newest mail to `to` whose subject contains `subject`, as shown in the demo outbox. */
async function mailTo(page: Page, to: string, subject: string) {
  await page.goto("/demo/outbox");
  const mail = page
    .locator("li.mail")
    .filter({ has: page.locator(".mail-meta strong", { hasText: to }) })
    .filter({ has: page.locator(".mail-subject", { hasText: subject }) });
  await expect(mail.first()).toBeVisible();
  return mail.first();
}

async function hydrated(page: Page) {
  await expect(page.locator(".nav-menu")).toHaveAttribute("data-scripted", "true");
}

test.describe("the registry by mail: principal, registrar, graduates", () => {
  test.describe.configure({ mode: "serial" });

  test.describe("registrar", () => {
    test.use({ account: REGISTRAR });

    test("imports a class with e-mail addresses, sorts it by name and submits it", async ({ page }) => {
      await page.goto(`/school/${SCHOOL}/batches/new`);
      await page.getByLabel("Tên lô").fill(BATCH_TITLE);
      await page.getByRole("button", { name: "Tạo lô" }).click();
      await expect(page.getByRole("heading", { level: 1, name: BATCH_TITLE })).toBeVisible();
      run.batchId = /\/batches\/([0-9a-f-]{36})/.exec(page.url())![1]!;

      await hydrated(page);
      const importCard = page.locator("#import");
      await importCard
        .getByLabel("Tệp danh sách")
        .setInputFiles({ name: "lop-kt.csv", mimeType: "text/csv", buffer: Buffer.from(classCsv(), "utf8") });
      await importCard.getByRole("button", { name: "Tải lên và kiểm tra" }).click();
      await expect(page.getByText("Đã nhập 3 văn bằng từ tệp; không có dòng nào lỗi.")).toBeVisible();

      const names = page.locator("#drafts table tbody tr td:nth-child(2)");
      await expect(names).toHaveText(CLASS.map((g) => g.fullName));
      await page
        .getByLabel("Sắp xếp danh sách")
        .selectOption({ label: "Theo tên (tên, rồi họ và tên đệm — như danh sách lớp)" });
      await page.getByRole("button", { name: "Sắp xếp", exact: true }).click();
      await expect(page.getByText("Đã sắp xếp lại danh sách.", { exact: false })).toBeVisible();
      await expect(names).toHaveText(SORTED.map((g) => g.fullName));

      await page.getByRole("button", { name: "Gửi Hiệu trưởng ký (3 văn bằng)" }).click();
      await expect(page.getByText("Đã gửi lô cho Hiệu trưởng ký.")).toBeVisible();
    });
  });

  test.describe("principal", () => {
    test.use({ account: PRINCIPAL });

    test("is mailed, finds the batch on the overview and sends it back with a reason", async ({ page }) => {
      const mail = await mailTo(page, PRINCIPAL, `Lô «${BATCH_TITLE}» chờ Hiệu trưởng ký`);
      await expect(mail.locator(".mail-body")).toContainText(`/school/${SCHOOL}/batches/${run.batchId}/sign`);

      await page.goto(`/school/${SCHOOL}`);
      const waiting = page.getByRole("region", { name: "Lô chờ Hiệu trưởng ký" });
      await waiting.getByRole("link", { name: `Rà soát và ký «${BATCH_TITLE}»` }).click();
      await expect(page.getByRole("heading", { level: 1, name: "Ký lô văn bằng" })).toBeVisible();
      const list = page.getByRole("region", { name: "Danh sách ký, theo thứ tự vào sổ gốc" });
      await expect(list).toContainText("Theo tên (tên, rồi họ và tên đệm — như danh sách lớp)");
      await expect(list.locator("tbody tr td:nth-child(2)")).toHaveText(SORTED.map((g) => g.fullName));

      const back = page.getByRole("region", { name: "Trả lại lô để sửa" });
      await back.getByLabel("Lý do trả lại").fill(RETURN_REASON);
      await back.getByRole("button", { name: "Trả lại lô" }).click();
      await expect(page.getByText("Đã trả lại lô cho cán bộ quản lý văn bằng.")).toBeVisible();
    });
  });

  test.describe("registrar, again", () => {
    test.use({ account: REGISTRAR });

    test("reads the reason by mail and on the batch, and submits the batch again", async ({ page }) => {
      const mail = await mailTo(page, REGISTRAR, `Lô «${BATCH_TITLE}» đã được trả lại`);
      await expect(mail.locator(".mail-body")).toContainText(`Lý do: ${RETURN_REASON}`);
      await page.goto(`/school/${SCHOOL}/batches/${run.batchId}`);
      await expect(page.getByText(RETURN_REASON)).toBeVisible();
      await page.getByRole("button", { name: "Gửi Hiệu trưởng ký (3 văn bằng)" }).click();
      await expect(page.getByText("Đã gửi lô cho Hiệu trưởng ký.")).toBeVisible();
      await expect(page.getByText(RETURN_REASON)).toHaveCount(0);
    });
  });

  test.describe("principal, again", () => {
    test.use({ account: PRINCIPAL });

    test("signs: row 1 gets the first number; the registrar and each graduate are mailed", async ({ page }) => {
      await page.goto(`/school/${SCHOOL}/batches/${run.batchId}/sign`);
      await page.getByLabel("Tôi đã rà soát danh sách và ký số các văn bằng này").check();
      await page.getByRole("button", { name: "Ký số 3 văn bằng" }).click();
      await expect(page.getByText(/^Đã ký số 3 văn bằng, số hiệu từ CDCNHN-\d{6} đến CDCNHN-\d{6}\./)).toBeVisible();

      // All claim slips, one PDF, one page each.
      const pdf = await page.request.get(`/school/${SCHOOL}/batches/${run.batchId}/claim-slips.pdf`);
      expect(pdf.status()).toBe(200);
      expect(pdf.headers()["content-type"]).toBe("application/pdf");
      expect((await pdf.body()).subarray(0, 5).toString("latin1")).toBe("%PDF-");

      await page.goto(`/school/${SCHOOL}/batches/${run.batchId}`);
      const rows = page.locator("#drafts table tbody tr");
      await expect(rows.locator("td:nth-child(2)")).toHaveText(SORTED.map((g) => g.fullName));
      const numbers = await rows
        .locator("td")
        .filter({ hasText: /CDCNHN-\d{6} · \d+\/\d{4}/ })
        .allTextContents();
      const registerNumbers = numbers.map((n) => Number(/· (\d+)\//.exec(n)![1]));
      const serials = numbers.map((n) => Number(/CDCNHN-(\d{6})/.exec(n)![1]));
      expect(registerNumbers).toHaveLength(3);
      expect(registerNumbers).toEqual([registerNumbers[0]!, registerNumbers[0]! + 1, registerNumbers[0]! + 2]);
      expect(serials).toEqual([serials[0]!, serials[0]! + 1, serials[0]! + 2]);

      const registrarMail = await mailTo(page, REGISTRAR, `Lô «${BATCH_TITLE}» đã được ký`);
      await expect(registrarMail.locator(".mail-body")).toContainText("3 văn bằng");
      for (const g of CLASS) {
        const mail = await mailTo(page, g.email, "Văn bằng số hiệu");
        await expect(mail.locator(".mail-body")).toContainText(`Xin chào ${g.fullName}`);
        await expect(mail.locator(".mail-body")).toContainText("/graduate/claim");
        await expect(mail.locator(".mail-body")).not.toContainText(g.personalId);
      }
    });
  });

  test.describe("graduate", () => {
    test.use({ account: GRADUATE });

    test("claims a diploma with the code from the mail", async ({ page }) => {
      const g = SORTED[0]!;
      const mail = await mailTo(page, g.email, "Văn bằng số hiệu");
      const code = /Mã nhận văn bằng của bạn: ([0-9A-Z]{5}-[0-9A-Z]{5})/.exec(
        (await mail.locator(".mail-body").textContent())!,
      )![1]!;
      await page.goto("/graduate/claim");
      await page.getByLabel("Mã nhận văn bằng").fill(code);
      await page.getByLabel("Số định danh cá nhân").fill(g.personalId);
      await page.getByLabel("Ngày sinh").fill(g.iso);
      await page.getByRole("button", { name: "Nhận văn bằng" }).click();
      await expect(page.getByText("Đã nhận văn bằng vào tài khoản của bạn.", { exact: false })).toBeVisible();
      await expect(page.getByText(g.fullName).first()).toBeVisible();
    });
  });
});
