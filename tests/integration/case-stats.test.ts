/**
 * The statistics report of cases (issue 12): the one SQL road against a recount (plain SQL counts, and the pure
 * slow path over the same rows), the on-time rate, median time to answer and satisfaction on a small known set, a
 * school's page limited to its own cases (another school's code refused like an unknown one), the CSV and XLSX
 * exports carrying the page's figures, and the signed PDF: a statistics_report document of the ministry, audited.
 */
import { and, eq, sql } from "drizzle-orm";
import readXlsxFile from "read-excel-file/node";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, cases, organisations, signedDocuments, signingKeys, type Organisation } from "~db/schema";
import type { CaseKind, CaseStatus } from "~db/schema/cases";
import { rowsOf } from "~/lib/db.server";
import { loadCaseStatistics } from "~/modules/case-stats/queries.server";
import { aggregateCases, type StatsCaseRow, type StatsOrganisation } from "~/modules/case-stats/report";
import { verifyJcsProof } from "~/modules/credentials/eddsa-jcs-2022";
import { decodeEd25519PublicKey } from "~/modules/signing/multikey";
import { seedDemoCaseStats } from "~/modules/demo/demo-case-stats.server";
import { seedDemoData } from "~/modules/demo/demo-data.server";
import { ensureMinistryKey } from "~/modules/keys/ensure-ministry-key.server";
import { loader as adminPage } from "~/routes/admin.case-stats";
import { loader as adminCsv } from "~/routes/admin.case-stats[.]csv";
import { loader as adminXlsx } from "~/routes/admin.case-stats[.]xlsx";
import { action as adminPdf } from "~/routes/admin.case-stats[.]pdf";
import { loader as schoolPage } from "~/routes/school.$code.case-stats";
import { action as schoolPdf } from "~/routes/school.$code.case-stats[.]pdf";
import { createOrganisation } from "../support/factories";
import { callRoute, routeArgs, signedInAs } from "../support/routes";
import { testDatabaseKind, withTestDatabase } from "../support/test-database";

const vn = (day: string, hour = 9) => new Date(`${day}T${String(hour).padStart(2, "0")}:00:00+07:00`);
const DAY = 86_400_000;
let serial = 0;

interface CaseSpec {
  org: Organisation | null;
  kind?: CaseKind;
  status: CaseStatus;
  topic?: string | null;
  receivedAt: Date;
  closedAfterDays?: number;
  closedLate?: boolean;
  dueOn?: string;
  paused?: boolean;
  rating?: number;
  escalated?: boolean;
}

function caseRow(spec: CaseSpec): typeof cases.$inferInsert {
  serial++;
  const closed = spec.closedAfterDays !== undefined;
  return {
    code: `PA-2026-${String(900000 + serial)}`,
    kind: spec.kind ?? "question",
    status: spec.status,
    organisationId: spec.org?.id ?? null,
    topic: spec.topic ?? null,
    title: "Hỏi về văn bằng",
    body: "Nội dung",
    receivedAt: spec.receivedAt,
    dueOn: spec.dueOn ?? "2026-12-31",
    pausedAt: spec.paused ? new Date(spec.receivedAt.getTime() + DAY) : null,
    closedAt: closed ? new Date(spec.receivedAt.getTime() + spec.closedAfterDays! * DAY) : null,
    closedLate: closed ? (spec.closedLate ?? false) : null,
    rating: spec.rating ?? null,
    escalatedAt: spec.escalated ? new Date(spec.receivedAt.getTime() + 2 * DAY) : null,
  };
}

describe(`case statistics (${testDatabaseKind()})`, () => {
  const t = withTestDatabase({ per: "file" });
  let schoolA: Organisation;
  let schoolB: Organisation;

  beforeAll(async () => {
    schoolA = await createOrganisation(t.db, { kind: "school", code: "CDSTA", name: "Trường Cao đẳng Thống kê A" });
    schoolB = await createOrganisation(t.db, { kind: "school", code: "CDSTB", name: "Trường Cao đẳng Thống kê B" });
    // A small known set for school A in 2026 (today: 10 March 2026).
    await t.db.insert(cases).values([
      caseRow({ org: schoolA, status: "resolved", receivedAt: vn("2026-03-02"), closedAfterDays: 2, rating: 5 }),
      caseRow({
        org: schoolA,
        status: "resolved",
        receivedAt: vn("2026-03-02"),
        closedAfterDays: 10,
        closedLate: true,
        rating: 3,
      }),
      caseRow({ org: schoolA, status: "refused", receivedAt: vn("2026-03-03"), closedAfterDays: 1 }),
      caseRow({ org: schoolA, status: "received", receivedAt: vn("2026-03-03"), dueOn: "2026-03-05" }),
      caseRow({
        org: schoolA,
        status: "awaiting_submitter",
        receivedAt: vn("2026-03-03"),
        dueOn: "2026-03-05",
        paused: true,
      }),
      caseRow({ org: schoolA, status: "withdrawn", receivedAt: vn("2026-03-04"), escalated: true }),
      // Outside the period, and another school's.
      caseRow({ org: schoolA, status: "resolved", receivedAt: vn("2025-12-31", 23), closedAfterDays: 1, rating: 1 }),
      caseRow({ org: schoolB, status: "resolved", receivedAt: vn("2026-03-02"), closedAfterDays: 3, rating: 1 }),
    ]);
  });

  const year2026 = { from: "2026-01-01", to: "2026-12-31", today: "2026-03-10" };

  it("counts on-time rate, median time to answer, satisfaction, overdue and escalations on a known set", async () => {
    const report = await loadCaseStatistics(t.db, { ...year2026, organisationId: schoolA.id });
    const f = report.totals;
    expect(f.received).toBe(6);
    expect(f.answered).toBe(3); // resolved ×2, refused ×1; the withdrawn one was not answered
    expect(f.onTimeRate).toBeCloseTo(2 / 3, 3);
    expect(f.medianAnswerDays).toBe(2); // 1, 2 and 10 days
    expect(f.rated).toBe(2);
    expect(f.averageRating).toBe(4);
    expect(f.ratingCounts).toEqual([0, 0, 1, 0, 1]);
    expect(f.open).toBe(2);
    expect(f.overdue).toBe(1); // the paused one is not late
    expect(f.escalated).toBe(1);
    expect(f.otherClosed).toBe(1);
    expect(report.byOrganisation.map((g) => g.organisation.code)).toEqual(["CDSTA"]);
  });

  it("equals a recount: plain SQL counts and the pure slow path over the same rows", async () => {
    // A wider, uneven population: three handlers (the ministry too), every kind, a few topics, three years.
    const statuses: CaseStatus[] = ["received", "in_progress", "awaiting_submitter", "resolved", "refused", "merged"];
    const kinds: CaseKind[] = ["question", "feedback", "petition", "certified_copy", "fake_report"];
    const topics = [null, "van-bang", "chinh-sach", "tuyen-sinh"];
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed / 2 ** 31);
    const rows = Array.from({ length: 240 }, (_, i) => {
      const status = statuses[i % statuses.length]!;
      const answered = status === "resolved" || status === "refused";
      const day = `${2025 + (i % 3)}-${String(1 + (i % 12)).padStart(2, "0")}-${String(1 + (i % 27)).padStart(2, "0")}`;
      return caseRow({
        org: [schoolA, schoolB, null][i % 3]!,
        kind: kinds[i % kinds.length],
        topic: topics[i % topics.length],
        status,
        receivedAt: vn(day, 8 + (i % 9)),
        closedAfterDays: answered || status === "merged" ? Math.round(random() * 200) / 10 : undefined,
        closedLate: random() < 0.3,
        dueOn: `2026-0${1 + (i % 6)}-1${i % 10}`,
        paused: status === "awaiting_submitter",
        rating: answered && random() < 0.6 ? 1 + Math.floor(random() * 5) : undefined,
        escalated: random() < 0.1,
      });
    });
    await t.db.insert(cases).values(rows);

    const filter = year2026;
    const report = await loadCaseStatistics(t.db, filter);
    // Plain SQL recount, one simple count per figure.
    const inPeriod = sql`received_at >= '2026-01-01T00:00:00+07:00' and received_at < '2027-01-01T00:00:00+07:00'`;
    const [counts] = rowsOf<Record<string, number>>(
      await t.db.execute(sql`
        select count(*)::int as received,
          count(*) filter (where status in ('resolved','refused'))::int as answered,
          count(*) filter (where status in ('resolved','refused') and not closed_late)::int as on_time,
          count(rating)::int as rated,
          count(*) filter (where status in ('received','in_progress') and due_on < '2026-03-10')::int as overdue,
          count(escalated_at)::int as escalated
        from cases where ${inPeriod}`),
    );
    expect(report.totals.received).toBe(counts!.received);
    expect(report.totals.answered).toBe(counts!.answered);
    expect(report.totals.onTimeRate).toBeCloseTo(counts!.on_time! / counts!.answered!, 3);
    expect(report.totals.rated).toBe(counts!.rated);
    expect(report.totals.overdue).toBe(counts!.overdue);
    expect(report.totals.escalated).toBe(counts!.escalated);
    const perKind = rowsOf<{ kind: CaseKind; n: number }>(
      await t.db.execute(sql`select kind, count(*)::int as n from cases where ${inPeriod} group by kind`),
    );
    expect(Object.fromEntries(report.byKind.map((g) => [g.kind, g.figures.received]))).toEqual(
      Object.fromEntries(perKind.map((r) => [r.kind, r.n])),
    );

    // The slow path: every figure of every group, from the rows themselves.
    const plain = await t.db
      .select()
      .from(cases)
      .where(
        and(
          sql`${cases.receivedAt} >= '2026-01-01T00:00:00+07:00'`,
          sql`${cases.receivedAt} < '2027-01-01T00:00:00+07:00'`,
        ),
      );
    const orgs = await t.db.select().from(organisations);
    const names = new Map<string, StatsOrganisation>(orgs.map((o) => [o.id, { id: o.id, code: o.code, name: o.name }]));
    const expected = aggregateCases(plain as StatsCaseRow[], {
      period: { from: filter.from, to: filter.to },
      today: filter.today,
      organisations: names,
    });
    expect(report).toEqual(expected);
    // Filters narrow every group alike.
    const onlyQuestions = await loadCaseStatistics(t.db, { ...filter, kind: "question", organisationId: null });
    expect(onlyQuestions).toEqual(
      aggregateCases(plain.filter((r) => r.kind === "question" && r.organisationId === null) as StatsCaseRow[], {
        period: { from: filter.from, to: filter.to },
        today: filter.today,
        organisations: names,
      }),
    );
  });

  it("shows a school's officer its own cases only, and refuses another school's code like an unknown one", async () => {
    const officer = await signedInAs(t.db, "school_registrar", schoolA);
    const page = await callRoute(
      schoolPage,
      routeArgs(officer.get("/school/CDSTA/case-stats?from=2026-03-01&to=2026-03-31"), { code: "CDSTA" }),
    );
    expect(page.status).toBe(200);
    expect(page.json.report.totals.received).toBe(6);
    expect(page.json.report.byOrganisation.map((g: { organisation: { code: string } }) => g.organisation.code)).toEqual(
      ["CDSTA"],
    );
    expect(page.json.canSign).toBe(false); // a registrar does not sign for the school
    const foreign = await callRoute(schoolPage, routeArgs(officer.get("/school/CDSTB/case-stats"), { code: "CDSTB" }));
    const unknown = await callRoute(schoolPage, routeArgs(officer.get("/school/NOPE/case-stats"), { code: "NOPE" }));
    expect(foreign.status).toBe(403);
    expect(unknown.status).toBe(foreign.status);
    expect(unknown.text).toBe(foreign.text);
    // Signing is the heads' (school_admin, principal): the registrar's POST is refused and writes nothing.
    const before = await t.db.select().from(signedDocuments);
    const refused = await callRoute(
      schoolPdf,
      routeArgs(officer.post("/school/CDSTA/case-stats.pdf?from=2026-03-01&to=2026-03-31", {}), { code: "CDSTA" }),
    );
    expect(refused.status).toBe(403);
    expect(await t.db.select().from(signedDocuments)).toHaveLength(before.length);
  });

  it("exports the ministry's figures as CSV and XLSX, and signs the PDF as a statistics_report of the ministry", async () => {
    const admin = await signedInAs(t.db, "ministry_admin", null);
    const query = "from=2026-03-01&to=2026-03-31&organisation=CDSTA";
    const page = await callRoute(adminPage, routeArgs(admin.get(`/admin/case-stats?${query}`)));
    expect(page.status).toBe(200);
    expect(page.json.report.totals.received).toBe(6);

    const csv = await callRoute(adminCsv, routeArgs(admin.get(`/admin/case-stats.csv?${query}`)));
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    expect(csv.headers.get("content-disposition")).toContain("thong-ke-ho-so-bo-2026-03-01-2026-03-31.csv");
    const lines = csv.text
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toContain("Hồ sơ tiếp nhận");
    expect(lines[1]).toMatch(/^Tổng,,6,2,1,3,66\.7,2,2,4,1,/);
    expect(lines.some((l) => l.startsWith("Đơn vị xử lý,Trường Cao đẳng Thống kê A (CDSTA),6,"))).toBe(true);

    const xlsx = await callRoute(adminXlsx, routeArgs(admin.get(`/admin/case-stats.xlsx?${query}`)));
    expect(xlsx.status).toBe(200);
    const sheet = await readXlsxFile(Buffer.from(xlsx.bytes));
    expect(sheet[1]!.slice(0, 7)).toEqual(["Tổng", null, 6, 2, 1, 3, 66.7]);

    await ensureMinistryKey(t.db);
    const pdf = await callRoute(adminPdf, routeArgs(admin.post(`/admin/case-stats.pdf?${query}`, {})));
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(new TextDecoder().decode(pdf.bytes.slice(0, 5))).toBe("%PDF-");
    const id = pdf.headers.get("x-document-id")!;
    const [doc] = await t.db.select().from(signedDocuments).where(eq(signedDocuments.id, id));
    expect(doc!.kind).toBe("statistics_report");
    expect(doc!.organisationId).toBeNull();
    const credential = doc!.credential as { credentialSubject: { totals: { received: number } }; proof: unknown };
    expect(credential.credentialSubject.totals.received).toBe(6);
    const [key] = await t.db.select().from(signingKeys).where(eq(signingKeys.id, doc!.keyId));
    expect(verifyJcsProof(credential, () => decodeEd25519PublicKey(key!.publicKeyMultibase)).verified).toBe(true);
    const audit = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, id), eq(auditLog.action, "document.sign")));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorUserId).toBe(admin.id);
  });

  it("sends a school head back to the page with a message when the school has no signing key", async () => {
    const head = await signedInAs(t.db, "school_principal", schoolB);
    const answer = await callRoute(
      schoolPdf,
      routeArgs(head.post("/school/CDSTB/case-stats.pdf?from=2026-01-01&to=2026-12-31", {}), { code: "CDSTB" }),
    );
    expect(answer.status).toBe(302);
    expect(answer.location).toContain("/school/CDSTB/case-stats?");
    expect(answer.location).toContain("notice=no_active_key");
    const page = await callRoute(schoolPage, routeArgs(head.get(answer.location!), { code: "CDSTB" }));
    expect(page.json.notice).toBe("case-stats.error.no_active_key");
  });

  it("seeds demo cases once: answered, refused, rated, late, open and escalated ones, through the case core", async () => {
    await seedDemoData(t.db);
    const now = new Date("2028-06-15T10:00:00+07:00");
    const first = await seedDemoCaseStats(t.db, "https://vanbang.example.vn", now);
    expect(first.cases).toBe(6);
    expect((await seedDemoCaseStats(t.db, "https://vanbang.example.vn", now)).cases).toBe(0);
    const [school] = await t.db.select().from(organisations).where(eq(organisations.code, "CDCNHN"));
    const report = await loadCaseStatistics(t.db, { from: "2028-01-01", to: "2028-12-31", today: "2028-06-15" });
    const demo = report.byOrganisation.find((g) => g.organisation.id === school!.id)!.figures;
    expect(demo).toMatchObject({ received: 3, resolved: 1, refused: 1, open: 1, overdue: 1, escalated: 1, rated: 1 });
    const ministry = report.byOrganisation.find((g) => g.organisation.id === null)!.figures;
    expect(ministry).toMatchObject({ received: 3, resolved: 2, open: 1, rated: 2, averageRating: 3.5 });
    expect(ministry.onTimeRate).toBe(0.5); // the feedback answered after 25 days was late
  });
});
