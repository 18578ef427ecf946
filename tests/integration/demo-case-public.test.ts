/**
 * The demo's cases of the public face (issue 12): seeded once however often the server starts; the overdue report is
 * escalated to CDCNHN's principal (mail and notice), and the old tracking code finds its case.
 */
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { caseEvents, cases, mailOutbox, notifications, users } from "~db/schema";
import { seedDemoCasePublic, DEMO_OLD_REPORT_CODE } from "~/modules/demo/demo-case-public.server";
import { seedDemoData } from "~/modules/demo/demo-data.server";
import { findPublicCase } from "~/modules/cases/public-case.server";
import { testDatabaseKind, withTestDatabase } from "../support/test-database";

describe(`demo cases, public face (${testDatabaseKind()})`, () => {
  const t = withTestDatabase();

  it("seeds an escalated overdue report and an old VB- report, once", async () => {
    await seedDemoData(t.db);
    await seedDemoCasePublic(t.db, "https://vanbang.example.vn");
    await seedDemoCasePublic(t.db, "https://vanbang.example.vn");
    const demo = await t.db
      .select()
      .from(cases)
      .where(sql`${cases.details}->>'demo' like 'case-public-%'`);
    expect(demo).toHaveLength(2);
    const overdue = demo.find((c) => c.code.startsWith("GB-"))!;
    expect(overdue.escalatedAt).toBeTruthy();
    const escalations = await t.db
      .select()
      .from(caseEvents)
      .where(and(eq(caseEvents.caseId, overdue.id), eq(caseEvents.type, "escalate")));
    expect(escalations).toHaveLength(1);
    const [principal] = await t.db.select().from(users).where(eq(users.email, "hieutruong@cdcnhn.edu.vn"));
    const notices = await t.db.select().from(notifications).where(eq(notifications.userId, principal!.id));
    expect(notices.some((n) => (n.details as { code?: string }).code === overdue.code)).toBe(true);
    const mails = await t.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, "hieutruong@cdcnhn.edu.vn"));
    expect(mails.some((m) => m.subject.includes(overdue.code))).toBe(true);
    const old = await findPublicCase(t.db, DEMO_OLD_REPORT_CODE);
    expect(old?.case).toMatchObject({ status: "resolved", outcome: "fake" });
  });
});
