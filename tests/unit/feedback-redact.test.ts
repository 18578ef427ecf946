import { describe, expect, it } from "vitest";
import { REDACTED, redactPersonalData } from "~/modules/feedback/redact";
import { buildSearchQueries } from "~/modules/feedback/search-query";

describe("redactPersonalData", () => {
  it("removes e-mails, phone numbers and 12-digit ID numbers", () => {
    const out = redactPersonalData(
      "Liên hệ an.nguyen@example.vn hoặc 0912 345 678, +84 24 3869 2345, 0912.345.678; CCCD 001203004567.",
    );
    expect(out).not.toMatch(/example\.vn|0912|3869|001203004567/);
    expect(out).toContain(REDACTED.email);
    expect(out).toContain(REDACTED.phone);
    expect(out).toContain(REDACTED.personalId);
  });

  it("removes the submitter's name, with or without marks, and its last two words", () => {
    const out = redactPersonalData("Tôi là Nguyễn Văn An. NGUYEN VAN AN xin hỏi. Văn An cảm ơn.", {
      submitterName: "Nguyễn Văn An",
    });
    expect(out).not.toMatch(/Nguy|NGUYEN|Văn An/);
    expect(out.match(/\[người hỏi\]/g)).toHaveLength(3);
  });

  it("keeps what is not personal: years, decree numbers, amounts, other words containing the name", () => {
    const text = "Nghị định 81/2021/NĐ-CP, năm 2026, học phí 1.200.000 đồng; an toàn lao động.";
    expect(redactPersonalData(text, { submitterName: "Lê An" })).toBe(text);
  });
});

describe("buildSearchQueries", () => {
  it("folds marks, joins every word and makes the last a prefix", () => {
    expect(buildSearchQueries("Học phí cao đẳng").strict).toBe("hoc & phi & cao & dang:*");
    expect(buildSearchQueries("Học phí ").strict).toBe("hoc & phi");
    // One or two letters are no prefix: they would match most of the library.
    expect(buildSearchQueries("học p").strict).toBe("hoc & p");
  });

  it("cannot carry tsquery syntax, and gives nothing for nothing", () => {
    expect(buildSearchQueries("a & !b | c:* (ddd)").strict).toBe("a & b & c & ddd:*");
    expect(buildSearchQueries(" !&| ")).toEqual({ strict: null, relaxed: null });
  });

  it("relaxes to any meaningful word, leaving out function words", () => {
    expect(buildSearchQueries("Tôi muốn hỏi về miễn học phí").relaxed).toBe("muon | mien | hoc | phi");
  });
});
