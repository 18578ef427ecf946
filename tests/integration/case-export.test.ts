/**
 * The export of cases for a national one-stop system (issue 12, docs/case-export.md): a ministry administrator pages
 * through a period's cases with a cursor, oldest first, each once; personal data only for the kinds that require a
 * known applicant (services), never the request's text; other people get 401/403, bad queries 400.
 */
import { describe, expect, it } from "vitest";
import { getEnv } from "~/lib/env.server";
import { createSession } from "~/lib/session.server";
import { openCase, type OpenCaseOptions } from "~/modules/cases/open-case.server";
import * as exportRoute from "~/routes/api.v1.cases-export";
import { createOrganisation } from "../support/factories";
import { createMember } from "../support/members";
import { callRoute, routeArgs } from "../support/routes";
import { testDatabaseKind, withTestDatabase } from "../support/test-database";

describe(`cases export (${testDatabaseKind()})`, () => {
  const t = withTestDatabase();
  const get = (query: string, cookie?: string) =>
    new Request(`http://localhost/api/v1/cases-export?${query}`, { headers: cookie ? { cookie } : {} });
  async function signedIn(role: "ministry_admin" | "school_admin") {
    const org = role === "school_admin" ? await createOrganisation(t.db, { kind: "school", code: "CDEXA" }) : null;
    const member = await createMember(t.db, role, org);
    const { setCookie } = await createSession(t.db, { userId: member.id, ip: null, userAgent: "vitest" });
    return setCookie.split(";")[0]!;
  }

  it("pages through a period's cases with a cursor, with personal data only for services", async () => {
    const school = await createOrganisation(t.db, { kind: "school", code: "CDEXP", name: "Trường Cao đẳng Xuất" });
    const graduate = await createMember(t.db, "graduate", null);
    const open = async (
      options: Partial<OpenCaseOptions> & Pick<OpenCaseOptions, "kind" | "submitter">,
      at: string,
    ) => {
      const opened = await openCase(t.db, {
        organisationId: school.id,
        title: "Tiêu đề riêng tư",
        body: "Nội dung riêng tư của người nộp.",
        actor: { userId: null, ip: null },
        origin: "https://vanbang.example.vn",
        receivedAt: new Date(at),
        ...options,
      });
      if (!opened.ok) throw new Error(opened.code);
      return opened.value;
    };
    const copy = await open(
      { kind: "certified_copy", submitter: { userId: graduate.id, name: "Trần Thị Dịch Vụ", email: "dv@example.vn" } },
      "2027-03-01T09:00:00+07:00",
    );
    const question = await open(
      {
        kind: "question",
        submitter: { userId: null, name: "Lê Văn Hỏi", email: "hoi@example.vn" },
        organisationId: null,
      },
      "2027-03-02T09:00:00+07:00",
    );
    const report = await open(
      { kind: "fake_report", submitter: { userId: null, email: "bao@example.vn", anonymous: true } },
      "2027-03-31T23:30:00+07:00",
    );
    await open(
      { kind: "question", submitter: { userId: null, name: "Ngoài Kỳ", email: "x@example.vn" } },
      "2027-04-01T00:10:00+07:00",
    );

    const admin = await signedIn("ministry_admin");
    const first = await callRoute(exportRoute.loader, routeArgs(get("from=2027-03-01&to=2027-03-31&limit=2", admin)));
    expect(first.status).toBe(200);
    expect(first.json.format).toBe("vanbang-case-export/1");
    expect(first.json.cases.map((c: { code: string }) => c.code)).toEqual([copy.code, question.code]);
    expect(first.json.nextCursor).toEqual(expect.any(String));
    const second = await callRoute(
      exportRoute.loader,
      routeArgs(get(`from=2027-03-01&to=2027-03-31&limit=2&cursor=${first.json.nextCursor}`, admin)),
    );
    expect(second.json.cases.map((c: { code: string }) => c.code)).toEqual([report.code]);
    expect(second.json.nextCursor).toBeNull();

    const [exportedCopy, exportedQuestion] = first.json.cases;
    expect(exportedCopy).toMatchObject({
      kind: "certified_copy",
      family: "service",
      handler: { type: "school", code: "CDEXP" },
      submitter: { name: "Trần Thị Dịch Vụ", email: "dv@example.vn" },
      publicUrl: `${getEnv().PUBLIC_ORIGIN}/cases/${copy.code}`,
    });
    expect(exportedQuestion).toMatchObject({ handler: { type: "ministry" }, submitter: null });
    expect(second.json.cases[0]).toMatchObject({ submitter: null, anonymous: true });
    const all = first.text + second.text;
    for (const secret of ["Lê Văn Hỏi", "hoi@example.vn", "bao@example.vn", "riêng tư"])
      expect(all).not.toContain(secret);

    const onlyReports = await callRoute(
      exportRoute.loader,
      routeArgs(get("from=2027-03-01&to=2027-03-31&kind=fake_report", admin)),
    );
    expect(onlyReports.json.cases.map((c: { code: string }) => c.code)).toEqual([report.code]);
  });

  it("answers 401, 403 and 400 with a JSON code", async () => {
    expect((await callRoute(exportRoute.loader, routeArgs(get("from=2027-03-01&to=2027-03-31")))).json).toMatchObject({
      code: "unauthenticated",
    });
    const school = await signedIn("school_admin");
    const forbidden = await callRoute(exportRoute.loader, routeArgs(get("from=2027-03-01&to=2027-03-31", school)));
    expect(forbidden.status).toBe(403);
    const admin = await signedIn("ministry_admin");
    for (const query of [
      "from=2027-03-31&to=2027-03-01",
      "from=2027-02-30&to=2027-03-01",
      "from=2027-03-01",
      "from=2027-03-01&to=2027-03-31&kind=nonsense",
      "from=2027-03-01&to=2027-03-31&cursor=bm9wZQ",
      "from=2027-03-01&to=2027-03-31&limit=5000",
      "from=2020-01-01&to=2027-03-31",
    ]) {
      const answer = await callRoute(exportRoute.loader, routeArgs(get(query, admin)));
      expect(answer.status, query).toBe(400);
      expect(answer.json.code).toBe("invalid_query");
    }
  });
});
