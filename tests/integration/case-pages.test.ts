/**
 * The staff's and the submitter's case pages (issue 12), through their loaders and actions: the officers' queue
 * (overdue first, then due today, with counts), the staff's case page and its actions within the viewer's scope (a
 * case of another school, or someone else's, is a 404 that writes nothing), a move out of order answered with the
 * Vietnamese message, files checked by their bytes, and downloads for the owner and the staff only.
 */
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { caseAttachments, caseEvents, cases, type Organisation } from "~db/schema";
import { vietnamDate } from "~/lib/format-time";
import { translate } from "~/lib/i18n";
import { moveCase } from "~/modules/cases/move-case.server";
import { openCase } from "~/modules/cases/open-case.server";
import * as adminQueue from "~/routes/admin.cases";
import * as download from "~/routes/cases.$code.attachments.$id";
import * as handlePage from "~/routes/cases.$code.handle";
import * as myCase from "~/routes/my.cases.$code";
import * as myCases from "~/routes/my.cases._index";
import * as schoolQueue from "~/routes/school.$code.cases";
import { createOrganisation } from "../support/factories";
import { callRoute, routeArgs, signedInAs } from "../support/routes";
import { testDatabaseKind, withTestDatabase } from "../support/test-database";

const origin = "https://vanbang.example.vn";
const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n");
const EXE = new TextEncoder().encode("MZ\x90\x00\x03\x00\x00\x00\x04\x00This program cannot be run in DOS mode.");
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000);

type Member = Awaited<ReturnType<typeof signedInAs>>;

/** A multipart POST with files in the field "files", as the case pages' upload forms send it. */
function multipart(
  member: Member,
  path: string,
  fields: Record<string, string>,
  files: { name: string; bytes: Uint8Array }[],
) {
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) body.append(k, v);
  for (const f of files) body.append("files", new File([new Uint8Array(f.bytes)], f.name, { type: "application/pdf" }));
  return new Request(`http://localhost${path}`, { method: "POST", headers: { cookie: member.cookie }, body });
}

describe(`case pages (${testDatabaseKind()})`, () => {
  const t = withTestDatabase({ per: "file" });
  let schoolA: Organisation;
  let schoolB: Organisation;
  let officerA: Member;
  let officerB: Member;
  let ministry: Member;
  let graduate: Member;
  let stranger: Member;

  beforeAll(async () => {
    schoolA = await createOrganisation(t.db, { kind: "school", code: "CDPAGEA" });
    schoolB = await createOrganisation(t.db, { kind: "school", code: "CDPAGEB" });
    officerA = await signedInAs(t.db, "school_registrar", schoolA);
    officerB = await signedInAs(t.db, "school_registrar", schoolB);
    ministry = await signedInAs(t.db, "ministry_admin", null);
    graduate = await signedInAs(t.db, "graduate", null);
    stranger = await signedInAs(t.db, "graduate", null);
  });

  async function open(options: {
    kind?: "certified_copy" | "confirmation" | "question";
    organisationId?: string | null;
    receivedAt?: Date;
    title?: string;
  }) {
    const opened = await openCase(t.db, {
      kind: options.kind ?? "certified_copy",
      submitter: { userId: graduate.id, name: "Nguyễn Văn An", email: graduate.email, capacity: "self" },
      organisationId: options.organisationId === undefined ? schoolA.id : options.organisationId,
      title: options.title ?? "Bản sao từ sổ gốc",
      body: "Xin cấp bản sao.",
      actor: { userId: graduate.id, ip: null },
      origin,
      receivedAt: options.receivedAt,
    });
    if (!opened.ok) throw new Error(opened.code);
    return opened.value;
  }

  const officerMove = (caseId: string, action: "request_info" | "accept" | "resolve", note = "Vui lòng bổ sung.") =>
    moveCase(t.db, {
      caseId,
      action,
      actor: { userId: officerA.id, ip: null, role: "officer" },
      scope: { kind: "organisation", organisationId: schoolA.id },
      note,
      origin,
    });

  const eventsOf = async (caseId: string) => t.db.select().from(caseEvents).where(eq(caseEvents.caseId, caseId));
  const caseRow = async (caseId: string) => (await t.db.select().from(cases).where(eq(cases.id, caseId)))[0]!;

  describe("the officers' queue", () => {
    let overdue: { id: string; code: string };
    let dueToday: { id: string; code: string };
    let later: { id: string; code: string };
    let paused: { id: string; code: string };

    beforeAll(async () => {
      // Received a month ago: a certified copy is due within a day or two, so it is overdue now.
      overdue = await open({ receivedAt: daysAgo(30), title: "Quá hạn" });
      await moveCase(t.db, {
        caseId: overdue.id,
        action: "escalate",
        actor: { userId: null, ip: null, role: "system" },
        scope: { kind: "system" },
        origin,
      });
      // Also a month ago, but waiting for the submitter: the clock is paused, so it is not overdue.
      paused = await open({ receivedAt: daysAgo(30), title: "Chờ bổ sung" });
      await officerMove(paused.id, "request_info");
      // Due today: opened now, its due day set to today (whatever weekday the test runs on).
      dueToday = await open({ title: "Đến hạn" });
      await t.db.update(cases).set({ dueOn: vietnamDate() }).where(eq(cases.id, dueToday.id));
      // A confirmation takes 3 working days: due after today.
      later = await open({ kind: "confirmation", title: "Còn hạn" });
      // Closed cases and another school's cases are not in school A's queue.
      const closed = await open({ receivedAt: daysAgo(20) });
      await officerMove(closed.id, "resolve", "Đã cấp bản sao.");
      await open({ organisationId: schoolB.id, receivedAt: daysAgo(30) });
      // A question the ministry handles.
      await open({ kind: "question", organisationId: null, title: "Câu hỏi" });
    });

    it("lists overdue first, then due today, then the rest, with the counts and the escalation marked", async () => {
      const res = await callRoute(
        schoolQueue.loader,
        routeArgs(officerA.get(`/school/${schoolA.code}/cases`), { code: schoolA.code }),
      );
      expect(res.status).toBe(200);
      const { rows, counts } = res.json;
      expect(counts).toMatchObject({ overdue: 1, dueToday: 1, open: 2, escalated: 1, total: 4 });
      expect(rows.map((r: { code: string }) => r.code)).toEqual([overdue.code, dueToday.code, paused.code, later.code]);
      expect(rows.map((r: { section: string }) => r.section)).toEqual(["overdue", "due_today", "open", "open"]);
      expect(rows[0].escalated).toBe(true);
      expect(rows[2].paused).toBe(true);
    });

    it("filters by kind and status", async () => {
      const byKind = await callRoute(
        schoolQueue.loader,
        routeArgs(officerA.get(`/school/${schoolA.code}/cases?kind=confirmation`), { code: schoolA.code }),
      );
      expect(byKind.json.rows.map((r: { code: string }) => r.code)).toEqual([later.code]);
      const byStatus = await callRoute(
        schoolQueue.loader,
        routeArgs(officerA.get(`/school/${schoolA.code}/cases?status=awaiting_submitter`), { code: schoolA.code }),
      );
      expect(byStatus.json.rows.map((r: { code: string }) => r.code)).toEqual([paused.code]);
    });

    it("another school's officer gets the same 403 as for an unknown school", async () => {
      const foreign = await callRoute(
        schoolQueue.loader,
        routeArgs(officerB.get(`/school/${schoolA.code}/cases`), { code: schoolA.code }),
      );
      const unknown = await callRoute(
        schoolQueue.loader,
        routeArgs(officerB.get("/school/NOPE/cases"), { code: "NOPE" }),
      );
      expect(foreign.status).toBe(403);
      expect(unknown.status).toBe(403);
      expect(foreign.text).toBe(unknown.text);
    });

    it("the ministry sees every handler's cases and can keep to its own", async () => {
      const all = await callRoute(adminQueue.loader, routeArgs(ministry.get("/admin/cases")));
      expect(all.json.counts.total).toBe(6);
      expect(all.json.counts.overdue).toBe(2);
      const own = await callRoute(adminQueue.loader, routeArgs(ministry.get("/admin/cases?handler=ministry")));
      expect(own.json.rows.map((r: { title: string }) => r.title)).toEqual(["Câu hỏi"]);
      const oneSchool = await callRoute(
        adminQueue.loader,
        routeArgs(ministry.get(`/admin/cases?school=${schoolB.code}`)),
      );
      expect(oneSchool.json.counts.total).toBe(1);
      const officer = await callRoute(adminQueue.loader, routeArgs(officerA.get("/admin/cases")));
      expect(officer.status).toBe(403);
    });
  });

  describe("the staff's case page", () => {
    it("shows the case with the submitter's contact and the internal notes to its officer", async () => {
      const kase = await open({});
      await moveCase(t.db, {
        caseId: kase.id,
        action: "note",
        actor: { userId: officerA.id, ip: null, role: "officer" },
        scope: { kind: "organisation", organisationId: schoolA.id },
        internalNote: "Đã gọi điện cho người nộp.",
        origin,
      });
      const res = await callRoute(
        handlePage.loader,
        routeArgs(officerA.get(`/cases/${kase.code}/handle`), { code: kase.code }),
      );
      expect(res.status).toBe(200);
      expect(res.json.kase.submitter.email).toBe(graduate.email);
      expect(res.json.actions).toEqual(expect.arrayContaining(["accept", "request_info", "resolve", "refuse"]));
      expect(res.json.actions).not.toContain("forward"); // the ministry's
      expect(res.json.timeline.some((e: { internalNote: string | null }) => e.internalNote?.includes("gọi điện"))).toBe(
        true,
      );
      // The ministry may forward a question it handles.
      const question = await open({ kind: "question", organisationId: null });
      const asMinistry = await callRoute(
        handlePage.loader,
        routeArgs(ministry.get(`/cases/${question.code}/handle`), { code: question.code }),
      );
      expect(asMinistry.json.actions).toEqual(expect.arrayContaining(["forward", "merge", "assign"]));
    });

    it("another school's officer and a graduate get a 404, like for an unknown code, and move nothing", async () => {
      const kase = await open({});
      const before = await eventsOf(kase.id);
      for (const member of [officerB, graduate]) {
        const page = await callRoute(
          handlePage.loader,
          routeArgs(member.get(`/cases/${kase.code}/handle`), { code: kase.code }),
        );
        expect(page.status).toBe(404);
        const move = await callRoute(
          handlePage.action,
          routeArgs(member.post(`/cases/${kase.code}/handle`, { intent: "accept" }), { code: kase.code }),
        );
        expect(move.status).toBe(404);
        expect(move.text).not.toContain(kase.code);
      }
      const unknown = await callRoute(
        handlePage.loader,
        routeArgs(officerB.get("/cases/DV-2020-999999/handle"), { code: "DV-2020-999999" }),
      );
      expect(unknown.status).toBe(404);
      expect(await eventsOf(kase.id)).toHaveLength(before.length);
      expect((await caseRow(kase.id)).status).toBe("received");
    });

    it("accepts, then refuses a second accept with the Vietnamese message and writes nothing", async () => {
      const kase = await open({});
      const accepted = await callRoute(
        handlePage.action,
        routeArgs(officerA.post(`/cases/${kase.code}/handle`, { intent: "accept" }), { code: kase.code }),
      );
      expect(accepted.status).toBe(302);
      expect(accepted.location).toBe(`/cases/${kase.code}/handle?notice=accept`);
      expect((await caseRow(kase.id)).status).toBe("in_progress");
      const before = await eventsOf(kase.id);
      const again = await callRoute(
        handlePage.action,
        routeArgs(officerA.post(`/cases/${kase.code}/handle`, { intent: "accept" }), { code: kase.code }),
      );
      expect(again.status).toBe(409);
      expect(again.json.formError).toBe("cases.error.not_allowed_now");
      expect(translate("vi", again.json.formError)).toMatch(/^Không thực hiện được thao tác này/);
      expect(await eventsOf(kase.id)).toHaveLength(before.length);
      // Asking for more needs a note: the form comes back with the field's message.
      const noNote = await callRoute(
        handlePage.action,
        routeArgs(officerA.post(`/cases/${kase.code}/handle`, { intent: "request_info", note: "" }), {
          code: kase.code,
        }),
      );
      expect(noNote.status).toBe(400);
      expect(noNote.json.fieldErrors.note).toBe("cases.error.note_required");
      expect((await caseRow(kase.id)).status).toBe("in_progress");
    });

    it("the officer attaches a PDF; an executable named .pdf is refused and nothing is stored", async () => {
      const kase = await open({});
      const bad = await callRoute(
        handlePage.action,
        routeArgs(
          multipart(officerA, `/cases/${kase.code}/handle`, { intent: "attach", purpose: "receipt" }, [
            { name: "bien-lai.pdf", bytes: EXE },
          ]),
          { code: kase.code },
        ),
      );
      expect(bad.status).toBe(415);
      expect(bad.json.formError).toBe("cases.error.attachment_type");
      expect(bad.json.formErrorParams.file).toBe("bien-lai.pdf");
      expect(await t.db.select().from(caseAttachments).where(eq(caseAttachments.caseId, kase.id))).toHaveLength(0);
      expect(await eventsOf(kase.id)).toHaveLength(1);
      const good = await callRoute(
        handlePage.action,
        routeArgs(
          multipart(officerA, `/cases/${kase.code}/handle`, { intent: "attach", purpose: "receipt" }, [
            { name: "bien-lai.pdf", bytes: PDF },
          ]),
          { code: kase.code },
        ),
      );
      expect(good.status).toBe(302);
      const files = await t.db.select().from(caseAttachments).where(eq(caseAttachments.caseId, kase.id));
      expect(files.map((f) => [f.fileName, f.purpose, f.mediaType])).toEqual([
        ["bien-lai.pdf", "receipt", "application/pdf"],
      ]);
    });
  });

  describe("the submitter's pages", () => {
    it("lists one's own cases only, newest first", async () => {
      const mine = await open({ title: "Của tôi mới nhất" });
      const res = await callRoute(myCases.loader, routeArgs(graduate.get("/my/cases")));
      expect(res.json.rows[0].code).toBe(mine.code);
      const theirs = await callRoute(myCases.loader, routeArgs(stranger.get("/my/cases")));
      expect(theirs.json.rows).toEqual([]);
    });

    it("supplies a file on a case waiting for them; an .exe renamed .pdf is refused first", async () => {
      const kase = await open({});
      await officerMove(kase.id, "request_info", "Vui lòng gửi giấy ủy quyền.");
      const page = await callRoute(
        myCase.loader,
        routeArgs(graduate.get(`/my/cases/${kase.code}`), { code: kase.code }),
      );
      expect(page.json.canSupply).toBe(true);
      expect(page.json.request).toBe("Vui lòng gửi giấy ủy quyền.");
      const before = await eventsOf(kase.id);
      const bad = await callRoute(
        myCase.action,
        routeArgs(
          multipart(graduate, `/my/cases/${kase.code}`, { intent: "supply_info" }, [
            { name: "uy-quyen.pdf", bytes: EXE },
          ]),
          {
            code: kase.code,
          },
        ),
      );
      expect(bad.status).toBe(415);
      expect(translate("vi", bad.json.formError, bad.json.formErrorParams)).toBe(
        'Tệp "uy-quyen.pdf" không phải PDF, PNG hoặc JPEG.',
      );
      expect((await caseRow(kase.id)).status).toBe("awaiting_submitter");
      expect(await eventsOf(kase.id)).toHaveLength(before.length);
      const good = await callRoute(
        myCase.action,
        routeArgs(
          multipart(graduate, `/my/cases/${kase.code}`, { intent: "supply_info", note: "Gửi giấy ủy quyền." }, [
            { name: "uy-quyen.pdf", bytes: PDF },
          ]),
          { code: kase.code },
        ),
      );
      expect(good.status).toBe(302);
      expect((await caseRow(kase.id)).status).toBe("in_progress");
      // The officer sees the file on the staff's page.
      const staff = await callRoute(
        handlePage.loader,
        routeArgs(officerA.get(`/cases/${kase.code}/handle`), { code: kase.code }),
      );
      expect(staff.json.attachments.map((a: { fileName: string; purpose: string }) => [a.fileName, a.purpose])).toEqual(
        [["uy-quyen.pdf", "evidence"]],
      );
    });

    it("another graduate cannot see or act on the case (404)", async () => {
      const kase = await open({});
      const page = await callRoute(
        myCase.loader,
        routeArgs(stranger.get(`/my/cases/${kase.code}`), { code: kase.code }),
      );
      expect(page.status).toBe(404);
      const withdraw = await callRoute(
        myCase.action,
        routeArgs(stranger.post(`/my/cases/${kase.code}`, { intent: "withdraw" }), { code: kase.code }),
      );
      expect(withdraw.status).toBe(404);
      expect((await caseRow(kase.id)).status).toBe("received");
    });

    it("rates a resolved case once, with stars from 1 to 5", async () => {
      const kase = await open({});
      await officerMove(kase.id, "resolve", "Đã cấp bản sao điện tử.");
      const path = `/my/cases/${kase.code}`;
      const rate = (fields: Record<string, string>) =>
        callRoute(myCase.action, routeArgs(graduate.post(path, { intent: "rate", ...fields }), { code: kase.code }));
      const none = await rate({});
      expect(none.status).toBe(400);
      expect(none.json.fieldErrors.rating).toBe("cases.error.invalid_rating");
      expect((await rate({ rating: "4", comment: "Nhanh, đúng hẹn." })).status).toBe(302);
      const again = await rate({ rating: "5" });
      expect(again.status).toBe(409);
      expect(again.json.formError).toBe("cases.error.already_rated");
      const row = await caseRow(kase.id);
      expect([row.rating, row.ratingComment]).toEqual([4, "Nhanh, đúng hẹn."]);
    });
  });

  describe("downloads", () => {
    it("serve the file to its submitter and the handling staff, and 404 to anyone else", async () => {
      const kase = await open({});
      await officerMove(kase.id, "request_info");
      await callRoute(
        myCase.action,
        routeArgs(
          multipart(graduate, `/my/cases/${kase.code}`, { intent: "supply_info" }, [
            { name: "Giấy tờ.pdf", bytes: PDF },
          ]),
          {
            code: kase.code,
          },
        ),
      );
      const [file] = await t.db.select().from(caseAttachments).where(eq(caseAttachments.caseId, kase.id));
      const get = (member: Member, code = kase.code, id = file!.id) =>
        callRoute(download.loader, routeArgs(member.get(`/cases/${code}/attachments/${id}`), { code, id }));
      for (const member of [graduate, officerA, ministry]) {
        const res = await get(member);
        expect(res.status).toBe(200);
        expect(res.headers.get("content-type")).toBe("application/pdf");
        expect(res.headers.get("content-disposition")).toContain("attachment");
        expect(res.headers.get("x-content-type-options")).toBe("nosniff");
        expect(res.bytes).toEqual(PDF);
      }
      for (const member of [stranger, officerB]) expect((await get(member)).status).toBe(404);
      // The right file under another case's code is not served either.
      const other = await open({});
      expect((await get(graduate, other.code)).status).toBe(404);
      expect((await get(graduate, kase.code, "not-a-uuid")).status).toBe(404);
    });
  });
});
