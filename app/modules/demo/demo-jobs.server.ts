import { and, eq } from "drizzle-orm";
import { jobs, organisations, users } from "../../../db/schema";
import type { Database } from "~/lib/db.server";
import { logger } from "~/lib/logger.server";
import { vietnamDate } from "~/lib/format-time";
import { changeConsent } from "~/modules/graduates/change-consent.server";
import { saveGraduatePreferences } from "~/modules/graduates/save-preferences.server";
import { changeJobStatus } from "~/modules/jobs/change-job-status.server";
import { saveEmployerProfile } from "~/modules/jobs/save-employer-profile.server";
import { saveJob } from "~/modules/jobs/save-job.server";
import type { JobInput } from "~/modules/jobs/schema";

/**
 * The demo jobs: the demo employer's profile and published jobs, and the demo graduate Nguyễn Văn An's preferences
 * and consents, so that "Việc làm phù hợp" and the employer's candidates show something at once. Through the real
 * use-cases; idempotent: an employer that has jobs is left alone.
 */
const EMPLOYER_CODE = "0101234567";
const GRADUATE_EMAIL = "an.nguyen@example.vn";

function demoJobs(deadline: string): (JobInput & { draft?: boolean })[] {
  const base = {
    occupationCode: null,
    remote: false,
    salaryNegotiable: false,
    employmentType: "full_time" as const,
    openings: 2,
    deadline,
  };
  return [
    {
      ...base,
      title: "Lập trình viên web (JavaScript)",
      description:
        "Phát triển và bảo trì phần mềm quản lý bảo trì thiết bị cơ điện cho khách hàng. Làm việc tại Hà Nội, được đào tạo thêm.",
      programmeCodes: ["6480201", "5480202"],
      minLevelCode: "trung_cap",
      provinceCodes: ["01"],
      salaryMinVnd: 12_000_000,
      salaryMaxVnd: 18_000_000,
      skills: ["JavaScript", "SQL", "Git"],
    },
    {
      ...base,
      title: "Kỹ thuật viên điện công nghiệp",
      description: "Lắp đặt, vận hành và bảo dưỡng tủ điện, hệ thống PLC tại các nhà máy ở Bắc Ninh và Hà Nội.",
      programmeCodes: ["6520227", "5520227"],
      minLevelCode: "trung_cap",
      provinceCodes: ["01", "24"],
      salaryMinVnd: 10_000_000,
      salaryMaxVnd: 15_000_000,
      openings: 5,
      skills: ["PLC", "Điện công nghiệp", "An toàn điện"],
    },
    {
      ...base,
      title: "Nhân viên kế toán nội bộ",
      description: "Hạch toán chi phí dự án, theo dõi công nợ, lập báo cáo thuế hằng tháng trên phần mềm MISA.",
      programmeCodes: ["6340302", "5340302"],
      minLevelCode: "trung_cap",
      provinceCodes: ["01"],
      salaryMinVnd: 9_000_000,
      salaryMaxVnd: 12_000_000,
      skills: ["Kế toán máy", "MISA", "Excel"],
    },
    {
      ...base,
      title: "Hỗ trợ kỹ thuật CNTT từ xa",
      description: "Hỗ trợ người dùng qua điện thoại và phần mềm điều khiển từ xa; làm việc tại nhà, ca linh hoạt.",
      programmeCodes: [],
      occupationCode: "3512",
      minLevelCode: "trung_cap",
      provinceCodes: [],
      remote: true,
      salaryMinVnd: null,
      salaryMaxVnd: null,
      salaryNegotiable: true,
      employmentType: "part_time",
      openings: 1,
      skills: ["Windows", "Mạng máy tính"],
    },
    {
      ...base,
      title: "Kỹ thuật viên ô tô (bản nháp)",
      description: "Sửa chữa, bảo dưỡng đội xe của công ty.",
      programmeCodes: ["6510216"],
      minLevelCode: "cao_dang",
      provinceCodes: ["01"],
      salaryMinVnd: 11_000_000,
      salaryMaxVnd: null,
      skills: ["Chẩn đoán OBD"],
      draft: true,
    },
  ];
}

export async function seedDemoJobs(db: Database, now = new Date()): Promise<{ jobs: number }> {
  const [employer] = await db
    .select()
    .from(organisations)
    .where(and(eq(organisations.kind, "employer"), eq(organisations.code, EMPLOYER_CODE)));
  if (!employer) return { jobs: 0 };
  const existing = await db.select({ id: jobs.id }).from(jobs).where(eq(jobs.organisationId, employer.id)).limit(1);
  if (existing.length > 0) return { jobs: 0 };
  const [recruiter] = await db.select({ id: users.id }).from(users).where(eq(users.email, "tuyendung@codienviet.vn"));
  if (!recruiter) return { jobs: 0 };
  const actor = { userId: recruiter.id, ip: null };

  await saveEmployerProfile(db, {
    organisationId: employer.id,
    input: {
      name: employer.name,
      provinceCode: employer.provinceCode,
      industry: "Lắp đặt hệ thống điện, cơ điện công trình",
      size: "medium",
      contactName: "Bùi Thanh Sơn",
      contactEmail: "tuyendung@codienviet.vn",
      contactPhone: "024 3123 4567",
      website: null,
      logoUrl: null,
      description: "Doanh nghiệp cơ điện tại Hà Nội, thi công và bảo trì hệ thống điện cho nhà máy và tòa nhà.",
    },
    actor,
  });
  const deadline = vietnamDate(new Date(now.getTime() + 60 * 86_400_000));
  let count = 0;
  for (const { draft, ...input } of demoJobs(deadline)) {
    const saved = await saveJob(db, { organisationId: employer.id, input, actor, now });
    if (!saved.ok) throw new Error(`demo job refused: ${saved.code} ${JSON.stringify(saved.fieldErrors)}`);
    if (!draft) {
      const published = await changeJobStatus(db, {
        organisation: employer,
        jobId: saved.value.jobId,
        transition: "publish",
        actor,
        now,
      });
      if (!published.ok) throw new Error(`demo job not published: ${published.code}`);
    }
    count++;
  }

  const [graduate] = await db.select({ id: users.id }).from(users).where(eq(users.email, GRADUATE_EMAIL));
  if (graduate) {
    const gActor = { userId: graduate.id, ip: null };
    await saveGraduatePreferences(db, {
      userId: graduate.id,
      input: {
        provinceCodes: ["01", "24"],
        salaryExpectationVnd: 12_000_000,
        jobTypes: ["full_time"],
        skills: ["JavaScript", "SQL"],
      },
      actor: gActor,
    });
    for (const purpose of ["visible_to_employers", "may_be_contacted", "share_diplomas"] as const) {
      await changeConsent(db, { userId: graduate.id, purpose, granted: true, actor: gActor });
    }
  }
  logger.info("demo jobs seeded", { jobs: count });
  return { jobs: count };
}
