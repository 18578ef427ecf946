import { describe, expect, it } from "vitest";
import { sortBatchRows, splitVietnameseName } from "~/modules/drafts/batch-order";

const row = (fullName: string, position: number | null, id = fullName) => ({
  id,
  fullName,
  position,
  createdAt: "2026-06-01T00:00:00Z",
});

describe("the order of a batch's list", () => {
  it("keeps the import order", () => {
    const rows = [row("Trần Bình", 3), row("Lê Châu", 1), row("Vũ Giang", 2)];
    expect(sortBatchRows(rows, "import").map((r) => r.fullName)).toEqual(["Lê Châu", "Vũ Giang", "Trần Bình"]);
  });

  it("sorts by given name, then family and middle names, in Vietnamese collation", () => {
    expect(splitVietnameseName(" Nguyễn  Thị Ánh ")).toEqual(["Ánh", "Nguyễn Thị"]);
    const names = [
      "Đỗ Văn An",
      "Trần Thị Ân",
      "Đặng Minh An",
      "Lê Thị Ánh",
      "Dương Thị An",
      "Phạm Văn Anh",
      "Vũ Hà",
      "Bùi Đức",
    ];
    const sorted = sortBatchRows(
      names.map((n, i) => row(n, i + 1)),
      "given_name",
    ).map((r) => r.fullName);
    // A < Ă < Â, tones after the bare letter, D < Đ: neither byte order nor the English collation gives this.
    expect(sorted).toEqual([
      "Dương Thị An",
      "Đặng Minh An",
      "Đỗ Văn An",
      "Phạm Văn Anh",
      "Lê Thị Ánh",
      "Trần Thị Ân",
      "Bùi Đức",
      "Vũ Hà",
    ]);
  });

  it("sorts by full name, ties in import order", () => {
    const rows = [row("Đỗ An", 1, "a"), row("Dương An", 2, "b"), row("Anh Tú", 3, "c"), row("Dương An", 0, "d")];
    expect(sortBatchRows(rows, "full_name").map((r) => r.id)).toEqual(["c", "d", "b", "a"]);
  });
});
