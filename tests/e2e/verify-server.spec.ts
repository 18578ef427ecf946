/**
 * What the production server answers ahead of Remix (app/server/verify-page-cache.ts, app/server/verify-api.ts), seen
 * from outside as a phone or another portal sees it: the verify page replayed from the one-second micro-cache (its
 * own CSP nonce each time, never a signed-in visitor's page from or into the cache) and the verification API's fast
 * path (same answers, CORS, error codes). The QR text is read from a demo diploma's QR image as the school's principal.
 */
import type { APIRequest, APIRequestContext, APIResponse } from "@playwright/test";
import { demoQr, PRINCIPAL, SCHOOL } from "./demo-qr";
import { demoAccount, expect, test } from "./fixtures";

/** The school's list filtered to diplomas in force: the specs take its first row. */
const IN_FORCE = "status=issued";

test.use({ account: PRINCIPAL });

/** A request context with no cookies: the test's own `use` options would sign it in as the principal. */
function anonymous(playwright: { request: APIRequest }, baseURL: string | undefined): Promise<APIRequestContext> {
  return playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
}

function nonceOf(response: APIResponse): string {
  const csp = response.headers()["content-security-policy"] ?? "";
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce, "the page's CSP names a nonce").toBeTruthy();
  return nonce!;
}

test("anonymous visits of one verify URL each get their own CSP nonce, matching the page's scripts, and the same verdict", async ({
  page,
  playwright,
  baseURL,
}) => {
  const path = new URL((await demoQr(page, IN_FORCE)).text).pathname;
  const stranger = await anonymous(playwright, baseURL);
  const nonces = new Set<string>();
  for (let i = 0; i < 4; i++) {
    const response = await stranger.get(path);
    expect(response.status()).toBe(200);
    expect(response.headers()["cache-control"]).toBe("private, no-store");
    const html = await response.text();
    const nonce = nonceOf(response);
    expect(html).toContain(`nonce="${nonce}"`);
    for (const earlier of nonces) expect(html).not.toContain(earlier);
    expect(html).toContain('data-verdict="valid"');
    nonces.add(nonce);
  }
  expect(nonces.size).toBe(4);
  await stranger.dispose();
});

test("a signed-in visitor is never served the anonymous copy of a verify page, nor primes it", async ({
  page,
  playwright,
  baseURL,
}) => {
  const path = new URL((await demoQr(page, IN_FORCE, { stayIn: true })).text).pathname;
  const stranger = await anonymous(playwright, baseURL);
  const principal = demoAccount(PRINCIPAL).fullName;
  expect(await (await stranger.get(path)).text()).not.toContain(principal); // primes the cache, anonymously
  await page.goto(path);
  await expect(page.locator("section.verdict")).toHaveAttribute("data-verdict", "valid");
  await expect(page.getByText(principal).first()).toBeVisible(); // rendered for them, signed in
  expect(await (await stranger.get(path)).text()).not.toContain(principal); // and their page was not kept
  await stranger.dispose();
});

test("the verification API answers ahead of Remix with the same verdicts, CORS and error codes", async ({
  page,
  playwright,
  baseURL,
}) => {
  const qr = (await demoQr(page, IN_FORCE)).text;
  const api = await anonymous(playwright, baseURL);
  const valid = await api.post("/api/v1/verify", { data: { qr } });
  expect(valid.status()).toBe(200);
  expect(valid.headers()["access-control-allow-origin"]).toBe("*");
  expect(valid.headers()["x-content-type-options"]).toBe("nosniff");
  const body = (await valid.json()) as { verdict: string; diploma: Record<string, unknown>; issuer: { code: string } };
  expect(body.verdict).toBe("valid");
  expect(body.issuer.code).toBe(SCHOOL);
  expect(JSON.stringify(body)).not.toMatch(/\d{12}/); // never a personal ID number

  expect((await (await api.post("/API/V1/VERIFY/", { data: { qr } })).json()).verdict).toBe("valid");
  const tampered = qr.slice(0, -3) + (qr.at(-3) === "A" ? "B" : "A") + qr.slice(-2);
  expect((await (await api.post("/api/v1/verify", { data: { qr: tampered } })).json()).verdict).not.toBe("valid");

  const preflight = await api.fetch("/api/v1/verify", { method: "OPTIONS" });
  expect(preflight.status()).toBe(204);
  expect(preflight.headers()["access-control-allow-methods"]).toContain("POST");
  const get = await api.get("/api/v1/verify");
  expect(get.status()).toBe(405);
  expect((await get.json()).code).toBe("method_not_allowed");
  const notJson = await api.post("/api/v1/verify", {
    data: Buffer.from("{not json"),
    headers: { "content-type": "application/json" },
  });
  expect([notJson.status(), (await notJson.json()).code]).toEqual([400, "invalid_json"]);
  const huge = await api.post("/api/v1/verify", { data: { qr: "x".repeat(70_000) } });
  expect([huge.status(), (await huge.json()).code]).toEqual([413, "body_too_large"]);
  const wrongShape = await api.post("/credentials/verify", { data: { credential: {} } });
  expect([wrongShape.status(), (await wrongShape.json()).code]).toEqual([400, "invalid_request"]);
  await api.dispose();
});

test("a suspension, then a reinstatement, shows on the replayed verify page within about a second", async ({
  page,
  playwright,
  baseURL,
}) => {
  const { id, text } = await demoQr(page, IN_FORCE, { stayIn: true });
  const path = new URL(text).pathname;
  const stranger = await anonymous(playwright, baseURL);
  const verdictSeen = async () => /data-verdict="([a-z_]+)"/.exec(await (await stranger.get(path)).text())?.[1];
  expect(await verdictSeen()).toBe("valid"); // rendered and kept
  expect(await verdictSeen()).toBe("valid"); // replayed

  const change = async (form: string, confirm: string, done: string) => {
    await page.goto(`/school/${SCHOOL}/diplomas/${id}`);
    const section = page.getByRole("form", { name: form });
    const reason = section.getByLabel(/Lý do|Ghi chú/);
    if (await reason.count()) await reason.first().fill("Kiểm tra e2e: đang xác minh hồ sơ");
    await section.getByLabel(confirm).check();
    await section.getByRole("button", { name: form }).click();
    await expect(page.getByText(done)).toBeVisible();
  };
  try {
    await change("Đình chỉ văn bằng", "Tôi xác nhận đình chỉ văn bằng này.", "Đã đình chỉ văn bằng.");
    await expect.poll(verdictSeen, { timeout: 4_000, intervals: [250] }).toBe("suspended");
  } finally {
    await change(
      "Khôi phục hiệu lực",
      "Tôi xác nhận khôi phục hiệu lực văn bằng này.",
      "Đã khôi phục hiệu lực văn bằng.",
    );
  }
  await expect.poll(verdictSeen, { timeout: 4_000, intervals: [250] }).toBe("valid");
  await stranger.dispose();
});
