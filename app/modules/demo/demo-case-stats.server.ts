/**
 * Demo cases for the statistics report (/admin/case-stats, /school/CDCNHN/case-stats): a few received this year and
 * moved through the case core's own use-cases (openCase, moveCase), so the report has answered, refused, rated, late,
 * open and escalated cases to show. Idempotent: nothing is added once a case carries details.demo = "case-stats".
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import { cases, organisations, users } from "../../../db/schema";
import type { CaseKind } from "../../../db/schema/cases";
import type { Database } from "~/lib/db.server";
import { logger } from "~/lib/logger.server";
import { moveCase, type MoveCaseOptions } from "~/modules/cases/move-case.server";
import { openCase } from "~/modules/cases/open-case.server";

const DAY = 86_400_000;
const MARK = "case-stats";

interface DemoCase {
  kind: CaseKind;
  school: boolean;
  topic: string | null;
  title: string;
  body: string;
  submitter: "an" | "binh";
  daysAgo: number;
  /** What happens after it arrives: moves made `afterDays` days after it was received. */
  story: { action: MoveCaseOptions["action"]; afterDays: number; note?: string; rating?: number }[];
}

const DEMO_CASES: DemoCase[] = [
  {
    kind: "question",
    school: false,
    topic: "van-bang",
    title: "Bằng tốt nghiệp cao đẳng có cần hợp pháp hóa khi làm việc ở nước ngoài?",
    body: "Tôi sắp sang Nhật Bản làm việc, bằng tốt nghiệp cao đẳng cần làm thủ tục gì?",
    submitter: "an",
    daysAgo: 40,
    story: [
      { action: "accept", afterDays: 1 },
      {
        action: "resolve",
        afterDays: 5,
        note: "Văn bằng số được kiểm tra trực tuyến; hợp pháp hóa theo yêu cầu nước đến.",
      },
      { action: "rate", afterDays: 6, rating: 5 },
    ],
  },
  {
    kind: "feedback",
    school: false,
    topic: "thu-tuc",
    title: "Chậm trả lời đề nghị cấp bản sao",
    body: "Tôi gửi đề nghị đã lâu mà chưa nhận được bản sao.",
    submitter: "binh",
    daysAgo: 45,
    story: [
      { action: "accept", afterDays: 2 },
      { action: "resolve", afterDays: 25, note: "Bộ đã đôn đốc trường trả bản sao; trường đã gửi bản sao điện tử." },
      { action: "rate", afterDays: 26, rating: 2 },
    ],
  },
  {
    kind: "certified_copy",
    school: true,
    topic: null,
    title: "Cấp bản sao bằng tốt nghiệp từ sổ gốc",
    body: "Xin cấp một bản sao điện tử.",
    submitter: "an",
    daysAgo: 30,
    story: [
      { action: "accept", afterDays: 0 },
      { action: "resolve", afterDays: 0, note: "Đã cấp bản sao điện tử có ký số." },
      { action: "rate", afterDays: 1, rating: 4 },
    ],
  },
  {
    kind: "confirmation",
    school: true,
    topic: null,
    title: "Xác nhận văn bằng cho nhà tuyển dụng",
    body: "Công ty đề nghị xác nhận bằng tốt nghiệp của tôi.",
    submitter: "binh",
    daysAgo: 20,
    story: [{ action: "refuse", afterDays: 2, note: "Thiếu giấy đề nghị của cơ quan tiếp nhận; vui lòng gửi lại." }],
  },
  {
    kind: "question",
    school: true,
    topic: "hoc-phi",
    title: "Miễn giảm học phí cho học sinh trung cấp",
    body: "Em thuộc diện hộ cận nghèo, có được miễn học phí không?",
    submitter: "an",
    daysAgo: 25,
    story: [
      { action: "accept", afterDays: 1 },
      { action: "escalate", afterDays: 16 },
    ],
  },
  {
    kind: "petition",
    school: false,
    topic: "chinh-sach",
    title: "Kiến nghị công nhận chứng chỉ sơ cấp khi học liên thông",
    body: "Đề nghị Bộ xem xét công nhận chứng chỉ sơ cấp khi xét tuyển liên thông.",
    submitter: "binh",
    daysAgo: 3,
    story: [{ action: "accept", afterDays: 1 }],
  },
];

export async function seedDemoCaseStats(db: Database, origin: string, now = new Date()): Promise<{ cases: number }> {
  const [present] = await db
    .select({ id: cases.id })
    .from(cases)
    .where(sql`${cases.details}->>'demo' = ${MARK}`)
    .limit(1);
  if (present) return { cases: 0 };
  const [school] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.kind, "school"), eq(organisations.code, "CDCNHN")));
  const people = await db
    .select({ id: users.id, email: users.email, fullName: users.fullName })
    .from(users)
    .where(
      inArray(users.email, [
        "an.nguyen@example.vn",
        "binh.tran@example.vn",
        "admin@moet.gov.vn",
        "vanbang@cdcnhn.edu.vn",
      ]),
    );
  const person = (email: string) => people.find((p) => p.email === email);
  const an = person("an.nguyen@example.vn");
  const binh = person("binh.tran@example.vn");
  const ministry = person("admin@moet.gov.vn");
  const officer = person("vanbang@cdcnhn.edu.vn");
  if (!school || !an || !binh || !ministry || !officer) return { cases: 0 };

  let count = 0;
  for (const demo of DEMO_CASES) {
    const submitter = demo.submitter === "an" ? an : binh;
    const receivedAt = new Date(now.getTime() - demo.daysAgo * DAY);
    const opened = await openCase(db, {
      kind: demo.kind,
      submitter: { userId: submitter.id, name: submitter.fullName, email: submitter.email, capacity: "self" },
      organisationId: demo.school ? school.id : null,
      topic: demo.topic,
      title: demo.title,
      body: demo.body,
      details: { demo: MARK },
      actor: { userId: submitter.id, ip: null },
      origin,
      receivedAt,
    });
    if (!opened.ok) {
      logger.warn("demo case not opened", { kind: demo.kind, code: opened.code });
      continue;
    }
    count++;
    for (const step of demo.story) {
      const at = new Date(receivedAt.getTime() + step.afterDays * DAY + 3_600_000);
      const staff = demo.school
        ? {
            actor: { userId: officer.id, ip: null, role: "officer" as const },
            scope: { kind: "organisation" as const, organisationId: school.id },
          }
        : { actor: { userId: ministry.id, ip: null, role: "ministry" as const }, scope: { kind: "ministry" as const } };
      const who =
        step.action === "rate"
          ? {
              actor: { userId: submitter.id, ip: null, role: "submitter" as const },
              scope: { kind: "submitter" as const, userId: submitter.id },
            }
          : step.action === "escalate"
            ? { actor: { userId: null, ip: null, role: "system" as const }, scope: { kind: "system" as const } }
            : staff;
      const moved = await moveCase(db, {
        caseId: opened.value.id,
        action: step.action,
        ...who,
        note: step.note,
        rating: step.rating,
        origin,
        now: at,
      });
      if (!moved.ok)
        logger.warn("demo case not moved", { code: opened.value.code, action: step.action, why: moved.code });
    }
  }
  return { cases: count };
}
