/**
 * Shared e2e fixtures.
 *
 *   test.use({ account: "vanbang@cdcnhn.edu.vn" })   every test of the block starts signed in as that demo account
 *
 * Signing in does not walk the UI (auth.spec.ts does that once): the sign-in form is POSTed by Playwright's request
 * context — which sends no Origin header, so the server's cross-origin check lets it through — and the session
 * cookie it gets back is saved as a storage state, once per account and run, under E2E_AUTH_DIR (a directory of
 * this run under test-results/, set by the config: the sessions live in this run's fresh database).
 * A successful sign-in costs no sign-in budget (only failures and waits do, app/modules/auth/sign-in.server.ts);
 * the suite still signs each account in once, to keep the number of form sign-ins small.
 */
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { expect, test as base, type APIRequestContext, type Page } from "@playwright/test";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, type DemoAccount } from "../../app/modules/demo/demo-accounts";

export { expect };

export type DemoEmail = (typeof DEMO_ACCOUNTS)[number]["email"];

export function demoAccount(email: string): DemoAccount {
  const account = DEMO_ACCOUNTS.find((a) => a.email === email);
  if (!account) throw new Error(`not a demo account: ${email}`);
  return account;
}

export const SESSION_COOKIE = "vb_session";

/** POSTs the sign-in form with `request` and checks that it answered with a session cookie and a redirect. */
export async function postSignIn(request: APIRequestContext, email: string, password = DEMO_PASSWORD): Promise<void> {
  const response = await request.post("/sign-in", { form: { email, password, redirectTo: "" }, maxRedirects: 0 });
  expect(response.status(), `sign-in of ${email} should redirect`).toBe(302);
  const setCookie = response.headersArray().find((h) => h.name.toLowerCase() === "set-cookie")?.value ?? "";
  expect(setCookie, `sign-in of ${email} should set the session cookie`).toContain(`${SESSION_COOKIE}=`);
}

/** Signs `page`'s browser context in as a demo account (the cookie lands in the context's cookie jar). */
export async function signInAs(page: Page, email: string): Promise<void> {
  demoAccount(email);
  await postSignIn(page.context().request, email);
}

function authDir(): string {
  const dir = process.env.E2E_AUTH_DIR ?? path.resolve("test-results/e2e-auth/default");
  mkdirSync(dir, { recursive: true });
  return dir;
}

const pending = new Map<string, Promise<string>>();

async function storageStateFor(
  email: string,
  baseURL: string,
  newRequest: (baseURL: string) => Promise<APIRequestContext>,
): Promise<string> {
  const file = path.join(authDir(), `${email}.json`);
  if (existsSync(file)) return file;
  let job = pending.get(email);
  if (!job) {
    job = (async () => {
      const request = await newRequest(baseURL);
      try {
        await postSignIn(request, email);
        await request.storageState({ path: file });
      } finally {
        await request.dispose();
      }
      return file;
    })();
    pending.set(email, job);
    job.catch(() => pending.delete(email));
  }
  return job;
}

export const test = base.extend<{ account: DemoEmail | null }>({
  account: [null, { option: true }],
  storageState: async ({ account, storageState, baseURL, playwright }, use) => {
    if (!account) return use(storageState);
    demoAccount(account);
    const file = await storageStateFor(account, baseURL!, (url) => playwright.request.newContext({ baseURL: url }));
    await use(file);
  },
});

/** Visible texts of the links in the header navigation, in order. */
export function mainNavLinks(page: Page) {
  return page.getByRole("navigation", { name: /Điều hướng chính|Main navigation/ }).getByRole("link");
}
