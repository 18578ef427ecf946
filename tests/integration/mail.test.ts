import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { mailOutbox } from "../../db/schema";
import { createSmtpTransport, deliverPendingMail } from "~/modules/mail/deliver-mail.server";
import { enqueueMail } from "~/modules/mail/enqueue-mail.server";
import { decodeQuotedPrintable, startSmtpServer } from "../support/smtp-server";
import { testDatabaseKind, withTestDatabase } from "../support/test-database";

describe(`mail outbox delivery (${testDatabaseKind()})`, () => {
  const t = withTestDatabase();
  let stop: (() => Promise<void>) | undefined;
  afterEach(async () => stop?.());

  it("delivers pending mail through SMTP once and marks it sent", async () => {
    const smtp = await startSmtpServer();
    stop = smtp.close;
    await enqueueMail(t.db, {
      to: "an@example.vn",
      locale: "vi",
      template: {
        name: "reset_password",
        params: { fullName: "Nguyễn An", link: "http://portal.test/reset-password?token=xyz" },
      },
    });
    const transport = await createSmtpTransport(smtp.url);
    expect(await deliverPendingMail(t.db, transport, "Cổng <no-reply@portal.test>")).toBe(1);
    expect(await deliverPendingMail(t.db, transport, "Cổng <no-reply@portal.test>")).toBe(0);

    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]!.to).toEqual(["an@example.vn"]);
    const body = decodeQuotedPrintable(smtp.received[0]!.data);
    expect(body).toContain("http://portal.test/reset-password?token=xyz");
    expect(body).toContain("Xin chào Nguyễn An");
    const [row] = await t.db.select().from(mailOutbox);
    expect(row).toMatchObject({ status: "sent", attempts: 1 });
    expect(row!.sentAt).not.toBeNull();
  });

  it("keeps refused mail pending with the error, to be retried", async () => {
    const smtp = await startSmtpServer({ refuse: true });
    stop = smtp.close;
    await enqueueMail(t.db, {
      to: "bounce@example.vn",
      locale: "en",
      template: { name: "confirm_email", params: { fullName: "B", link: "http://portal.test/confirm-email?token=1" } },
    });
    const transport = await createSmtpTransport(smtp.url);
    expect(await deliverPendingMail(t.db, transport, "no-reply@portal.test")).toBe(0);
    const [row] = await t.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, "bounce@example.vn"));
    expect(row).toMatchObject({ status: "pending", attempts: 1 });
    expect(row!.lastError).toMatch(/550|unavailable/);
  });
});
