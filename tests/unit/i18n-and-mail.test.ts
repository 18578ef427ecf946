import { describe, expect, it } from "vitest";
import { localeFromRequest, translate } from "~/lib/i18n";
import { renderMail } from "~/modules/mail/templates";

describe("translations", () => {
  it("speaks Vietnamese by default and English on request", () => {
    expect(localeFromRequest(new Request("http://x/"))).toBe("vi");
    expect(localeFromRequest(new Request("http://x/", { headers: { cookie: "a=b; lang=en" } }))).toBe("en");
    expect(localeFromRequest(new Request("http://x/", { headers: { cookie: "lang=fr" } }))).toBe("vi");
    expect(translate("vi", "nav.signIn")).toBe("Đăng nhập");
    expect(translate("en", "nav.signIn")).toBe("Sign in");
  });

  it("fills placeholders", () => {
    expect(translate("vi", "auth.error.rate_limited", { minutes: 15 })).toContain("15 phút");
  });
});

describe("mail templates", () => {
  it("renders the confirmation mail in both languages with the link", () => {
    const params = { fullName: "Nguyễn An", link: "https://vanbang.example/confirm-email?token=abc" };
    const vi = renderMail({ name: "confirm_email", params }, "vi");
    const en = renderMail({ name: "confirm_email", params }, "en");
    expect(vi.text).toContain(params.link);
    expect(vi.text).toContain("Xin chào Nguyễn An");
    expect(en.subject).toMatch(/Confirm/);
  });
});
