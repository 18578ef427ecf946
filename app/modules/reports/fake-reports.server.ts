/**
 * Reports of a suspected fake diploma: opened by anyone from the verify page, followed by tracking code, handled by
 * the school the QR code names (and the ministry, which sees all). Ownership is part of every staff query.
 */
import { and, desc, eq, sql, type SQL } from "drizzle-orm";
import { diplomas, fakeReports, organisations, type FakeReport, type FakeReportStatus } from "../../../db/schema";
import { type Database, type Executor, withDefaultDb } from "~/lib/db.server";
import { hitRateLimit } from "~/lib/rate-limit.server";
import { fail, ok, type Result } from "~/lib/result";
import { recordAudit, type AuditActor } from "~/modules/audit/record-audit.server";
import { enqueueMail } from "~/modules/mail/enqueue-mail.server";
import { decodeQrPayload } from "~/modules/qr/payload";
import { findSchoolByCode } from "~/modules/verification/queries.server";
import { FAKE_REPORT_RATE_LIMIT, newTrackingCode, nextStatuses, type FakeReportInput } from "./schema";

/** The school a submitted QR text (or serial number) names, when it is one of ours; else null. */
async function schoolOf(db: Executor, text: string, origin: string): Promise<string | null> {
  if (!text) return null;
  const decoded = decodeQrPayload(text, { expectedOrigins: [origin] });
  if (decoded.ok) return (await findSchoolByCode(db, decoded.fields.schoolCode))?.id ?? null;
  if (text.length > 64) return null;
  // A serial number: only when exactly one school issued a diploma with it.
  const rows = await db
    .selectDistinct({ organisationId: diplomas.organisationId })
    .from(diplomas)
    .where(eq(diplomas.serial, text))
    .limit(2);
  return rows.length === 1 ? rows[0]!.organisationId : null;
}

export type SubmitFakeReportError = "rate_limited";

export const submitFakeReport = withDefaultDb(async function submitFakeReport(
  db: Database,
  options: { input: FakeReportInput; origin: string; actor: AuditActor },
): Promise<Result<{ trackingCode: string }, SubmitFakeReportError> & { retryAfterSeconds?: number }> {
  const limit = await hitRateLimit(db, `fake-report:${options.actor.ip ?? "unknown"}`, FAKE_REPORT_RATE_LIMIT);
  if (!limit.allowed) return { ...fail("rate_limited"), retryAfterSeconds: limit.retryAfterSeconds };
  const { input } = options;
  const organisationId = await schoolOf(db, input.qr, options.origin);
  return db.transaction(async (tx) => {
    // 50 random bits: a collision is all but impossible, but the unique index decides; retry a few times.
    for (let attempt = 0; attempt < 5; attempt++) {
      const trackingCode = newTrackingCode();
      const [row] = await tx
        .insert(fakeReports)
        .values({
          trackingCode,
          organisationId,
          submittedText: input.qr || null,
          verdict: input.verdict || null,
          description: input.description,
          reporterEmail: input.email || null,
        })
        .onConflictDoNothing()
        .returning({ id: fakeReports.id });
      if (!row) continue;
      await recordAudit(tx, options.actor, {
        action: "fake_report.submit",
        entityType: "fake_report",
        entityId: row.id,
        organisationId,
        details: { trackingCode, verdict: input.verdict || null, withEmail: Boolean(input.email) },
      });
      return ok({ trackingCode });
    }
    throw new Error("could not draw a free tracking code");
  });
});

/** What the reporter (anyone holding the code) may see: status and the public note, never the e-mail. */
export const findPublicReport = withDefaultDb(async function findPublicReport(db: Executor, trackingCode: string) {
  const [row] = await db
    .select({
      trackingCode: fakeReports.trackingCode,
      status: fakeReports.status,
      resolutionNote: fakeReports.resolutionNote,
      createdAt: fakeReports.createdAt,
      updatedAt: fakeReports.updatedAt,
    })
    .from(fakeReports)
    .where(eq(fakeReports.trackingCode, trackingCode))
    .limit(1);
  return row ?? null;
});

/** A school's reports (organisationId), or every report (null: the ministry). Newest first. */
export type ReportScope = { organisationId: string } | { all: true };

function scopeWhere(scope: ReportScope): SQL | undefined {
  return "all" in scope ? undefined : eq(fakeReports.organisationId, scope.organisationId);
}

export const listFakeReports = withDefaultDb(async function listFakeReports(
  db: Executor,
  scope: ReportScope,
  limit: number = 200,
) {
  return db
    .select({
      id: fakeReports.id,
      trackingCode: fakeReports.trackingCode,
      schoolCode: organisations.code,
      schoolName: organisations.name,
      submittedText: fakeReports.submittedText,
      verdict: fakeReports.verdict,
      description: fakeReports.description,
      reporterEmail: fakeReports.reporterEmail,
      status: fakeReports.status,
      resolutionNote: fakeReports.resolutionNote,
      createdAt: fakeReports.createdAt,
      updatedAt: fakeReports.updatedAt,
    })
    .from(fakeReports)
    .leftJoin(organisations, eq(organisations.id, fakeReports.organisationId))
    .where(scopeWhere(scope))
    .orderBy(desc(fakeReports.createdAt), desc(fakeReports.id))
    .limit(limit);
});

export type ChangeReportStatusError = "not_found" | "not_allowed";

/**
 * Moves a report on (received → investigating → closed_*), with a public note; audit row and, when the reporter
 * left an e-mail, a mail in the outbox. One transaction; the scope is part of the row lookup.
 */
export async function changeFakeReportStatus(
  db: Database,
  options: {
    scope: ReportScope;
    reportId: string;
    status: FakeReportStatus;
    note: string;
    origin: string;
    actor: AuditActor;
  },
): Promise<Result<FakeReport, ChangeReportStatusError>> {
  return db.transaction(async (tx) => {
    const where = and(eq(fakeReports.id, options.reportId), scopeWhere(options.scope) ?? sql`true`);
    const [report] = await tx.select().from(fakeReports).where(where).for("update");
    if (!report) return fail("not_found");
    if (!nextStatuses(report.status).includes(options.status)) return fail("not_allowed");
    const [updated] = await tx
      .update(fakeReports)
      .set({ status: options.status, resolutionNote: options.note || report.resolutionNote, updatedAt: new Date() })
      .where(eq(fakeReports.id, report.id))
      .returning();
    await recordAudit(tx, options.actor, {
      action: "fake_report.status",
      entityType: "fake_report",
      entityId: report.id,
      organisationId: report.organisationId,
      details: {
        trackingCode: report.trackingCode,
        from: report.status,
        to: options.status,
        note: options.note || null,
      },
    });
    if (report.reporterEmail) {
      await enqueueMail(tx, {
        to: report.reporterEmail,
        locale: "vi",
        template: {
          name: "fake_report_status",
          params: {
            trackingCode: report.trackingCode,
            status: options.status,
            note: updated!.resolutionNote ?? "",
            link: `${options.origin}/verify/report/${report.trackingCode}`,
          },
        },
      });
    }
    return ok(updated!);
  });
}
