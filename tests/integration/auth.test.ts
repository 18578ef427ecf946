import { and, count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, mailOutbox, organisations, roleAssignments, sessions, users } from "../../db/schema";
import { getSessionUser, revokeSession } from "~/lib/session.server";
import {
  changePassword,
  confirmEmail,
  requestPasswordReset,
  resetPassword,
} from "~/modules/auth/manage-password.server";
import { registerAccount } from "~/modules/auth/register-account.server";
import { SignUpSchema } from "~/modules/auth/schema";
import { signIn } from "~/modules/auth/sign-in.server";
import { createOrganisation, createUser, TEST_PASSWORD } from "../support/factories";
import { testDatabaseKind, withTestDatabase } from "../support/test-database";
import { mailText } from "../support/mail";

const ORIGIN = "http://portal.test";
const actor = { userId: null, ip: "203.0.113.9" };

function signUpInput(overrides: Record<string, string>) {
  return SignUpSchema.parse({
    accountType: "graduate",
    fullName: "Nguyễn Văn Thử",
    email: "thu@example.vn",
    password: "mat-khau-rat-dai",
    passwordConfirm: "mat-khau-rat-dai",
    ...overrides,
  });
}

function tokenFromMail(body: string): string {
  const match = /token=([\w-]+)/.exec(body);
  if (!match) throw new Error(`no token in mail: ${body}`);
  return match[1]!;
}

function requestWithCookie(setCookie: string): Request {
  const cookie = setCookie.split(";")[0]!;
  return new Request(`${ORIGIN}/account`, { headers: { cookie } });
}

const signInAs = (db: Parameters<typeof signIn>[0], email: string, password: string, maxAttempts = 5) =>
  signIn(db, { email, password, ip: "203.0.113.9", userAgent: "vitest", maxAttempts });

describe(`accounts and sessions (${testDatabaseKind()})`, () => {
  const t = withTestDatabase();

  it("signs a graduate up, mails a confirmation link, and lets them in only after confirming", async () => {
    const result = await registerAccount(t.db, { input: signUpInput({}), locale: "vi", publicOrigin: ORIGIN, actor });
    expect(result.ok).toBe(true);

    const [user] = await t.db.select().from(users).where(eq(users.email, "thu@example.vn"));
    expect(user?.passwordHash).toMatch(/^scrypt\$/);
    expect(user?.passwordHash).not.toContain("mat-khau-rat-dai");
    const roles = await t.db.select().from(roleAssignments).where(eq(roleAssignments.userId, user!.id));
    expect(roles.map((r) => r.role)).toEqual(["graduate"]);

    const before = await signInAs(t.db, "thu@example.vn", "mat-khau-rat-dai");
    expect(before).toMatchObject({ ok: false, code: "email_not_confirmed" });

    const [mail] = await t.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, "thu@example.vn"));
    expect(mail?.subject).toContain("Xác nhận");
    expect(mail?.bodyText).toContain(`${ORIGIN}/confirm-email?token=`);
    expect((await confirmEmail(t.db, { token: tokenFromMail(mailText(mail!)), actor })).ok).toBe(true);
    // A confirmation link works once.
    expect((await confirmEmail(t.db, { token: tokenFromMail(mailText(mail!)), actor })).ok).toBe(false);

    const after = await signInAs(t.db, "THU@example.vn".toLowerCase(), "mat-khau-rat-dai");
    expect(after.ok).toBe(true);
    if (!after.ok) return;
    expect(after.value.setCookie).toMatch(/HttpOnly/);
    expect(after.value.setCookie).toMatch(/SameSite=Lax/);
    const session = await getSessionUser(requestWithCookie(after.value.setCookie));
    expect(session?.user.email).toBe("thu@example.vn");
    expect(session?.grants).toEqual([{ role: "graduate", organisationId: null }]);

    const audit = await t.db
      .select({ action: auditLog.action, ip: auditLog.actorIp })
      .from(auditLog)
      .where(eq(auditLog.actorUserId, user!.id));
    expect(audit.map((a) => a.action).sort()).toEqual(["user.confirm-email", "user.sign-in", "user.sign-up"]);
    expect(audit.every((a) => a.ip === "203.0.113.9")).toBe(true);
  });

  it("creates a pending school with its first administrator", async () => {
    const input = signUpInput({
      accountType: "school",
      email: "qt@truong.edu.vn",
      orgName: "Trường Cao đẳng Thử",
      schoolCode: "cdthu",
      schoolType: "cao_dang",
      provinceCode: "48",
    });
    const result = await registerAccount(t.db, { input, locale: "vi", publicOrigin: ORIGIN, actor });
    expect(result.ok).toBe(true);
    const [school] = await t.db.select().from(organisations).where(eq(organisations.code, "CDTHU"));
    expect(school).toMatchObject({ kind: "school", status: "pending", provinceCode: "48" });
    const roles = await t.db.select().from(roleAssignments).where(eq(roleAssignments.organisationId, school!.id));
    expect(roles.map((r) => r.role)).toEqual(["school_admin"]);
  });

  it("refuses a taken e-mail or school code and writes nothing", async () => {
    await createUser(t.db, { email: "taken@example.vn" });
    await createOrganisation(t.db, { kind: "school", code: "TAKEN" });
    const countRows = async () => ({
      users: (await t.db.select({ n: count() }).from(users))[0]!.n,
      organisations: (await t.db.select({ n: count() }).from(organisations))[0]!.n,
      mail: (await t.db.select({ n: count() }).from(mailOutbox))[0]!.n,
    });
    const before = await countRows();

    const sameEmail = await registerAccount(t.db, {
      input: signUpInput({ email: "taken@example.vn" }),
      locale: "vi",
      publicOrigin: ORIGIN,
      actor,
    });
    expect(sameEmail).toMatchObject({
      ok: false,
      code: "email_taken",
      fieldErrors: { email: "auth.error.email_taken" },
    });

    const sameCode = await registerAccount(t.db, {
      input: signUpInput({
        accountType: "school",
        email: "new@truong.edu.vn",
        orgName: "Trường khác",
        schoolCode: "TAKEN",
        schoolType: "trung_cap",
        provinceCode: "01",
      }),
      locale: "vi",
      publicOrigin: ORIGIN,
      actor,
    });
    expect(sameCode).toMatchObject({
      ok: false,
      code: "org_code_taken",
      fieldErrors: { schoolCode: "auth.error.org_code_taken" },
    });
    expect(await countRows()).toEqual(before);
  });

  it("rejects a wrong password, then asks an unknown device to wait (429 with Retry-After), even for the right one", async () => {
    const user = await createUser(t.db, { email: "limit@example.vn" });
    expect(await signInAs(t.db, user.email, "wrong password!", 3)).toMatchObject({
      ok: false,
      code: "invalid_credentials",
    });
    expect(await signInAs(t.db, "nobody@example.vn", "wrong password!", 3)).toMatchObject({
      ok: false,
      code: "invalid_credentials",
    });
    await signInAs(t.db, user.email, "wrong password!", 3);
    await signInAs(t.db, user.email, "wrong password!", 3);
    const blocked = await signInAs(t.db, user.email, TEST_PASSWORD, 3);
    expect(blocked).toMatchObject({ ok: false, code: "rate_limited" });
    expect(blocked.retryAfterSeconds).toBeGreaterThan(0);
    expect(await t.db.select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(0);
  });

  it("changing the password signs out every other session", async () => {
    const user = await createUser(t.db);
    const first = await signInAs(t.db, user.email, TEST_PASSWORD);
    const second = await signInAs(t.db, user.email, TEST_PASSWORD);
    if (!first.ok || !second.ok) throw new Error("sign-in failed");
    const current = await getSessionUser(requestWithCookie(first.value.setCookie));

    const wrong = await changePassword(t.db, {
      userId: user.id,
      sessionId: current!.sessionId,
      currentPassword: "not it at all",
      newPassword: "a brand new secret",
      actor,
    });
    expect(wrong).toMatchObject({ ok: false, code: "wrong_password" });

    const changed = await changePassword(t.db, {
      userId: user.id,
      sessionId: current!.sessionId,
      currentPassword: TEST_PASSWORD,
      newPassword: "a brand new secret",
      actor,
    });
    expect(changed.ok).toBe(true);
    expect(await getSessionUser(requestWithCookie(first.value.setCookie))).not.toBeNull();
    expect(await getSessionUser(requestWithCookie(second.value.setCookie))).toBeNull();
    expect(await signInAs(t.db, user.email, TEST_PASSWORD)).toMatchObject({ ok: false, code: "invalid_credentials" });
    expect((await signInAs(t.db, user.email, "a brand new secret")).ok).toBe(true);
  });

  it("resets a forgotten password through a single-use mailed link", async () => {
    const user = await createUser(t.db, { email: "forgot@example.vn" });
    const session = await signInAs(t.db, user.email, TEST_PASSWORD);
    if (!session.ok) throw new Error("sign-in failed");

    await requestPasswordReset(t.db, { email: "nobody-here@example.vn", publicOrigin: ORIGIN, actor });
    expect(await t.db.select().from(mailOutbox)).toHaveLength(0);

    await requestPasswordReset(t.db, { email: user.email, publicOrigin: ORIGIN, actor });
    const [mail] = await t.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, user.email));
    const token = tokenFromMail(mailText(mail!));
    expect((await resetPassword(t.db, { token, password: "recovered secret", actor })).ok).toBe(true);
    expect((await resetPassword(t.db, { token, password: "second try secret", actor })).ok).toBe(false);

    expect(await getSessionUser(requestWithCookie(session.value.setCookie))).toBeNull();
    expect(await signInAs(t.db, user.email, TEST_PASSWORD)).toMatchObject({ ok: false, code: "invalid_credentials" });
    expect((await signInAs(t.db, user.email, "recovered secret")).ok).toBe(true);
  });

  it("a revoked or expired session opens nothing", async () => {
    const user = await createUser(t.db);
    const result = await signInAs(t.db, user.email, TEST_PASSWORD);
    if (!result.ok) throw new Error("sign-in failed");
    const request = () => requestWithCookie(result.value.setCookie);
    const session = await getSessionUser(request());
    expect(session).not.toBeNull();
    await revokeSession(t.db, session!.sessionId);
    expect(await getSessionUser(request())).toBeNull();

    const again = await signInAs(t.db, user.email, TEST_PASSWORD);
    if (!again.ok) throw new Error("sign-in failed");
    await t.db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(and(eq(sessions.userId, user.id)));
    expect(await getSessionUser(requestWithCookie(again.value.setCookie))).toBeNull();
    expect(await getSessionUser(new Request(ORIGIN, { headers: { cookie: "vb_session=forged-token" } }))).toBeNull();
  });
});

describe(`sign-in limits per client address (${testDatabaseKind()})`, () => {
  const t = withTestDatabase();

  it("counts failures per account behind a shared address, so colleagues behind one NAT are not locked out", async () => {
    const people = await Promise.all(Array.from({ length: 6 }, () => createUser(t.db)));
    for (const person of people) expect((await signInAs(t.db, person.email, TEST_PASSWORD, 1)).ok).toBe(true);
    // maxAttempts 1: each of these accounts now makes unknown devices wait…
    for (const person of people.slice(0, 4)) {
      expect(await signInAs(t.db, person.email, "wrong password!", 1)).toMatchObject({ code: "invalid_credentials" });
      expect(await signInAs(t.db, person.email, TEST_PASSWORD, 1)).toMatchObject({ code: "rate_limited" });
    }
    // …but a colleague at the same address signs in.
    expect((await signInAs(t.db, people[5]!.email, TEST_PASSWORD, 1)).ok).toBe(true);
  });

  it("still slows down one address guessing across many accounts (20 × the attempts, in all)", async () => {
    const people = await Promise.all(Array.from({ length: 21 }, () => createUser(t.db)));
    for (const person of people.slice(0, 20)) await signInAs(t.db, person.email, "wrong password!", 1);
    expect(await signInAs(t.db, people[20]!.email, TEST_PASSWORD, 1)).toMatchObject({ code: "rate_limited" });
  });
});
