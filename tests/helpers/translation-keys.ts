import fs from "node:fs";
import path from "node:path";
import ts from "typescript";

// Finds, without running or type-checking anything, every translation key the code asks i18next
// for: t("key") with the namespace its t was made for (getT, useTranslation, getFixedT), any
// "ns:key" literal (zod messages, keys handed on to be translated later), and <Trans i18nKey>.
// A key built from a template (`roles.${role}`) is returned as a pattern with the text of each
// ${…}, for the test to resolve from the enumeration it stands for.

export type KeyUse = {
  file: string;
  line: number;
  /** Namespaces the key may belong to: one when known, those of the file when t came in as a parameter. */
  namespaces: string[];
  /** The key; for a template, the parts between the holes. */
  parts: string[];
  /** Source text of each ${…} (parts.length === holes.length + 1). */
  holes: string[];
  /** i18next may add _one/_other (count) or _<context> to the key. */
  suffixed: boolean;
};

const T_NAME = /^t[a-z]{0,2}$|^common$/;

export function sourceFiles(dirs: string[]): string[] {
  return dirs.flatMap((dir) =>
    (fs.readdirSync(dir, { recursive: true }) as string[])
      .filter((f) => /\.tsx?$/.test(f) && !f.endsWith(".d.ts") && !f.split(path.sep).includes("generated"))
      .map((f) => path.join(dir, f)),
  );
}

const stringOf = (node: ts.Node | undefined): string | undefined =>
  node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) ? node.text : undefined;

const unwrap = (node: ts.Expression): ts.Expression =>
  ts.isAwaitExpression(node) || ts.isParenthesizedExpression(node) || ts.isAsExpression(node) ? unwrap(node.expression) : node;

/** The namespace a call such as getT("x"), useTranslation(["x", "y"]) or i18n.getFixedT(l, "x") makes a t for. */
function namespaceMadeBy(node: ts.Expression): string | undefined {
  const call = unwrap(node);
  if (!ts.isCallExpression(call)) return undefined;
  const callee = call.expression;
  const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : "";
  const arg = name === "getFixedT" ? call.arguments[1] : call.arguments[0];
  if (name !== "getT" && name !== "useTranslation" && name !== "getFixedT") return undefined;
  if (arg && ts.isArrayLiteralExpression(arg)) return stringOf(arg.elements[0]);
  return stringOf(arg) ?? (name === "getT" && !arg ? "common" : undefined);
}

function collectBindings(file: ts.SourceFile): Map<string, string> {
  const bound = new Map<string, string>();
  const bind = (name: ts.BindingName | ts.Expression, init: ts.Expression) => {
    const value = unwrap(init);
    if (ts.isIdentifier(name)) {
      const ns = namespaceMadeBy(value);
      if (ns) bound.set(name.text, ns);
    } else if (ts.isObjectBindingPattern(name)) {
      const ns = namespaceMadeBy(value);
      for (const el of name.elements) {
        const prop = el.propertyName && ts.isIdentifier(el.propertyName) ? el.propertyName.text : ts.isIdentifier(el.name) ? el.name.text : "";
        if (ns && prop === "t" && ts.isIdentifier(el.name)) bound.set(el.name.text, ns);
      }
    } else if (ts.isArrayBindingPattern(name) && ts.isCallExpression(value) && value.arguments[0] && ts.isArrayLiteralExpression(value.arguments[0])) {
      const items = value.arguments[0].elements;
      name.elements.forEach((el, i) => {
        const ns = items[i] ? namespaceMadeBy(items[i]) : undefined;
        if (ns && ts.isBindingElement(el) && ts.isIdentifier(el.name)) bound.set(el.name.text, ns);
      });
    }
  };
  const visit = (node: ts.Node) => {
    if (ts.isVariableDeclaration(node) && node.initializer) bind(node.name, node.initializer);
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isIdentifier(node.left)) bind(node.left, node.right);
    ts.forEachChild(node, visit);
  };
  visit(file);
  return bound;
}

type Pattern = { parts: string[]; holes: string[] };

/** Every key an argument can be: both sides of a ?: or ??, each literal, each template. */
function patternsOf(node: ts.Expression, file: ts.SourceFile): Pattern[] {
  const n = unwrap(node);
  const text = stringOf(n);
  if (text !== undefined) return [{ parts: [text], holes: [] }];
  if (ts.isTemplateExpression(n)) {
    return [{ parts: [n.head.text, ...n.templateSpans.map((s) => s.literal.text)], holes: n.templateSpans.map((s) => s.expression.getText(file)) }];
  }
  if (ts.isConditionalExpression(n)) return [...patternsOf(n.whenTrue, file), ...patternsOf(n.whenFalse, file)];
  if (ts.isBinaryExpression(n) && [ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.BarBarToken].includes(n.operatorToken.kind)) {
    return [...patternsOf(n.left, file), ...patternsOf(n.right, file)];
  }
  return [];
}

function splitNamespace(p: Pattern, namespaces: ReadonlySet<string>): { ns?: string; pattern: Pattern } {
  const m = /^([a-z]+):/.exec(p.parts[0]);
  if (m && namespaces.has(m[1])) return { ns: m[1], pattern: { parts: [p.parts[0].slice(m[0].length), ...p.parts.slice(1)], holes: p.holes } };
  return { pattern: p };
}

function hasOption(arg: ts.Expression | undefined, names: string[]): boolean {
  return !!arg && ts.isObjectLiteralExpression(arg) && arg.properties.some((p) => p.name && ts.isIdentifier(p.name) && names.includes(p.name.text));
}

export function findKeyUses(fileName: string, namespaces: readonly string[]): KeyUse[] {
  const file = ts.createSourceFile(fileName, fs.readFileSync(fileName, "utf8"), ts.ScriptTarget.Latest, true, fileName.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const known = new Set(namespaces);
  const bound = collectBindings(file);
  const fileNamespaces = [...new Set(bound.values())];
  const uses: KeyUse[] = [];
  const seen = new Set<ts.Node>();
  const add = (node: ts.Node, p: Pattern, fallback: string[], suffixed: boolean) => {
    const { ns, pattern } = splitNamespace(p, known);
    const line = file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1;
    uses.push({ file: fileName, line, namespaces: ns ? [ns] : fallback, ...pattern, suffixed });
  };
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && (bound.has(node.expression.text) || T_NAME.test(node.expression.text)) && node.arguments[0]) {
      const own = bound.get(node.expression.text);
      const fallback = own ? [own] : fileNamespaces.length ? fileNamespaces : [...namespaces];
      const suffixed = hasOption(node.arguments[1], ["count", "context"]);
      for (const p of patternsOf(node.arguments[0], file)) add(node, p, fallback, suffixed);
      markLiterals(node.arguments[0], seen);
    }
    if (ts.isJsxAttribute(node) && node.name.getText(file) === "i18nKey" && node.initializer) {
      const init = ts.isJsxExpression(node.initializer) ? node.initializer.expression : node.initializer;
      if (init) for (const p of patternsOf(init as ts.Expression, file)) add(node, p, fileNamespaces.length ? fileNamespaces : [...namespaces], false);
      markLiterals(node.initializer, seen);
    }
    // A "ns:key" anywhere else: a zod message, a key kept to be translated later.
    if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node)) && !seen.has(node)) {
      const [p] = patternsOf(node as ts.Expression, file);
      const split = p && splitNamespace(p, known);
      if (split?.ns && /^[A-Za-z][\w.-]*$/.test(split.pattern.parts.join("x"))) add(node, p, [], false);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return uses;
}

function markLiterals(node: ts.Node, seen: Set<ts.Node>) {
  seen.add(node);
  ts.forEachChild(node, (child) => markLiterals(child, seen));
}
