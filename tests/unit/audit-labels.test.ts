import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { translate } from "~/lib/i18n";
import {
  AUDIT_ACTIONS,
  AUDIT_DETAIL_KEYS,
  auditActionLabelKey,
  auditDetailLabelKey,
} from "~/modules/audit/audit-labels";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name));
}

/**
 * Every audit row the code writes: the object literals passed to recordAudit(...) and inserted into auditLog, i.e.
 * those with `action` and `entityType`. Returns the action strings (string literals, both branches of a condition,
 * and the fixed start of a template such as `job.${transition}`) and the literal detail keys.
 */
function recordedAudits() {
  const actions = new Map<string, string>();
  const prefixes = new Map<string, string>();
  const details = new Map<string, string>();
  for (const file of [...sourceFiles("app"), ...sourceFiles("scripts")]) {
    const text = readFileSync(file, "utf8");
    if (!text.includes("entityType")) continue;
    const source = ts.createSourceFile(
      file,
      text,
      ts.ScriptTarget.ES2022,
      true,
      file.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
    );
    const where = (node: ts.Node) =>
      `${path.relative(root, file)}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}`;
    const property = (object: ts.ObjectLiteralExpression, name: string) =>
      object.properties.find(
        (p): p is ts.PropertyAssignment =>
          ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && p.name.text === name,
      );
    const collectActions = (expression: ts.Expression): void => {
      if (ts.isStringLiteral(expression) || ts.isNoSubstitutionTemplateLiteral(expression))
        actions.set(expression.text, where(expression));
      else if (ts.isConditionalExpression(expression)) {
        collectActions(expression.whenTrue);
        collectActions(expression.whenFalse);
      } else if (ts.isTemplateExpression(expression)) prefixes.set(expression.head.text, where(expression));
      else if (ts.isParenthesizedExpression(expression)) collectActions(expression.expression);
    };
    const collectDetails = (expression: ts.Expression): void => {
      if (ts.isObjectLiteralExpression(expression)) {
        for (const p of expression.properties)
          if (p.name && ts.isIdentifier(p.name)) details.set(p.name.text, where(p));
      } else if (ts.isConditionalExpression(expression)) {
        collectDetails(expression.whenTrue);
        collectDetails(expression.whenFalse);
      }
    };
    const visit = (node: ts.Node): void => {
      if (ts.isObjectLiteralExpression(node) && property(node, "entityType")) {
        const action = property(node, "action");
        if (action) collectActions(action.initializer);
        const detail = property(node, "details");
        if (detail) collectDetails(detail.initializer);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { actions, prefixes, details };
}

describe("audit labels (the audit pages name every action and detail in both languages)", () => {
  const recorded = recordedAudits();

  it("finds the audit rows the code writes", () => {
    expect(recorded.actions.size).toBeGreaterThan(40);
    expect(recorded.actions.has("application.move")).toBe(true);
    expect(recorded.actions.has("consent.grant")).toBe(true);
    expect(recorded.details.has("kekId")).toBe(true);
  });

  it("has a label for every action string used in recordAudit(...) calls", () => {
    const unlabelled = [...recorded.actions]
      .filter(([action]) => auditActionLabelKey(action) === null)
      .map(([a, at]) => `${a} (${at})`);
    expect(unlabelled).toEqual([]);
    for (const [prefix, at] of recorded.prefixes) {
      expect(
        AUDIT_ACTIONS.some((a) => a.startsWith(prefix)),
        `${prefix}… at ${at}`,
      ).toBe(true);
    }
  });

  it("has a label for every detail key written", () => {
    const unlabelled = [...recorded.details]
      .filter(([key]) => auditDetailLabelKey(key) === null)
      .map(([k, at]) => `${k} (${at})`);
    expect(unlabelled).toEqual([]);
  });

  it("says each action and detail in words in both languages, never as its key", () => {
    for (const action of AUDIT_ACTIONS) {
      const key = auditActionLabelKey(action)!;
      for (const locale of ["vi", "en"] as const) {
        const label = translate(locale, key);
        expect(label, `${action} in ${locale}`).not.toBe(key);
        expect(label).not.toContain(action);
      }
    }
    for (const detail of AUDIT_DETAIL_KEYS) {
      const key = auditDetailLabelKey(detail)!;
      expect(translate("vi", key)).not.toBe(key);
      expect(translate("en", key)).not.toBe(key);
    }
    expect(translate("en", auditActionLabelKey("application.move")!)).toBe("Application moved to another stage");
    expect(translate("vi", auditDetailLabelKey("kekId")!)).toBe("Khóa bảo vệ khóa ký");
    expect(auditActionLabelKey("no.such-action")).toBeNull();
  });
});
