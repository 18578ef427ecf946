/** Jobs and matching test data: employers with published jobs, graduates holding signed, claimed diplomas. */
import { eq } from "drizzle-orm";
import { diplomas } from "~db/schema";
import type { Database } from "~/lib/db.server";
import { signBatch } from "~/modules/diplomas/sign-batch.server";
import { changeConsent } from "~/modules/graduates/change-consent.server";
import { saveGraduatePreferences } from "~/modules/graduates/save-preferences.server";
import { changeJobStatus } from "~/modules/jobs/change-job-status.server";
import { saveJob } from "~/modules/jobs/save-job.server";
import type { JobInput } from "~/modules/jobs/schema";
import { createSubmittedBatch } from "./diplomas";
import { createOrganisation } from "./factories";
import { schoolWithSignedDiplomas } from "./issued";
import { createMember } from "./members";

const actor = { userId: null, ip: null };

export function jobInput(over: Partial<JobInput> = {}): JobInput {
  return {
    title: "Nhân viên kế toán",
    description: "Kế toán công nợ, lập báo cáo thuế hằng tháng.",
    programmeCodes: ["6340302"],
    occupationCode: null,
    minLevelCode: "trung_cap",
    provinceCodes: ["48"],
    remote: false,
    salaryMinVnd: 9_000_000,
    salaryMaxVnd: 12_000_000,
    salaryNegotiable: false,
    employmentType: "full_time",
    openings: 2,
    skills: ["Kế toán máy", "Excel"],
    deadline: "2099-12-31",
    ...over,
  };
}

export async function employerWithMember(db: Database, status: "pending" | "accredited" = "accredited") {
  const org = await createOrganisation(db, { kind: "employer", status });
  const member = await createMember(db, "employer_member", org);
  return { org, member };
}

/** A draft job saved and (unless `draft`) published by an accredited employer; throws on failure. */
export async function postJob(
  db: Database,
  employer: { org: { id: string; status: string }; member: { id: string } },
  over: Partial<JobInput> = {},
  options: { draft?: boolean; now?: Date } = {},
) {
  const saved = await saveJob(db, {
    organisationId: employer.org.id,
    input: jobInput(over),
    actor: { userId: employer.member.id, ip: null },
    now: options.now,
  });
  if (!saved.ok) throw new Error(`saveJob: ${saved.code} ${JSON.stringify(saved.fieldErrors)}`);
  if (!options.draft) {
    const published = await changeJobStatus(db, {
      organisation: { id: employer.org.id, status: employer.org.status as "accredited" },
      jobId: saved.value.jobId,
      transition: "publish",
      actor,
      now: options.now,
    });
    if (!published.ok) throw new Error(`publish: ${published.code}`);
  }
  return saved.value.jobId;
}

/** A school signing one diploma per programme code given; returns the diploma ids in order. */
export async function signedDiplomas(db: Database, programmeCodes: readonly string[]) {
  const { org, registrar, principal } = await schoolWithSignedDiplomas(db, { count: 1 });
  const ids: string[] = [];
  for (const programmeCode of programmeCodes) {
    const { batch, diplomaIds } = await createSubmittedBatch(db, {
      organisationId: org.id,
      createdBy: registrar.id,
      count: 1,
      programmeCode,
    });
    const signed = await signBatch(db, {
      organisationId: org.id,
      batchId: batch.id,
      signer: { userId: principal.id, name: "Lê Minh Tuấn", title: "Hiệu trưởng" },
      issuePlace: "Hà Nội",
      issueDate: "2026-06-15",
      publicOrigin: "http://localhost",
      actor: { userId: principal.id, ip: null },
    });
    if (!signed.ok) throw new Error(`signing failed: ${signed.code}`);
    ids.push(diplomaIds[0]!);
  }
  return { school: org, diplomaIds: ids };
}

export type ConsentName = "visible_to_employers" | "may_be_contacted" | "share_diplomas";

/** A graduate who holds the given diplomas (claimed), with preferences and consents. */
export async function graduateHolding(
  db: Database,
  diplomaIds: readonly string[],
  options: {
    provinceCodes?: string[];
    skills?: string[];
    salaryExpectationVnd?: number | null;
    jobTypes?: JobInput["employmentType"][];
    consents?: ConsentName[];
  } = {},
) {
  const graduate = await createMember(db, "graduate", null);
  for (const id of diplomaIds)
    await db.update(diplomas).set({ claimedBy: graduate.id, claimedAt: new Date() }).where(eq(diplomas.id, id));
  const prefs = await saveGraduatePreferences(db, {
    userId: graduate.id,
    input: {
      provinceCodes: options.provinceCodes ?? [],
      salaryExpectationVnd: options.salaryExpectationVnd ?? null,
      jobTypes: options.jobTypes ?? [],
      skills: options.skills ?? [],
    },
    actor,
  });
  if (!prefs.ok) throw new Error("preferences");
  for (const purpose of options.consents ?? [])
    await changeConsent(db, { userId: graduate.id, purpose, granted: true, actor });
  return graduate;
}
