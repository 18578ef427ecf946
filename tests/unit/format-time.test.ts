import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  daysSince,
  formatDate,
  formatDateTime,
  formatDateTimeVi,
  formatDateVi,
  vietnamDate,
  vietnamIso,
} from "~/lib/format-time";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

describe("format-time (every time shown to people, Vietnam time)", () => {
  // 20:00 UTC on 2 December is 03:00 on 3 December in Hà Nội.
  const evening = new Date("2026-12-02T20:00:00Z");

  it("shows a UTC evening as the next morning in Vietnam, in both languages, whatever the zone it runs in", () => {
    expect(formatDateTime(evening, "vi")).toBe("03:00 3 thg 12, 2026");
    expect(formatDateTime(evening, "en")).toBe("3 Dec 2026, 03:00");
    expect(formatDateTime(evening.toISOString(), "en")).toBe("3 Dec 2026, 03:00"); // as loaders send it
    expect(formatDate(evening, "en")).toBe("3 Dec 2026");
    expect(formatDate(evening, "vi")).toBe("3 thg 12, 2026");
    expect(formatDate(evening, "vi")).not.toBe(formatDate(new Date("2026-12-02T16:00:00Z"), "vi")); // 23:00 on the 2nd
  });

  it("keeps a calendar date (a `date` column) on its day", () => {
    expect(formatDate("2026-06-15", "en")).toBe("15 Jun 2026");
    expect(formatDate("2026-01-01", "en")).toBe("1 Jan 2026");
  });

  it("gives the Vietnam calendar date and the documents' styles", () => {
    expect(vietnamDate(evening)).toBe("2026-12-03");
    expect(vietnamDate(new Date("2026-12-02T16:59:59Z"))).toBe("2026-12-02");
    expect(formatDateTimeVi(evening)).toBe("03:00 ngày 03/12/2026");
    expect(formatDateVi("2026-12-03")).toBe("03/12/2026");
  });

  it("writes an instant as ISO 8601 in Vietnam time", () => {
    expect(vietnamIso(evening)).toBe("2026-12-03T03:00:00+07:00");
    expect(vietnamIso(new Date("2026-12-02T16:59:59.999Z"))).toBe("2026-12-02T23:59:59+07:00");
    expect(new Date(vietnamIso(evening)).getTime()).toBe(evening.getTime());
  });

  it("holds the only shift to Vietnam time: no other module adds seven hours itself", () => {
    const offenders: string[] = [];
    for (const entry of readdirSync(path.join(root, "app"), { withFileTypes: true, recursive: true })) {
      if (!entry.isFile() || !/\.[jt]sx?$/.test(entry.name)) continue;
      const file = path.relative(root, path.join(entry.parentPath, entry.name));
      if (file === "app/lib/format-time.ts") continue;
      readFileSync(path.join(root, file), "utf8")
        .split("\n")
        .forEach((line, i) => {
          if (/\b7 \* (3_?600_?000|60 \* 60 \* 1_?000|3_?600)\b/.test(line))
            offenders.push(`${file}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(offenders).toEqual([]);
  });

  it("counts whole Vietnam calendar days", () => {
    expect(daysSince(new Date("2026-12-02T17:30:00Z"), evening)).toBe(0); // 00:30 on the 3rd, Vietnam time
    expect(daysSince(new Date("2026-12-02T16:30:00Z"), evening)).toBe(1); // 23:30 on the 2nd → 03:00 on the 3rd
    expect(daysSince(new Date("2026-12-02T10:00:00Z"), evening)).toBe(1);
    expect(daysSince(new Date("2026-11-30T20:00:00Z"), evening)).toBe(2);
    expect(daysSince(new Date("2026-12-05T00:00:00Z"), evening)).toBe(0);
  });

  it("is the only module that formats times (no Intl.DateTimeFormat or toLocale…String elsewhere in app/)", () => {
    const allowed = new Set(["app/lib/format-time.ts", "app/lib/format-number.ts"]);
    const offenders: string[] = [];
    for (const entry of readdirSync(path.join(root, "app"), { withFileTypes: true, recursive: true })) {
      if (!entry.isFile() || !/\.[jt]sx?$/.test(entry.name)) continue;
      const file = path.relative(root, path.join(entry.parentPath, entry.name));
      if (allowed.has(file)) continue;
      readFileSync(path.join(root, file), "utf8")
        .split("\n")
        .forEach((line, i) => {
          if (/Intl\.DateTimeFormat|\.toLocale(Date|Time)?String\(/.test(line))
            offenders.push(`${file}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(offenders).toEqual([]);
  });
});
