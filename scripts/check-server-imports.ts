/**
 * `npm run check:server-imports`: fails when browser code uses a *value* from a `.server` module.
 *
 * Remix replaces `.server` modules with empty ones in the browser bundle, so such a value is `undefined` there: the
 * page renders on the server, then fails to hydrate (React #418/#423) or shows "NaN". Types are erased and fine.
 *
 *   - app/root.tsx and app/routes/*: the code reachable from the client-side exports (everything except `loader`,
 *     `action` and `headers`, which the compiler removes from the browser build) must not reference a non-type
 *     binding imported from a `.server` module.
 *   - app/components and app/lib (their non-`.server` files, which run in the browser): no value import from a
 *     `.server` module at all.
 *
 * Syntax and scopes only (a TypeScript program with `noResolve`), so it takes a second, not a full type check.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

export interface SourceFile {
  fileName: string;
  text: string;
}

export interface ServerImportProblem {
  fileName: string;
  line: number;
  message: string;
}

/** Exports that the Remix compiler strips from the browser build of a route module. */
const SERVER_ONLY_EXPORTS = new Set(["loader", "action", "headers"]);

export function isServerModuleSpecifier(specifier: string): boolean {
  return /\.server(\.[cm]?[jt]sx?)?$/.test(specifier);
}

/**
 * Checks the given sources. `routes` are route modules (client exports reachable code checked), `clientModules` are
 * modules that run in the browser as a whole.
 */
export function checkServerImports(input: {
  routes: SourceFile[];
  clientModules: SourceFile[];
}): ServerImportProblem[] {
  const all = [...input.routes, ...input.clientModules];
  const byName = new Map(all.map((file) => [path.resolve(file.fileName), file.text]));
  const options: ts.CompilerOptions = {
    noResolve: true,
    noLib: true,
    types: [],
    allowJs: true,
    jsx: ts.JsxEmit.ReactJSX,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
  };
  const host = ts.createCompilerHost(options);
  const originalGetSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    const text = byName.get(path.resolve(fileName));
    if (text !== undefined) return ts.createSourceFile(fileName, text, languageVersion, true);
    return originalGetSourceFile(fileName, languageVersion, onError, shouldCreate);
  };
  host.fileExists = (fileName) => byName.has(path.resolve(fileName));
  host.readFile = (fileName) => byName.get(path.resolve(fileName));
  const program = ts.createProgram([...byName.keys()], options, host);
  const checker = program.getTypeChecker();

  const problems: ServerImportProblem[] = [];
  for (const file of input.routes) {
    const source = program.getSourceFile(path.resolve(file.fileName));
    if (source) problems.push(...checkRoute(source, checker, file.fileName));
  }
  for (const file of input.clientModules) {
    const source = program.getSourceFile(path.resolve(file.fileName));
    if (source) problems.push(...checkClientModule(source, checker, file.fileName));
  }
  return problems.sort((a, b) => a.fileName.localeCompare(b.fileName) || a.line - b.line);
}

/** The non-type bindings (import specifiers, default and namespace imports) that come from `.server` modules. */
function serverBindings(source: ts.SourceFile): Map<ts.Declaration, string> {
  const bindings = new Map<ts.Declaration, string>();
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const specifier = statement.moduleSpecifier.text;
    const clause = statement.importClause;
    if (!isServerModuleSpecifier(specifier) || !clause || clause.isTypeOnly) continue;
    if (clause.name) bindings.set(clause, specifier);
    const named = clause.namedBindings;
    if (named && ts.isNamespaceImport(named)) bindings.set(named, specifier);
    if (named && ts.isNamedImports(named)) {
      for (const element of named.elements) if (!element.isTypeOnly) bindings.set(element, specifier);
    }
  }
  return bindings;
}

/** The symbol an identifier in a value position refers to, or undefined for names that are not references. */
function referencedSymbol(identifier: ts.Identifier, checker: ts.TypeChecker): ts.Symbol | undefined {
  const parent = identifier.parent;
  if (ts.isShorthandPropertyAssignment(parent) && parent.name === identifier) {
    return checker.getShorthandAssignmentValueSymbol(parent);
  }
  if (ts.isExportSpecifier(parent)) {
    if (parent.isTypeOnly || parent.parent.parent.isTypeOnly) return undefined;
    return checker.getExportSpecifierLocalTargetSymbol(parent);
  }
  if (ts.isPropertyAccessExpression(parent) && parent.name === identifier) return undefined;
  if (ts.isJsxAttribute(parent) && parent.name === identifier) return undefined;
  if (
    (ts.isPropertyAssignment(parent) || ts.isMethodDeclaration(parent) || ts.isPropertyDeclaration(parent)) &&
    parent.name === identifier
  ) {
    return undefined;
  }
  return checker.getSymbolAtLocation(identifier);
}

/** Visits every identifier in a value position under `node` (type annotations, type-only declarations skipped). */
function forEachValueIdentifier(node: ts.Node, visit: (identifier: ts.Identifier) => void): void {
  if (ts.isTypeNode(node) && !ts.isExpressionWithTypeArguments(node)) return;
  if (ts.isTypeAliasDeclaration(node) || ts.isInterfaceDeclaration(node) || ts.isImportDeclaration(node)) return;
  if (ts.isIdentifier(node)) {
    visit(node);
    return;
  }
  ts.forEachChild(node, (child) => forEachValueIdentifier(child, visit));
}

function lineOf(source: ts.SourceFile, node: ts.Node): number {
  return source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
}

function isExported(statement: ts.Statement): boolean {
  return (
    ts.canHaveModifiers(statement) &&
    (ts.getModifiers(statement) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword)
  );
}

function declaredNames(statement: ts.Statement): string[] {
  if (
    (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isEnumDeclaration(statement)) &&
    statement.name
  ) {
    return [statement.name.text];
  }
  if (ts.isVariableStatement(statement)) {
    const names: string[] = [];
    const collect = (name: ts.BindingName): void => {
      if (ts.isIdentifier(name)) names.push(name.text);
      else for (const element of name.elements) if (!ts.isOmittedExpression(element)) collect(element.name);
    };
    for (const declaration of statement.declarationList.declarations) collect(declaration.name);
    return names;
  }
  return [];
}

function checkRoute(source: ts.SourceFile, checker: ts.TypeChecker, fileName: string): ServerImportProblem[] {
  const bindings = serverBindings(source);
  if (bindings.size === 0) return [];

  // The statements the browser keeps: client exports, then whatever top-level statement they reference.
  const topLevel = new Set<ts.Statement>(source.statements);
  const queue: ts.Node[] = [];
  const reached = new Set<ts.Node>();
  const reach = (node: ts.Node): void => {
    if (reached.has(node)) return;
    reached.add(node);
    queue.push(node);
  };
  for (const statement of source.statements) {
    if (ts.isExportAssignment(statement)) reach(statement.expression);
    else if (ts.isExportDeclaration(statement)) {
      if (statement.isTypeOnly || statement.moduleSpecifier) continue;
      const clause = statement.exportClause;
      if (clause && ts.isNamedExports(clause)) {
        for (const element of clause.elements) if (!SERVER_ONLY_EXPORTS.has(element.name.text)) reach(element);
      }
    } else if (isExported(statement)) {
      const isDefault = (ts.getModifiers(statement as ts.HasModifiers) ?? []).some(
        (m) => m.kind === ts.SyntaxKind.DefaultKeyword,
      );
      const names = declaredNames(statement);
      if (isDefault || names.some((name) => !SERVER_ONLY_EXPORTS.has(name))) reach(statement);
    } else if (ts.isExpressionStatement(statement)) {
      reach(statement); // top-level code with effects runs in the browser too
    }
  }

  const problems: ServerImportProblem[] = [];
  const reported = new Set<number>();
  while (queue.length > 0) {
    const node = queue.shift()!;
    forEachValueIdentifier(node, (identifier) => {
      const symbol = referencedSymbol(identifier, checker);
      for (const declaration of symbol?.declarations ?? []) {
        const specifier = bindings.get(declaration);
        if (specifier !== undefined) {
          if (!reported.has(identifier.pos)) {
            reported.add(identifier.pos);
            problems.push({
              fileName,
              line: lineOf(source, identifier),
              message: `"${identifier.text}" comes from "${specifier}" (a .server module) and is used by browser code: it is undefined there`,
            });
          }
          continue;
        }
        let statement: ts.Node | undefined = declaration;
        while (statement && !topLevel.has(statement as ts.Statement)) statement = statement.parent;
        if (statement && statement !== node && !ts.isImportDeclaration(statement)) reach(statement);
      }
    });
  }
  return problems;
}

function checkClientModule(source: ts.SourceFile, checker: ts.TypeChecker, fileName: string): ServerImportProblem[] {
  const problems: ServerImportProblem[] = [];
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier) && !statement.importClause) {
      if (isServerModuleSpecifier(statement.moduleSpecifier.text)) {
        problems.push({
          fileName,
          line: lineOf(source, statement),
          message: `imports "${statement.moduleSpecifier.text}" (a .server module) into browser code`,
        });
      }
    }
    if (
      ts.isExportDeclaration(statement) &&
      statement.moduleSpecifier &&
      ts.isStringLiteral(statement.moduleSpecifier) &&
      !statement.isTypeOnly
    ) {
      if (isServerModuleSpecifier(statement.moduleSpecifier.text)) {
        problems.push({
          fileName,
          line: lineOf(source, statement),
          message: `re-exports "${statement.moduleSpecifier.text}" (a .server module) from browser code`,
        });
      }
    }
  }
  const bindings = serverBindings(source);
  if (bindings.size > 0) {
    forEachValueIdentifier(source, (identifier) => {
      const symbol = referencedSymbol(identifier, checker);
      const specifier = symbol?.declarations?.map((d) => bindings.get(d)).find((s) => s !== undefined);
      if (specifier !== undefined) {
        problems.push({
          fileName,
          line: lineOf(source, identifier),
          message: `"${identifier.text}" comes from "${specifier}" (a .server module) in browser code: it is undefined there`,
        });
      }
    });
  }
  return problems;
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.[jt]sx?$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/**
 * The one place where a `.server` value is undefined in the browser on purpose: the i18n catalogues, which the server
 * holds both of and the browser loads one of (app/lib/i18n/load-catalogue.ts). index.ts reads them with `?.`.
 */
const INTENDED = [{ fileName: "app/lib/i18n/index.ts", specifier: "./catalogues.server" }];

function isIntended(problem: ServerImportProblem): boolean {
  return INTENDED.some((i) => problem.fileName === i.fileName && problem.message.includes(`"${i.specifier}"`));
}

/** Checks this repository's app/ directory. */
export function checkRepository(root: string): ServerImportProblem[] {
  const read = (fileName: string): SourceFile => ({
    fileName: path.relative(root, fileName),
    text: readFileSync(fileName, "utf8"),
  });
  const isServerFile = (fileName: string) => /\.server\.[jt]sx?$/.test(fileName);
  const routes = [path.join(root, "app/root.tsx"), ...listFiles(path.join(root, "app/routes"))].filter(
    (f) => !isServerFile(f),
  );
  const clientModules = [
    ...listFiles(path.join(root, "app/components")),
    ...listFiles(path.join(root, "app/lib")),
  ].filter((f) => !isServerFile(f));
  return checkServerImports({ routes: routes.map(read), clientModules: clientModules.map(read) }).filter(
    (p) => !isIntended(p),
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
  const problems = checkRepository(root);
  for (const problem of problems) console.error(`${problem.fileName}:${problem.line}: ${problem.message}`);
  if (problems.length > 0) {
    console.error(
      `\n${problems.length} use(s) of .server values in browser code. Move the value to a module without .server.`,
    );
    process.exit(1);
  }
  console.log("check-server-imports: no .server value reaches browser code");
}
