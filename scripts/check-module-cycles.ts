/**
 * Part of `npm run lint`: fails when two modules of app/modules import each other, directly or round a longer loop
 * (diplomas → matching → jobs → diplomas). A module is a folder of app/modules; any import from any of its files
 * (value or type, static or dynamic `import()`) counts as the module depending on the other.
 *
 * Mutual imports make "change this module" mean "understand both"; the shared piece belongs in a smaller module or
 * in app/lib. Syntax only (no type check), so it takes well under a second.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const MODULES = path.join(ROOT, "app", "modules");

function* sourceFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) yield* sourceFiles(full);
    else if (/\.(ts|tsx)$/.test(name)) yield full;
  }
}

/** The specifiers a file imports or re-exports (static, `import()` and `import type` alike). */
export function importSpecifiers(fileName: string, text: string): string[] {
  const info = ts.preProcessFile(text, true, true);
  return info.importedFiles.map((f) => f.fileName);
}

/** The module (folder under app/modules) a specifier from `fromFile` points into, or null. */
export function targetModule(fromFile: string, specifier: string): string | null {
  let target: string;
  if (specifier.startsWith("~/")) target = path.join(ROOT, "app", specifier.slice(2));
  else if (specifier.startsWith(".")) target = path.resolve(path.dirname(fromFile), specifier);
  else return null;
  const rel = path.relative(MODULES, target);
  if (rel.startsWith("..") || path.isAbsolute(rel)) return null;
  return rel.split(path.sep)[0] ?? null;
}

/** Module → modules it imports (self excluded), each with one example file for the message. */
export function moduleGraph(): Map<string, Map<string, string>> {
  const graph = new Map<string, Map<string, string>>();
  for (const file of sourceFiles(MODULES)) {
    const from = path.relative(MODULES, file).split(path.sep)[0]!;
    const edges = graph.get(from) ?? new Map<string, string>();
    graph.set(from, edges);
    for (const specifier of importSpecifiers(file, readFileSync(file, "utf8"))) {
      const to = targetModule(file, specifier);
      if (to && to !== from && !edges.has(to)) edges.set(to, `${path.relative(ROOT, file)} imports "${specifier}"`);
    }
  }
  return graph;
}

/** Strongly connected groups of more than one module (Tarjan). */
export function cycles(graph: Map<string, Map<string, string>>): string[][] {
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  const visit = (v: string) => {
    indices.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v)?.keys() ?? []) {
      if (!indices.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, indices.get(w)!));
    }
    if (low.get(v) === indices.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1) groups.push(group.sort());
    }
  };
  for (const v of [...graph.keys()].sort()) if (!indices.has(v)) visit(v);
  return groups;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const graph = moduleGraph();
  const found = cycles(graph);
  for (const group of found) {
    console.error(`Modules that import each other: ${group.join(", ")}`);
    for (const from of group)
      for (const [to, example] of graph.get(from) ?? [])
        if (group.includes(to)) console.error(`  ${from} → ${to}: ${example}`);
  }
  if (found.length > 0) {
    console.error("Move the shared piece into a smaller module or app/lib (README, Decisions: import boundaries).");
    process.exit(1);
  }
  console.log(`check-module-cycles: ${graph.size} modules, no cycles.`);
}
