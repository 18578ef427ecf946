/**
 * The demo cases (app/modules/demo/demo-cases.server.ts): the demo school's queue starts with an overdue, escalated
 * case, then one due today; the demo graduate has a case waiting for them and a resolved one to rate; a second seed
 * adds nothing.
 */
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { cases, organisations, users } from "~db/schema";
import { vietnamDate } from "~/lib/format-time";
import { seedDemoData } from "~/modules/demo/demo-data.server";
import { listCaseQueue } from "~/modules/cases/queue.server";
import { testDatabaseKind, withTestDatabase } from "../support/test-database";

describe(`demo cases (${testDatabaseKind()})`, () => {
  const t = withTestDatabase();

  it("seeds cases in several states once", async () => {
    await seedDemoData(t.db);
    const [school] = await t.db.select().from(organisations).where(eq(organisations.code, "CDCNHN"));
    const queue = await listCaseQueue(t.db, {
      scope: { kind: "organisation", organisationId: school!.id },
      filters: { page: 1 },
      today: vietnamDate(),
      pageSize: 25,
    });
    expect(queue.rows.map((r) => r.section).slice(0, 2)).toEqual(["overdue", "due_today"]);
    expect(queue.rows[0]!.escalated).toBe(true);
    expect(queue.counts.overdue).toBe(1);
    const [an] = await t.db.select().from(users).where(eq(users.email, "an.nguyen@example.vn"));
    const mine = await t.db.select().from(cases).where(eq(cases.submitterUserId, an!.id));
    const states = mine.map((c) => `${c.status}${c.rating ? ":rated" : ""}`).sort();
    expect(states).toEqual(
      expect.arrayContaining(["awaiting_submitter", "resolved", "resolved:rated", "in_progress", "received"]),
    );
    const count = async () => Number((await t.db.select({ n: sql<number>`count(*)` }).from(cases))[0]!.n);
    const before = await count();
    await seedDemoData(t.db);
    expect(await count()).toBe(before);
  }, 60_000);
});
