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

  it("says one diploma and many diplomas in the right form, in both languages", () => {
    expect(translate("en", "issued.sign.submit", { count: 1 })).toBe("Sign 1 diploma");
    expect(translate("en", "issued.sign.submit", { count: 30 })).toBe("Sign 30 diplomas");
    expect(translate("en", "diplomas.batch.submit", { count: 1 })).toBe("Submit for signing (1 diploma)");
    expect(translate("en", "issued.sign.done", { count: 1, first: "CD-000053", last: "CD-000053" })).toBe(
      "1 diploma signed, serial CD-000053. It has been written into the original register.",
    );
    expect(translate("en", "issued.sign.done", { count: 2, first: "CD-1", last: "CD-2" })).toMatch(
      /^2 diplomas signed, serials CD-1 to CD-2\. They have/,
    );
    expect(translate("vi", "issued.sign.done", { count: 1, first: "CD-000053", last: "CD-000053" })).toBe(
      "Đã ký số 1 văn bằng, số hiệu CD-000053. Văn bằng đã được ghi vào sổ gốc.",
    );
    expect(translate("vi", "issued.sign.signedSummary", { count: 30, first: "A", last: "B" })).toBe(
      "Lô đã được ký: 30 văn bằng, số hiệu từ A đến B.",
    );
    expect(translate("en", "diplomas.notice.imported", { imported: 1, skipped: 0 })).toBe(
      "Imported 1 diploma from the file; no rows had errors.",
    );
    expect(translate("en", "diplomas.notice.imported", { imported: 29, skipped: 1 })).toBe(
      "Imported 29 diplomas from the file; 1 row with errors was not imported.",
    );
    expect(translate("en", "issued.list.count", { total: 1 })).toBe("1 diploma");
    for (const locale of ["vi", "en"] as const) {
      for (const count of [0, 1, 2, 5, 21])
        expect(translate(locale, "issued.sign.submit", { count })).not.toMatch(/plural|#|bằngs|\{/);
    }
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

describe("registry mail", () => {
  const claim = {
    fullName: "Dương Thị An",
    schoolName: "Trường Cao đẳng Công nghệ Hà Nội",
    programmeName: "Kế toán doanh nghiệp",
    serial: "CDCNHN-000054",
    issueDate: "15/06/2026",
    claimCode: "7KQ2M-XD4PA",
    link: "https://vanbang.example/graduate/claim",
    replacesSerial: null,
  };

  it("gives the graduate the claim code, the link and the serial; a replacement names the diploma it replaces", () => {
    const vi = renderMail({ name: "diploma_claim_code", params: claim }, "vi");
    expect(vi.text).toContain("Mã nhận văn bằng của bạn: 7KQ2M-XD4PA");
    expect(vi.text).toContain(claim.link);
    expect(vi.subject).toBe("Văn bằng số hiệu CDCNHN-000054 của bạn — Trường Cao đẳng Công nghệ Hà Nội");
    expect(vi.text).not.toContain("thay thế");
    const replaced = renderMail(
      { name: "diploma_claim_code", params: { ...claim, replacesSerial: "CDCNHN-000012" } },
      "en",
    );
    expect(replaced.subject).toMatch(/^Your replacement diploma CDCNHN-000054/);
    expect(replaced.text).toContain("It replaces the diploma with serial CDCNHN-000012");
  });

  it("says one diploma in the singular and gives the reason a batch was sent back", () => {
    const base = { fullName: "Trần Văn Đức", schoolName: "CĐ Công nghệ", batchTitle: "Đợt 1", link: "https://x/y" };
    const signed = renderMail(
      { name: "batch_signed", params: { ...base, count: 1, signedBy: "Lê Minh Tuấn", first: "A-1", last: "A-1" } },
      "en",
    );
    expect(signed.text).toContain("1 diploma, serial A-1.");
    expect(
      renderMail({ name: "batch_submitted", params: { ...base, count: 2, submittedBy: "Trần Văn Đức" } }, "en").text,
    ).toContain("(2 diplomas)");
    const back = renderMail(
      { name: "batch_returned", params: { ...base, by: "Lê Minh Tuấn", how: "returned", reason: "Sai số quyết định" } },
      "vi",
    );
    expect(back.subject).toBe("Lô «Đợt 1» đã được trả lại — CĐ Công nghệ");
    expect(back.text).toContain("Lý do: Sai số quyết định");
  });
});
