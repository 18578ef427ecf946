/** The QR code of a demo diploma, read as the school's principal, for the verify specs. */
import jsQR from "jsqr";
import { PNG } from "pngjs";
import { expect, type Page } from "@playwright/test";

export const SCHOOL = "CDCNHN";
export const PRINCIPAL = "hieutruong@cdcnhn.edu.vn";
/** The school's list, filtered: the demo graduate's diploma in force; a diploma the seed revoked. */
export const VALID = `status=issued&q=${encodeURIComponent("Nguyễn Văn An")}`;
export const REVOKED = "status=revoked";

export interface DemoQr {
  id: string;
  serial: string;
  /** The QR code's text: `${ORIGIN upper-cased}/V/{payload}`. */
  text: string;
  png: Buffer;
}

/**
 * Opens the first diploma of the school's list filtered by `query` and reads its QR image; then signs out (the
 * checks that follow are a stranger's) unless `stayIn`.
 */
export async function demoQr(page: Page, query: string, options: { stayIn?: boolean } = {}): Promise<DemoQr> {
  await page.goto(`/school/${SCHOOL}/diplomas?${query}`);
  const row = page.locator(`table a[href^="/school/${SCHOOL}/diplomas/"]`).first();
  const serial = (await row.textContent())!.trim();
  await row.click();
  await page.waitForURL(new RegExp(`/school/${SCHOOL}/diplomas/[0-9a-f-]{36}$`));
  const id = new URL(page.url()).pathname.split("/").pop()!;
  const response = await page.request.get(`/credentials/${id}/qr.png`);
  expect(response.status()).toBe(200);
  const png = await response.body();
  const image = PNG.sync.read(png);
  const qr = jsQR(new Uint8ClampedArray(image.data), image.width, image.height);
  expect(qr, "jsQR finds the QR code").not.toBeNull();
  if (!options.stayIn) await page.context().clearCookies();
  return { id, serial, text: qr!.data, png };
}

/** The path of a QR text, exactly as a phone camera would open it (upper case). */
export function pathOf(text: string, baseURL: string): string {
  expect(text.startsWith(`${baseURL.toUpperCase()}/V/`)).toBe(true);
  return text.slice(baseURL.length);
}
