import { randomUUID } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import {
  diplomaBatches,
  diplomas,
  fields,
  organisations,
  users,
  type Classification,
  type Gender,
} from "../../../db/schema";
import type { Database, Executor } from "~/lib/db.server";
import { logger } from "~/lib/logger.server";
import { recordAudit } from "~/modules/audit/record-audit.server";
import { changeDiplomaStatus } from "~/modules/diplomas/change-diploma-status.server";
import { honorificTitleFor } from "~/modules/drafts/honorific-title";
import { protectPersonalId } from "~/modules/drafts/personal-id.server";
import { signBatch } from "~/modules/diplomas/sign-batch.server";

/**
 * The demo diplomas: for each demo school, a signed graduation batch of 24, then one revocation, one suspension
 * and one correction, all through the real use-cases (numbers, signatures, register, status lists, log, audit).
 * The demo graduate Nguyễn Văn An holds a claimed diploma of CDCNHN. Idempotent: a school with signed diplomas
 * is left alone.
 */
const FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ"];
const MIDDLE_M = ["Văn", "Đức", "Minh", "Quốc", "Thành", "Hữu"];
const MIDDLE_F = ["Thị", "Ngọc", "Thu", "Phương", "Thanh", "Kim"];
const GIVEN_M = ["An", "Bảo", "Cường", "Dũng", "Hải", "Hùng", "Khoa", "Long", "Nam", "Phúc", "Quân", "Sơn"];
const GIVEN_F = ["Anh", "Bình", "Chi", "Giang", "Hà", "Hương", "Lan", "Linh", "Mai", "Ngân", "Thảo", "Trang"];
const PLACES = ["Hà Nội", "Hải Phòng", "Nghệ An", "Thanh Hóa", "Đà Nẵng", "Huế", "Quảng Ngãi", "Ninh Bình"];
const CLASSIFICATIONS: Classification[] = [
  "gioi",
  "kha",
  "kha",
  "trung_binh_kha",
  "kha",
  "xuat_sac",
  "trung_binh",
  "kha",
];

const SCHOOL_PROGRAMMES: Record<string, { code: string; name: string }[]> = {
  CDCNHN: [
    { code: "6480201", name: "Công nghệ thông tin" },
    { code: "6520227", name: "Điện công nghiệp" },
    { code: "6510216", name: "Công nghệ ô tô" },
    { code: "6340302", name: "Kế toán doanh nghiệp" },
  ],
  TCKTDN: [
    { code: "5340302", name: "Kế toán doanh nghiệp" },
    { code: "5340202", name: "Tài chính - Ngân hàng" },
    { code: "5810201", name: "Quản trị khách sạn" },
    { code: "5480202", name: "Công nghệ thông tin (ứng dụng phần mềm)" },
  ],
};

/** The demo graduate's diploma: claimable with these details (shown in demo mode). */
export const DEMO_GRADUATE_DIPLOMA = {
  schoolCode: "CDCNHN",
  fullName: "Nguyễn Văn An",
  personalId: "001099012345",
  dateOfBirth: "1999-05-12",
};

interface DemoGraduate {
  fullName: string;
  gender: Gender;
  dateOfBirth: string;
  placeOfBirth: string;
  personalId: string;
}

function graduates(schoolIndex: number, count: number): DemoGraduate[] {
  return Array.from({ length: count }, (_, i) => {
    const n = schoolIndex * 100 + i;
    const female = i % 2 === 1;
    const fullName = `${FAMILY[n % FAMILY.length]} ${(female ? MIDDLE_F : MIDDLE_M)[(n >> 1) % 6]} ${(female ? GIVEN_F : GIVEN_M)[(n * 5) % 12]}`;
    return {
      fullName,
      gender: female ? "nu" : "nam",
      dateOfBirth: `${2001 + (n % 4)}-${String(1 + (n % 12)).padStart(2, "0")}-${String(1 + ((n * 7) % 28)).padStart(2, "0")}`,
      placeOfBirth: PLACES[n % PLACES.length]!,
      personalId: `0${String(1 + (n % 96)).padStart(2, "0")}${String(200000000 + n * 7919).slice(0, 9)}`,
    };
  });
}

interface DraftValues {
  organisationId: string;
  batchId: string;
  createdBy: string;
  graduate: DemoGraduate;
  programme: { code: string; name: string };
  classification: Classification;
  supersedesId?: string | null;
  decision: string;
  caoDangTitles: ReadonlyMap<string, string>;
}

async function insertDraft(tx: Executor, values: DraftValues) {
  const id = randomUUID();
  await tx.insert(diplomas).values({
    id,
    organisationId: values.organisationId,
    batchId: values.batchId,
    fullName: values.graduate.fullName,
    dateOfBirth: values.graduate.dateOfBirth,
    placeOfBirth: values.graduate.placeOfBirth,
    gender: values.graduate.gender,
    ethnicity: "Kinh",
    ...protectPersonalId(id, values.graduate.personalId),
    programmeCode: values.programme.code,
    programmeName: values.programme.name,
    levelCode: values.programme.code.startsWith("6") ? "cao_dang" : "trung_cap",
    modeOfStudy: "chinh_quy",
    classification: values.classification,
    honorificTitle: honorificTitleFor(
      {
        levelCode: values.programme.code.startsWith("6") ? "cao_dang" : "trung_cap",
        fieldCode: values.programme.code.slice(1, 3),
      },
      values.caoDangTitles,
    ),
    graduationDate: "2026-06-05",
    graduationDecisionNumber: values.decision,
    supersedesId: values.supersedesId ?? null,
    createdBy: values.createdBy,
  });
  return id;
}

async function submittedBatch(db: Database, organisationId: string, registrarId: string, title: string) {
  const [batch] = await db
    .insert(diplomaBatches)
    .values({
      organisationId,
      title,
      status: "submitted",
      createdBy: registrarId,
      submittedBy: registrarId,
      submittedAt: new Date(),
    })
    .returning();
  return batch!;
}

export async function seedDemoDiplomas(db: Database, publicOrigin: string): Promise<{ schools: number }> {
  const schools = await db
    .select()
    .from(organisations)
    .where(and(eq(organisations.kind, "school"), inArray(organisations.code, Object.keys(SCHOOL_PROGRAMMES))));
  const staff = await db.select({ id: users.id, email: users.email, fullName: users.fullName }).from(users);
  const byEmail = new Map(staff.map((u) => [u.email, u]));
  const caoDangTitles = new Map(
    (await db.select({ code: fields.code, title: fields.caoDangTitle }).from(fields)).map((f) => [f.code, f.title]),
  );
  let seeded = 0;

  for (const [schoolIndex, school] of schools.entries()) {
    const existing = await db
      .select({ id: diplomas.id })
      .from(diplomas)
      .where(and(eq(diplomas.organisationId, school.id), eq(diplomas.status, "issued")))
      .limit(1);
    if (existing.length > 0) continue;
    const domain = school.code.toLowerCase();
    const registrar = byEmail.get(`vanbang@${domain}.edu.vn`)!;
    const principal = byEmail.get(`hieutruong@${domain}.edu.vn`)!;
    const programmes = SCHOOL_PROGRAMMES[school.code]!;
    const decision = `${215 + schoolIndex}/QĐ-${school.code}`;
    const people = graduates(schoolIndex, 24);
    if (school.code === DEMO_GRADUATE_DIPLOMA.schoolCode) {
      people[0] = {
        ...people[0]!,
        fullName: DEMO_GRADUATE_DIPLOMA.fullName,
        gender: "nam",
        dateOfBirth: DEMO_GRADUATE_DIPLOMA.dateOfBirth,
        personalId: DEMO_GRADUATE_DIPLOMA.personalId,
      };
    }

    const batch = await submittedBatch(db, school.id, registrar.id, `Tốt nghiệp đợt 1 năm 2026 — ${school.code}`);
    const ids: string[] = [];
    await db.transaction(async (tx) => {
      for (const [i, graduate] of people.entries()) {
        ids.push(
          await insertDraft(tx, {
            organisationId: school.id,
            batchId: batch.id,
            createdBy: registrar.id,
            graduate,
            programme: programmes[i % programmes.length]!,
            classification: CLASSIFICATIONS[i % CLASSIFICATIONS.length]!,
            decision,
            caoDangTitles,
          }),
        );
      }
    });
    const signer = { userId: principal.id, name: principal.fullName, title: "Hiệu trưởng" };
    const actor = { userId: principal.id, ip: null };
    const signed = await signBatch(db, {
      organisationId: school.id,
      batchId: batch.id,
      signer,
      issuePlace: school.provinceCode === "48" ? "Đà Nẵng" : "Hà Nội",
      issueDate: "2026-06-20",
      publicOrigin,
      actor,
    });
    if (!signed.ok) throw new Error(`demo signing failed for ${school.code}: ${signed.code}`);

    await changeDiplomaStatus(db, {
      organisationId: school.id,
      diplomaId: ids[5]!,
      change: "revoke",
      reason: "Thu hồi do phát hiện gian lận trong hồ sơ xét tốt nghiệp (Điều 13, TT 10/2017)",
      actor,
    });
    await changeDiplomaStatus(db, {
      organisationId: school.id,
      diplomaId: ids[7]!,
      change: "suspend",
      reason: "Tạm dừng trong thời gian xác minh phản ánh",
      actor,
    });

    // A correction: the date of birth was mistyped; the corrected diploma supersedes the first.
    const correction = await submittedBatch(db, school.id, registrar.id, `Chỉnh sửa văn bằng — ${school.code}`);
    const wrong = people[3]!;
    await insertDraft(db, {
      organisationId: school.id,
      batchId: correction.id,
      createdBy: registrar.id,
      graduate: {
        ...wrong,
        dateOfBirth: `${wrong.dateOfBirth.slice(0, 8)}${wrong.dateOfBirth.slice(8) === "01" ? "02" : "01"}`,
      },
      programme: programmes[3 % programmes.length]!,
      classification: CLASSIFICATIONS[3]!,
      supersedesId: ids[3]!,
      decision,
      caoDangTitles,
    });
    const corrected = await signBatch(db, {
      organisationId: school.id,
      batchId: correction.id,
      signer,
      issuePlace: "Hà Nội",
      issueDate: "2026-07-02",
      publicOrigin,
      actor,
    });
    if (!corrected.ok) throw new Error(`demo correction failed for ${school.code}: ${corrected.code}`);

    if (school.code === DEMO_GRADUATE_DIPLOMA.schoolCode) {
      const an = byEmail.get("an.nguyen@example.vn");
      if (an) {
        await db.transaction(async (tx) => {
          await tx.update(diplomas).set({ claimedBy: an.id, claimedAt: new Date() }).where(eq(diplomas.id, ids[0]!));
          await recordAudit(
            tx,
            { userId: an.id, ip: null },
            { action: "diploma.claim", entityType: "diploma", entityId: ids[0]!, organisationId: school.id },
          );
        });
      }
    }
    seeded++;
  }
  if (seeded > 0) logger.info("demo diplomas seeded", { schools: seeded });
  return { schools: seeded };
}
