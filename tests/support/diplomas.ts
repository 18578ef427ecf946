/** Draft diplomas and submitted batches written straight to the database, for signing tests and benchmarks. */
import { randomUUID } from "node:crypto";
import { diplomaBatches, diplomas, type Classification } from "../../db/schema";
import type { Executor } from "~/lib/db.server";
import { protectPersonalId } from "~/modules/drafts/personal-id.server";

const NAMES = [
  "Nguyễn Văn An",
  "Trần Thị Bình",
  "Lê Minh Châu",
  "Phạm Quốc Dũng",
  "Hoàng Thị Én",
  "Vũ Đức Giang",
  "Đặng Thu Hà",
  "Bùi Thị Phương Thảo",
];
const SUFFIXES = ["", "Anh", "Bảo", "Chi", "Duy", "Hiền", "Khánh", "Lộc", "Minh", "Ngọc", "Quang", "Tâm", "Uyên", "Vy"];
const CLASSIFICATIONS: Classification[] = ["xuat_sac", "gioi", "kha", "trung_binh_kha", "trung_binh"];

/** The full name of the i-th graduate of a test batch: real Vietnamese names (the form's validation accepts them). */
export function testGraduateName(i: number): string {
  return `${NAMES[i % NAMES.length]} ${SUFFIXES[Math.floor(i / NAMES.length) % SUFFIXES.length]}`.trim();
}

export async function createSubmittedBatch(
  db: Executor,
  options: { organisationId: string; createdBy: string; count: number; programmeCode?: string; supersedes?: string[] },
) {
  const [batch] = await db
    .insert(diplomaBatches)
    .values({
      organisationId: options.organisationId,
      title: "Tốt nghiệp đợt thử nghiệm",
      status: "submitted",
      createdBy: options.createdBy,
      submittedBy: options.createdBy,
      submittedAt: new Date(),
    })
    .returning();
  const rows = Array.from({ length: options.count }, (_, i) => {
    const id = randomUUID();
    const personalId = String(1_000_000_000_00 + i * 7919)
      .padStart(12, "0")
      .slice(0, 12);
    return {
      id,
      organisationId: options.organisationId,
      batchId: batch!.id,
      status: "draft" as const,
      fullName: testGraduateName(i),
      dateOfBirth: `200${i % 5}-0${1 + (i % 9)}-1${i % 9}`,
      placeOfBirth: "Hà Nội",
      gender: i % 2 ? ("nu" as const) : ("nam" as const),
      ethnicity: "Kinh",
      ...protectPersonalId(id, personalId),
      programmeCode: options.programmeCode ?? "6480201",
      programmeName: "Công nghệ thông tin",
      levelCode: (options.programmeCode ?? "6480201").startsWith("5") ? "trung_cap" : "cao_dang",
      modeOfStudy: "chinh_quy" as const,
      classification: CLASSIFICATIONS[i % CLASSIFICATIONS.length]!,
      honorificTitle: (options.programmeCode ?? "6480201").startsWith("6") ? "kỹ sư thực hành" : null,
      graduationDate: "2026-06-01",
      graduationDecisionNumber: "123/QĐ-CĐCN",
      supersedesId: options.supersedes?.[i] ?? null,
      createdBy: options.createdBy,
    };
  });
  for (let i = 0; i < rows.length; i += 1000) await db.insert(diplomas).values(rows.slice(i, i + 1000));
  return { batch: batch!, diplomaIds: rows.map((r) => r.id) };
}
