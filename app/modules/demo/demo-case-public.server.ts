/**
 * The demo of the case core's public face: a report of a suspected fake at CDCNHN received three weeks ago and still
 * open, so overdue and escalated to the principal (mail in the demo mailbox, a notice at /notifications); and a report
 * sent before the case core, with its old tracking code VB-7K3QX-2M9PA, closed as fake. Idempotent: the cases are
 * found again by their `details.demo` mark.
 */
import { sql } from "drizzle-orm";
import { cases, organisations } from "../../../db/schema";
import type { Database } from "~/lib/db.server";
import { logger } from "~/lib/logger.server";
import { escalateOverdueCases } from "~/modules/cases/escalate-overdue.server";
import { openCase } from "~/modules/cases/open-case.server";
import { insertCase, insertCaseEvent } from "~/modules/cases/queries.server";
import { addDays, vnDayOf } from "~/modules/cases/working-days";

const SCHOOL_CODE = "CDCNHN";
export const DEMO_OLD_REPORT_CODE = "VB-7K3QX-2M9PA";

export async function seedDemoCasePublic(db: Database, origin: string, now = new Date()): Promise<void> {
  const marked = await db
    .select({ demo: sql<string>`${cases.details}->>'demo'` })
    .from(cases)
    .where(sql`${cases.details}->>'demo' in ('case-public-overdue', 'case-public-old-report')`);
  const have = new Set(marked.map((m) => m.demo));
  const [school] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(sql`${organisations.code} = ${SCHOOL_CODE}`)
    .limit(1);
  if (!school) return;

  if (!have.has("case-public-overdue")) {
    // Three weeks ago at 09:00 in Vietnam: 10 working days later it was due, well before today.
    const receivedAt = new Date(`${addDays(vnDayOf(now), -21)}T09:00:00+07:00`);
    const opened = await openCase(db, {
      kind: "fake_report",
      submitter: { userId: null, email: "nguoi.phan.anh@example.vn", anonymous: true, capacity: "citizen" },
      organisationId: school.id,
      title: "Ứng viên nộp văn bằng nghi giả khi tuyển dụng",
      body: "Ứng viên Phạm Văn Giả nộp bản sao văn bằng số hiệu CĐ-999999; mã QR không quét được. Liên hệ 0987 654 321.",
      details: { qr: "CĐ-999999", verdict: null, demo: "case-public-overdue" },
      actor: { userId: null, ip: null },
      origin,
      receivedAt,
    });
    if (!opened.ok) throw new Error(`demo fake report not opened: ${opened.code}`);
  }

  if (!have.has("case-public-old-report")) {
    // As migration move_fake_reports leaves a report sent before the case core.
    const receivedAt = new Date(`${addDays(vnDayOf(now), -60)}T10:00:00+07:00`);
    const closedAt = new Date(`${addDays(vnDayOf(now), -50)}T15:00:00+07:00`);
    await db.transaction(async (tx) => {
      const kase = await insertCase(tx, {
        code: DEMO_OLD_REPORT_CODE,
        kind: "fake_report",
        status: "resolved",
        anonymous: true,
        organisationId: school.id,
        title: "Văn bằng bán trên mạng xã hội",
        body: "Một trang mạng xã hội rao bán văn bằng mang tên trường.",
        details: { qr: null, verdict: null, migratedFrom: "fake_reports", demo: "case-public-old-report" },
        receivedAt,
        dueOn: addDays(vnDayOf(receivedAt), 14),
        closedAt,
        closedLate: false,
        outcome: "fake",
        outcomeNote: "Văn bằng giả; nhà trường đã báo cơ quan công an.",
        createdAt: receivedAt,
        updatedAt: closedAt,
      });
      await insertCaseEvent(tx, {
        caseId: kase.id,
        at: receivedAt,
        type: "submitted",
        actorRole: "submitter",
        toStatus: "received",
        data: { migratedFrom: "fake_reports" },
      });
      await insertCaseEvent(tx, {
        caseId: kase.id,
        at: closedAt,
        type: "resolve",
        actorRole: "officer",
        toStatus: "resolved",
        publicNote: "Văn bằng giả; nhà trường đã báo cơ quan công an.",
        data: { migratedFrom: "fake_reports", outcome: "fake" },
      });
    });
  }

  // What the hourly housekeeping would do: the overdue report escalates to the principal now, not in an hour.
  const { escalated } = await escalateOverdueCases(db, { origin, now });
  if (have.size < 2) logger.info("demo cases (public face) seeded", { escalated });
}
