import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, mailOutbox, users } from "../../db/schema";
import * as account from "~/routes/account";
import { enqueueMail } from "~/modules/mail/enqueue-mail.server";
import { callRoute, routeArgs, signedInAs } from "../support/routes";
import { testDatabaseKind, withTestDatabase } from "../support/test-database";

const REPORT = {
  name: "fake_report_status",
  params: {
    trackingCode: "PA-1234",
    status: "investigating",
    note: "",
    link: "http://portal.test/verify/report/PA-1234",
  },
} as const;

describe(`mail preferences (${testDatabaseKind()})`, () => {
  const t = withTestDatabase();

  it("a person turns off an optional kind of mail on the account page, and such mail is no longer queued", async () => {
    const member = await signedInAs(t.db, "graduate", null);
    const page = await callRoute(account.loader, routeArgs(member.get("/account")));
    expect(page.json.mailOptOuts).toEqual([]);

    // Before: an optional mail arrives, with a footer saying where to turn it off.
    expect(
      await enqueueMail(t.db, { to: member.email, locale: "vi", template: REPORT, recipientUserId: member.id }),
    ).toBe(true);
    const [first] = await t.db.select().from(mailOutbox);
    expect(first!.bodyText).toContain("/account#mail");

    // The form posts the categories kept: everything but reports (and "account", which is required, is ignored).
    const form = new URLSearchParams([
      ["intent", "mail-preferences"],
      ["category", "jobs"],
      ["category", "job_alerts"],
      ["category", "school_work"],
    ]);
    const cookie = member.get("/account").headers.get("cookie")!;
    const saved = await callRoute(
      account.action,
      routeArgs(
        new Request("http://localhost/account", {
          method: "POST",
          body: form,
          headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
        }),
      ),
    );
    expect(saved.status).toBe(200);
    const [row] = await t.db.select({ mailOptOuts: users.mailOptOuts }).from(users).where(eq(users.id, member.id));
    expect(row!.mailOptOuts).toEqual(["reports"]);
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.action, "user.mail-preferences"));
    expect(audit).toHaveLength(1);

    expect(
      await enqueueMail(t.db, { to: member.email, locale: "vi", template: REPORT, recipientUserId: member.id }),
    ).toBe(false);
    expect(await t.db.select().from(mailOutbox)).toHaveLength(1);
  });

  it("required mail is always sent, even when every box is cleared", async () => {
    const member = await signedInAs(t.db, "graduate", null);
    await t.db
      .update(users)
      .set({ mailOptOuts: ["account", "reports", "jobs"] })
      .where(eq(users.id, member.id));
    const sent = await enqueueMail(t.db, {
      to: member.email,
      locale: "en",
      template: {
        name: "reset_password",
        params: { fullName: "An", link: "http://portal.test/reset-password?token=x" },
      },
      recipientUserId: member.id,
    });
    expect(sent).toBe(true);
    const [mail] = await t.db.select().from(mailOutbox);
    expect(mail!.bodyText).not.toContain("/account#mail");
  });
});
