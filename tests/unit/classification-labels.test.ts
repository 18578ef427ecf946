/** The graduation classification's wording has one source (app/modules/documents/labels.ts) and every use reads it. */
import { describe, expect, it } from "vitest";
import { CLASSIFICATION_CODES, parseClassification } from "~/modules/drafts/schema";
import { CLASSIFICATION_LABELS, classificationLabel } from "~/modules/documents/labels";

describe("classification labels", () => {
  it("name every code in both languages", () => {
    expect(Object.keys(CLASSIFICATION_LABELS).sort()).toEqual([...CLASSIFICATION_CODES].sort());
    expect(classificationLabel("trung_binh_kha", "vi")).toBe("Trung bình khá");
    expect(classificationLabel("gioi", "en")).toBe("Very good");
  });

  it("show a value that is no code as it is, never as a key", () => {
    expect(classificationLabel("Khá", "en")).toBe("Khá");
    expect(classificationLabel("toString", "vi")).toBe("toString");
  });

  it("are what an imported spreadsheet may write, with or without diacritics", () => {
    for (const code of CLASSIFICATION_CODES) {
      expect(parseClassification(CLASSIFICATION_LABELS[code].vi)).toBe(code);
      expect(
        parseClassification(CLASSIFICATION_LABELS[code].vi.normalize("NFD").replace(/\p{M}/gu, "").toUpperCase()),
      ).toBe(code);
    }
  });
});
