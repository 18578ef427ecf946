/**
 * Issue 12's "done when" for the online services: a graduate (an.nguyen@example.vn) asks for a certified copy at
 * /services/certified-copy; the school's registrar delivers it electronically from the staff's case page
 * (/cases/{code}/handle, the services' panel); the graduate downloads the signed copy's JSON from /services and the
 * verify page's credential upload says it is valid and who signed it; the copy register shows the entry.
 */
import { readFileSync } from "node:fs";
import { expect, signInAs, test } from "./fixtures";

test("a graduate requests a certified copy, the school delivers it signed, the verify page accepts it", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const graduate = await (await browser.newContext()).newPage();
  await signInAs(graduate, "an.nguyen@example.vn");

  // The index shows the fee (free by default) and the deadline.
  await graduate.goto("/services");
  await expect(graduate.getByTestId("fee-certified-copy")).toHaveText("Miễn phí");
  await graduate.getByRole("link", { name: "Cấp bản sao văn bằng từ sổ gốc" }).click();
  await graduate.waitForURL("**/services/certified-copy");

  // Pre-filled: the holder's own diploma, name and e-mail.
  await expect(graduate.getByLabel("Tôi là người được cấp văn bằng")).toBeChecked();
  await expect(graduate.getByLabel("Thư điện tử", { exact: true })).toHaveValue("an.nguyen@example.vn");
  await graduate.getByLabel("Số bản sao (1–10)").fill("2");
  await graduate.getByRole("button", { name: "Nộp hồ sơ" }).click();
  const sent = graduate.getByTestId("service-sent");
  await expect(sent).toContainText("Mã hồ sơ của bạn");
  const code = /DV-\d{4}-\d{6}/.exec((await sent.textContent()) ?? "")![0];

  // The school's registrar delivers the signed electronic copy from the case page.
  const registrar = await (await browser.newContext()).newPage();
  await signInAs(registrar, "vanbang@cdcnhn.edu.vn");
  await registrar.goto(`/cases/${code}/handle`);
  await expect(registrar.getByTestId("service-diploma")).toContainText("Nguyễn Văn An");
  await registrar.getByRole("button", { name: "Cấp bản sao và trả kết quả" }).click();
  await expect(registrar.getByText("Đã cấp bản sao, ghi sổ cấp bản sao và trả kết quả.")).toBeVisible();

  // The copy register shows the entry.
  await registrar.goto("/school/CDCNHN/copy-register");
  await expect(registrar.getByTestId("copy-register")).toContainText("Nguyễn Văn An");

  // The graduate downloads the signed copy's JSON and the verify page says it is valid, signed by the school.
  await graduate.goto("/services");
  const row = graduate.locator(`tr[data-code="${code}"]`);
  await expect(row).toContainText("Đã giải quyết");
  const [download] = await Promise.all([graduate.waitForEvent("download"), row.getByTestId("result-json").click()]);
  const file = await download.path();
  const credential = JSON.parse(readFileSync(file, "utf8")) as { id: string; type: string[] };
  expect(credential.type).toContain("CertifiedCopyCredential");
  await graduate.goto("/verify");
  await graduate.locator("#credential-file").setInputFiles({
    name: "ban-sao.json",
    mimeType: "application/json",
    buffer: readFileSync(file),
  });
  const verdict = graduate.getByTestId("document-verdict");
  await expect(verdict).toHaveAttribute("data-verdict", "valid");
  await expect(verdict.getByRole("heading", { name: "Văn bản hợp lệ" })).toBeVisible();
  await expect(graduate.getByTestId("document-signer")).toContainText("Trường Cao đẳng");

  // Its public page and PDF.
  const pdf = await graduate.request.get(`${new URL(credential.id).pathname}.pdf`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
});
