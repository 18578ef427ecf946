/**
 * The demo cases (issue 12): for the demo school CDCNHN and the demo graduate Nguyễn Văn An, a few cases in several
 * states, so that the officers' queue, the staff's case page and "Hồ sơ của tôi" show something at once: one
 * overdue (escalated to the principal), one due today, one waiting for the graduate, one resolved and rated, one
 * resolved and waiting for a rating; and two the ministry handles (a question and an overdue feedback). Through
 * openCase/moveCase, with past clocks. Idempotent: once a demo case exists, nothing is added.
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import { cases, diplomas, organisations, users } from "../../../db/schema";
import type { Database } from "~/lib/db.server";
import { getEnv } from "~/lib/env.server";
import { vietnamDate } from "~/lib/format-time";
import { logger } from "~/lib/logger.server";
import type { CaseKind } from "~/modules/cases/case-kinds";
import type { CaseAction, CaseActorRole } from "~/modules/cases/case-transitions";
import { moveCase } from "~/modules/cases/move-case.server";
import { openCase } from "~/modules/cases/open-case.server";
import { vnHourOf } from "~/modules/cases/working-days";

const SCHOOL_CODE = "CDCNHN";
const GRADUATE_EMAIL = "an.nguyen@example.vn";
const OTHER_GRADUATE_EMAIL = "binh.tran@example.vn";
const REGISTRAR_EMAIL = "vanbang@cdcnhn.edu.vn";
const MINISTRY_EMAIL = "admin@moet.gov.vn";
/** Kept in each demo case's details: how a rerun knows they are there. */
const MARKER = "demo-cases";

const DAY = 86_400_000;

export async function seedDemoCases(db: Database, now = new Date()): Promise<{ cases: number }> {
  const [existing] = await db
    .select({ id: cases.id })
    .from(cases)
    .where(sql`${cases.details}->>'demo' = ${MARKER}`)
    .limit(1);
  if (existing) return { cases: 0 };
  const [school] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.kind, "school"), eq(organisations.code, SCHOOL_CODE)))
    .limit(1);
  const people = await db
    .select({ id: users.id, email: users.email, fullName: users.fullName })
    .from(users)
    .where(inArray(users.email, [GRADUATE_EMAIL, OTHER_GRADUATE_EMAIL, REGISTRAR_EMAIL, MINISTRY_EMAIL]));
  const person = new Map(people.map((p) => [p.email, p]));
  const an = person.get(GRADUATE_EMAIL);
  const binh = person.get(OTHER_GRADUATE_EMAIL);
  const registrar = person.get(REGISTRAR_EMAIL);
  const admin = person.get(MINISTRY_EMAIL);
  if (!school || !an || !binh || !registrar || !admin) return { cases: 0 };
  const [diploma] = await db.select({ id: diplomas.id }).from(diplomas).where(eq(diplomas.claimedBy, an.id)).limit(1);
  const origin = getEnv().PUBLIC_ORIGIN;
  let count = 0;

  const open = async (o: {
    kind: CaseKind;
    who: { id: string; email: string; fullName: string };
    organisationId: string | null;
    title: string;
    body: string;
    receivedAt: Date;
    topic?: string;
  }) => {
    const opened = await openCase(db, {
      kind: o.kind,
      submitter: { userId: o.who.id, name: o.who.fullName, email: o.who.email, capacity: "self" },
      organisationId: o.organisationId,
      topic: o.topic ?? null,
      title: o.title,
      body: o.body,
      diplomaId: o.kind === "certified_copy" || o.kind === "confirmation" ? (diploma?.id ?? null) : null,
      details: { demo: MARKER },
      actor: { userId: o.who.id, ip: null },
      origin,
      receivedAt: o.receivedAt,
    });
    if (!opened.ok) throw new Error(`demo case: ${opened.code}`);
    count++;
    return opened.value;
  };
  const move = async (
    caseId: string,
    action: CaseAction,
    who: { userId: string | null; role: CaseActorRole },
    at: Date,
    extra: { note?: string; outcome?: string; rating?: number; ratingComment?: string } = {},
  ) => {
    const scope =
      who.role === "officer"
        ? ({ kind: "organisation", organisationId: school.id } as const)
        : who.role === "submitter"
          ? ({ kind: "submitter", userId: who.userId! } as const)
          : who.role === "ministry"
            ? ({ kind: "ministry" } as const)
            : ({ kind: "system" } as const);
    const moved = await moveCase(db, {
      caseId,
      action,
      actor: { userId: who.userId, ip: null, role: who.role },
      scope,
      origin,
      now: at,
      ...extra,
    });
    if (!moved.ok) throw new Error(`demo case ${action}: ${moved.code}`);
  };
  const officer = { userId: registrar.id, role: "officer" as const };
  const graduate = { userId: an.id, role: "submitter" as const };
  const ago = (days: number, hour = 9) => {
    const d = new Date(now.getTime() - days * DAY);
    return new Date(`${vietnamDate(d)}T${String(hour).padStart(2, "0")}:00:00+07:00`);
  };

  // Resolved and rated.
  const rated = await open({
    kind: "certified_copy",
    who: an,
    organisationId: school.id,
    title: "Cấp 2 bản sao bằng tốt nghiệp từ sổ gốc",
    body: "Tôi xin cấp 2 bản sao bằng tốt nghiệp cao đẳng để nộp hồ sơ xin việc.",
    receivedAt: ago(21),
  });
  await move(rated.id, "accept", officer, ago(21, 10));
  await move(rated.id, "resolve", officer, ago(21, 14), {
    note: "Đã cấp bản sao điện tử có mã QR.",
    outcome: "delivered_electronic",
  });
  await move(rated.id, "rate", graduate, ago(20), { rating: 5, ratingComment: "Nhanh, trong ngày." });

  // Resolved, waiting for the graduate's rating.
  const toRate = await open({
    kind: "confirmation",
    who: an,
    organisationId: school.id,
    title: "Xác nhận văn bằng cho nhà tuyển dụng nước ngoài",
    body: "Đề nghị nhà trường xác nhận văn bằng để gửi công ty tại Nhật Bản.",
    receivedAt: ago(14),
  });
  await move(toRate.id, "accept", officer, ago(14, 10));
  await move(toRate.id, "resolve", officer, ago(12), {
    note: "Nhà trường đã gửi thư xác nhận có chữ ký số.",
    outcome: "answered",
  });

  // Overdue: received ten days ago, accepted, never finished; escalated to the principal.
  const overdue = await open({
    kind: "certified_copy",
    who: an,
    organisationId: school.id,
    title: "Cấp bản sao bằng tốt nghiệp (quá hạn)",
    body: "Xin cấp 1 bản sao để làm hồ sơ du học.",
    receivedAt: ago(10),
  });
  await move(overdue.id, "accept", officer, ago(10, 10));
  await move(overdue.id, "escalate", { userId: null, role: "system" }, ago(8, 7));

  // Waiting for the graduate: the officer asked for a letter of authorisation.
  const awaiting = await open({
    kind: "confirmation",
    who: an,
    organisationId: school.id,
    title: "Xác nhận văn bằng cho cơ quan nhà nước",
    body: "Đề nghị xác nhận văn bằng để nộp hồ sơ dự tuyển công chức.",
    receivedAt: ago(2),
  });
  await move(awaiting.id, "request_info", officer, ago(1, 10), {
    note: "Vui lòng gửi văn bản đề nghị của cơ quan tiếp nhận (bản PDF hoặc ảnh).",
  });

  // Due today: a certified copy received this morning (before the 15:00 cut-off, the same working day).
  const morning = vnHourOf(now) < 15 ? now : new Date(`${vietnamDate(now)}T08:00:00+07:00`);
  const dueToday = await open({
    kind: "certified_copy",
    who: an,
    organisationId: school.id,
    title: "Cấp bản sao bằng tốt nghiệp (hôm nay)",
    body: "Xin cấp 1 bản sao để bổ sung hồ sơ.",
    receivedAt: morning,
  });
  // On a day off it would be due on the next working day: the demo wants one due today whatever day it is seeded.
  if (dueToday.dueOn !== vietnamDate(now))
    await db
      .update(cases)
      .set({ dueOn: vietnamDate(now) })
      .where(eq(cases.id, dueToday.id));

  // The ministry's: a question, and an overdue feedback.
  await open({
    kind: "question",
    who: an,
    organisationId: null,
    topic: "diplomas",
    title: "Bằng tốt nghiệp số có giá trị như bằng giấy không?",
    body: "Tôi được cấp bằng số; khi nộp hồ sơ xin việc có cần bản giấy không?",
    receivedAt: ago(3),
  });
  await open({
    kind: "feedback",
    who: binh,
    organisationId: null,
    topic: "procedures",
    title: "Chậm cấp bản sao tại một trường trung cấp",
    body: "Tôi đề nghị cấp bản sao đã ba tuần nhưng chưa nhận được.",
    receivedAt: ago(25),
  });
  logger.info("demo cases seeded", { cases: count });
  return { cases: count };
}
