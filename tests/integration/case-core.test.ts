/**
 * The case core (issue 12): a case opens with a code and a working-day deadline, moves through the state machine in
 * one transaction with its timeline event and audit row, pauses its clock while waiting for the submitter, refuses
 * moves out of order and cases outside one's scope (404 either way), and tells the submitter and the staff.
 */
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, calendarDays, caseEvents, cases, mailOutbox, notifications, type Organisation } from "~db/schema";
import { moveCase } from "~/modules/cases/move-case.server";
import { openCase } from "~/modules/cases/open-case.server";
import { mailText } from "../support/mail";
import { createOrganisation } from "../support/factories";
import { createMember } from "../support/members";
import { testDatabaseKind, withTestDatabase } from "../support/test-database";

const origin = "https://vanbang.example.vn";
const vn = (day: string, hour: number) => new Date(`${day}T${String(hour).padStart(2, "0")}:00:00+07:00`);

describe(`case core (${testDatabaseKind()})`, () => {
  const t = withTestDatabase({ per: "file" });
  let school: Organisation;
  let otherSchool: Organisation;
  let graduate: { id: string; email: string };
  let officer: { id: string; email: string };
  let principal: { id: string; email: string };

  beforeAll(async () => {
    school = await createOrganisation(t.db, { kind: "school", code: "CDCASE", name: "Trường Cao đẳng CDCASE" });
    otherSchool = await createOrganisation(t.db, { kind: "school", code: "CDCASX", name: "Trường Cao đẳng CDCASX" });
    graduate = await createMember(t.db, "graduate", null);
    officer = await createMember(t.db, "school_registrar", school);
    principal = await createMember(t.db, "school_principal", school);
    // A holiday on Tuesday 2 Feb 2027.
    await t.db.insert(calendarDays).values({ day: "2027-02-02", kind: "holiday", name: "Nghỉ thử" });
  });

  async function openCopyRequest(receivedAt: Date) {
    const opened = await openCase(t.db, {
      kind: "certified_copy",
      submitter: { userId: graduate.id, name: "Nguyễn Văn An", capacity: "self" },
      organisationId: school.id,
      title: "Bản sao từ sổ gốc",
      body: "Xin cấp 2 bản sao.",
      actor: { userId: graduate.id, ip: "203.0.113.5" },
      origin,
      receivedAt,
    });
    if (!opened.ok) throw new Error(opened.code);
    return opened.value;
  }

  it("opens with a code, a deadline on the calendar, an event, an audit row, a mail and notices", async () => {
    // Monday 1 Feb 2027 at 16:00, after the 15:00 cut-off: due the next working day, skipping the holiday → Wed 3.
    const kase = await openCopyRequest(vn("2027-02-01", 16));
    expect(kase.code).toMatch(/^DV-2027-\d{6}$/);
    expect(kase.dueOn).toBe("2027-02-03");
    expect(kase.status).toBe("received");
    const events = await t.db.select().from(caseEvents).where(eq(caseEvents.caseId, kase.id));
    expect(events.map((e) => e.type)).toEqual(["submitted"]);
    const audit = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, kase.id), eq(auditLog.action, "case.open")));
    expect(audit).toHaveLength(1);
    const mails = await t.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, graduate.email));
    expect(mails.some((m) => mailText(m).includes(kase.code))).toBe(true);
    const staffNotices = await t.db.select().from(notifications).where(eq(notifications.userId, officer.id));
    expect(staffNotices.some((n) => (n.details as { code?: string }).code === kase.code)).toBe(true);
    // A second case gets the next number.
    const next = await openCopyRequest(vn("2027-02-01", 16));
    expect(Number(next.code.slice(-6))).toBe(Number(kase.code.slice(-6)) + 1);
  });

  it("pauses the clock while waiting for the submitter and moves the due day on by the days waited", async () => {
    const kase = await openCopyRequest(vn("2027-02-03", 9)); // due Wed 3 Feb
    expect(kase.dueOn).toBe("2027-02-03");
    const officerActor = { userId: officer.id, ip: null, role: "officer" as const };
    const scope = { kind: "organisation" as const, organisationId: school.id };
    const asked = await moveCase(t.db, {
      caseId: kase.id,
      action: "request_info",
      actor: officerActor,
      scope,
      note: "Vui lòng gửi giấy ủy quyền.",
      origin,
      now: vn("2027-02-03", 10),
    });
    expect(asked.ok && asked.value.case.status).toBe("awaiting_submitter");
    expect(asked.ok && asked.value.case.pausedAt).toBeTruthy();
    // The submitter answers on Fri 5 Feb: two working days waited (4 and 5 Feb), so the due day moves 3 → 5 Feb.
    const supplied = await moveCase(t.db, {
      caseId: kase.id,
      action: "supply_info",
      actor: { userId: graduate.id, ip: null, role: "submitter" },
      scope: { kind: "submitter", userId: graduate.id },
      origin,
      now: vn("2027-02-05", 11),
    });
    expect(supplied.ok).toBe(true);
    if (!supplied.ok) return;
    expect(supplied.value.case.status).toBe("in_progress");
    expect(supplied.value.case.pausedAt).toBeNull();
    expect(supplied.value.case.dueOn).toBe("2027-02-05");
  });

  it("refuses a move out of order and a case outside one's scope, writing nothing", async () => {
    const kase = await openCopyRequest(vn("2027-02-03", 9));
    const before = await t.db.select().from(caseEvents).where(eq(caseEvents.caseId, kase.id));
    const outOfOrder = await moveCase(t.db, {
      caseId: kase.id,
      action: "supply_info",
      actor: { userId: graduate.id, ip: null, role: "submitter" },
      scope: { kind: "submitter", userId: graduate.id },
      origin,
    });
    expect(outOfOrder).toMatchObject({ ok: false, code: "not_allowed_now" });
    const foreignOfficer = await createMember(t.db, "school_registrar", otherSchool);
    const foreign = await moveCase(t.db, {
      caseId: kase.id,
      action: "accept",
      actor: { userId: foreignOfficer.id, ip: null, role: "officer" },
      scope: { kind: "organisation", organisationId: otherSchool.id },
      origin,
    });
    expect(foreign).toMatchObject({ ok: false, code: "not_found" });
    const stranger = await createMember(t.db, "graduate", null);
    const notMine = await moveCase(t.db, {
      caseId: kase.id,
      action: "withdraw",
      actor: { userId: stranger.id, ip: null, role: "submitter" },
      scope: { kind: "submitter", userId: stranger.id },
      origin,
    });
    expect(notMine).toMatchObject({ ok: false, code: "not_found" });
    const after = await t.db.select().from(caseEvents).where(eq(caseEvents.caseId, kase.id));
    expect(after).toHaveLength(before.length);
    const [row] = await t.db.select().from(cases).where(eq(cases.id, kase.id));
    expect(row!.status).toBe("received");
  });

  it("closes late when resolved after the due day, and the submitter rates it once", async () => {
    const kase = await openCopyRequest(vn("2027-02-03", 9)); // due 3 Feb
    const scope = { kind: "organisation" as const, organisationId: school.id };
    const resolved = await moveCase(t.db, {
      caseId: kase.id,
      action: "resolve",
      actor: { userId: officer.id, ip: null, role: "officer" },
      scope,
      note: "Đã cấp bản sao điện tử.",
      outcome: "delivered_electronic",
      origin,
      now: vn("2027-02-04", 9),
    });
    expect(resolved.ok && resolved.value.case.closedLate).toBe(true);
    const submitterScope = { kind: "submitter" as const, userId: graduate.id };
    const rate = (rating: number) =>
      moveCase(t.db, {
        caseId: kase.id,
        action: "rate",
        actor: { userId: graduate.id, ip: null, role: "submitter" },
        scope: submitterScope,
        rating,
        origin,
      });
    expect(await rate(7)).toMatchObject({ ok: false, code: "invalid_rating" });
    expect((await rate(4)).ok).toBe(true);
    expect(await rate(5)).toMatchObject({ ok: false, code: "already_rated" });
    const [row] = await t.db.select().from(cases).where(eq(cases.id, kase.id));
    expect(row!.rating).toBe(4);
  });

  it("an escalation tells the school's head by mail", async () => {
    const kase = await openCopyRequest(vn("2027-02-03", 9));
    const escalated = await moveCase(t.db, {
      caseId: kase.id,
      action: "escalate",
      actor: { userId: null, ip: null, role: "system" },
      scope: { kind: "system" },
      origin,
    });
    expect(escalated.ok && escalated.value.case.escalatedAt).toBeTruthy();
    const mails = await t.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, principal.email));
    expect(mails.some((m) => mailText(m).includes(kase.code))).toBe(true);
    const officerMails = await t.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, officer.email));
    expect(officerMails.some((m) => mailText(m).includes(kase.code) && /quá hạn/.test(mailText(m)))).toBe(false);
  });

  it("a kind that needs an account refuses an anonymous submitter", async () => {
    const opened = await openCase(t.db, {
      kind: "certified_copy",
      submitter: { userId: null, name: "X", email: "x@example.vn" },
      organisationId: school.id,
      title: "t",
      body: "b",
      actor: { userId: null, ip: null },
      origin,
    });
    expect(opened).toMatchObject({ ok: false, code: "identity_required" });
  });
});
