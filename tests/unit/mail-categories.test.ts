import { describe, expect, it } from "vitest";
import {
  MAIL_CATEGORIES,
  MAIL_TEMPLATE_CATEGORY,
  OPTIONAL_MAIL_CATEGORIES,
  shouldSendMail,
} from "~/modules/mail/categories";

describe("mail categories", () => {
  it("never lets a person turn off a required category", () => {
    for (const [template, category] of Object.entries(MAIL_TEMPLATE_CATEGORY)) {
      if (MAIL_CATEGORIES[category].required) {
        expect(shouldSendMail(template as keyof typeof MAIL_TEMPLATE_CATEGORY, [category])).toBe(true);
      }
    }
    expect(OPTIONAL_MAIL_CATEGORIES).not.toContain("account");
    expect(OPTIONAL_MAIL_CATEGORIES).not.toContain("diploma");
    expect(OPTIONAL_MAIL_CATEGORIES).not.toContain("organisation");
  });

  it("skips an optional category the person turned off, and only that one", () => {
    expect(shouldSendMail("fake_report_status", ["reports"])).toBe(false);
    expect(shouldSendMail("fake_report_status", ["jobs"])).toBe(true);
    expect(shouldSendMail("fake_report_status", [])).toBe(true);
  });
});
