import { eq, sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { mailOutbox } from "~db/schema";
import { rowsOf, type Database } from "~/lib/db.server";
import { confirmEmail, requestPasswordReset, resetPassword } from "~/modules/auth/manage-password.server";
import { registerAccount } from "~/modules/auth/register-account.server";
import { SignUpSchema } from "~/modules/auth/schema";
import { peekUserToken } from "~/modules/auth/user-tokens.server";
import { createSmtpTransport, deliverPendingMail } from "~/modules/mail/deliver-mail.server";
import { runHousekeeping } from "~/modules/platform/housekeeping.server";
import * as demoOutbox from "~/routes/demo.outbox";
import { callRoute, routeArgs } from "../support/routes";
import { decodeQuotedPrintable, startSmtpServer } from "../support/smtp-server";
import { testDatabaseKind, withTestDatabase } from "../support/test-database";

const ORIGIN = "http://portal.test";
const actor = { userId: null, ip: "203.0.113.9" };
const PURPOSES = ["confirm_email", "reset_password", "invitation"] as const;

/** Like pg_dump's data: every row of every table of the database, as text. */
async function databaseAsText(db: Database): Promise<string> {
  const tables = rowsOf<{ schema: string; name: string }>(
    await db.execute(
      sql`select table_schema as schema, table_name as name from information_schema.tables
          where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')`,
    ),
  );
  expect(tables.map((t) => t.name)).toContain("mail_outbox");
  const parts: string[] = [];
  for (const table of tables) {
    const rows = rowsOf<{ row: string }>(
      await db.execute(sql.raw(`select t::text as row from "${table.schema}"."${table.name}" t`)),
    );
    parts.push(...rows.map((r) => r.row));
  }
  return parts.join("\n");
}

/** Every string in `text` shaped like a one-time token (256 bits, base64url), that still opens something. */
async function validTokensIn(db: Database, text: string): Promise<string[]> {
  const candidates = new Set(text.match(/(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/g) ?? []);
  const valid: string[] = [];
  for (const candidate of candidates) if (await peekUserToken(db, candidate, [...PURPOSES])) valid.push(candidate);
  return valid;
}

const tokensOf = (text: string) => [...text.matchAll(/token=([A-Za-z0-9_-]+)/g)].map((m) => m[1]!);

/** What the demo mailbox shows (demo mode: the integration tests run without DATABASE_URL). */
async function demoMailbox(): Promise<Array<{ to: string; body: string; status: string }>> {
  const page = await callRoute(demoOutbox.loader, routeArgs(new Request(`${ORIGIN}/demo/outbox`), {}));
  expect(page.status).toBe(200);
  return page.body.mail;
}

async function signUpAndForget(db: Database) {
  const input = SignUpSchema.parse({
    accountType: "graduate",
    fullName: "Nguyễn Văn Thử",
    email: "thu@example.vn",
    password: "mat-khau-rat-dai",
    passwordConfirm: "mat-khau-rat-dai",
  });
  expect((await registerAccount(db, { input, locale: "vi", publicOrigin: ORIGIN, actor })).ok).toBe(true);
  await requestPasswordReset(db, { email: "thu@example.vn", publicOrigin: ORIGIN, actor });
  expect(await db.select().from(mailOutbox)).toHaveLength(2);
}

describe(`one-time links at rest (${testDatabaseKind()})`, () => {
  const t = withTestDatabase();
  let stop: (() => Promise<void>) | undefined;
  afterEach(async () => stop?.());

  it("keeps no usable token in the database, yet delivers working links, and keeps none once delivered", async () => {
    await signUpAndForget(t.db);

    // The demo mailbox shows both mails with working links.
    const shown = await demoMailbox();
    const clear = shown.flatMap((m) => tokensOf(m.body));
    expect(clear).toHaveLength(2);
    for (const token of clear) expect(await peekUserToken(t.db, token, [...PURPOSES])).toBe(true);
    expect(shown.map((m) => m.body).join("\n")).toContain(`${ORIGIN}/confirm-email?token=${clear[1]}`);

    // Every text column of the outbox, and every row of every table: no token in clear, nothing that validates.
    const outbox = await t.db.select().from(mailOutbox);
    const outboxText = outbox.map((m) => JSON.stringify(m)).join("\n");
    expect(outboxText).toContain(`${ORIGIN}/reset-password?token={{sealed:`);
    for (const token of clear) expect(outboxText).not.toContain(token);
    const dump = await databaseAsText(t.db);
    for (const token of clear) expect(dump).not.toContain(token);
    expect(await validTokensIn(t.db, dump)).toEqual([]);

    // Delivery through the real outbox and SMTP path sends links that work.
    const smtp = await startSmtpServer();
    stop = smtp.close;
    expect(await deliverPendingMail(t.db, await createSmtpTransport(smtp.url), "no-reply@portal.test")).toBe(2);
    const received = smtp.received.map((r) => decodeQuotedPrintable(r.data)).join("\n");
    const delivered = tokensOf(received);
    expect(delivered.sort()).toEqual([...clear].sort());
    const confirmToken = /confirm-email\?token=([A-Za-z0-9_-]+)/.exec(received)![1]!;
    const resetToken = /reset-password\?token=([A-Za-z0-9_-]+)/.exec(received)![1]!;
    expect((await confirmEmail(t.db, { token: confirmToken, actor })).ok).toBe(true);

    // Delivered rows hold neither the token nor its sealed form.
    const sent = await t.db.select().from(mailOutbox);
    expect(sent.map((m) => m.status)).toEqual(["sent", "sent"]);
    for (const row of sent) {
      expect(row.bodyText).not.toContain("{{sealed:");
      expect(row.bodyText).toContain("token=[…]");
    }
    const after = await databaseAsText(t.db);
    for (const token of clear) expect(after).not.toContain(token);
    // The reset link, still unused, still works for the person who received it.
    expect((await resetPassword(t.db, { token: resetToken, password: "mat-khau-moi-dai", actor })).ok).toBe(true);
  });

  it("drops the sealed link of a mail never delivered once the link has expired", async () => {
    await signUpAndForget(t.db);
    // Two hours later: the reset link (1 h) has expired, the confirmation (48 h) has not.
    await runHousekeeping(t.db, new Date(Date.now() + 2 * 3600_000));
    const rows = await t.db.select().from(mailOutbox);
    const reset = rows.find((m) => m.template === "reset_password")!;
    const confirm = rows.find((m) => m.template === "confirm_email")!;
    expect(reset.status).toBe("expired");
    expect(reset.bodyText).toContain("token=[…]");
    expect(reset.bodyText).not.toContain("{{sealed:");
    expect(confirm.status).toBe("pending");
    expect(confirm.bodyText).toContain("{{sealed:");
    const shown = await demoMailbox();
    expect(shown.find((m) => m.status === "expired")?.body).toContain("token=[…]");
    expect(tokensOf(shown.map((m) => m.body).join("\n"))).toHaveLength(1);

    // An expired mail is not sent.
    const smtp = await startSmtpServer();
    stop = smtp.close;
    expect(await deliverPendingMail(t.db, await createSmtpTransport(smtp.url), "no-reply@portal.test")).toBe(1);
    expect(smtp.received.map((r) => decodeQuotedPrintable(r.data)).join("\n")).toContain("confirm-email?token=");
    const [resetRow] = await t.db.select().from(mailOutbox).where(eq(mailOutbox.id, reset.id));
    expect(resetRow?.status).toBe("expired");
  });
});
