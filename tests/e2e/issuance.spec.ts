/**
 * The issuance journey, as the people who do it see it:
 *   the registrar of CDCNHN creates a batch and imports a class from a CSV file (report, then the valid rows), submits;
 *   the principal signs it (3 diplomas, a serial range) and reads a diploma's claim code;
 *   a graduate claims that diploma, downloads its PDF and its signed credential (JSON);
 *   its QR image decodes (jsQR) to a payload that decodeQrPayload reads, signed by the school's published key;
 *   the principal revokes a second diploma: the public page and the register say so;
 *   the registrar corrects the third (date of birth), the principal signs the correction: the old diploma's public
 *   page says it was replaced and links to the new one.
 * One serial block: each step builds on the one before. Signed in through fixtures.ts (one storage state per account).
 */
import { readFile } from "node:fs/promises";
import type { Browser, Locator, Page } from "@playwright/test";
import { parse as parseCsv } from "csv-parse/sync";
import jsQR from "jsqr";
import { PNG } from "pngjs";
import { decodeQrPayload, verifyQrSignature } from "../../app/modules/qr/payload";
import { decodeEd25519PublicKey } from "../../app/modules/signing/multikey";
import { expect, test } from "./fixtures";

const SCHOOL = "CDCNHN";
const CORRECTION_REASON = "Sai ngày sinh so với giấy khai sinh";
const REGISTRAR = "vanbang@cdcnhn.edu.vn";
const PRINCIPAL = "hieutruong@cdcnhn.edu.vn";
const GRADUATE = "binh.tran@example.vn";

/** 12-digit personal ID numbers unique to this run (the data dir is fresh, but the numbers need not rely on it). */
const stamp = String(Date.now() % 100_000_000).padStart(8, "0");
const personalId = (n: number) => `0${String(n).padStart(2, "0")}3${stamp}`;

interface Graduate {
  fullName: string;
  dateOfBirth: string; // dd/mm/yyyy, as in the file
  isoDateOfBirth: string;
  placeOfBirth: string;
  gender: string;
  ethnicity: string;
  personalId: string;
  classification: string;
}

/** The class: three graduates (claimed / revoked / corrected), with family names the demo data does not use. */
const CLAIMED: Graduate = {
  fullName: "Đinh Thị Thùy Dương",
  dateOfBirth: "15/03/2004",
  isoDateOfBirth: "2004-03-15",
  placeOfBirth: "Hà Nội",
  gender: "Nữ",
  ethnicity: "Kinh",
  personalId: personalId(1),
  classification: "Khá",
};
const REVOKED: Graduate = {
  fullName: "Lương Văn Khánh",
  dateOfBirth: "22/08/2003",
  isoDateOfBirth: "2003-08-22",
  placeOfBirth: "Nam Định",
  gender: "Nam",
  ethnicity: "Kinh",
  personalId: personalId(2),
  classification: "Giỏi",
};
const CORRECTED: Graduate = {
  fullName: "Triệu Thị Hồng Nhung",
  dateOfBirth: "07/11/2004",
  isoDateOfBirth: "2004-11-07",
  placeOfBirth: "Lạng Sơn",
  gender: "Nữ",
  ethnicity: "Tày",
  personalId: personalId(3),
  classification: "Xuất sắc",
};
/** A row Excel spoiled (the personal ID lost its leading 0): the report lists it, the valid rows are imported. */
const SPOILED: Graduate = {
  fullName: "Mai Văn Tâm",
  dateOfBirth: "02/01/2004",
  isoDateOfBirth: "2004-01-02",
  placeOfBirth: "Ninh Bình",
  gender: "Nam",
  ethnicity: "Kinh",
  personalId: personalId(4).slice(1),
  classification: "Trung bình khá",
};
const CLASS = [CLAIMED, REVOKED, CORRECTED];
const CORRECTED_BIRTH = { iso: "2004-11-17", vi: "17/11/2004" };
const REVOCATION_REASON =
  "Hồ sơ tốt nghiệp có sai phạm: bảng điểm học kỳ 4 không hợp lệ (kết luận thanh tra số 45/KL-TTr).";
const BATCH_TITLE = `Tốt nghiệp đợt 2 năm 2025 — Lớp CNTT K22 (${stamp})`;

/** What the steps hand on to each other. */
const run = {
  batchId: "",
  serials: new Map<string, string>(), // full name → số hiệu
  ids: new Map<string, string>(), // full name → diploma id
  claimCode: "",
  correctionBatchId: "",
  replacementId: "",
  replacementSerial: "",
};

/** The value (dd) of a dt label in a page's definition lists. */
function fact(scope: Page | Locator, label: string): Locator {
  return scope
    .locator("dl.facts > dt")
    .filter({ hasText: new RegExp(`^${label}$`) })
    .first()
    .locator("xpath=following-sibling::dd[1]");
}

/** React has hydrated (an effect of the header menu sets this): client-side handlers are in place. */
async function hydrated(page: Page) {
  await expect(page.locator(".nav-menu")).toHaveAttribute("data-scripted", "true");
}

/** A browser context with nobody signed in (contexts made in a test inherit the block's storage state otherwise). */
async function anonymousPage(browser: Browser, baseURL: string | undefined) {
  const context = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  return { page: await context.newPage(), close: () => context.close() };
}

/** The import file, with the template's own header row (column order and spelling). */
function classCsv(templateCsv: string): string {
  const [headers] = parseCsv(templateCsv, { bom: true, relax_column_count: true }) as string[][];
  const cell = (g: Graduate): Record<string, string> => ({
    "Họ và tên": g.fullName,
    "Ngày sinh": g.dateOfBirth,
    "Nơi sinh": g.placeOfBirth,
    "Giới tính": g.gender,
    "Dân tộc": g.ethnicity,
    "Số định danh cá nhân": g.personalId,
    "Mã ngành, nghề": "6480201",
    "Trình độ": "Cao đẳng",
    "Hình thức đào tạo": "Chính quy",
    "Xếp loại": g.classification,
    "Ngày tốt nghiệp": "20/06/2025",
    "Số quyết định tốt nghiệp": "512/QĐ-CĐCN",
    "Thư điện tử": "",
  });
  for (const h of headers!)
    if (!(h in cell(CLAIMED))) throw new Error(`the template has a column this test does not fill: ${h}`);
  const quote = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const line = (values: string[]) => values.map(quote).join(",");
  const rows = [CLAIMED, SPOILED, REVOKED, CORRECTED].map((g) => line(headers!.map((h) => cell(g)[h]!)));
  return `\uFEFF${line(headers!)}\r\n${rows.join("\r\n")}\r\n`;
}

test.describe("issuance: import, sign, claim, verify, revoke, correct", () => {
  test.describe.configure({ mode: "serial" });

  test.describe("registrar", () => {
    test.use({ account: REGISTRAR });

    test("creates a batch, imports the class from a CSV file and submits it", async ({ page }) => {
      await test.step("creates the batch", async () => {
        await page.goto(`/school/${SCHOOL}/batches`);
        await page.getByRole("link", { name: "Tạo lô mới" }).click();
        await expect(page.getByRole("heading", { level: 1, name: "Tạo lô mới" })).toBeVisible();
        await page.getByLabel("Tên lô").fill(BATCH_TITLE);
        await page.getByRole("button", { name: "Tạo lô" }).click();
        await expect(page.getByRole("heading", { level: 1, name: BATCH_TITLE })).toBeVisible();
        await expect(page.getByText("Đã tạo lô. Hãy thêm người học bằng biểu mẫu hoặc nhập từ tệp.")).toBeVisible();
        await expect(fact(page, "Trạng thái")).toHaveText("Đang lập");
        run.batchId = /\/batches\/([0-9a-f-]{36})/.exec(page.url())![1]!;
      });

      await test.step("a file over the import limit is refused at once, naming the limit", async () => {
        await hydrated(page);
        const importCard = page.locator("#import");
        await importCard.getByLabel("Tệp danh sách").setInputFiles({
          name: "qua-lon.csv",
          mimeType: "text/csv",
          buffer: Buffer.alloc(6 * 1024 * 1024, "a"),
        });
        await importCard.getByRole("button", { name: "Tải lên và kiểm tra" }).click();
        await expect(page.getByText("Tệp lớn hơn 5 MB.")).toBeVisible();
      });

      await test.step("uploads the class: the report lists the spoiled row, 3 rows are valid", async () => {
        const template = await page.request.get(`/school/${SCHOOL}/batches/template.csv`);
        expect(template.ok()).toBe(true);
        const csv = classCsv(await template.text());
        await hydrated(page);
        const importCard = page.locator("#import");
        await importCard
          .getByLabel("Tệp danh sách")
          .setInputFiles({ name: "lop-cntt-k22.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
        await importCard.getByRole("button", { name: "Tải lên và kiểm tra" }).click();

        const report = page.getByRole("region", { name: "Kết quả kiểm tra tệp lop-cntt-k22.csv" });
        await expect(report).toBeVisible();
        await expect(report).toContainText(
          "Tệp có 4 dòng dữ liệu: 3 dòng hợp lệ, 1 dòng có lỗi. Chưa có dòng nào được nhập.",
        );
        const spoiled = report.getByRole("row").filter({ hasText: SPOILED.fullName });
        await expect(spoiled.getByRole("rowheader")).toHaveText("3"); // spreadsheet row: header is row 1
        await expect(spoiled).toContainText("Số định danh chỉ có 11 chữ số: có thể Excel đã bỏ số 0 ở đầu.");

        await report.getByRole("button", { name: "Nhập 3 dòng hợp lệ" }).click();
        await expect(page.getByText("Đã nhập 3 văn bằng từ tệp; 1 dòng có lỗi không được nhập.")).toBeVisible();
      });

      await test.step("sees the 3 drafts and submits the batch", async () => {
        await expect(fact(page, "Số văn bằng")).toHaveText("3");
        const drafts = page.locator("#drafts table tbody tr");
        await expect(drafts).toHaveCount(3);
        for (const g of CLASS) {
          const row = drafts.filter({ hasText: g.fullName });
          await expect(row).toContainText(g.dateOfBirth);
          await expect(row).toContainText(`6480201 Công nghệ thông tin`);
          await expect(row).toContainText(g.classification);
          await expect(row).toContainText(g.personalId.slice(-4));
          await expect(row).not.toContainText(g.personalId); // masked
        }
        await expect(drafts.filter({ hasText: SPOILED.fullName })).toHaveCount(0);

        await page.getByRole("button", { name: "Gửi Hiệu trưởng ký (3 văn bằng)" }).click();
        await expect(page.getByText("Đã gửi lô cho Hiệu trưởng ký.")).toBeVisible();
        await expect(fact(page, "Trạng thái")).toHaveText("Chờ ký");
        await expect(page.getByText("Lô đã được gửi ký nên không sửa được. Muốn sửa, hãy rút lô về.")).toBeVisible();
      });
    });
  });

  test.describe("principal", () => {
    test.use({ account: PRINCIPAL });

    test("signs the batch: 3 diplomas, consecutive serials", async ({ page }) => {
      await page.goto(`/school/${SCHOOL}/batches/${run.batchId}`);
      await page.getByRole("link", { name: "Rà soát và ký lô" }).click();
      await expect(page.getByRole("heading", { level: 1, name: "Ký lô văn bằng" })).toBeVisible();
      await expect(page.getByText(BATCH_TITLE, { exact: true })).toBeVisible();
      await expect(fact(page, "Số văn bằng")).toHaveText("3");
      await expect(fact(page, "Ngày tốt nghiệp")).toHaveText("20/06/2025");
      await expect(page.getByLabel("Người ký", { exact: true })).toHaveText("Lê Minh Tuấn"); // the signer, from the account

      await page.getByLabel("Tôi đã rà soát danh sách và ký số các văn bằng này").check();
      await page.getByRole("button", { name: "Ký số 3 văn bằng" }).click();
      const done = page.getByText(
        /^Đã ký số 3 văn bằng, số hiệu từ (CDCNHN-\d{6}) đến (CDCNHN-\d{6})\. Các văn bằng đã được ghi vào sổ gốc\.$/,
      );
      await expect(done).toBeVisible();
      const [, first, last] = /từ (CDCNHN-\d{6}) đến (CDCNHN-\d{6})/.exec((await done.textContent())!)! as unknown as [
        string,
        string,
        string,
      ];
      const serialNumber = (serial: string) => Number(serial.slice(-6));
      expect(serialNumber(last) - serialNumber(first)).toBe(2);

      await page.getByRole("link", { name: "Xem các văn bằng đã cấp" }).click();
      await expect(page.getByRole("heading", { level: 1, name: "Văn bằng đã cấp" })).toBeVisible();
      await expect(page.getByText("3 văn bằng", { exact: true })).toBeVisible();
      const issued = new Set<string>();
      for (const g of CLASS) {
        const row = page.getByRole("row").filter({ hasText: g.fullName });
        await expect(row).toContainText("Có hiệu lực");
        const link = row.getByRole("link", { name: new RegExp(`^Văn bằng số hiệu CDCNHN-\\d{6} của ${g.fullName}$`) });
        const serial = (await link.textContent())!.trim();
        run.serials.set(g.fullName, serial);
        run.ids.set(g.fullName, /\/diplomas\/([0-9a-f-]{36})$/.exec((await link.getAttribute("href"))!)![1]!);
        issued.add(serial);
      }
      expect([...issued].sort()).toEqual([first, `CDCNHN-${String(serialNumber(first) + 1).padStart(6, "0")}`, last]);
    });

    test("finds a new diploma by name and reads its claim code", async ({ page }) => {
      const serial = run.serials.get(CLAIMED.fullName)!;
      await page.goto(`/school/${SCHOOL}/diplomas`);
      await page.getByLabel("Họ tên hoặc số hiệu").fill(CLAIMED.fullName);
      await page.getByRole("button", { name: "Tìm", exact: true }).click();
      await expect(page.getByText("1 văn bằng", { exact: true })).toBeVisible();
      await page.getByRole("link", { name: `Văn bằng số hiệu ${serial} của ${CLAIMED.fullName}` }).click();

      await expect(page.getByRole("heading", { level: 1, name: `Văn bằng số hiệu ${serial}` })).toBeVisible();
      expect(page.url()).toContain(`/diplomas/${run.ids.get(CLAIMED.fullName)}`);
      await expect(fact(page, "Ngày sinh")).toHaveText(CLAIMED.dateOfBirth);
      await expect(fact(page, "Xếp loại")).toHaveText(CLAIMED.classification);
      await expect(fact(page, "Số hiệu")).toHaveText(serial);
      await expect(fact(page, "Người ký")).toHaveText(/Lê Minh Tuấn/);
      const claim = page.getByRole("region", { name: "Mã nhận văn bằng" });
      await expect(claim).toContainText("Người học chưa nhận văn bằng vào tài khoản.");
      run.claimCode = (await claim.locator(".claim-code").textContent())!.trim();
      expect(run.claimCode).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    });
  });

  test.describe("graduate", () => {
    test.use({ account: GRADUATE });

    test("claims the diploma, downloads its PDF and its signed credential", async ({ page }) => {
      const serial = run.serials.get(CLAIMED.fullName)!;
      const id = run.ids.get(CLAIMED.fullName)!;

      await test.step("claims it with the code, personal ID and date of birth", async () => {
        await page.goto("/graduate/claim");
        await expect(page.getByRole("heading", { level: 1, name: "Nhận văn bằng vào tài khoản" })).toBeVisible();
        await page.getByLabel("Mã nhận văn bằng").fill(run.claimCode.toLowerCase()); // case does not matter
        await page.getByLabel("Số định danh cá nhân").fill(CLAIMED.personalId);
        await page.getByLabel("Ngày sinh").fill(CLAIMED.isoDateOfBirth);
        await page.getByRole("button", { name: "Nhận văn bằng" }).click();
        await expect(page.getByText("Đã nhận văn bằng vào tài khoản của bạn.")).toBeVisible();
        expect(new URL(page.url()).pathname).toBe(`/graduate/diplomas/${id}`);
      });

      await test.step("sees it among their diplomas and opens it", async () => {
        await page.goto("/graduate");
        const card = page.locator(".diploma-cards > li").filter({ hasText: serial });
        await expect(card).toContainText("Có hiệu lực");
        await expect(card).toContainText("6480201 — Công nghệ thông tin");
        await expect(card).toContainText("Trường Cao đẳng Công nghệ Hà Nội");
        await card.getByRole("link", { name: `Xem, tải về, chia sẻ văn bằng số hiệu ${serial}` }).click();
        await expect(page.getByText(`Trường Cao đẳng Công nghệ Hà Nội · ${serial}`)).toBeVisible();
        await expect(page.getByText(CLAIMED.fullName).first()).toBeVisible();
      });

      const downloads = page.getByRole("region", { name: "Tải về", exact: true });
      await test.step("downloads the PDF", async () => {
        const link = downloads.getByRole("link", { name: "Tải PDF" });
        const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
        expect(download.suggestedFilename()).toBe(`van-bang-${serial}.pdf`);
        const file = await readFile((await download.path())!);
        expect(file.subarray(0, 5).toString("latin1")).toBe("%PDF-");
        const response = await page.request.get((await link.getAttribute("href"))!);
        expect(response.status()).toBe(200);
        expect(response.headers()["content-type"]).toBe("application/pdf");
      });

      await test.step("fetches the signed credential (JSON)", async () => {
        const href = (await downloads.getByRole("link", { name: "Chứng chỉ số (JSON)" }).getAttribute("href"))!;
        expect(href).toBe(`/credentials/${id}/vc.json`);
        const response = await page.request.get(href);
        expect(response.status()).toBe(200);
        expect(response.headers()["content-type"]).toMatch(/json/);
        const vc = await response.json();
        expect(vc.proof).toMatchObject({
          type: "DataIntegrityProof",
          cryptosuite: "eddsa-rdfc-2022",
          proofPurpose: "assertionMethod",
        });
        expect(vc.credentialSubject.name).toBe(CLAIMED.fullName);
        expect(JSON.stringify(vc)).not.toContain(CLAIMED.personalId);
      });
    });
  });

  test("the diploma's QR image decodes to a payload with its serial, signed by the school", async ({
    browser,
    baseURL,
  }) => {
    const anonymous = await anonymousPage(browser, baseURL);
    try {
      const request = anonymous.page.request;
      const id = run.ids.get(CLAIMED.fullName)!;
      const response = await request.get(`/credentials/${id}/qr.png`);
      expect(response.status()).toBe(200);
      expect(response.headers()["content-type"]).toBe("image/png");
      const png = PNG.sync.read(await response.body());
      const qr = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
      expect(qr, "jsQR finds a QR code in the image").not.toBeNull();
      const text = qr!.data;
      expect(text.startsWith(`${baseURL!.toUpperCase()}/V/`)).toBe(true);

      const decoded = decodeQrPayload(text, { expectedOrigins: [baseURL!] });
      if (!decoded.ok) throw new Error(`decodeQrPayload: ${decoded.reason} (${decoded.message})`);
      expect(decoded.origin).toBe(baseURL);
      expect(decoded.fields).toMatchObject({
        schoolCode: SCHOOL,
        credentialId: id,
        serial: run.serials.get(CLAIMED.fullName),
        holderName: CLAIMED.fullName,
        holderNameTruncated: false,
        programmeCode: "6480201",
        levelCode: "cao_dang",
        classification: "kha",
        graduationYear: 2025,
      });

      // The signature checks with the key the school publishes in its did:web document.
      const did = await (await request.get(`/issuers/${SCHOOL}/did.json`)).json();
      const keys = (did.verificationMethod as { publicKeyMultibase?: string }[])
        .map((m) => (m.publicKeyMultibase ? decodeEd25519PublicKey(m.publicKeyMultibase) : null))
        .filter((k): k is Uint8Array => k !== null);
      expect(keys.some((key) => verifyQrSignature(decoded, key))).toBe(true);
    } finally {
      await anonymous.close();
    }
  });

  test.describe("principal", () => {
    test.use({ account: PRINCIPAL });

    test("revokes a diploma: the public page and the register show it", async ({ page, browser, baseURL }) => {
      const serial = run.serials.get(REVOKED.fullName)!;
      const id = run.ids.get(REVOKED.fullName)!;

      await test.step("revokes it with a reason", async () => {
        await page.goto(`/school/${SCHOOL}/diplomas/${id}`);
        await expect(page.getByRole("heading", { level: 1, name: `Văn bằng số hiệu ${serial}` })).toBeVisible();
        const revoke = page.getByRole("form", { name: "Thu hồi văn bằng" });
        await revoke.getByLabel("Lý do (bắt buộc)").fill(REVOCATION_REASON);
        await revoke.getByLabel("Tôi xác nhận thu hồi văn bằng này. Việc thu hồi không hoàn tác được.").check();
        await revoke.getByRole("button", { name: "Thu hồi văn bằng" }).click();
        await expect(
          page.getByText("Đã thu hồi văn bằng. Danh sách trạng thái và sổ gốc đã được cập nhật."),
        ).toBeVisible();
        await expect(fact(page, "Trạng thái")).toContainText("Đã thu hồi");
        await expect(fact(page, "Lý do")).toHaveText(REVOCATION_REASON);
        await expect(page.getByRole("form", { name: "Thu hồi văn bằng" })).toHaveCount(0);
        await expect(
          page.getByText("Văn bằng không còn hiệu lực nên không có mã nhận.", { exact: false }),
        ).toBeVisible();
      });

      await test.step("the public page says it is revoked", async () => {
        const anonymous = await anonymousPage(browser, baseURL);
        try {
          const response = await anonymous.page.goto(`/credentials/${id}`);
          expect(response?.status()).toBe(200);
          await expect(anonymous.page.locator(".credential-head")).toContainText(`${serial} · Đã thu hồi`);
          await expect(
            anonymous.page.getByText(/^Văn bằng này đã bị thu hồi ngày \d{2}\/\d{2}\/\d{4} và không còn giá trị\.$/),
          ).toBeVisible();
          await expect(anonymous.page.getByText(REVOCATION_REASON)).toHaveCount(0); // the reason stays in the register
        } finally {
          await anonymous.close();
        }
      });

      await test.step("the register has the revocation", async () => {
        await page.goto(`/school/${SCHOOL}/register`);
        await expect(page.getByRole("heading", { level: 1, name: "Sổ gốc cấp văn bằng" })).toBeVisible();
        await page.getByLabel("Họ tên, số hiệu hoặc số vào sổ").fill(serial);
        await page.getByLabel("Nội dung ghi sổ").selectOption({ label: "Thu hồi" });
        await page.getByRole("button", { name: "Tìm", exact: true }).click();
        await expect(page.getByText("1 dòng ghi sổ", { exact: true })).toBeVisible();
        const entry = page.getByRole("table", { name: "Các lần ghi sổ gốc" }).getByRole("row").nth(1);
        await expect(entry.getByRole("cell")).toHaveText([
          /\d{2}:\d{2}.*\d{4}/,
          "Thu hồi",
          /^\d+\/\d{4}$/,
          serial,
          REVOKED.fullName,
          REVOKED.dateOfBirth,
          "Công nghệ thông tin (6480201)",
          REVOCATION_REASON,
          "Lê Minh Tuấn",
        ]);
      });
    });
  });

  test.describe("registrar", () => {
    test.use({ account: REGISTRAR });

    test("starts a correction, fixes the date of birth and submits it", async ({ page }) => {
      const serial = run.serials.get(CORRECTED.fullName)!;
      await page.goto(`/school/${SCHOOL}/diplomas/${run.ids.get(CORRECTED.fullName)}`);
      await expect(page.getByRole("heading", { level: 1, name: `Văn bằng số hiệu ${serial}` })).toBeVisible();
      const start = page.locator("form").filter({ has: page.getByRole("button", { name: "Bắt đầu chỉnh sửa" }) });
      await start.getByLabel("Lý do chỉnh sửa hoặc cấp lại").fill(CORRECTION_REASON);
      await start.getByRole("button", { name: "Bắt đầu chỉnh sửa" }).click();

      await expect(page.getByRole("heading", { level: 1, name: "Sửa thông tin văn bằng" })).toBeVisible();
      run.correctionBatchId = /\/batches\/([0-9a-f-]{36})\/drafts\//.exec(page.url())![1]!;
      await expect(page.getByLabel("Họ và tên")).toHaveValue(CORRECTED.fullName);
      await expect(page.getByLabel("Số định danh cá nhân")).toHaveValue(CORRECTED.personalId);
      const birth = page.getByLabel("Ngày sinh");
      await expect(birth).toHaveValue(CORRECTED.isoDateOfBirth);
      await birth.fill(CORRECTED_BIRTH.iso);
      await page.getByRole("button", { name: "Lưu", exact: true }).click();

      await expect(page.getByText("Đã lưu thay đổi.")).toBeVisible();
      const drafts = page.locator("#drafts table tbody tr");
      await expect(drafts).toHaveCount(1);
      await expect(drafts).toContainText(CORRECTED.fullName);
      await expect(drafts).toContainText(CORRECTED_BIRTH.vi);
      await page.getByRole("button", { name: "Gửi Hiệu trưởng ký (1 văn bằng)" }).click();
      await expect(page.getByText("Đã gửi lô cho Hiệu trưởng ký.")).toBeVisible();
      await expect(fact(page, "Trạng thái")).toHaveText("Chờ ký");
    });
  });

  test.describe("principal", () => {
    test.use({ account: PRINCIPAL });

    test("signs the correction: the old diploma is shown as replaced, with a link to the new one", async ({
      page,
      browser,
      baseURL,
    }) => {
      const oldSerial = run.serials.get(CORRECTED.fullName)!;
      const oldId = run.ids.get(CORRECTED.fullName)!;

      await test.step("signs the correction batch", async () => {
        await page.goto(`/school/${SCHOOL}/batches/${run.correctionBatchId}`);
        await page.getByRole("link", { name: "Rà soát và ký lô" }).click();
        await expect(fact(page, "Số văn bằng")).toHaveText("1");
        await page.getByLabel("Tôi đã rà soát danh sách và ký số các văn bằng này").check();
        // The principal sees what the correction changes, old and new side by side, and why.
        const comparison = page.getByRole("region", { name: `Chỉnh sửa văn bằng số hiệu ${oldSerial}` });
        await expect(comparison).toContainText(CORRECTION_REASON);
        const changed = comparison.locator("tr[data-changed]");
        await expect(changed).toHaveCount(1);
        await expect(changed).toContainText(CORRECTED.dateOfBirth);
        await expect(changed).toContainText(CORRECTED_BIRTH.vi);
        await page.getByRole("button", { name: "Ký số 1 văn bằng" }).click();
        const done = page.getByText(
          /^Đã ký số 1 văn bằng, số hiệu (CDCNHN-\d{6})\. Văn bằng đã được ghi vào sổ gốc\.$/,
        );
        await expect(done).toBeVisible();
        run.replacementSerial = /số hiệu (CDCNHN-\d{6})/.exec((await done.textContent())!)![1]!;
        expect(run.replacementSerial).not.toBe(oldSerial);
      });

      await test.step("the school's page of the old diploma points to the replacement", async () => {
        await page.goto(`/school/${SCHOOL}/diplomas/${oldId}`);
        await expect(
          page.getByText(`Văn bằng này đã được thay thế bằng văn bằng số hiệu ${run.replacementSerial}.`),
        ).toBeVisible();
        await expect(fact(page, "Trạng thái")).toContainText("Đã được thay thế");
        const replacement = page.getByRole("link", { name: "Xem văn bằng thay thế" }).first();
        run.replacementId = /\/diplomas\/([0-9a-f-]{36})$/.exec((await replacement.getAttribute("href"))!)![1]!;

        await page.goto(`/school/${SCHOOL}/register?kind=correct&q=${encodeURIComponent(run.replacementSerial)}`);
        await expect(page.getByText("1 dòng ghi sổ", { exact: true })).toBeVisible();
        const entry = page.getByRole("table", { name: "Các lần ghi sổ gốc" }).getByRole("row").nth(1);
        await expect(entry).toContainText("Cấp thay thế (chỉnh sửa)");
        await expect(entry).toContainText(CORRECTED_BIRTH.vi);
        await expect(entry).toContainText(`Thay thế văn bằng số hiệu ${oldSerial}`);
        await expect(entry).toContainText(CORRECTION_REASON);
      });

      await test.step("the old diploma's public page says it was replaced and links to the new one", async () => {
        const anonymous = await anonymousPage(browser, baseURL);
        try {
          const p = anonymous.page;
          await p.goto(`/credentials/${oldId}`);
          await expect(p.locator(".credential-head")).toContainText(`${oldSerial} · Đã được thay thế`);
          await expect(
            p.getByText("Văn bằng này đã được thay thế bằng một văn bằng mới và không còn giá trị."),
          ).toBeVisible();
          await expect(p.locator(".credential-page")).toContainText(CORRECTED.dateOfBirth);
          const current = p.getByRole("link", { name: "Xem văn bằng hiện hành" });
          await expect(current).toHaveAttribute("href", `/credentials/${run.replacementId}`);
          await current.click();
          await expect(p).toHaveURL(new RegExp(`/credentials/${run.replacementId}$`));
          await expect(p.locator(".credential-head")).toContainText(`${run.replacementSerial} · Có hiệu lực`);
          await expect(p.locator(".credential-page")).toContainText(CORRECTED.fullName);
          await expect(p.locator(".credential-page")).toContainText(CORRECTED_BIRTH.vi);
          await expect(p.getByText("Văn bằng này đã được thay thế")).toHaveCount(0);
        } finally {
          await anonymous.close();
        }
      });
    });
  });
});
