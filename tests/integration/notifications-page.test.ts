/**
 * /notifications (issue 12): every signed-in person sees their notices, the case core's (in words, with a link to the
 * case) and the jobs' (with their usual labels), marks them all read, and the header counts the unread ones.
 */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { notifications } from "~db/schema";
import { createSession } from "~/lib/session.server";
import { notify } from "~/modules/jobs/saved-searches.server";
import * as notificationsRoute from "~/routes/notifications";
import * as rootRoute from "~/root";
import { createMember } from "../support/members";
import { callRoute, routeArgs } from "../support/routes";
import { testDatabaseKind, withTestDatabase } from "../support/test-database";

describe(`notifications page (${testDatabaseKind()})`, () => {
  const t = withTestDatabase();
  const get = (path: string, cookie?: string) =>
    new Request(`http://localhost${path}`, { headers: cookie ? { cookie } : {} });

  it("lists case and job notices, marks them read, and the header counts the unread ones", async () => {
    const member = await createMember(t.db, "graduate", null);
    const other = await createMember(t.db, "graduate", null);
    const { setCookie } = await createSession(t.db, { userId: member.id, ip: null, userAgent: "vitest" });
    const cookie = setCookie.split(";")[0]!;
    await notify(t.db, {
      userId: member.id,
      kind: "case",
      details: { messageKey: "notifications.case.resolved", code: "DV-2027-000001", link: "/cases/DV-2027-000001" },
    });
    await notify(t.db, {
      userId: member.id,
      kind: "case",
      details: { messageKey: "notifications.case.nonsense", code: "X", link: "https://evil.example/" },
    });
    await notify(t.db, {
      userId: member.id,
      kind: "invitation",
      details: { title: "Kỹ thuật viên điện", company: "Công ty Điện Lực" },
    });
    await notify(t.db, {
      userId: other.id,
      kind: "case",
      details: { messageKey: "notifications.case.submitted", code: "Z" },
    });

    const root = await callRoute(rootRoute.loader, routeArgs(get("/", cookie)));
    expect(root.json.unreadNotifications).toBe(3);
    expect((await callRoute(rootRoute.loader, routeArgs(get("/")))).json.unreadNotifications).toBe(0);

    const page = await callRoute(notificationsRoute.loader, routeArgs(get("/notifications", cookie)));
    expect(page.status).toBe(200);
    expect(page.json.notices).toEqual([
      expect.objectContaining({ kind: "job", jobKind: "invitation", title: "Kỹ thuật viên điện", unread: true }),
      expect.objectContaining({
        kind: "case",
        messageKey: "notifications.case.resolved",
        code: "DV-2027-000001",
        link: "/cases/DV-2027-000001",
        unread: true,
      }),
    ]);
    expect(page.text).not.toContain("evil.example");

    const marked = await callRoute(
      notificationsRoute.action,
      routeArgs(new Request("http://localhost/notifications", { method: "POST", headers: { cookie } })),
    );
    expect(marked.status).toBe(302);
    const mine = await t.db.select().from(notifications).where(eq(notifications.userId, member.id));
    expect(mine.every((n) => n.readAt !== null)).toBe(true);
    const theirs = await t.db.select().from(notifications).where(eq(notifications.userId, other.id));
    expect(theirs.every((n) => n.readAt === null)).toBe(true);
    expect((await callRoute(rootRoute.loader, routeArgs(get("/", cookie)))).json.unreadNotifications).toBe(0);

    const anonymous = await callRoute(notificationsRoute.loader, routeArgs(get("/notifications")));
    expect(anonymous.status).toBe(302);
    expect(anonymous.location).toMatch(/^\/sign-in/);
  });
});
