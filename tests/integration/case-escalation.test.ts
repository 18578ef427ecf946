/**
 * Overdue cases escalate (issue 12): the housekeeping job escalates an open case past its due day exactly once,
 * telling the school's principal by mail and in the app and counting it; a case waiting for its submitter (paused)
 * and a case still on time are left alone.
 */
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { caseEvents, cases, mailOutbox, notifications } from "~db/schema";
import { casesEscalatedTotal } from "~/lib/metrics.server";
import { moveCase } from "~/modules/cases/move-case.server";
import { openCase } from "~/modules/cases/open-case.server";
import { runHousekeeping } from "~/modules/platform/housekeeping.server";
import { mailText } from "../support/mail";
import { createOrganisation } from "../support/factories";
import { createMember } from "../support/members";
import { testDatabaseKind, withTestDatabase } from "../support/test-database";

const origin = "https://vanbang.example.vn";

describe(`escalation of overdue cases (${testDatabaseKind()})`, () => {
  const t = withTestDatabase();

  it("escalates an overdue case exactly once; a paused one and one on time are not", async () => {
    const school = await createOrganisation(t.db, { kind: "school", code: "CDESC", name: "Trường Cao đẳng Quá Hạn" });
    const officer = await createMember(t.db, "school_registrar", school);
    const principal = await createMember(t.db, "school_principal", school);
    const graduate = await createMember(t.db, "graduate", null);
    const open = async (receivedAt: Date) => {
      const opened = await openCase(t.db, {
        kind: "confirmation",
        submitter: { userId: graduate.id },
        organisationId: school.id,
        title: "Xác nhận văn bằng",
        body: "Xin xác nhận.",
        actor: { userId: graduate.id, ip: null },
        origin,
        receivedAt,
      });
      if (!opened.ok) throw new Error(opened.code);
      return opened.value;
    };
    // Monday 1 March 2027 at 09:00: 3 working days, due Thursday 4 March.
    const overdue = await open(new Date("2027-03-01T09:00:00+07:00"));
    const paused = await open(new Date("2027-03-01T09:00:00+07:00"));
    const onTime = await open(new Date("2027-03-08T09:00:00+07:00"));
    expect(overdue.dueOn).toBe("2027-03-04");
    const asked = await moveCase(t.db, {
      caseId: paused.id,
      action: "request_info",
      actor: { userId: officer.id, ip: null, role: "officer" },
      scope: { kind: "organisation", organisationId: school.id },
      note: "Vui lòng gửi giấy ủy quyền.",
      origin,
      now: new Date("2027-03-02T10:00:00+07:00"),
    });
    expect(asked.ok).toBe(true);

    const counted = async () => (await casesEscalatedTotal.get()).values.reduce((sum, v) => sum + v.value, 0);
    const before = await counted();
    const monday = new Date("2027-03-08T10:00:00+07:00");
    await runHousekeeping(t.db, monday);
    await runHousekeeping(t.db, new Date("2027-03-09T10:00:00+07:00"));

    const rows = new Map((await t.db.select().from(cases)).map((c) => [c.id, c]));
    expect(rows.get(overdue.id)!.escalatedAt).toBeTruthy();
    expect(rows.get(paused.id)!.escalatedAt).toBeNull();
    expect(rows.get(onTime.id)!.escalatedAt).toBeNull();
    const events = await t.db
      .select()
      .from(caseEvents)
      .where(and(eq(caseEvents.caseId, overdue.id), eq(caseEvents.type, "escalate")));
    expect(events).toHaveLength(1);
    expect(events[0]!.actorRole).toBe("system");
    expect(await counted()).toBe(before + 1);

    const mails = (await t.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, principal.email))).filter((m) =>
      mailText(m).includes(overdue.code),
    );
    expect(mails).toHaveLength(1);
    const notices = (await t.db.select().from(notifications).where(eq(notifications.userId, principal.id))).filter(
      (n) => (n.details as { messageKey?: string }).messageKey === "notifications.case.staff_escalated",
    );
    expect(notices.map((n) => (n.details as { code: string }).code)).toEqual([overdue.code]);
  });
});
