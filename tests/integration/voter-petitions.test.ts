/**
 * Voters' petitions (issue 12): the ministry enters them with the deputy, province, session and letter; only the
 * ministry may; the per-session report counts the answers given before the session opened and after, on the page
 * and in its CSV.
 */
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { caseAttachments, cases } from "~db/schema";
import { createSession } from "~/lib/session.server";
import { answerFeedbackCase } from "~/modules/feedback/answer.server";
import { ensureMinistryKey } from "~/modules/keys/ensure-ministry-key.server";
import * as csvRoute from "~/routes/admin.voter-petitions[.]csv";
import * as pageRoute from "~/routes/admin.voter-petitions";
import { createMember } from "../support/members";
import { callRoute, routeArgs } from "../support/routes";
import { testDatabaseKind, withTestDatabase } from "../support/test-database";

const origin = "http://localhost";
const PDF = new TextEncoder().encode("%PDF-1.4\n%%EOF\n");

describe(`voters' petitions (${testDatabaseKind()})`, () => {
  const t = withTestDatabase({ per: "file" });
  let admin: { id: string; cookie: string };
  let registrarCookie: string;

  beforeAll(async () => {
    await ensureMinistryKey(t.db);
    const a = await createMember(t.db, "ministry_admin", null);
    admin = {
      id: a.id,
      cookie: (await createSession(t.db, { userId: a.id, ip: null, userAgent: "t" })).setCookie.split(";")[0]!,
    };
    const g = await createMember(t.db, "graduate", null);
    registrarCookie = (await createSession(t.db, { userId: g.id, ip: null, userAgent: "t" })).setCookie.split(";")[0]!;
  });

  function enter(cookie: string, fields: Record<string, string>, letter?: Uint8Array) {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    if (letter) form.append("letter", new Blob([new Uint8Array(letter)], { type: "application/pdf" }), "cong-van.pdf");
    return callRoute(
      pageRoute.action,
      routeArgs(new Request(`${origin}/admin/voter-petitions`, { method: "POST", headers: { cookie }, body: form })),
    );
  }

  const petition = (title: string) => ({
    deputy: "Đoàn đại biểu Quốc hội tỉnh Nghệ An",
    province: "Nghệ An",
    session: "xv-10",
    sessionOpensOn: "2026-10-20",
    topic: "diplomas",
    title,
    body: "Cử tri đề nghị Bộ sớm triển khai văn bằng điện tử cho người học giáo dục nghề nghiệp.",
  });

  async function codeOf(location: string | null) {
    const code = new URL(location!, origin).searchParams.get("entered")!;
    const [row] = await t.db.select().from(cases).where(eq(cases.code, code));
    return row!;
  }

  it("only the ministry enters them; bad input is refused", async () => {
    const stranger = await enter(registrarCookie, petition("Văn bằng điện tử"));
    expect([302, 403]).toContain(stranger.status);
    expect(stranger.location ?? "").not.toContain("entered=");
    const bad = await enter(admin.cookie, { ...petition("Văn bằng điện tử"), session: "kỳ 10", sessionOpensOn: "" });
    expect(bad.status).toBe(400);
    expect(bad.json.fieldErrors).toMatchObject({
      session: "feedback.error.session",
      sessionOpensOn: "feedback.error.sessionOpensOn",
    });
    expect(await t.db.select().from(cases).where(eq(cases.kind, "voter_petition"))).toHaveLength(0);
  });

  it("counts answers before and after the session opened, on the page and in the CSV", async () => {
    const first = await codeOf((await enter(admin.cookie, petition("Văn bằng điện tử"), PDF)).location);
    expect(first).toMatchObject({ kind: "voter_petition", assemblySession: "XV-10", organisationId: null });
    expect(first.code).toMatch(/^CT-/);
    expect(await t.db.select().from(caseAttachments).where(eq(caseAttachments.caseId, first.id))).toHaveLength(1);
    const second = await codeOf((await enter(admin.cookie, petition("Học phí trung cấp"))).location);
    await enter(admin.cookie, petition("Nhà giáo thực hành"));
    const ministry = {
      userId: admin.id,
      role: "ministry" as const,
      scope: { kind: "ministry" as const },
      organisationId: null,
    };
    const answer = (caseId: string, day: string) =>
      answerFeedbackCase(t.db, {
        caseId,
        viewer: ministry,
        answer: "Bộ đã ban hành kế hoạch triển khai văn bằng điện tử.",
        origin,
        ip: null,
        now: new Date(`${day}T10:00:00+07:00`),
      });
    expect((await answer(first.id, "2026-10-01")).ok).toBe(true);
    expect((await answer(second.id, "2026-10-25")).ok).toBe(true);

    const page = await callRoute(
      pageRoute.loader,
      routeArgs(new Request(`${origin}/admin/voter-petitions`, { headers: { cookie: admin.cookie } })),
    );
    expect(page.json.reports[0]).toMatchObject({
      session: "XV-10",
      opensOn: "2026-10-20",
      total: 3,
      answeredBefore: 1,
      answeredAfter: 1,
      open: 1,
    });
    const csv = await callRoute(
      csvRoute.loader,
      routeArgs(new Request(`${origin}/admin/voter-petitions.csv`, { headers: { cookie: admin.cookie } })),
    );
    expect(csv.headers.get("content-type")).toContain("text/csv");
    expect(csv.text).toContain("XV-10,2026-10-20,3,1,1,1");
  });
});
