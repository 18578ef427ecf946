import { describe, expect, it } from "vitest";
import { canMove, canWithdraw } from "~/modules/applications/pipeline";
import { sortByVietnamese } from "~/lib/vietnamese-order";
import { SignUpSchema } from "~/modules/auth/schema";
import { jobPostingLd, ldJsonText } from "~/modules/jobs/job-posting-ld";
import { JobSchema, jobFiltersRecord, joinMultiFields, parseJobFilters } from "~/modules/jobs/schema";

const valid = {
  title: "Nhân viên kế toán",
  description: "Kế toán công nợ và thuế.",
  programmeCodes: "6340302, 5340302",
  minLevelCode: "trung_cap",
  provinceCodes: "48",
  salaryMinVnd: "9.000.000",
  salaryMaxVnd: "12 000 000",
  employmentType: "full_time",
  openings: "2",
  skills: "Excel, MISA",
  deadline: "2099-12-31",
};

describe("JobSchema", () => {
  it("parses amounts written with dots or spaces, lists with commas", () => {
    const r = JobSchema.safeParse(valid);
    expect(r.success && r.data).toMatchObject({
      salaryMinVnd: 9_000_000,
      salaryMaxVnd: 12_000_000,
      programmeCodes: ["6340302", "5340302"],
      skills: ["Excel", "MISA"],
    });
  });
  it("refuses a minimum above the maximum, no salary and no 'negotiable', no programme nor occupation, nowhere", () => {
    const issues = (over: Record<string, string>) => {
      const r = JobSchema.safeParse({ ...valid, ...over });
      return r.success ? [] : r.error.issues.map((i) => i.message);
    };
    expect(issues({ salaryMinVnd: "20000000" })).toContain("jobs.validation.salaryRange");
    expect(issues({ salaryMinVnd: "", salaryMaxVnd: "" })).toContain("jobs.validation.salaryOrNegotiable");
    expect(issues({ salaryMinVnd: "", salaryMaxVnd: "", salaryNegotiable: "on" })).toEqual([]);
    expect(issues({ programmeCodes: "" })).toContain("jobs.validation.target");
    expect(issues({ programmeCodes: "", occupationCode: "3313" })).toEqual([]);
    expect(issues({ provinceCodes: "" })).toContain("jobs.validation.where");
    expect(issues({ openings: "0" })).toContain("jobs.validation.openings");
  });
  it("joins multi-valued fields before parsing", () => {
    const form = new FormData();
    form.append("provinceCodes", "01");
    form.append("provinceCodes", "48");
    form.append("title", "x");
    expect(joinMultiFields(form).get("provinceCodes")).toBe("01,48");
  });
});

describe("sign-up tax code", () => {
  it("refuses an invalid tax code with the message, accepts a branch code", () => {
    const base = {
      accountType: "employer",
      fullName: "Phan Văn Tuyển",
      email: "a@b.vn",
      password: "mat-khau-dai-2026",
      passwordConfirm: "mat-khau-dai-2026",
      orgName: "Công ty A",
      provinceCode: "01",
    };
    const bad = SignUpSchema.safeParse({ ...base, taxCode: "0101234567-000" });
    expect(bad.success ? null : bad.error.issues.find((i) => i.path[0] === "taxCode")?.message).toBe(
      "validation.taxCode",
    );
    const ok = SignUpSchema.safeParse({ ...base, taxCode: "0101234567001" });
    expect(ok.success && (ok.data as { taxCode: string }).taxCode).toBe("0101234567-001");
  });
});

describe("filters, pipeline, JSON-LD", () => {
  it("drops malformed filters", () => {
    expect(
      parseJobFilters(new URLSearchParams("q=ke+toan&province=4&minSalary=8.000.000&type=boss&level=cao_dang")),
    ).toEqual({ q: "ke toan", minSalary: 8_000_000, level: "cao_dang" });
  });
  it("reads several employment types, repeated or comma-joined, and writes them back comma-joined", () => {
    const filters = parseJobFilters(new URLSearchParams("type=full_time&type=part_time,internship&type=boss&type="));
    expect(filters).toEqual({ types: ["full_time", "part_time", "internship"] });
    expect(jobFiltersRecord({ ...filters, minSalary: 9_000_000 })).toEqual({
      minSalary: "9000000",
      type: "full_time,part_time,internship",
    });
  });
  it("sorts names in Vietnamese order", () => {
    expect(sortByVietnamese(["Huế", "Hải Phòng", "Đà Nẵng", "Hà Nội", "Cần Thơ"], (n) => n)).toEqual([
      "Cần Thơ",
      "Đà Nẵng",
      "Hà Nội",
      "Hải Phòng",
      "Huế",
    ]);
  });
  it("lets a graduate withdraw an open application only", () => {
    for (const status of ["new", "shortlisted", "interview", "offer"] as const) expect(canWithdraw(status)).toBe(true);
    expect(canWithdraw("hired")).toBe(false);
    expect(canWithdraw("withdrawn")).toBe(false);
    expect(canMove("withdrawn", "shortlisted")).toBe(false);
  });
  it("moves applications forward, never back to new, nothing after hired", () => {
    expect(canMove("new", "shortlisted")).toBe(true);
    expect(canMove("offer", "hired")).toBe(true);
    expect(canMove("shortlisted", "new")).toBe(false);
    expect(canMove("hired", "rejected")).toBe(false);
    expect(canMove("rejected", "shortlisted")).toBe(true);
  });
  it("builds a JobPosting with remote work and a salary range, safe to inline", () => {
    const ld = jobPostingLd(
      {
        id: "j1",
        title: "</script><b>",
        description: "d",
        publishedAt: "2026-11-20T01:00:00.000Z",
        deadline: "2026-12-31",
        employmentType: "part_time",
        openings: 1,
        remote: true,
        provinceNames: [],
        salaryMinVnd: null,
        salaryMaxVnd: 15_000_000,
        skills: ["Excel"],
        occupationCode: "3313",
        minLevelName: "Trung cấp",
        employer: { name: "Công ty A", taxCode: "0101234567", website: null, logoUrl: null },
      },
      "https://vanbang.example",
    );
    expect(ld).toMatchObject({
      employmentType: "PART_TIME",
      jobLocationType: "TELECOMMUTE",
      datePosted: "2026-11-20",
      baseSalary: { value: { maxValue: 15_000_000 } },
      occupationalCategory: "3313",
    });
    expect(ldJsonText(ld)).not.toContain("</script>");
  });
});
