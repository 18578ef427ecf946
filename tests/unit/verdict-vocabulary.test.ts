/**
 * One verdict vocabulary across the documents, the code and the OpenAPI document: docs/qr-payload.md's tables of
 * verdicts (in precedence order) and reason codes are exactly verdict.ts's and reasons.ts's, and so are the OpenAPI
 * enums; `not_ours` and `unsupported_version` are reason codes, never verdicts.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { verificationOpenApi } from "~/modules/verification/openapi";
import { REASON_TEXTS } from "~/modules/verification/reasons";
import { VERDICTS, VERDICT_PRECEDENCE } from "~/modules/verification/verdict";

const DOCS = path.resolve(__dirname, "../../docs");
const QR_DOC = readFileSync(path.join(DOCS, "qr-payload.md"), "utf8");

/** The first column (a `code`) and the rest of each row of the table between <!-- name:start/end -->. */
function tableRows(name: string): string[][] {
  const section = QR_DOC.slice(QR_DOC.indexOf(`<!-- ${name}:start -->`), QR_DOC.indexOf(`<!-- ${name}:end -->`));
  expect(section.length, name).toBeGreaterThan(100);
  return section
    .split("\n")
    .filter((line) => /^\| `/.test(line))
    .map((line) =>
      line
        .split("|")
        .slice(1, -1)
        .map((cell) => cell.trim().replace(/^`|`$/g, "")),
    );
}

describe("the verdict vocabulary", () => {
  it("the document lists the code's verdicts, worst first", () => {
    const verdicts = tableRows("verdicts").map((row) => row[0]);
    expect(verdicts).toEqual([...VERDICT_PRECEDENCE]);
    expect([...verdicts].sort()).toEqual([...VERDICTS].sort());
  });

  it("the document lists the code's reason codes, each with a verdict of the code", () => {
    const rows = tableRows("reasons");
    expect(rows.map((row) => row[0])).toEqual(Object.keys(REASON_TEXTS));
    for (const [code, verdict] of rows) {
      if (code === "name_truncated") continue;
      expect(VERDICTS as readonly string[], `${code} → ${verdict}`).toContain(verdict);
    }
    expect(Object.fromEntries(rows.map((row) => [row[0], row[1]]))).toMatchObject({
      not_ours: "malformed",
      unsupported_version: "malformed",
      malformed: "malformed",
    });
  });

  it("the OpenAPI document says the same", () => {
    const schemas = verificationOpenApi("https://vanbang.example.vn").components.schemas as Record<
      string,
      { enum?: string[]; properties?: Record<string, { enum?: string[] }> }
    >;
    expect(schemas.Verdict!.enum).toEqual([...VERDICT_PRECEDENCE]);
    expect(schemas.Reason!.properties!.code!.enum).toEqual(Object.keys(REASON_TEXTS));
    for (const notAVerdict of ["not_ours", "unsupported_version"]) {
      expect(schemas.Verdict!.enum).not.toContain(notAVerdict);
      expect(VERDICTS as readonly string[]).not.toContain(notAVerdict);
    }
  });

  it("no document calls not_ours or unsupported_version a verdict", () => {
    for (const file of readdirSync(DOCS).filter((f) => f.endsWith(".md"))) {
      const text = readFileSync(path.join(DOCS, file), "utf8");
      for (const code of ["not_ours", "unsupported_version"]) {
        // Verdicts are written in bold in the step lists; reason codes as code.
        expect(text, `${file}: **${code}**`).not.toContain(`**${code}**`);
        expect(text, `${file}: verdict ${code}`).not.toMatch(new RegExp(`verdict (is )?\\**\`?${code}`));
      }
    }
  });
});
