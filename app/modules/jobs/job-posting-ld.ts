/** schema.org JobPosting for a public job page (what search engines read). Pure. */

const EMPLOYMENT_TYPE_LD: Record<string, string> = {
  full_time: "FULL_TIME",
  part_time: "PART_TIME",
  contract: "CONTRACTOR",
  temporary: "TEMPORARY",
  internship: "INTERN",
};

export interface JobPostingSource {
  id: string;
  title: string;
  description: string;
  publishedAt: string | null;
  deadline: string;
  employmentType: string;
  openings: number;
  remote: boolean;
  provinceNames: string[];
  salaryMinVnd: number | null;
  salaryMaxVnd: number | null;
  skills: string[];
  occupationCode: string | null;
  minLevelName: string;
  employer: { name: string; taxCode: string; website: string | null; logoUrl: string | null };
}

export function jobPostingLd(job: JobPostingSource, origin: string): Record<string, unknown> {
  const ld: Record<string, unknown> = {
    "@context": "https://schema.org",
    "@type": "JobPosting",
    title: job.title,
    description: job.description,
    identifier: { "@type": "PropertyValue", name: job.employer.name, value: job.id },
    url: `${origin}/jobs/${job.id}`,
    datePosted: job.publishedAt?.slice(0, 10),
    validThrough: `${job.deadline}T23:59:59+07:00`,
    employmentType: EMPLOYMENT_TYPE_LD[job.employmentType] ?? "OTHER",
    totalJobOpenings: job.openings,
    hiringOrganization: {
      "@type": "Organization",
      name: job.employer.name,
      taxID: job.employer.taxCode,
      ...(job.employer.website ? { sameAs: job.employer.website } : {}),
      ...(job.employer.logoUrl ? { logo: job.employer.logoUrl } : {}),
    },
    educationRequirements: { "@type": "EducationalOccupationalCredential", credentialCategory: job.minLevelName },
    directApply: true,
  };
  if (job.provinceNames.length > 0) {
    ld.jobLocation = job.provinceNames.map((name) => ({
      "@type": "Place",
      address: { "@type": "PostalAddress", addressRegion: name, addressCountry: "VN" },
    }));
  }
  if (job.remote) {
    ld.jobLocationType = "TELECOMMUTE";
    ld.applicantLocationRequirements = { "@type": "Country", name: "VN" };
  }
  if (job.salaryMinVnd !== null || job.salaryMaxVnd !== null) {
    ld.baseSalary = {
      "@type": "MonetaryAmount",
      currency: "VND",
      value: {
        "@type": "QuantitativeValue",
        ...(job.salaryMinVnd !== null ? { minValue: job.salaryMinVnd } : {}),
        ...(job.salaryMaxVnd !== null ? { maxValue: job.salaryMaxVnd } : {}),
        unitText: "MONTH",
      },
    };
  }
  if (job.skills.length > 0) ld.skills = job.skills.join(", ");
  if (job.occupationCode) ld.occupationalCategory = job.occupationCode;
  return ld;
}

/** JSON for an inline <script type="application/ld+json">: "<" escaped so the text cannot close the element. */
export function ldJsonText(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c");
}
