/** The one rule for Vietnamese without its marks (app/lib/fold-vietnamese.ts) and its four uses. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { foldVietnamese, foldVietnameseKey, foldVietnameseWords, stripDiacritics } from "~/lib/fold-vietnamese";

const ALL = [stripDiacritics, foldVietnamese, foldVietnameseKey, foldVietnameseWords];

describe("fold-vietnamese", () => {
  it("takes every tone mark and the hat, horn and breve off every vowel", () => {
    expect(foldVietnamese("à á ả ã ạ ă ằ ắ ẳ ẵ ặ â ầ ấ ẩ ẫ ậ")).toBe("a a a a a a a a a a a a a a a a a");
    expect(foldVietnamese("è é ẻ ẽ ẹ ê ề ế ể ễ ệ ì í ỉ ĩ ị")).toBe("e e e e e e e e e e e i i i i i");
    expect(foldVietnamese("ò ó ỏ õ ọ ô ồ ố ổ ỗ ộ ơ ờ ớ ở ỡ ợ")).toBe("o o o o o o o o o o o o o o o o o");
    expect(foldVietnamese("ù ú ủ ũ ụ ư ừ ứ ử ữ ự ỳ ý ỷ ỹ ỵ")).toBe("u u u u u u u u u u u y y y y y");
    expect(stripDiacritics("ỆỮỲ")).toBe("EUY");
  });

  it("turns đ and Đ (letters of their own, not marked d's) into d and D", () => {
    expect(stripDiacritics("Đặng đình Đức")).toBe("Dang dinh Duc");
    expect(foldVietnamese("Đặng Thị Huệ")).toBe("dang thi hue");
    expect(foldVietnameseKey("ĐÀ_NẴNG")).toBe("da nang");
    expect(foldVietnameseWords("Đ.đ")).toBe("d d");
  });

  it("gives the same key for NFC, NFD and mixed input, and for marks typed as separate characters", () => {
    const nfc = "Nguyễn Văn Ánh";
    const nfd = nfc.normalize("NFD");
    expect(nfd).not.toBe(nfc);
    const typed = "Nguye\u0302\u0303n Va\u0306n A\u0301nh"; // base letter + combining hat/breve + tone, as some keyboards send
    for (const fold of ALL) {
      expect(fold(nfd)).toBe(fold(nfc));
      expect(fold(typed)).toBe(fold(nfc));
    }
    expect(foldVietnamese(nfd)).toBe("nguyen van anh");
    expect(stripDiacritics(nfd)).toBe("Nguyen Van Anh");
  });

  it("stripDiacritics keeps case, spacing and punctuation, and returns NFC", () => {
    expect(stripDiacritics("Hà Nội,  Việt Nam")).toBe("Ha Noi,  Viet Nam");
    expect(stripDiacritics("Trường Cao đẳng Kỹ thuật")).toBe("Truong Cao dang Ky thuat");
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 20 }), (s) => {
        expect(stripDiacritics(s).normalize("NFC")).toBe(stripDiacritics(s));
      }),
    );
  });

  it("foldVietnamese: lower case, whitespace runs (tabs, line breaks) as one space, trimmed; punctuation kept", () => {
    expect(foldVietnamese("  Nguyễn   Văn AN ")).toBe("nguyen van an");
    expect(foldVietnamese("Kế toán\t\nmáy")).toBe("ke toan may");
    expect(foldVietnamese("C++ / Kế-toán_máy")).toBe("c++ / ke-toan_may");
  });

  it("foldVietnameseKey: also reads _ and - as spaces, keeps other punctuation", () => {
    expect(foldVietnameseKey("CAO_DANG")).toBe("cao dang");
    expect(foldVietnameseKey(" cao-đẳng ")).toBe("cao dang");
    expect(foldVietnameseKey("Cao Đẳng")).toBe("cao dang");
    expect(foldVietnameseKey("Trung cấp (TC)")).toBe("trung cap (tc)");
  });

  it("foldVietnameseWords: only a–z and 0–9 count", () => {
    expect(foldVietnameseWords("Mã ngành, nghề")).toBe("ma nganh nghe");
    expect(foldVietnameseWords("Số QĐ tốt nghiệp:")).toBe("so qd tot nghiep");
    expect(foldVietnameseWords("E-mail (địa chỉ)")).toBe("e mail dia chi");
  });

  it("is idempotent, and every key is a fold of the next looser one", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 30 }), (s) => {
        for (const fold of ALL) expect(fold(fold(s))).toBe(fold(s));
        expect(foldVietnamese(stripDiacritics(s))).toBe(foldVietnamese(s));
        expect(foldVietnameseKey(foldVietnamese(s))).toBe(foldVietnameseKey(s));
        expect(foldVietnameseWords(foldVietnameseKey(s))).toBe(foldVietnameseWords(s));
      }),
    );
  });
});
