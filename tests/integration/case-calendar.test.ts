/**
 * The working-day calendar and the kinds' settings (issue 12): the ministry administrator adds, changes and deletes
 * days off and make-up days, seeds a year's public holidays from date-holidays (leaving the days entered by hand),
 * and sets each kind's deadline and fee; deadlines of new cases count on them. Each change is audited; bad input is
 * refused with a message and writes nothing; other roles get 403.
 */
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, calendarDays, caseKindSettings } from "~db/schema";
import { createSession } from "~/lib/session.server";
import { openCase } from "~/modules/cases/open-case.server";
import * as calendarRoute from "~/routes/admin.calendar";
import * as settingsRoute from "~/routes/admin.case-settings";
import { createOrganisation } from "../support/factories";
import { createMember } from "../support/members";
import { callRoute, routeArgs } from "../support/routes";
import { testDatabaseKind, withTestDatabase } from "../support/test-database";

describe(`working-day calendar and kind settings (${testDatabaseKind()})`, () => {
  const t = withTestDatabase();
  const post = (path: string, fields: Record<string, string>, cookie: string) =>
    new Request(`http://localhost${path}`, { method: "POST", headers: { cookie }, body: new URLSearchParams(fields) });
  const get = (path: string, cookie: string) => new Request(`http://localhost${path}`, { headers: { cookie } });
  async function signedIn(role: "ministry_admin" | "school_admin") {
    const org = role === "school_admin" ? await createOrganisation(t.db, { kind: "school", code: "CDCAL" }) : null;
    const member = await createMember(t.db, role, org);
    const { setCookie } = await createSession(t.db, { userId: member.id, ip: null, userAgent: "vitest" });
    return { ...member, cookie: setCookie.split(";")[0]! };
  }
  const audits = (action: string) => t.db.select().from(auditLog).where(eq(auditLog.action, action));

  it("adds, changes and deletes a day, each audited; bad input and other roles are refused", async () => {
    const admin = await signedIn("ministry_admin");
    const save = (fields: Record<string, string>) =>
      callRoute(calendarRoute.action, routeArgs(post("/admin/calendar", { intent: "save", ...fields }, admin.cookie)));
    const added = await save({ day: "2027-02-10", kind: "holiday", name: "Nghỉ Tết thêm" });
    expect(added.status).toBe(302);
    expect(added.location).toBe("/admin/calendar?year=2027&saved=2027-02-10");
    const changed = await save({ day: "2027-02-10", kind: "holiday", name: "Nghỉ Tết (bù)" });
    expect(changed.status).toBe(302);
    await save({ day: "2027-02-20", kind: "working", name: "Làm bù thứ Bảy" });
    const page = await callRoute(calendarRoute.loader, routeArgs(get("/admin/calendar?year=2027", admin.cookie)));
    expect(page.json.days).toEqual([
      { day: "2027-02-10", kind: "holiday", name: "Nghỉ Tết (bù)", weekend: false },
      { day: "2027-02-20", kind: "working", name: "Làm bù thứ Bảy", weekend: true },
    ]);
    expect((await audits("calendar.save-day")).map((a) => (a.details as { created: boolean }).created)).toEqual([
      true,
      false,
      true,
    ]);

    const bad = await save({ day: "2027-02-30", kind: "sometimes", name: "x" });
    expect(bad.status).toBe(400);
    expect(bad.json.fieldErrors).toEqual({
      day: "casePublic.calendar.validation.day",
      kind: "casePublic.calendar.validation.kind",
      name: "casePublic.calendar.validation.name",
    });
    expect(bad.json.values.name).toBe("x");

    const del = (day: string) =>
      callRoute(calendarRoute.action, routeArgs(post("/admin/calendar", { intent: "delete", day }, admin.cookie)));
    expect((await del("2027-02-20")).status).toBe(302);
    expect((await del("2027-02-20")).status).toBe(404);
    expect(await t.db.select().from(calendarDays)).toHaveLength(1);
    expect(await audits("calendar.delete-day")).toHaveLength(1);

    const school = await signedIn("school_admin");
    expect((await callRoute(calendarRoute.loader, routeArgs(get("/admin/calendar", school.cookie)))).status).toBe(403);
    const foreign = await callRoute(
      calendarRoute.action,
      routeArgs(
        post("/admin/calendar", { intent: "save", day: "2027-03-01", kind: "holiday", name: "Không" }, school.cookie),
      ),
    );
    expect(foreign.status).toBe(403);
    expect(await t.db.select().from(calendarDays)).toHaveLength(1);
  });

  it("seeds a year's public holidays (Tết's days, 2 September), not observances, and keeps days entered by hand", async () => {
    const admin = await signedIn("ministry_admin");
    await t.db.insert(calendarDays).values({ day: "2027-02-08", kind: "holiday", name: "Nhập tay" });
    const seed = () =>
      callRoute(
        calendarRoute.action,
        routeArgs(post("/admin/calendar", { intent: "seed", year: "2027" }, admin.cookie)),
      );
    const first = await seed();
    expect(first.status).toBe(302);
    const days = new Map((await t.db.select().from(calendarDays)).map((d) => [d.day, d]));
    for (const day of [
      "2027-01-01",
      "2027-02-05",
      "2027-02-06",
      "2027-02-09",
      "2027-04-30",
      "2027-05-01",
      "2027-09-02",
    ])
      expect(days.get(day)?.kind, day).toBe("holiday");
    expect(days.get("2027-02-08")!.name).toBe("Nhập tay");
    expect(days.has("2027-03-08")).toBe(false); // an observance (Women's day), a working day
    const created = Number(new URL(first.location!, "http://x").searchParams.get("created"));
    expect(created).toBe(days.size - 1);
    const second = await seed();
    expect(new URL(second.location!, "http://x").searchParams.get("created")).toBe("0");
    expect(await audits("calendar.seed-year")).toHaveLength(2);
    const badYear = await callRoute(
      calendarRoute.action,
      routeArgs(post("/admin/calendar", { intent: "seed", year: "1999" }, admin.cookie)),
    );
    expect(badYear.status).toBe(400);
    expect(badYear.json.fieldErrors.year).toBe("casePublic.calendar.validation.year");

    // A certified copy asked on Thursday 4 Feb 2027 after 15:00 is due on the first working day after Tết.
    const school = await createOrganisation(t.db, { kind: "school", code: "CDTET" });
    const graduate = await createMember(t.db, "graduate", null);
    const opened = await openCase(t.db, {
      kind: "certified_copy",
      submitter: { userId: graduate.id },
      organisationId: school.id,
      title: "Bản sao",
      body: "Xin bản sao.",
      actor: { userId: graduate.id, ip: null },
      origin: "https://vanbang.example.vn",
      receivedAt: new Date("2027-02-04T16:00:00+07:00"),
    });
    expect(opened.ok && opened.value.dueOn).toBe("2027-02-10");
  });

  it("sets a kind's deadline and fee, which new cases use; bad values are refused", async () => {
    const admin = await signedIn("ministry_admin");
    const save = (fields: Record<string, string>) =>
      callRoute(settingsRoute.action, routeArgs(post("/admin/case-settings", fields, admin.cookie)));
    const before = await callRoute(settingsRoute.loader, routeArgs(get("/admin/case-settings", admin.cookie)));
    expect(before.json.settings.find((s: { kind: string }) => s.kind === "confirmation")).toMatchObject({
      deadlineWorkingDays: 3,
      feeVnd: 0,
      changed: false,
    });
    const saved = await save({ kind: "confirmation", deadlineWorkingDays: "5", feeVnd: "50000" });
    expect(saved.location).toBe("/admin/case-settings?saved=1");
    const unchanged = await save({ kind: "confirmation", deadlineWorkingDays: "5", feeVnd: "50000" });
    expect(unchanged.location).toBe("/admin/case-settings?saved=0");
    expect(await audits("case-settings.update")).toHaveLength(1);
    const bad = await save({ kind: "confirmation", deadlineWorkingDays: "-1", feeVnd: "lots" });
    expect(bad.status).toBe(400);
    expect(bad.json.fieldErrors).toEqual({
      deadlineWorkingDays: "casePublic.settings.validation.days",
      feeVnd: "casePublic.settings.validation.fee",
    });
    expect((await save({ kind: "nonsense", deadlineWorkingDays: "1", feeVnd: "0" })).status).toBe(400);
    const [row] = await t.db
      .select()
      .from(caseKindSettings)
      .where(and(eq(caseKindSettings.kind, "confirmation")));
    expect(row).toMatchObject({ deadlineWorkingDays: 5, feeVnd: 50000 });

    const school = await createOrganisation(t.db, { kind: "school", code: "CDFEE" });
    const graduate = await createMember(t.db, "graduate", null);
    const opened = await openCase(t.db, {
      kind: "confirmation",
      submitter: { userId: graduate.id },
      organisationId: school.id,
      title: "Xác nhận",
      body: "Xin xác nhận văn bằng.",
      actor: { userId: graduate.id, ip: null },
      origin: "https://vanbang.example.vn",
      receivedAt: new Date("2027-06-07T09:00:00+07:00"), // Monday
    });
    expect(opened.ok && opened.value.dueOn).toBe("2027-06-14");
    expect(opened.ok && opened.value.details.feeVnd).toBe(50000);
  });
});
