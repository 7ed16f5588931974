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
}

const SCRIPT_BLOCK = /<script\b[^>]*>([\s\S]*?)<\/script>/g;

/** The code a file's imports are read from: the whole of a .ts file, every <script> block of a .svelte file. */
function codeOf(file: SourceFile): string {
  if (!file.path.endsWith('.svelte')) return file.text;
  return [...file.text.matchAll(SCRIPT_BLOCK)].map((m) => m[1]).join('\n');
}

/**
 * Every relative import (static, dynamic, `export … from`, type-only too) resolved to a file of `files`. A type-only
 * import counts: it is erased at run time, but a cycle of types is still two modules that cannot be read apart.
 * Package imports and `?url`/`?worker` suffixes are left out or stripped; an import that resolves to no known file
 * is ignored (assets, JSON, virtual modules).
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
    const info = ts.preProcessFile(codeOf(file), true, true);
    for (const ref of info.importedFiles) {
      if (!ref.fileName.startsWith('.')) continue;
      const to = resolve(file.path, ref.fileName);
      if (to !== undefined && to !== file.path) edges.push({ from: file.path, to });
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
