/**
 * Malformed requests at the public forms: a broken body, absurd values, a foreign redirect. Each gets a 4xx
 * answer with a message key, never a crash, and nothing is written.
 */
import { count } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { users } from "~db/schema";
import * as signIn from "~/routes/sign-in";
import * as signUp from "~/routes/sign-up";
import * as language from "~/routes/language";
import { createUser, TEST_PASSWORD } from "../support/factories";
import { callRoute, routeArgs, type Route } from "../support/routes";
import { testDatabaseKind, withTestDatabase } from "../support/test-database";

/** A form's answer; one client address for all (the sign-in limits count per address). */
const answer = (fn: Route, request: Request) => callRoute(fn, routeArgs(request, {}, "198.51.100.20"));

const post = (path: string, body: BodyInit, headers: Record<string, string> = {}) =>
  new Request(`http://localhost${path}`, { method: "POST", body, headers });

describe(`bad input at the public forms (${testDatabaseKind()})`, () => {
  const t = withTestDatabase();

  it("answers 400 to a body that is not a form", async () => {
    for (const route of [signIn, signUp]) {
      const response = await answer(
        route.action,
        post("/x", "\xff\xfe--garbage", { "content-type": "multipart/form-data; boundary=nope" }),
      );
      expect(response.status).toBe(400);
      expect(response.json).toEqual({ code: "bad_request" });
    }
  });

  it("keeps what was typed and names each bad field, writing nothing", async () => {
    const before = (await t.db.select({ n: count() }).from(users))[0]!.n;
    const response = await answer(
      signUp.action,
      post(
        "/sign-up",
        new URLSearchParams({
          accountType: "employer",
          fullName: "A".repeat(500),
          email: "x@",
          password: "p",
          passwordConfirm: "q",
          orgName: "Công ty",
          taxCode: "12345",
          provinceCode: "99;drop",
        }),
      ),
    );
    expect(response.status).toBe(400);
    const body = response.json;
    expect(body.fieldErrors).toMatchObject({
      fullName: "validation.fullName",
      email: "validation.email",
      password: "validation.password",
      taxCode: "validation.taxCode",
      provinceCode: "validation.province",
    });
    expect(body.values.orgName).toBe("Công ty");
    expect(body.values.password).toBeUndefined();
    expect((await t.db.select({ n: count() }).from(users))[0]!.n).toBe(before);
  });

  it("signs in and goes only to a path on this site", async () => {
    const user = await createUser(t.db);
    const response = await answer(
      signIn.action,
      post(
        "/sign-in",
        new URLSearchParams({ email: user.email, password: TEST_PASSWORD, redirectTo: "https://evil.example/steal" }),
      ),
    );
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/dashboard");
    expect(response.headers.get("set-cookie")).toMatch(/^vb_session=[\w-]{43}; Path=\/; HttpOnly; SameSite=Lax/);
  });

  it("the language switch accepts only vi or en and a local path", async () => {
    const response = await answer(
      language.action,
      post("/language", new URLSearchParams({ lang: "<script>", redirectTo: "//evil.example" })),
    );
    expect(response.headers.get("location")).toBe("/");
    expect(response.headers.get("set-cookie")).toMatch(/^lang=vi;/);
  });
});
