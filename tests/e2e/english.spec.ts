/**
 * English mode speaks English all the way down: catalogue names (training levels, provinces) come from the
 * catalogue's English names, and the audit trail names actions and details in words, not as keys.
 */
import { LOCALE_COOKIE } from "../../app/lib/i18n";
import { TRAINING_LEVELS } from "../../app/modules/reference/levels";
import { expect, test } from "./fixtures";

const VIETNAMESE_LEVELS = /Sơ cấp|Trung học nghề|Trung cấp|Cao đẳng/i;

test.beforeEach(async ({ context, baseURL }) => {
  await context.addCookies([{ name: LOCALE_COOKIE, value: "en", url: baseURL! }]);
});

test("the public job search names training levels in English", async ({ page }) => {
  await page.goto("/jobs");
  const levels = page.locator("#f-level option");
  await expect(levels).toHaveText(["All", ...TRAINING_LEVELS.map((l) => l.nameEn)]);
  await expect(page.getByRole("main")).not.toContainText(VIETNAMESE_LEVELS);
});

test.describe("a graduate", () => {
  test.use({ account: "an.nguyen@example.vn" });

  test("reads the reasons of each match in English (“college ≥ intermediate”, not “cao đẳng ≥ trung cấp”)", async ({
    page,
  }) => {
    await page.goto("/graduate/jobs");
    const reasons = page.locator(".match-reasons");
    await expect(reasons.first()).toBeVisible();
    for (const text of await reasons.allTextContents()) expect(text).not.toMatch(VIETNAMESE_LEVELS);
  });
});

test.describe("the ministry administrator", () => {
  test.use({ account: "admin@moet.gov.vn" });

  test("reads the audit trail's actions and details in words", async ({ page }) => {
    await page.goto("/admin/audit?action=signing-key.create");
    const row = page.locator(".audit-table tbody tr").first();
    await expect(row).toContainText("Signing key created");
    const details = row.locator(".audit-details dt");
    await expect(details.first()).toBeVisible();
    for (const term of await details.allTextContents()) expect(term).not.toMatch(/^[a-z]+[A-Z]\w*$|^kekId$|^keyRef$/);
    await expect(row.locator(".audit-details")).toContainText("Key-encryption key"); // kekId
    await expect(row.locator(".audit-details")).toContainText("Signing key"); // keyRef
  });
});
