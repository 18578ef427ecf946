/**
 * Form posts from another site are refused with 403 by the server (app/server/express-app.ts, isForeignOrigin), before Remix
 * sees them: Remix itself would abort such an action with a 500 and a stack trace in the log.
 */
import { expect, test } from "@playwright/test";

const signInForm = { email: "nobody.cross-origin@example.vn", password: "wrong password", redirectTo: "" };

test("a form post with an opaque origin (Origin: null) is refused like any other foreign origin", async ({
  request,
}) => {
  for (const origin of ["null", "https://evil.example", "not a url"]) {
    const response = await request.post("/sign-in", { form: signInForm, headers: { Origin: origin }, maxRedirects: 0 });
    expect(response.status(), `Origin: ${origin}`).toBe(403);
    expect(await response.json()).toMatchObject({ code: "cross_origin_request" });
  }
});

test("a form post from the portal's own origin goes through", async ({ request, baseURL }) => {
  const response = await request.post("/sign-in", {
    form: signInForm,
    headers: { Origin: new URL(baseURL!).origin },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(400); // the wrong password's message, not a refusal
});
