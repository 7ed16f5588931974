// The import graph of the app's own modules (src/**/*.ts and the <script> blocks of src/**/*.svelte), its cycles,
// and the layering rule that domain/ imports nothing outside domain/: what `npm run lint:imports` checks.
import { dirname, join, normalize, relative } from 'node:path';
import ts from 'typescript';

/** One module: its path relative to the repository root (forward slashes) and its source text. */
export interface SourceFile {
  path: string;
  text: string;
}

/** An import of one module by another, both paths relative to the repository root. */
export interface ImportEdge {
  from: string;
  to: string;
  /** Only types are imported: erased at run time, so no part in module start-up order. */
  typeOnly?: boolean;
}

const SCRIPT_BLOCK = /<script\b[^>]*>([\s\S]*?)<\/script>/g;

/** The code a file's imports are read from: the whole of a .ts file, every <script> block of a .svelte file. */
function codeOf(file: SourceFile): string {
  if (!file.path.endsWith('.svelte')) return file.text;
  return [...file.text.matchAll(SCRIPT_BLOCK)].map((m) => m[1]).join('\n');
}

/** The module specifiers a file imports, each marked when the import is of types only (erased at run time). */
function specifiersOf(code: string): { spec: string; typeOnly: boolean }[] {
  const source = ts.createSourceFile('x.ts', code, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const out: { spec: string; typeOnly: boolean }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const bindings = clause?.namedBindings;
      const allNamedTypes = bindings !== undefined && ts.isNamedImports(bindings) && bindings.elements.length > 0 && bindings.elements.every((e) => e.isTypeOnly);
      const typeOnly = clause !== undefined && (clause.isTypeOnly || (clause.name === undefined && allNamedTypes));
      out.push({ spec: node.moduleSpecifier.text, typeOnly });
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.exportClause;
      const allNamedTypes = clause !== undefined && ts.isNamedExports(clause) && clause.elements.length > 0 && clause.elements.every((e) => e.isTypeOnly);
      out.push({ spec: node.moduleSpecifier.text, typeOnly: node.isTypeOnly || allNamedTypes });
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) {
      out.push({ spec: node.arguments[0].text, typeOnly: false });
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      out.push({ spec: node.argument.literal.text, typeOnly: true });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

/**
 * Every relative import (static, dynamic, `export … from`, type-only too, marked `typeOnly`) resolved to a file of
 * `files`. Package imports and `?url`/`?worker` suffixes are left out or stripped; an import that resolves to no
 * known file is ignored (assets, JSON, virtual modules).
 */
export function importEdges(files: readonly SourceFile[]): ImportEdge[] {
  const known = new Set(files.map((f) => f.path));
  const resolve = (from: string, spec: string): string | undefined => {
    const bare = spec.replace(/\?.*$/, '');
    const base = normalize(join(dirname(from), bare)).split('\\').join('/');
    for (const candidate of [base, `${base}.ts`, `${base}/index.ts`, base.replace(/\.js$/, '.ts')]) {
      if (known.has(candidate)) return candidate;
    }
    return undefined;
  };
  const edges: ImportEdge[] = [];
  for (const file of files) {
    for (const { spec, typeOnly } of specifiersOf(codeOf(file))) {
      if (!spec.startsWith('.')) continue;
      const to = resolve(file.path, spec);
      if (to !== undefined && to !== file.path) edges.push({ from: file.path, to, ...(typeOnly ? { typeOnly } : {}) });
    }
  }
  return edges;
}

/** The import cycles: each strongly connected component of more than one module (Tarjan), its members sorted. */
export function importCycles(edges: readonly ImportEdge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const e of edges) {
    if (!next.has(e.from)) next.set(e.from, []);
    if (!next.has(e.to)) next.set(e.to, []);
    next.get(e.from)!.push(e.to);
  }
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  let counter = 0;
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter);
    counter++;
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v)!) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) cycles.push(component.sort());
    }
  };
  for (const v of [...next.keys()].sort()) if (!index.has(v)) visit(v);
  return cycles;
}

/** Imports that break the layering: a module under `layerDir` importing one outside it. */
export function layerViolations(edges: readonly ImportEdge[], layerDir: string): ImportEdge[] {
  const inside = (p: string): boolean => !relative(layerDir, p).startsWith('..');
  return edges.filter((e) => inside(e.from) && !inside(e.to));
}
