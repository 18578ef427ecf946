import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { cycles, importSpecifiers, moduleGraph, targetModule } from "../../scripts/check-module-cycles";

const graph = (edges: Record<string, string[]>) =>
  new Map(Object.entries(edges).map(([from, tos]) => [from, new Map(tos.map((to) => [to, `${from} → ${to}`]))]));

describe("check-module-cycles", () => {
  it("finds two modules importing each other, and a longer loop, but not a one-way chain", () => {
    expect(cycles(graph({ diplomas: ["matching"], matching: ["diplomas"], reference: [] }))).toEqual([
      ["diplomas", "matching"],
    ]);
    expect(cycles(graph({ a: ["b"], b: ["c"], c: ["a"] }))).toEqual([["a", "b", "c"]]);
    expect(
      cycles(graph({ applications: ["matching"], matching: ["jobs"], jobs: ["reference"], reference: [] })),
    ).toEqual([]);
  });

  it("counts value, type, re-export and dynamic imports, by alias or relative path", () => {
    const text = `import { a } from "~/modules/jobs/queries.server";
import type { B } from "../matching/score";
export { c } from "./local";
const d = await import("~/modules/mail/templates");`;
    const file = "/repo/app/modules/applications/x.server.ts";
    expect(importSpecifiers(file, text)).toEqual([
      "~/modules/jobs/queries.server",
      "../matching/score",
      "./local",
      "~/modules/mail/templates",
    ]);
  });

  it("maps a specifier to the module folder it points into", () => {
    const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
    const file = path.join(root, "app/modules/applications/x.ts");
    expect(targetModule(file, "drizzle-orm")).toBeNull();
    expect(targetModule(file, "~/lib/db.server")).toBeNull();
    expect(targetModule(file, "~/modules/jobs/queries.server")).toBe("jobs");
    expect(targetModule(file, "../matching/score")).toBe("matching");
    expect(targetModule(file, "./queries.server")).toBe("applications");
    expect(targetModule(file, "../../lib/forms")).toBeNull();
  });

  it("the repository has no modules importing each other", () => {
    const found = cycles(moduleGraph());
    expect(found).toEqual([]);
  }, 30_000); // reads every file of app/: seconds on a busy 2-core machine
});
