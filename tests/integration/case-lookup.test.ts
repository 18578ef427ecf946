/**
 * The public status lookup (issue 12): /cases reads a loosely typed code, /cases/{code} and GET /api/v1/cases/{code}
 * show the status and the public timeline with no personal data (no name, e-mail, phone, request text, internal
 * note or who acted), an unknown code is a 404, a malformed one a 400 (API), and the submitter gets a link to their
 * own page.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Case, Organisation } from "~db/schema";
import { createSession } from "~/lib/session.server";
import { moveCase } from "~/modules/cases/move-case.server";
import { openCase } from "~/modules/cases/open-case.server";
import * as lookupRoute from "~/routes/cases._index";
import * as casePage from "~/routes/cases.$code._index";
import * as caseApi from "~/routes/api.v1.cases.$code";
import { createOrganisation } from "../support/factories";
import { createMember } from "../support/members";
import { callRoute, routeArgs } from "../support/routes";
import { testDatabaseKind, withTestDatabase } from "../support/test-database";

const origin = "https://vanbang.example.vn";

describe(`public case lookup (${testDatabaseKind()})`, () => {
  const t = withTestDatabase({ per: "file" });
  let school: Organisation;
  let kase: Case;
  let graduate: { id: string; email: string; cookie: string };
  let stranger: { cookie: string };
  const get = (path: string, cookie?: string) =>
    new Request(`http://localhost${path}`, { headers: cookie ? { cookie } : {} });

  async function signedIn(role: "graduate" | "school_registrar", org: Organisation | null) {
    const member = await createMember(t.db, role, org);
    const { setCookie } = await createSession(t.db, { userId: member.id, ip: null, userAgent: "vitest" });
    return { ...member, cookie: setCookie.split(";")[0]! };
  }

  beforeAll(async () => {
    school = await createOrganisation(t.db, { kind: "school", code: "CDLOOK", name: "Trường Cao đẳng Tra Cứu" });
    graduate = await signedIn("graduate", null);
    stranger = await signedIn("graduate", null);
    const officer = await signedIn("school_registrar", school);
    const opened = await openCase(t.db, {
      kind: "certified_copy",
      submitter: { userId: graduate.id, name: "Nguyễn Văn Riêng", phone: "0912345678", capacity: "self" },
      organisationId: school.id,
      title: "Bản sao từ sổ gốc",
      body: "Nội dung riêng tư của yêu cầu.",
      actor: { userId: graduate.id, ip: null },
      origin,
    });
    if (!opened.ok) throw new Error(opened.code);
    const moved = await moveCase(t.db, {
      caseId: opened.value.id,
      action: "request_info",
      actor: { userId: officer.id, ip: null, role: "officer" },
      scope: { kind: "organisation", organisationId: school.id },
      note: "Vui lòng gửi giấy tờ tùy thân.",
      internalNote: "Ghi chú nội bộ bí mật",
      origin,
    });
    if (!moved.ok) throw new Error(moved.code);
    kase = moved.value.case;
  });

  it("the form takes a code typed with spaces and lowercase to its page; nonsense stays with a message", async () => {
    const loose = kase.code.toLowerCase().replace(/-/g, " ");
    const answer = await callRoute(lookupRoute.loader, routeArgs(get(`/cases?code=${encodeURIComponent(loose)}`)));
    expect(answer.status).toBe(302);
    expect(answer.location).toBe(`/cases/${kase.code}`);
    const bad = await callRoute(lookupRoute.loader, routeArgs(get("/cases?code=hello")));
    expect(bad.status).toBe(400);
    expect(bad.json).toMatchObject({ invalid: true, typed: "hello" });
    const loosePage = await callRoute(casePage.loader, routeArgs(get(`/cases/${loose}`), { code: loose }));
    expect(loosePage.status).toBe(301);
  });

  it("the page shows status, handler, deadline and the public timeline, and no personal data", async () => {
    const page = await callRoute(casePage.loader, routeArgs(get(`/cases/${kase.code}`), { code: kase.code }));
    expect(page.status).toBe(200);
    expect(page.json.kase).toMatchObject({
      code: kase.code,
      kind: "certified_copy",
      status: "awaiting_submitter",
      organisation: { code: "CDLOOK", name: "Trường Cao đẳng Tra Cứu" },
      deadline: "paused",
      dueOn: kase.dueOn,
    });
    expect(page.json.kase.timeline.map((e: { type: string }) => e.type)).toEqual(["submitted", "request_info"]);
    expect(page.json.kase.timeline[1].note).toBe("Vui lòng gửi giấy tờ tùy thân.");
    expect(page.json.qr).toMatch(/^data:image\/svg\+xml/);
    expect(page.json.mine).toBe(false);
    for (const secret of [
      "Nguyễn Văn Riêng",
      "0912345678",
      graduate.email,
      "Nội dung riêng tư",
      "Ghi chú nội bộ",
      graduate.id,
    ])
      expect(page.text).not.toContain(secret);
    const unknown = await callRoute(
      casePage.loader,
      routeArgs(get("/cases/DV-2020-999999"), { code: "DV-2020-999999" }),
    );
    expect(unknown.status).toBe(404);
  });

  it("the submitter, signed in, gets a link to their own page; someone else does not", async () => {
    const mine = await callRoute(
      casePage.loader,
      routeArgs(get(`/cases/${kase.code}`, graduate.cookie), { code: kase.code }),
    );
    expect(mine.json.mine).toBe(true);
    const theirs = await callRoute(
      casePage.loader,
      routeArgs(get(`/cases/${kase.code}`, stranger.cookie), { code: kase.code }),
    );
    expect(theirs.json.mine).toBe(false);
  });

  it("the API answers the same as JSON, 404 for an unknown code and 400 for a malformed one", async () => {
    const api = await callRoute(caseApi.loader, routeArgs(get(`/api/v1/cases/${kase.code}`), { code: kase.code }));
    expect(api.status).toBe(200);
    expect(api.headers.get("access-control-allow-origin")).toBe("*");
    expect(api.json).toMatchObject({ code: kase.code, kind: "certified_copy", status: "awaiting_submitter" });
    expect(api.json.timeline).toEqual([
      { at: expect.any(String), type: "submitted", toStatus: "received", note: null },
      {
        at: expect.any(String),
        type: "request_info",
        toStatus: "awaiting_submitter",
        note: "Vui lòng gửi giấy tờ tùy thân.",
      },
    ]);
    for (const secret of ["Nguyễn Văn Riêng", "0912345678", graduate.email, "Nội dung riêng tư", "nội bộ"])
      expect(api.text).not.toContain(secret);
    const missing = await callRoute(
      caseApi.loader,
      routeArgs(get("/api/v1/cases/PA-2020-000001"), { code: "PA-2020-000001" }),
    );
    expect(missing.status).toBe(404);
    expect(missing.json).toMatchObject({ code: "not_found" });
    const malformed = await callRoute(
      caseApi.loader,
      routeArgs(get("/api/v1/cases/%3Cscript%3E"), { code: "<script>" }),
    );
    expect(malformed.status).toBe(400);
    expect(malformed.json).toMatchObject({ code: "invalid_code" });
  });
});
