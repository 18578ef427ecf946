/**
 * The demo Q&A library: a handful of questions about vocational diplomas, answered with the ministry's (or a demo
 * school's) signed reply and published with personal data removed, so that the suggestions on /feedback and the
 * library at /questions show something at once; one question left open for the staff's case page. Through the real
 * use-cases (openCase, the signed answer, publication), with one answered voters' petition; idempotent: once the
 * demo questions exist, nothing is done.
 */
import { eq, like, sql } from "drizzle-orm";
import { cases, organisations, users } from "../../../db/schema";
import type { Database } from "~/lib/db.server";
import { getEnv } from "~/lib/env.server";
import { logger } from "~/lib/logger.server";
import { openCase } from "~/modules/cases/open-case.server";
import { answerFeedbackCase, publishFeedbackAnswer, redactedQuestion } from "~/modules/feedback/answer.server";
import { redactPersonalData } from "~/modules/feedback/redact";
import type { FeedbackTopic } from "~/modules/feedback/topics";
import { enterVoterPetition } from "~/modules/feedback/voter-petitions.server";
import { ensureMinistryKey } from "~/modules/keys/ensure-ministry-key.server";
import { ensureSchoolKey } from "~/modules/keys/ensure-school-key.server";
import { MissingKekError } from "~/modules/keys/key-encryption.server";

const DEMO_EMAIL_PREFIX = "hoidap.demo";
/** The demo voters' petition's session (kỳ họp) and its opening day. */
const DEMO_SESSION = { code: "XV-10", opensOn: "2026-10-20" };
const ADMIN_EMAIL = "admin@moet.gov.vn";

interface DemoQuestion {
  topic: FeedbackTopic;
  name: string;
  capacity: "citizen" | "business" | "school_staff" | "employer";
  /** A demo school answers it (its code); else the ministry. */
  school?: string;
  title: string;
  body: string;
  answer?: string;
}

export const DEMO_QUESTIONS: DemoQuestion[] = [
  {
    topic: "diplomas",
    name: "Phạm Văn Hùng",
    capacity: "citizen",
    title: "Mất bằng tốt nghiệp cao đẳng có được cấp lại không?",
    body: "Tôi là Phạm Văn Hùng, tốt nghiệp cao đẳng năm 2015, nay bị mất bằng tốt nghiệp do chuyển nhà. Tôi có được cấp lại bằng không, và nếu không thì cần giấy tờ gì để xin việc?",
    answer:
      "Văn bằng đã cấp không được cấp lại. Người học được đề nghị trường đã cấp bằng cấp bản sao từ sổ gốc; bản sao từ sổ gốc có giá trị như bản chính. Anh có thể gửi yêu cầu trực tuyến tại mục Dịch vụ công của Cổng này; yêu cầu được giải quyết trong ngày hoặc ngày làm việc tiếp theo.",
  },
  {
    topic: "diplomas",
    name: "Lê Thị Thu",
    capacity: "citizen",
    school: "CDCNHN",
    title: "Sai ngày sinh trên bằng trung cấp thì chỉnh sửa thế nào?",
    body: "Bằng trung cấp của tôi ghi sai ngày sinh so với căn cước công dân (số 001198012345). Tôi cần làm gì để chỉnh sửa? Điện thoại của tôi: 0987 654 321.",
    answer:
      "Việc chỉnh sửa nội dung văn bằng do hiệu trưởng trường đã cấp bằng quyết định, căn cứ vào giấy khai sinh hoặc giấy tờ hộ tịch hợp lệ. Chị gửi yêu cầu chỉnh sửa kèm bản chụp giấy tờ chứng minh qua mục Dịch vụ công; nhà trường sẽ cấp văn bằng đã chỉnh sửa và ghi vào sổ gốc.",
  },
  {
    topic: "fees_support",
    name: "Nguyễn Thị Hạnh",
    capacity: "citizen",
    title: "Học sinh tốt nghiệp THCS học trung cấp có được miễn học phí không?",
    body: "Con tôi vừa tốt nghiệp trung học cơ sở và muốn học trung cấp nghề điện công nghiệp. Cháu có được miễn học phí không, thủ tục thế nào?",
    answer:
      "Người học tốt nghiệp trung học cơ sở học tiếp lên trình độ trung cấp được miễn học phí theo quy định về cơ chế thu, quản lý học phí. Gia đình nộp đơn đề nghị miễn học phí kèm bản sao bằng tốt nghiệp trung học cơ sở cho nhà trường khi nhập học.",
  },
  {
    topic: "admission",
    name: "Trần Quốc Việt",
    capacity: "citizen",
    title: "Xét tuyển cao đẳng nghề cần những hồ sơ gì?",
    body: "Tôi đã tốt nghiệp trung học phổ thông, muốn xét tuyển cao đẳng ngành kế toán. Hồ sơ xét tuyển gồm những gì và nộp trực tuyến được không?",
    answer:
      "Hồ sơ xét tuyển thường gồm phiếu đăng ký, bản sao bằng hoặc giấy chứng nhận tốt nghiệp, học bạ và giấy tờ ưu tiên (nếu có). Mỗi trường công bố đề án tuyển sinh trên trang của trường; nhiều trường nhận hồ sơ trực tuyến.",
  },
  {
    topic: "business_internship",
    name: "Công ty TNHH Cơ điện Việt",
    capacity: "business",
    title: "Doanh nghiệp nhận sinh viên thực tập có được hỗ trợ chi phí không?",
    body: "Công ty chúng tôi muốn nhận sinh viên cao đẳng ngành điện thực tập 3 tháng. Doanh nghiệp có được tính chi phí đào tạo, thực tập vào chi phí hợp lý không?",
    answer:
      "Doanh nghiệp phối hợp đào tạo, nhận người học thực tập được tính các khoản chi cho hoạt động này vào chi phí được trừ khi xác định thu nhập chịu thuế theo quy định của pháp luật về thuế. Doanh nghiệp nên ký hợp đồng hoặc thỏa thuận đào tạo với nhà trường.",
  },
  {
    topic: "curriculum",
    name: "Đỗ Minh Khoa",
    capacity: "citizen",
    title: "Học liên thông từ trung cấp lên cao đẳng mất bao lâu?",
    body: "Tôi có bằng trung cấp ngành công nghệ ô tô. Học liên thông lên cao đẳng cùng ngành mất bao lâu và có phải học lại các môn đã học không?",
    answer:
      "Người có bằng trung cấp học liên thông lên cao đẳng cùng ngành, nghề được công nhận các mô-đun, môn học đã học; thời gian học thường từ 1 đến 1,5 năm tùy chương trình của trường.",
  },
  {
    topic: "quality_assurance",
    name: "Vũ Thị Lan Anh",
    capacity: "citizen",
    title: "Làm sao biết trường đã được kiểm định chất lượng?",
    body: "Trước khi cho con đăng ký học, tôi muốn biết trường cao đẳng đã được kiểm định chất lượng chưa. Tra cứu ở đâu?",
    answer:
      "Kết quả kiểm định chất lượng cơ sở giáo dục nghề nghiệp được công bố công khai trên trang của cơ quan quản lý và của chính nhà trường. Danh sách trường được công nhận cấp văn bằng trên Cổng này cũng ghi rõ trạng thái của từng trường.",
  },
  {
    topic: "teachers",
    name: "Hoàng Văn Tiến",
    capacity: "school_staff",
    title: "Giáo viên dạy thực hành trình độ trung cấp cần chứng chỉ gì?",
    body: "Tôi là kỹ sư cơ khí, muốn dạy thực hành ở trường trung cấp. Tôi cần có những chứng chỉ nào?",
    answer:
      "Nhà giáo dạy thực hành trình độ trung cấp cần có chứng chỉ kỹ năng nghề phù hợp và chứng chỉ nghiệp vụ sư phạm theo chuẩn nhà giáo giáo dục nghề nghiệp.",
  },
  {
    topic: "diplomas",
    name: "Bùi Thị Ngọc",
    capacity: "employer",
    title: "Xác minh bằng cao đẳng của ứng viên bằng cách nào?",
    body: "Chúng tôi là phòng nhân sự, cần xác minh bằng cao đẳng của một ứng viên. Có cách nào kiểm tra nhanh không?",
  },
];

/** Seeds the demo Q&A library; returns how many answers it published (0 when already there or no key). */
export async function seedDemoFeedback(db: Database): Promise<{ published: number }> {
  const [{ n } = { n: 0 }] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(cases)
    .where(like(cases.submitterEmail, `${DEMO_EMAIL_PREFIX}%`));
  if (n > 0) return { published: 0 };
  const [admin] = await db.select({ id: users.id }).from(users).where(eq(users.email, ADMIN_EMAIL)).limit(1);
  if (!admin) return { published: 0 };
  const origin = getEnv().PUBLIC_ORIGIN;
  const system = { userId: null, ip: null };
  try {
    await ensureMinistryKey(db);
  } catch (error) {
    if (error instanceof MissingKekError) {
      logger.error("demo Q&A not seeded: no signing key", { reason: error.message });
      return { published: 0 };
    }
    throw error;
  }
  const schoolIds = new Map<string, string>();
  let published = 0;
  let i = 0;
  for (const q of DEMO_QUESTIONS) {
    i++;
    let organisationId: string | null = null;
    if (q.school) {
      organisationId = schoolIds.get(q.school) ?? null;
      if (!organisationId) {
        const [org] = await db
          .select({ id: organisations.id })
          .from(organisations)
          .where(eq(organisations.code, q.school))
          .limit(1);
        if (!org) continue;
        await ensureSchoolKey(db, { organisationId: org.id, actor: system });
        organisationId = org.id;
        schoolIds.set(q.school, org.id);
      }
    }
    const opened = await openCase(db, {
      kind: "question",
      submitter: { userId: null, name: q.name, email: `${DEMO_EMAIL_PREFIX}${i}@example.vn`, capacity: q.capacity },
      organisationId,
      topic: q.topic,
      title: q.title,
      body: q.body,
      publishConsent: true,
      actor: system,
      origin,
    });
    if (!opened.ok || !q.answer) continue;
    const kase = opened.value;
    // The ministry sees every case; the answer is signed with the handling organisation's key (the school's here).
    const viewer = {
      userId: admin.id,
      role: "ministry" as const,
      scope: { kind: "ministry" as const },
      organisationId: null,
    };
    const answered = await answerFeedbackCase(db, { caseId: kase.id, viewer, answer: q.answer, origin, ip: null });
    if (!answered.ok) continue;
    const done = await publishFeedbackAnswer(db, {
      caseId: kase.id,
      viewer,
      topic: q.topic,
      question: redactedQuestion(kase),
      answer: redactPersonalData(q.answer, { submitterName: q.name }),
      ip: null,
    });
    if (done.ok) published++;
  }
  // A voters' petition of the demo session, answered, so that the per-session report shows something.
  const petition = await enterVoterPetition(db, {
    input: {
      deputy: "Đoàn đại biểu Quốc hội thành phố Hà Nội",
      province: "Hà Nội",
      session: DEMO_SESSION.code,
      sessionOpensOn: DEMO_SESSION.opensOn,
      topic: "diplomas",
      title: "Đề nghị sớm cấp văn bằng điện tử cho người học giáo dục nghề nghiệp",
      body: "Cử tri đề nghị Bộ sớm triển khai văn bằng, chứng chỉ điện tử có chữ ký số, tra cứu được trực tuyến, để người học và doanh nghiệp không phải chứng thực bản sao nhiều lần.",
    },
    files: [],
    actor: { userId: admin.id, ip: null },
    origin,
  });
  if (petition.ok)
    await answerFeedbackCase(db, {
      caseId: petition.value.id,
      viewer: { userId: admin.id, role: "ministry", scope: { kind: "ministry" }, organisationId: null },
      answer:
        "Bộ đã đưa vào vận hành Cổng văn bằng nghề nghiệp số: các trường cấp văn bằng có chữ ký số, người học và doanh nghiệp tra cứu, xác thực trực tuyến bằng mã QR.",
      origin,
      ip: null,
    });
  logger.info("demo Q&A seeded", { published });
  return { published };
}
