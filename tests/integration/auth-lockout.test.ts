/**
 * No lockout by a stranger (issue 11): guessing is slowed down, the owner is not locked out. A device on which an
 * account signed in before (its signed device cookie) keeps its own budget; unknown devices get growing delays
 * with Retry-After; the address limit counts per account.
 */
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { translate, type MessageKey } from "~/lib/i18n";
import { clearThrottle, lockSecondsAfter, takeThrottle } from "~/lib/rate-limit.server";
import { DEVICE_COOKIE, useDeviceKey } from "~/modules/auth/device-cookie.server";
import { signIn, signInThrottlePolicy } from "~/modules/auth/sign-in.server";
import * as signInRoute from "~/routes/sign-in";
import { createUser, TEST_PASSWORD } from "../support/factories";
import { callRoute, routeArgs } from "../support/routes";
import { testDatabaseKind, withTestDatabase } from "../support/test-database";

const STRANGER = "203.0.113.66";
const OWNER_HOME = "198.51.100.40";

/** The `name=value` part of a Set-Cookie header, as a browser would send it back. */
const cookiePart = (setCookie: string | null) => setCookie!.split(";")[0]!;

describe(`sign-in without lockout by a stranger (${testDatabaseKind()})`, () => {
  const t = withTestDatabase();
  beforeAll(() => useDeviceKey(randomBytes(32)));

  const attempt = (email: string, password: string, ip: string, cookieHeader: string | null = null) =>
    signIn(t.db, { email, password, ip, userAgent: "vitest", cookieHeader, maxAttempts: 5 });

  /** Signs the owner in once, as on their own phone, and gives back the device cookie it got. */
  async function knownDeviceOf(email: string): Promise<string> {
    const first = await attempt(email, TEST_PASSWORD, OWNER_HOME);
    if (!first.ok) throw new Error(`sign-in failed: ${first.code}`);
    expect(first.value.deviceSetCookie).toMatch(new RegExp(`^${DEVICE_COOKIE}=.+; Path=/; HttpOnly; SameSite=Lax`));
    return cookiePart(first.value.deviceSetCookie);
  }

  it("a stranger's 50 failures do not stop the owner signing in from a known device", async () => {
    const owner = await createUser(t.db, { email: "owner@example.vn" });
    const device = await knownDeviceOf(owner.email);

    const codes = new Set<string>();
    for (let i = 0; i < 50; i++) codes.add((await attempt(owner.email, `guess number ${i}`, STRANGER)).ok ? "ok" : "");
    const refused = await attempt(owner.email, "guess again", STRANGER);
    expect(refused).toMatchObject({ ok: false, code: "rate_limited" });

    // The owner, on a new device (even with the right password), is asked to wait…
    const elsewhere = await attempt(owner.email, TEST_PASSWORD, "192.0.2.10");
    expect(elsewhere).toMatchObject({ ok: false, code: "rate_limited" });
    // …but on the phone they used before, they are in.
    const home = await attempt(owner.email, TEST_PASSWORD, OWNER_HOME, `lang=vi; ${device}`);
    expect(home.ok).toBe(true);
    // Even from the stranger's own address (a shared connection).
    expect((await attempt(owner.email, TEST_PASSWORD, STRANGER, device)).ok).toBe(true);
  });

  it("an unknown device gets 429 with Retry-After once the account's budget is spent, never a hard lock", async () => {
    const owner = await createUser(t.db, { email: "budget@example.vn" });
    for (let i = 0; i < 5; i++)
      expect(await attempt(owner.email, `wrong ${i}`, STRANGER)).toMatchObject({ code: "invalid_credentials" });
    const waiting = await attempt(owner.email, "wrong again", STRANGER);
    expect(waiting).toMatchObject({ ok: false, code: "rate_limited" });
    expect(waiting.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(waiting.retryAfterSeconds).toBeLessThanOrEqual(60);

    // Through the form: 429, Retry-After, and the wait in the message.
    const form = new URLSearchParams({ email: owner.email, password: TEST_PASSWORD, redirectTo: "" });
    const answer = await callRoute(
      signInRoute.action,
      routeArgs(new Request("http://localhost/sign-in", { method: "POST", body: form }), {}, "192.0.2.11"),
    );
    expect(answer.status).toBe(429);
    expect(Number(answer.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    const retryAfter = Number(answer.headers.get("retry-after"));
    // The wait in the message: seconds under a minute, else minutes.
    const { formError, formErrorParams } = answer.json as { formError: MessageKey; formErrorParams: object };
    if (retryAfter < 60) expect(formErrorParams).toEqual({ seconds: retryAfter });
    else expect(formErrorParams).toEqual({ minutes: Math.ceil(retryAfter / 60) });
    const wait = String(Object.values(formErrorParams)[0]);
    expect(translate("vi", formError, formErrorParams as never)).toContain(`chờ ${wait}`);
    expect(translate("en", formError, formErrorParams as never)).toContain(`wait ${wait}`);
  });

  it("the delays grow: 1 minute after the budget, then 2, 4 … at most an hour, and a success forgets them", async () => {
    const policy = signInThrottlePolicy(5);
    expect([4, 5, 6, 7, 8, 20].map((n) => lockSecondsAfter(n, policy))).toEqual([0, 60, 120, 240, 480, 3600]);

    const key = "sign-in:account:growing@example.vn";
    let now = new Date("2026-12-01T08:00:00Z");
    for (let i = 0; i < 5; i++) expect((await takeThrottle(t.db, key, policy, now)).allowed).toBe(true);
    expect(await takeThrottle(t.db, key, policy, now)).toMatchObject({ allowed: false, retryAfterSeconds: 60 });
    now = new Date(now.getTime() + 61_000);
    expect((await takeThrottle(t.db, key, policy, now)).allowed).toBe(true); // the 6th: locks for 2 minutes
    expect(await takeThrottle(t.db, key, policy, now)).toMatchObject({ allowed: false, retryAfterSeconds: 120 });
    await clearThrottle(t.db, key);
    expect((await takeThrottle(t.db, key, policy, now)).attempts).toBe(1);
  });

  it("parallel guesses cannot slip past the budget while one is being checked", async () => {
    const policy = signInThrottlePolicy(5);
    const decisions = await Promise.all(
      Array.from({ length: 20 }, () => takeThrottle(t.db, "sign-in:account:parallel@example.vn", policy)),
    );
    expect(decisions.filter((d) => d.allowed)).toHaveLength(5);
  });

  it("failures on one account from an address do not hold up another account behind the same address", async () => {
    const [x, y] = [await createUser(t.db), await createUser(t.db)];
    const school = "198.51.100.77";
    for (let i = 0; i < 30; i++) await attempt(x.email, `mistyped ${i}`, school);
    expect(await attempt(x.email, TEST_PASSWORD, school)).toMatchObject({ code: "rate_limited" });
    expect((await attempt(y.email, TEST_PASSWORD, school)).ok).toBe(true);
  });

  it("a forged device cookie, or another account's, gives no exemption", async () => {
    const owner = await createUser(t.db, { email: "forged@example.vn" });
    const other = await createUser(t.db, { email: "other@example.vn" });
    const ownerDevice = await knownDeviceOf(owner.email);
    const otherDevice = await knownDeviceOf(other.email);
    for (let i = 0; i < 6; i++) await attempt(owner.email, `guess ${i}`, STRANGER);

    // Another account's genuine cookie.
    expect(await attempt(owner.email, TEST_PASSWORD, STRANGER, otherDevice)).toMatchObject({ code: "rate_limited" });
    // The owner's cookie with its signature altered, or moved to another account's id.
    const forged = ownerDevice.replace(/.$/, (c) => (c === "A" ? "B" : "A"));
    expect(await attempt(owner.email, TEST_PASSWORD, STRANGER, forged)).toMatchObject({ code: "rate_limited" });
    const [, userId, nonce, signature] = /^vb_device=([^.]+)\.([^.]+)\.([^~]+)/.exec(otherDevice)!;
    expect(userId).toBe(other.id);
    const swapped = `${DEVICE_COOKIE}=${owner.id}.${nonce}.${signature}`;
    expect(await attempt(owner.email, TEST_PASSWORD, STRANGER, swapped)).toMatchObject({ code: "rate_limited" });
    // The genuine one still works.
    expect((await attempt(owner.email, TEST_PASSWORD, STRANGER, ownerDevice)).ok).toBe(true);
  });

  it("a device cookie keeps the other accounts signed in on it (a shared computer)", async () => {
    const [a, b] = [await createUser(t.db), await createUser(t.db)];
    const first = await attempt(a.email, TEST_PASSWORD, OWNER_HOME);
    if (!first.ok) throw new Error("sign-in failed");
    const second = await attempt(b.email, TEST_PASSWORD, OWNER_HOME, cookiePart(first.value.deviceSetCookie));
    if (!second.ok) throw new Error("sign-in failed");
    const both = cookiePart(second.value.deviceSetCookie);
    for (let i = 0; i < 6; i++) {
      await attempt(a.email, `guess ${i}`, STRANGER);
      await attempt(b.email, `guess ${i}`, STRANGER);
    }
    expect((await attempt(a.email, TEST_PASSWORD, OWNER_HOME, both)).ok).toBe(true);
    expect((await attempt(b.email, TEST_PASSWORD, OWNER_HOME, both)).ok).toBe(true);
  });
});
